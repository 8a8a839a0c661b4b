# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMoveLine(models.Model):
    """Receivable items carry the unit and project of their bill (aging
    and collection read them)."""

    _inherit = "account.move.line"

    property_unit_id = fields.Many2one(
        related="move_id.property_unit_id", store=True, index=True
    )
    property_project_id = fields.Many2one(
        related="move_id.property_project_id", store=True, index=True
    )

    @api.model
    def _property_open_receivable_domain(self, units, partners):
        """The open receivable items of ``partners`` on ``units`` (posted,
        not reconciled): what collection cases owe, a unit's balance and
        prepayment, and what is matched when a unit is paid."""
        return [
            ("property_unit_id", "in", units.ids),
            ("partner_id", "in", partners.commercial_partner_id.ids),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            # a renovation's deposit and fee are settled on their own
            # invoices, apart from the fees (domain_standards D6)
            ("property_renovation_id", "=", False),
        ]
