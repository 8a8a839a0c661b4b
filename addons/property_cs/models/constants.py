# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Names shared by the models, wizards and controllers of property_cs, in
one place: the security groups' xml ids, the sets of ticket and callback
states, and the selections used by more than one model. No model here."""

# security groups (xml ids)
GROUP_AGENT = "property_cs.group_property_cs_agent"
GROUP_DEPARTMENT = "property_cs.group_property_cs_department"
GROUP_SUPERVISOR = "property_cs.group_property_cs_supervisor"
GROUP_MANAGER = "property_cs.group_property_cs_manager"
GROUP_HEAD_OFFICE = "property_cs.group_property_cs_head_office"
GROUP_FINANCE = "property_cs.group_property_cs_finance"
GROUP_SURVEYOR = "property_cs.group_property_cs_surveyor"
GROUP_SPECIAL_NEEDS = "property_cs.group_property_cs_special_needs"
# every staff group that reads tickets (supervisors, managers and
# administrators imply the agent group): the ticket's internal handling
# data (SLA clock, escalations, owner context) is for them, never for the
# owner reading their ticket in the portal or over RPC
STAFF_GROUPS = ",".join(
    (
        GROUP_AGENT,
        GROUP_DEPARTMENT,
        GROUP_FINANCE,
        GROUP_SURVEYOR,
        GROUP_SPECIAL_NEEDS,
        GROUP_HEAD_OFFICE,
    )
)

# ticket states
OPEN_STATES = ("new", "dispatched", "in_progress", "paused")
# states in which the SLA clock runs (paused stops it, D-7)
CLOCK_STATES = ("new", "dispatched", "in_progress")
# states that end the handling
HANDLED_STATES = ("done", "closed")

# callback states still to be worked
OPEN_CALLBACK_STATES = ("pending", "in_progress")

# the steps of a complaint in order (D-16); there is no "invalid" or
# "rejected" step: every complaint is handled (D-18)
COMPLAINT_STEPS = [
    ("received", "Received"),
    ("confirmed", "Confirmed"),
    ("investigated", "Investigated"),
    ("plan", "Recovery Plan"),
    ("replied", "Replied"),
    ("recovered", "Recovered"),
    ("callback", "Called Back"),
    ("summarized", "Summarised and Archived"),
]
# the steps before the reply to the owner: the reply deadline runs (A5)
REPLY_PENDING_STEPS = ("received", "confirmed", "investigated", "plan")
COMPLAINT_SEVERITIES = [
    ("minor", "Minor"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]

# files the owner-facing forms accept (company settings choose the set)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
UPLOAD_TYPE_SETS = {
    "images": IMAGE_TYPES,
    "images_pdf": (*IMAGE_TYPES, "application/pdf"),
}
UPLOAD_TYPES = [
    ("images", "Photos"),
    ("images_pdf", "Photos and PDF Documents"),
]

# what a deadline of the deadline engine is for (each owning model adds its
# targets here, so that the lists and reports name them in one selection)
DEADLINE_TARGETS = [
    ("commit", "Commitment"),
    ("arrival", "Arrival"),
    ("close", "Closure"),
    ("reply", "Complaint Reply"),
    ("task", "Recovery Task"),
    ("collection", "Collection Step"),
    ("promise", "Promise to Pay"),
    ("rectification", "Rectification"),
    ("warranty", "Warranty Defect"),
    ("register", "Register Reply"),
    ("fund", "Fund Decision"),
]
DEADLINE_STATES = [
    ("running", "Running"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("cancelled", "No Longer Due"),
]
# the steps of a deadline: a warning before it, the breach at it, then the
# escalation ladder after it
DEADLINE_STEPS = [
    ("warning", "Warning"),
    ("supervisor", "Supervisor"),
    ("manager", "Project Manager"),
    ("head_office", "Head Office"),
]

# what a unit is used for (fee standards are set per use type)
UNIT_USE_TYPES = [
    ("residential", "Residential"),
    ("office", "Office"),
    ("commercial", "Commercial"),
    ("storage", "Storage"),
    ("other", "Other"),
]

# the steps of fee collection, a closed list in the order of the law's
# path: demand, a reasonable period, then court or arbitration (E2); no step
# touches utilities, access, elevators or parking (E1)
COLLECTION_STEPS = [
    ("reminder", "Reminder Message"),
    ("notice", "Written Notice"),
    ("call", "Phone Call"),
    ("visit", "Visit"),
    ("lawyer", "Lawyer's Letter"),
    ("litigation", "Litigation or Arbitration"),
]
# the steps after the written notice: taken only with the unit's open
# service matters acknowledged, and not while a complaint holds the case
COLLECTION_STEPS_AFTER_NOTICE = ("call", "visit", "lawyer", "litigation")
# the steps only a project manager hands over
COLLECTION_STEPS_MANAGER = ("lawyer", "litigation")
COLLECTION_CHANNELS = [
    ("sms", "Text Message"),
    ("mail", "Email"),
    ("portal", "Portal Message"),
    ("letter", "Letter Delivered by Hand"),
    ("post", "Registered Post"),
    ("phone", "Phone"),
    ("visit", "Visit in Person"),
    ("lawyer", "Law Firm"),
    ("court", "Court or Arbitration"),
]
COLLECTION_OUTCOMES = [
    ("delivered", "Delivered"),
    ("no_contact", "Not Reached"),
    ("promised", "Promised to Pay"),
    ("refused", "Refused to Pay"),
    ("disputed", "Disputes the Bill"),
    ("paid", "Paid"),
]
# outcomes that reached the debtor: each such demand interrupts the
# limitation period (E3)
COLLECTION_DEMAND_OUTCOMES = ("delivered", "promised", "refused", "disputed", "paid")

# renovation permits (D-20): the permit's life from application to deposit
RENOVATION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("engineering", "Engineering Review"),
    ("changes", "Changes Requested"),
    ("approval", "Awaiting Approval"),
    ("approved", "Works Permitted"),
    ("stopped", "Work Stopped"),
    ("completion", "Awaiting Acceptance"),
    ("accepted", "Accepted"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
# the states in which works may go on or are being finished on site
RENOVATION_ACTIVE_STATES = ("approved", "stopped", "completion")
RENOVATION_DOCUMENT_TYPES = [
    ("title_proof", "Proof of Title"),
    ("applicant_id", "Applicant's ID"),
    ("plan", "Renovation Plan"),
    ("structural_design", "Structural Design by a Qualified Designer"),
    ("contractor_qualification", "Contractor's Qualification"),
    ("owner_consent", "Owner's Written Consent"),
    ("other", "Other"),
]
# the states from which the permit, worker passes and building notice are
# printed (works permitted, stopped or done)
RENOVATION_PRINT_STATES = ("approved", "stopped", "completion", "accepted", "closed")

# renovation works (renoworks): inspections, violations, acceptance
RENOVATION_INSPECTION_KINDS = [
    ("patrol", "Patrol"),
    ("acceptance", "Completion Acceptance"),
]
RENOVATION_CHECK_RESULTS = [
    ("not_checked", "Not Checked"),
    ("ok", "OK"),
    ("violation", "Violation"),
]
# the shared parts checked at acceptance besides the prohibited works
RENOVATION_COMMON_AREA_ITEMS = [
    ("corridor", "Corridor, stairs and lift lobby clean and undamaged"),
    ("lift", "Lift car and doors undamaged"),
    ("facade", "Facade, exterior walls and windows unchanged"),
    ("shafts", "Shared pipes, shafts and meters intact and accessible"),
    ("fire", "Fire equipment and escape routes unobstructed"),
    ("waste", "Renovation waste removed"),
]
# a closed list: what an inspector may find (domain_standards D4, D5)
RENOVATION_VIOLATION_TYPES = [
    ("structural", "Prohibited Structural Work"),
    ("waterproofing", "Waterproofing"),
    ("hours", "Work Outside Permitted Hours"),
    ("waste", "Waste Disposal"),
    ("common_area", "Damage to Common Areas"),
    ("fire_safety", "Fire Safety"),
    ("other", "Other"),
]
RENOVATION_VIOLATION_STATES = [
    ("open", "To Rectify"),
    ("answered", "Answered by the Owner"),
    ("rectified", "Rectified"),
    ("verified", "Verified"),
]
