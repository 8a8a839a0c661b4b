# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertySurveyDriver(models.Model):
    """A satisfaction driver (D-26): customer service, repairs, cleaning...
    Rating questions of a questionnaire are grouped into drivers, each with
    a weight per campaign."""

    _name = "property.survey.driver"
    _description = "Satisfaction Driver"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A driver code must be unique."),
    ]
