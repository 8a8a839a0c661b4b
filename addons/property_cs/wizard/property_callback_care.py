# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.property_callback import CALLBACK_RESULTS, UNSATISFIED_REASONS


class PropertyCallbackCare(models.TransientModel):
    """Record the regular contact with a key customer (D-5): it completes
    the open contact activity, whose chaining plans the next one, and the
    answer is kept as a care callback."""

    _name = "property.callback.care"
    _description = "Key-Customer Contact"

    partner_id = fields.Many2one("res.partner", string="Key Customer", required=True)
    result = fields.Selection(CALLBACK_RESULTS, required=True, default="satisfied")
    unsatisfied_reason = fields.Selection(UNSATISFIED_REASONS, string="Reason")
    comment = fields.Text(required=True, help="What was discussed.")

    def action_confirm(self):
        self.ensure_one()
        if self.result == "unsatisfied" and not self.unsatisfied_reason:
            raise UserError(self.env._("Say why the customer is unsatisfied."))
        self.env["property.callback"]._record_care_contact(
            self.partner_id, self.result, self.unsatisfied_reason, self.comment
        )
        return {"type": "ir.actions.act_window_close"}
