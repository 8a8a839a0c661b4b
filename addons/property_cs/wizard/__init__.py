from . import property_ticket_assign
