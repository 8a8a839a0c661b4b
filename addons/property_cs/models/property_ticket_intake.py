# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize


class PropertyTicket(models.Model):
    """Intake of a ticket (D-14): the phone call finds the caller and their
    unit; an email to the project's alias becomes a ticket marked "sender
    unverified" until an agent or the owner's portal login confirms it.
    Every contact stays on record: tickets are cancelled, never deleted."""

    _inherit = "property.ticket"

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        """Phone intake: the caller's number finds owner and unit at once."""
        if self.partner_phone and not self.partner_id:
            partner, unit = self._find_caller(self.partner_phone)
            if partner:
                self.partner_id = partner
            if unit and not self.unit_id:
                self.unit_id = unit

    @api.model
    def _find_caller(self, phone):
        """Return the contact whose phone or mobile matches the caller's
        number (digits compared, at least 7) and their current unit."""
        digits = "".join(ch for ch in phone or "" if ch.isdigit())
        if len(digits) < 7:
            return self.env["res.partner"], self.env["property.unit"]
        tail = digits[-8:]
        candidates = self.env["res.partner"].search(
            [
                "|",
                ("phone_sanitized", "like", f"%{tail}"),
                ("mobile", "like", f"%{tail[-4:]}"),
            ],
            limit=20,
        )
        partner = candidates.filtered(
            lambda p: any(
                "".join(ch for ch in number or "" if ch.isdigit()).endswith(tail)
                for number in (p.phone, p.mobile)
            )
        )[:1]
        links = partner.unit_link_ids.filtered("is_current")
        return partner, links.unit_id[:1]

    def action_confirm_sender(self):
        """An agent confirms that an emailed request comes from the owner."""
        for ticket in self:
            if not ticket.partner_id:
                raise UserError(
                    self.env._(
                        "Choose the owner who sent %(ticket)s first.",
                        ticket=ticket.display_name,
                    )
                )
        self.is_sender_unverified = False
        self.message_post(
            body=self.env._("Sender confirmed by %(user)s.", user=self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )

    def _portal_confirm_sender(self, partner):
        """The owner's portal login confirms an emailed request of theirs."""
        mine = self.filtered(
            lambda t: t.is_sender_unverified and t.partner_id == partner
        )
        if mine:
            mine.sudo().is_sender_unverified = False

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Email intake (D-14): the ticket stays "sender unverified" until an
        agent or the owner's portal login confirms it; a known sender's
        current unit in the project is proposed."""
        values = dict(custom_values or {})
        values.update(
            {
                "channel": "email",
                "is_sender_unverified": True,
                "name": msg_dict.get("subject") or self.env._("(no subject)"),
            }
        )
        email = email_normalize(msg_dict.get("email_from") or "")
        partner = (
            self.env["res.partner"].search([("email_normalized", "=", email)], limit=1)
            if email
            else self.env["res.partner"]
        )
        if partner:
            values["partner_id"] = partner.id
            links = partner.unit_link_ids.filtered(
                lambda link: (
                    link.is_current and link.project_id.id == values.get("project_id")
                )
            )
            if links:
                values["unit_id"] = links[0].unit_id.id
        return super().message_new(msg_dict, custom_values=values)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._(
                "Every contact stays on record: cancel the ticket instead "
                "of deleting it."
            )
        )
