from . import property_ticket_assign
from . import property_ticket_reply
from . import property_ticket_promise_wizard
from . import property_callback_call
from . import property_callback_care
from . import property_callback_reassign
from . import property_complaint_onsite
from . import property_complaint_withdraw
from . import property_fapiao_record
from . import property_collection_report_wizard

# renovation: application and review
from . import property_renovation_decision
from . import property_renovation_sign
from . import property_notice_publish

# move-in
from . import property_movein_slot_generate
from . import property_handover_book
from . import property_handover_sign

# developer relations: hand-off of a ticket and the steps of a defect
from . import property_warranty_handoff
from . import property_warranty_defect_step

# community events: staff register a household (phone, walk-in)
from . import property_event_register
from . import property_event_feedback
