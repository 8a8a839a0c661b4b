# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyWarrantyCategory(models.Model):
    """A category of building work with its statutory warranty period
    (domain_standards D8; 建设工程质量管理条例 Art. 40): within the period
    from the unit's handover, a defect is the developer's to repair."""

    _name = "property.warranty.category"
    _description = "Warranty Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    months = fields.Integer(
        string="Warranty (months)",
        required=True,
        help="Months from the unit's handover during which the developer repairs.",
    )
