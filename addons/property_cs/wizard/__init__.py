from . import property_ticket_assign
from . import property_ticket_reply
