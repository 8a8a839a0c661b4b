# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyRenovationScope(models.Model):
    """One item of the renovation checklist an applicant ticks (walls,
    plumbing, electrical, waterproofing, ...). Its flags drive the required
    documents (a structural change needs a qualified design, D-20,
    domain_standards D3) and the warranty (waterproofing 5 years, D8)."""

    _name = "property.renovation.scope"
    _description = "Renovation Scope Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    structural = fields.Boolean(
        string="Structural Change",
        help="Touches the main or load-bearing structure: the application "
        "needs a design by the original designer or a qualified institute.",
    )
    waterproofing = fields.Boolean(
        help="Waterproofing of kitchens, bathrooms, balconies or exterior "
        "walls: its warranty is longer.",
    )
    separate_approval = fields.Char(
        translate=True,
        help="The authority whose separate approval the works need (gas, "
        "heating, planning), shown to the applicant.",
    )
