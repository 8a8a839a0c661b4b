# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyUnit(models.Model):
    """A unit's renovations (D-20): its current permit and the history."""

    _inherit = "property.unit"

    renovation_ids = fields.One2many("property.renovation", "unit_id")
    current_renovation_id = fields.Many2one(
        "property.renovation",
        string="Current Renovation Permit",
        readonly=True,
        copy=False,
        tracking=True,
    )
