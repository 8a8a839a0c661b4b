# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyComplaintRecourse(models.Model):
    """An external channel an owner who does not accept our answer may turn
    to: street office, housing authority, 12345 hotline, mediation, court
    (ISO 10002 closing; Hangzhou rule, domain_standards A5)."""

    _name = "property.complaint.recourse"
    _description = "Complaint Recourse"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text(translate=True, help="How to reach it.")
