# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyMoveinFee(models.Model):
    """A fee the owners settle at move-in (D-19), listed in the move-in
    notice: e.g. the first months of the property-service fee, the
    renovation deposit, the access cards. The amounts are what the notice
    announces; the invoices are made by the fees part."""

    _name = "property.movein.fee"
    _description = "Move-in Fee"
    _order = "batch_id, sequence, id"

    batch_id = fields.Many2one(
        "property.movein.batch", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Fee", required=True)
    amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="batch_id.currency_id")
    note = fields.Char(
        help="How the amount is computed or paid, e.g. '3 months x 2.80 per m²'."
    )
    company_id = fields.Many2one(related="batch_id.company_id", store=True)

    @api.constrains("amount")
    def _check_amount(self):
        for fee in self:
            if fee.amount < 0:
                raise ValidationError(self.env._("A move-in fee cannot be negative."))
