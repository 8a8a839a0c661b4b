# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyCallbackReassign(models.TransientModel):
    """A supervisor hands a callback to another caller; the callback's
    action checks that the new caller did not handle the ticket (D-24)."""

    _name = "property.callback.reassign"
    _description = "Reassign Callback"

    callback_id = fields.Many2one("property.callback", required=True)
    current_user_id = fields.Many2one(
        related="callback_id.user_id", string="Current Caller"
    )
    handler_id = fields.Many2one(related="callback_id.handler_id")
    user_id = fields.Many2one(
        "res.users",
        string="New Caller",
        required=True,
        domain="[('share', '=', False)]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.callback_id.action_reassign(self.user_id)
        return {"type": "ir.actions.act_window_close"}
