# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyTicketReply(models.TransientModel):
    """Reply to the owner, checked against the phrase rules (D-15)."""

    _name = "property.ticket.reply"
    _description = "Reply to Owner"

    ticket_id = fields.Many2one("property.ticket", required=True)
    partner_id = fields.Many2one(related="ticket_id.partner_id")
    body = fields.Html(string="Reply", required=True, sanitize=True)
    phrase_ids = fields.Many2many(
        "property.reply.phrase", compute="_compute_phrase_ids", string="Phrases Found"
    )
    is_checked = fields.Boolean()

    @api.depends("body")
    def _compute_phrase_ids(self):
        for wizard in self:
            wizard.phrase_ids = self.env["property.reply.phrase"]._find_in(
                wizard.body, wizard.partner_id.lang or self.env.lang
            )

    def action_send(self):
        """Send, or show the phrases found and let the agent rephrase."""
        self.ensure_one()
        if self.phrase_ids and not self.is_checked:
            self.is_checked = True
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": self.id,
                "view_mode": "form",
                "target": "new",
                "name": self.env._("Reply to Owner"),
            }
        self.ticket_id._reply_to_owner(self.body, self.phrase_ids)
        return {"type": "ir.actions.act_window_close"}
