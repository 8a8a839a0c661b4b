# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

HEADCOUNT_RULES = [
    ("buyer_once", "One per Owner (Several Units Count Once)"),
    ("per_part", "One per Unit"),
]
COOWNER_RULES = [
    ("any_last", "Any Co-Owner, the Last Ballot Counts"),
    ("representative", "Designated Representative Only"),
]
# the shortest display of a vote result (domain_standards G1 publication;
# notices' own minimum applies on top)
MIN_VOTE_DISPLAY_DAYS = 30


class PropertyProject(models.Model):
    """How a project counts its owners' votes (Civil Code Art. 278,
    domain_standards G1; Supreme People's Court interpretation on building
    division ownership, Art. 8-9):

    - The area of an exclusive part is the unit's area from the register
      (``property.unit.area``).
    - The headcount is one per exclusive part; the developer's unsold or
      undelivered parts count as one owner; a buyer of several parts counts
      as one ("buyer_once", the judicial interpretation's rule, default) or
      once per part ("per_part", where local rules say so).
    - Co-owners of a unit cast one ballot between them: any co-owner, the
      last ballot counts ("any_last", default), or only the co-owner
      designated as the unit's representative ("representative").
    - A published result stays on display at least 30 days (never less).

    A vote copies these settings when it is created and freezes them when
    it opens (models/property_vote.py)."""

    _inherit = "property.project"

    property_vote_headcount_rule = fields.Selection(
        HEADCOUNT_RULES,
        string="Vote Headcount",
        required=True,
        default="buyer_once",
        help="How owners are counted in a vote. One per owner: an owner of "
        "several units counts once (the rule of the Supreme People's Court's "
        "interpretation). One per unit: each unit counts once. In both, the "
        "developer's unsold or undelivered units count as one owner.",
    )
    property_vote_coowner_rule = fields.Selection(
        COOWNER_RULES,
        string="Co-Owners' Ballot",
        required=True,
        default="any_last",
        help="Co-owners of a unit cast one ballot between them: either any "
        "co-owner votes for the unit and the last ballot recorded counts, or "
        "only the co-owner designated as the unit's vote representative.",
    )
    property_vote_display_days = fields.Integer(
        string="Vote Result Display (Days)",
        default=MIN_VOTE_DISPLAY_DAYS,
        help="The published result of a vote stays on display at least this "
        "many days (30 or more).",
    )
    property_vote_ids = fields.One2many("property.vote", "project_id")
    property_vote_count = fields.Integer(
        string="Owners' Votes", compute="_compute_property_vote_count"
    )

    @api.constrains("property_vote_display_days")
    def _check_property_vote_display_days(self):
        for project in self:
            if project.property_vote_display_days < MIN_VOTE_DISPLAY_DAYS:
                raise ValidationError(
                    self.env._(
                        "A vote result stays on display at least %(days)s days.",
                        days=MIN_VOTE_DISPLAY_DAYS,
                    )
                )

    def _compute_property_vote_count(self):
        Vote = self.env["property.vote"]
        counts = {}
        if Vote.has_access("read"):
            counts = dict(
                Vote._read_group(
                    [("project_id", "in", self.ids)], ["project_id"], ["__count"]
                )
            )
        for project in self:
            project.property_vote_count = counts.get(project, 0)

    def action_view_property_votes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_vote_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
