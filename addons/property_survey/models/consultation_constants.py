# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Names shared by the models, wizard and controller of owner consultations
(意见征询), in one place. No model here."""

from odoo.addons.property_cs.models.constants import GROUP_AGENT, GROUP_HEAD_OFFICE

# who runs consultations: the staff of the project (agents and up) and head
# office; fields meant for them only carry these groups (owners read their
# consultations over the portal record rules)
STAFF_GROUPS = f"{GROUP_AGENT},{GROUP_HEAD_OFFICE}"

CONSULTATION_KINDS = [
    ("service_change", "Proposed Change of Service"),
    ("paid_service", "Paid Service"),
    ("common_renovation", "Renovation of a Common Part"),
    ("public_income", "Use of Public Income"),
    ("other", "Other Matter"),
]
CONSULTATION_STATES = [
    ("draft", "Draft"),
    ("open", "Answering"),
    ("closed", "Closed"),
    ("published", "Published"),
]
CONSULTATION_SCOPES = [
    ("all", "All Owners"),
    ("buildings", "Owners of Some Buildings"),
    ("sample", "Random Sample of Owners"),
]
# the states in which the owners addressed see the consultation
PORTAL_STATES = ("open", "closed", "published")
ANSWER_CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper Sheet"),
    ("phone", "Phone Call"),
]
ANSWER_STATES = [
    ("none", "Not Answered"),
    ("in_progress", "In Progress"),
    ("done", "Answered"),
]
RESULT_DIMENSIONS = [
    ("overall", "All Recipients"),
    ("building", "Building"),
    ("owner_type", "Owner Type"),
]
# question types counted per suggested answer, averaged, or only counted
CHOICE_TYPES = ("simple_choice", "multiple_choice")
VALUE_TYPES = {"scale": "value_scale", "numerical_box": "value_numerical_box"}
COUNTED_TYPES = ("text_box", "char_box", "date", "datetime")
OPEN_ANSWER_TYPES = ("text_box", "char_box")
