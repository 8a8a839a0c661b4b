# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    """Journal items carry the renovation permit of their entry, so that a
    permit reads its deposit from its items and fee billing, collection
    and prepayments leave the deposits apart (domain_standards D6)."""

    _inherit = "account.move.line"

    property_renovation_id = fields.Many2one(
        related="move_id.property_renovation_id",
        store=True,
        index="btree_not_null",
    )
