# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    """The journal entries of a renovation permit (its deposit invoice,
    deductions and refund, its management fee) know the permit: the
    permit's deposit balance is read from their items, and fee billing
    leaves them alone (D-20, domain_standards D6)."""

    _inherit = "account.move"

    property_renovation_id = fields.Many2one(
        "property.renovation",
        string="Renovation Permit",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
