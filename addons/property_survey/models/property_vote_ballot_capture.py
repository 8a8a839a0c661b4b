# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .property_vote_ballot import BALLOT_CHOICES


class PropertyVoteBallot(models.Model):
    """Ballot capture (issue 16): a ballot cast in the portal waits for the
    voter's confirmation in the pending fields (a counted ballot keeps
    counting with its recorded choice meanwhile); every recorded choice,
    first or changed, from the portal or from paper, leaves a history row.
    Only :meth:`_record_choice` makes a ballot count."""

    _inherit = "property.vote.ballot"

    pending_choice = fields.Selection(
        BALLOT_CHOICES,
        string="Choice to Confirm",
        readonly=True,
        help="Cast in the portal and not confirmed yet: it does not count.",
    )
    pending_partner_id = fields.Many2one(
        "res.partner",
        string="Cast by (to Confirm)",
        readonly=True,
        help="The person who cast the choice to confirm; only they can confirm it.",
    )
    date_pending = fields.Datetime(string="Cast On (to Confirm)", readonly=True)
    date_recorded = fields.Datetime(
        string="Recorded On",
        readonly=True,
        help="When the choice that counts was recorded.",
    )
    change_ids = fields.One2many(
        "property.vote.ballot.change", "ballot_id", string="History", readonly=True
    )

    def _record_choice(self, choice, channel, voter, proxy_partner=False, note=False):
        """Make ``choice`` the counted choice of each ballot, cast through
        ``channel`` by ``voter`` (the owner) or their ``proxy_partner``, and
        add a history row (when, which channel, old and new choice, who
        recorded it). The latest recorded choice counts, whatever its channel.
        Callers check that the vote is open and who may cast."""
        now = fields.Datetime.now()
        Change = self.env["property.vote.ballot.change"].sudo()
        for ballot in self.sudo():
            counted = ballot.state == "valid"
            Change.create(
                {
                    "ballot_id": ballot.id,
                    "date": now,
                    "channel": channel,
                    "old_channel": ballot.channel if counted else False,
                    "old_choice": ballot.choice if counted else False,
                    "new_choice": choice,
                    "partner_id": voter.id,
                    "proxy_partner_id": proxy_partner and proxy_partner.id,
                    "user_id": self.env.uid,
                    "note": note,
                }
            )
            ballot.write(
                {
                    "choice": choice,
                    "channel": channel,
                    "partner_id": voter.id,
                    "proxy_partner_id": proxy_partner and proxy_partner.id,
                    "state": "valid",
                    "date_recorded": now,
                    "pending_choice": False,
                    "pending_partner_id": False,
                    "date_pending": False,
                }
            )
        return self
