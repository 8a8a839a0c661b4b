# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .constants import GROUP_SUPERVISOR, STAFF_GROUPS


class PropertyTicket(models.Model):
    """A complaint is never dismissed as invalid (D-18): it ends through its
    steps (D-16), or the owner withdraws it. Cancelling a complaint is
    refused, except the owner's withdrawal recorded in their own words by a
    supervisor, who approves it; an agent asks a supervisor."""

    _inherit = "property.ticket"

    complaint_withdrawal_words = fields.Text(
        string="Owner's Withdrawal",
        readonly=True,
        copy=False,
        groups=STAFF_GROUPS,
        help="The owner's own words withdrawing the complaint, recorded by "
        "the supervisor who approved the withdrawal.",
    )

    def _ticket_write_hooks(self):
        """The owner's withdrawal is recorded only with the cancellation."""
        return super()._ticket_write_hooks() + [
            (5, ("complaint_withdrawal_words",), "_complaint_check_withdrawal"),
        ]

    def _stage_blockers(self, state, vals=None):
        """A complaint is cancelled only as the owner's withdrawal, in their
        words, by a supervisor (D-16, D-18)."""
        blockers = super()._stage_blockers(state, vals)
        if state != "cancelled":
            return blockers
        withdrawn = bool(
            ((vals or {}).get("complaint_withdrawal_words") or "").strip()
        ) and self.env.user.has_group(GROUP_SUPERVISOR)
        if withdrawn:
            return blockers
        for ticket in self.filtered(lambda t: t.kind == "complaint"):
            blockers.setdefault(ticket.id, []).append(
                self.env._(
                    "a complaint is never cancelled as invalid: it ends "
                    "through its steps, or the owner withdraws it, recorded by "
                    "a supervisor with the owner's own words (Owner Withdraws)"
                )
            )
        return blockers

    def _complaint_check_withdrawal(self, vals):
        """Only a supervisor records a withdrawal, with the cancellation."""
        if not self.env.su and not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(
                self.env._("Only a supervisor records an owner's withdrawal.")
            )
        stage = self.env["property.ticket.stage"].browse(vals.get("stage_id"))
        if stage.state != "cancelled" or self.filtered(lambda t: t.kind != "complaint"):
            raise UserError(
                self.env._(
                    "The owner's withdrawal is recorded when a complaint is "
                    "withdrawn (Owner Withdraws)."
                )
            )
        return None

    def action_complaint_withdraw(self, owner_words):
        """The owner withdraws the complaint: a supervisor records the
        owner's own words, posted in the chatter, and the complaint is
        cancelled."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(
                self.env._(
                    "Only a supervisor approves an owner's withdrawal: ask "
                    "your supervisor."
                )
            )
        owner_words = (owner_words or "").strip()
        if not owner_words:
            raise UserError(
                self.env._("Record the owner's own words withdrawing the complaint.")
            )
        self._complaint_check_kind()
        for ticket in self:
            if ticket.state in ("closed", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(ticket)s is already closed or cancelled.",
                        ticket=ticket.display_name,
                    )
                )
        self.write(
            {
                "stage_id": self._stage_for("cancelled").id,
                "complaint_withdrawal_words": owner_words,
            }
        )
        body = Markup("<p>%s</p><blockquote>%s</blockquote>") % (
            self.env._(
                "Complaint withdrawn by the owner, approved by %(user)s. "
                "The owner's words:",
                user=self.env.user.name,
            ),
            owner_words,
        )
        for ticket in self:
            ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def _complaint_check_kind(self):
        """Raise when one of the tickets is not a complaint: other tickets
        are cancelled with the Cancel button."""
        for ticket in self:
            if ticket.kind != "complaint":
                raise UserError(
                    self.env._(
                        "%(ticket)s is not a complaint.", ticket=ticket.display_name
                    )
                )

    def action_open_complaint_withdraw(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Owner Withdraws"),
            "res_model": "property.complaint.withdraw",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }
