# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COOWNER_RULES = [
    ("any_last", "Any Co-Owner, the Last Ballot Counts"),
    ("representative", "Designated Representative Only"),
]


class PropertyProject(models.Model):
    """Stand-in, for ballot capture alone, of the vote engine's co-owner
    rule setting (part E1 defines the same field in
    models/property_project_vote.py, with the other vote settings).
    Identical definition: once both parts are merged this file can go."""

    _inherit = "property.project"

    property_vote_coowner_rule = fields.Selection(
        COOWNER_RULES,
        string="Co-Owners' Ballot",
        required=True,
        default="any_last",
        help="Co-owners of a unit cast one ballot between them: either any "
        "co-owner votes for the unit and the last ballot recorded counts, or "
        "only the co-owner designated as the unit's vote representative.",
    )
