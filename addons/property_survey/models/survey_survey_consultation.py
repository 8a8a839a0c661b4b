# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    property_consultation_ids = fields.One2many(
        "property.consultation", "survey_id", string="Owner Consultations"
    )
