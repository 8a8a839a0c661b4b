from . import report_emergency_contacts
from . import report_collection_monthly
from . import report_renovation
