# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from .constants import HANDLED_STATES


class PropertyTicket(models.Model):
    """Rules of particular kinds of tickets: a rejected suggestion needs a
    reasoned reply, due within the company's days (A7); a safety incident
    closes only with the time it was reported to the authorities (A9)."""

    _inherit = "property.ticket"

    suggestion_decision = fields.Selection(
        [("accepted", "Accepted"), ("rejected", "Rejected")], tracking=True
    )
    owner_reply = fields.Text(
        string="Reasoned Reply",
        tracking=True,
        help="The explanation given to the owner, with the reason.",
    )
    date_reply_due = fields.Datetime(
        string="Reply Due",
        compute="_compute_date_reply_due",
        store=True,
    )
    date_authority_reported = fields.Datetime(
        string="Reported to Authorities",
        tracking=True,
        help="When the incident was reported to the police, fire brigade or "
        "other authority; required to close a safety incident.",
    )

    @api.depends("kind", "date_reported", "company_id.property_suggestion_reply_days")
    def _compute_date_reply_due(self):
        for ticket in self:
            days = ticket.company_id.property_suggestion_reply_days
            ticket.date_reply_due = (
                ticket.date_reported + timedelta(days=days)
                if ticket.kind == "suggestion" and ticket.date_reported and days
                else False
            )

    def _stage_blockers(self, state, vals=None):
        """A safety incident needs the time it was reported to the
        authorities to close (A9); a rejected suggestion needs a reasoned
        reply to be done or closed (A7)."""
        vals = vals or {}
        blockers = super()._stage_blockers(state, vals)
        for ticket in self:
            reasons = []
            if (
                state == "closed"
                and ticket.kind == "safety"
                and not vals.get(
                    "date_authority_reported", ticket.date_authority_reported
                )
            ):
                reasons.append(
                    self.env._(
                        "the time the safety incident was reported to the "
                        "authorities is not recorded"
                    )
                )
            if (
                state in HANDLED_STATES
                and ticket.kind == "suggestion"
                and vals.get("suggestion_decision", ticket.suggestion_decision)
                == "rejected"
                and not vals.get("owner_reply", ticket.owner_reply)
            ):
                reasons.append(
                    self.env._("the rejected suggestion has no reasoned reply")
                )
            if reasons:
                blockers.setdefault(ticket.id, []).extend(reasons)
        return blockers
