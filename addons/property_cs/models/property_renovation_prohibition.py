# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyRenovationProhibition(models.Model):
    """A prohibited work the applicant declares not to do, ticked one by
    one before approval; the same list is the inspectors' checklist
    (D-20, domain_standards D4)."""

    _name = "property.renovation.prohibition"
    _description = "Prohibited Renovation Work"
    _order = "sequence, id"

    name = fields.Char(string="Declaration", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
