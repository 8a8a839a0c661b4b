# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .property_vote_ballot import BALLOT_CHANNELS, BALLOT_CHOICES


class PropertyVoteBallotChange(models.Model):
    """One recorded choice of a ballot (issue 16: changes before the close
    are recorded): when, through which channel, the choice that counted
    before and the new one, who cast it and who entered it. Rows are only
    created by ``property.vote.ballot._record_choice``; nobody edits them."""

    _name = "property.vote.ballot.change"
    _description = "Ballot History"
    _order = "date desc, id desc"

    ballot_id = fields.Many2one(
        "property.vote.ballot", required=True, index=True, ondelete="cascade"
    )
    vote_id = fields.Many2one(
        related="ballot_id.vote_id", store=True, index=True, string="Vote"
    )
    project_id = fields.Many2one(related="ballot_id.project_id", store=True)
    company_id = fields.Many2one(related="ballot_id.company_id", store=True)
    unit_id = fields.Many2one(related="ballot_id.unit_id", store=True, index=True)
    date = fields.Datetime(required=True, readonly=True)
    channel = fields.Selection(BALLOT_CHANNELS, required=True, readonly=True)
    old_channel = fields.Selection(
        BALLOT_CHANNELS, string="Previous Channel", readonly=True
    )
    old_choice = fields.Selection(
        BALLOT_CHOICES,
        string="Previous Choice",
        readonly=True,
        help="The choice that counted before; empty for the first one.",
    )
    new_choice = fields.Selection(BALLOT_CHOICES, required=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Voter", readonly=True)
    proxy_partner_id = fields.Many2one("res.partner", string="Proxy", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        help="The portal user who confirmed the e-ballot, or the user whose "
        "paper entry completed the double entry.",
    )
    note = fields.Char(readonly=True)
