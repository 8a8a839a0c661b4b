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
    # warranty of the last accepted renovation (renoworks)
    renovation_last_id = fields.Many2one(
        "property.renovation",
        string="Last Accepted Renovation",
        readonly=True,
        copy=False,
    )
    renovation_date_completed = fields.Date(
        string="Renovation Accepted On", readonly=True, copy=False, tracking=True
    )
    renovation_warranty_until = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
    )
    renovation_waterproof_warranty_until = fields.Date(
        string="Waterproofing Warranty Until",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set when the renovation included waterproofing.",
    )
    renovation_contractor = fields.Char(
        readonly=True,
        copy=False,
        help="Who answers for defects within the renovation warranty.",
    )
