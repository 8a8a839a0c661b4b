# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

BALLOT_CHOICES = [("yes", "For"), ("no", "Against"), ("abstain", "Abstain")]
BALLOT_CHANNELS = [("portal", "Portal E-Ballot"), ("paper", "Paper Ballot")]
BALLOT_STATES = [
    ("draft", "To Confirm"),
    ("valid", "Counted"),
    ("void", "Void"),
]


class PropertyVoteBallot(models.Model):
    """The ballot of one exclusive part (unit) in an owners' vote: co-owners
    of the unit cast one ballot between them; only counted ballots enter
    the result."""

    _name = "property.vote.ballot"
    _description = "Owners' Vote Ballot"
    _inherit = ["mail.thread"]
    _order = "vote_id, unit_id"

    vote_id = fields.Many2one(
        "property.vote", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="vote_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Voter", required=True, index=True, tracking=True
    )
    proxy_partner_id = fields.Many2one("res.partner", string="Proxy", tracking=True)
    choice = fields.Selection(BALLOT_CHOICES, tracking=True)
    channel = fields.Selection(BALLOT_CHANNELS, required=True, default="portal")
    state = fields.Selection(
        BALLOT_STATES, required=True, default="draft", readonly=True, tracking=True
    )

    _sql_constraints = [
        (
            "vote_unit_unique",
            "unique(vote_id, unit_id)",
            "A unit has one ballot per vote.",
        )
    ]
