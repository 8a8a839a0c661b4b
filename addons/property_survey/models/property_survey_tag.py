# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertySurveyTag(models.Model):
    """A tag for open answers (D-29: open answers feed service improvement)."""

    _name = "property.survey.tag"
    _description = "Open Answer Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A tag name must be unique."),
    ]
