# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

VOTE_STATES = [
    ("draft", "Draft"),
    ("open", "Voting"),
    ("closed", "Closed"),
    ("published", "Result Published"),
]


class PropertyVote(models.Model):
    """A formal owners' vote (业主表决) on one matter of a project: owners
    cast one ballot per exclusive part, the result counts participation and
    the choices by exclusive area and by headcount against the thresholds of
    the matter type (Civil Code Art. 278, domain_standards G1)."""

    _name = "property.vote"
    _description = "Owners' Vote"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Matter", required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    matter_type_id = fields.Many2one(
        "property.vote.matter.type", required=True, tracking=True
    )
    state = fields.Selection(
        VOTE_STATES, required=True, default="draft", readonly=True, tracking=True
    )
    date_start = fields.Datetime(string="Voting Opens", tracking=True)
    date_end = fields.Datetime(string="Voting Closes", tracking=True)
    scrutineer_ids = fields.Many2many(
        "res.partner",
        string="Scrutineers",
        help="Committee members or owners appointed to supervise the count; "
        "only they see individual ballots while the vote runs.",
    )
    ballot_ids = fields.One2many("property.vote.ballot", "vote_id", string="Ballots")
