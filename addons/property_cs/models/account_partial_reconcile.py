# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountPartialReconcile(models.Model):
    """A payment matched to a fee bill settles the promises to pay of its
    unit at once (D-21): a promise is kept when its amount arrives, not at
    the next daily pass."""

    _inherit = "account.partial.reconcile"

    @api.model_create_multi
    def create(self, vals_list):
        partials = super().create(vals_list)
        units = (partials.debit_move_id | partials.credit_move_id).property_unit_id
        if units:
            self.env["property.collection.attempt"].sudo().search(
                [("promise_state", "=", "pending"), ("unit_id", "in", units.ids)]
            )._promise_check_kept()
        return partials
