# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

UNREACHABLE_REASONS = [
    ("no_answer", "No Answer"),
    ("busy", "Line Busy"),
    ("switched_off", "Phone Switched Off"),
    ("wrong_number", "Wrong Number"),
    ("refused", "Refused to Talk"),
    ("call_later", "Asked to Call Later"),
]


class PropertyCallbackAttempt(models.Model):
    """One call of a callback: when, by whom, reached or why not (D-24)."""

    _name = "property.callback.attempt"
    _description = "Callback Attempt"
    _order = "date desc, id desc"

    callback_id = fields.Many2one(
        "property.callback", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="callback_id.project_id", store=True)
    company_id = fields.Many2one(related="callback_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Caller", required=True, default=lambda self: self.env.user
    )
    outcome = fields.Selection(
        [("reached", "Reached"), ("unreachable", "Unreachable")], required=True
    )
    unreachable_reason = fields.Selection(UNREACHABLE_REASONS)
    note = fields.Text()

    @api.constrains("outcome", "unreachable_reason")
    def _check_reason(self):
        for attempt in self:
            if attempt.outcome == "unreachable" and not attempt.unreachable_reason:
                raise ValidationError(
                    self.env._("Say why the owner could not be reached.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(self.env._("Callback attempts stay on record."))
