# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.property_callback import CALLBACK_RESULTS, UNSATISFIED_REASONS
from ..models.property_callback_attempt import UNREACHABLE_REASONS


class PropertyCallbackCall(models.TransientModel):
    """One call of a callback: the caller records whether the owner was
    reached and, if so, the answer (D-24)."""

    _name = "property.callback.call"
    _description = "Callback Call"

    callback_id = fields.Many2one("property.callback", required=True)
    script = fields.Html(related="callback_id.script")
    partner_id = fields.Many2one(related="callback_id.partner_id")
    partner_phone = fields.Char(related="callback_id.partner_phone")
    attempt_count = fields.Integer(related="callback_id.attempt_count")
    max_attempts = fields.Integer(related="callback_id.max_attempts")
    outcome = fields.Selection(
        [("reached", "Reached"), ("unreachable", "Unreachable")],
        required=True,
        default="reached",
    )
    unreachable_reason = fields.Selection(UNREACHABLE_REASONS)
    result = fields.Selection(CALLBACK_RESULTS)
    unsatisfied_reason = fields.Selection(UNSATISFIED_REASONS, string="Reason")
    comment = fields.Text()

    @api.onchange("result")
    def _onchange_result(self):
        if self.result != "unsatisfied":
            self.unsatisfied_reason = False

    def action_confirm(self):
        self.ensure_one()
        callback = self.callback_id
        if self.outcome == "unreachable":
            callback._record_unreachable(self.unreachable_reason, self.comment)
        else:
            callback._record_result(self.result, self.unsatisfied_reason, self.comment)
        return {"type": "ir.actions.act_window_close"}
