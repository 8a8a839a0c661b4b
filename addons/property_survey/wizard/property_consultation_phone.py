# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.property_consultation_scope import OWNER_ROLES


class PropertyConsultationPhone(models.TransientModel):
    """Log an owner's answer to a consultation given on the phone: the
    caller's number identifies the caller and proposes their unit's
    recipient (the shared phone-intake helper); the recipient's model checks
    the caller again and starts the answer the staff member keys in."""

    _name = "property.consultation.phone"
    _description = "Consultation Answer by Phone"

    consultation_id = fields.Many2one("property.consultation", required=True)
    caller_phone = fields.Char(required=True)
    caller_id = fields.Many2one("res.partner", compute="_compute_caller", readonly=True)
    recipient_id = fields.Many2one(
        "property.consultation.recipient",
        compute="_compute_recipient_id",
        store=True,
        readonly=False,
        domain="[('consultation_id', '=', consultation_id), "
        "('answer_state', '!=', 'done')]",
    )
    date_call = fields.Datetime(
        string="Call Time", required=True, default=fields.Datetime.now
    )

    @api.depends("caller_phone")
    def _compute_caller(self):
        """The caller identified from the number."""
        for wizard in self:
            wizard.caller_id = self.env["property.ticket"]._find_caller(
                wizard.caller_phone or ""
            )[0]

    @api.depends("caller_phone", "consultation_id")
    def _compute_recipient_id(self):
        """The recipient of the caller's unit, when the caller is an owner
        asked by the consultation."""
        for wizard in self:
            caller = self.env["property.ticket"]._find_caller(
                wizard.caller_phone or ""
            )[0]
            units = (
                self.env["property.unit.partner"]
                .sudo()
                .search(
                    [
                        ("partner_id", "=", caller.id),
                        ("role", "in", OWNER_ROLES),
                        ("is_current", "=", True),
                    ]
                )
                .unit_id
                if caller
                else self.env["property.unit"]
            )
            recipients = wizard.consultation_id.recipient_ids.filtered(
                lambda r, u=units, c=caller: (
                    r.answer_state != "done"
                    and (r.unit_id in u or (c and r.partner_id == c))
                )
            )
            wizard.recipient_id = recipients[:1] or wizard.recipient_id

    def action_confirm(self):
        self.ensure_one()
        if not self.recipient_id:
            raise UserError(
                self.env._(
                    "The caller is not one of the owners asked: choose the "
                    "recipient they answer for."
                )
            )
        answer = self.recipient_id._start_phone_answer(
            self.caller_phone, self.date_call
        )
        return {"type": "ir.actions.act_url", "url": answer.get_start_url()}
