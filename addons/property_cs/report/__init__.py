from . import report_emergency_contacts
