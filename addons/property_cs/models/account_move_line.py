# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
