# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

FEE_BASES = [
    ("area", "Per m² of Floor Area per Month"),
    ("space", "Per Parking Space per Month"),
    ("unit", "Per Unit per Month"),
    ("shared", "Shared Cost by Area Share"),
    ("late_fee", "Late Fee per Day on Overdue Fees"),
]


class PropertyFeeType(models.Model):
    """A kind of charge on the owners' bill (domain_standards F1, F3): the
    property service fee per m² of floor area, the parking-space fee, a
    shared cost (公摊) allocated by area share, or a fixed fee per unit."""

    _name = "property.fee.type"
    _description = "Fee Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    basis = fields.Selection(
        FEE_BASES,
        required=True,
        default="area",
        help="What the rate multiplies: the unit's gross floor area, its "
        "parking spaces, one per unit, or the unit's share of the project's "
        "floor area for a shared cost.",
    )
    company_id = fields.Many2one("res.company", index=True)
