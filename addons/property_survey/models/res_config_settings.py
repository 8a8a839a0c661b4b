# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_survey_sample_rate = fields.Float(
        related="company_id.property_survey_sample_rate", readonly=False
    )
    property_survey_sample_min = fields.Integer(
        related="company_id.property_survey_sample_min", readonly=False
    )
    property_survey_target = fields.Float(
        related="company_id.property_survey_target", readonly=False
    )
    property_survey_min_answered = fields.Float(
        related="company_id.property_survey_min_answered", readonly=False
    )
    property_survey_top_levels = fields.Integer(
        related="company_id.property_survey_top_levels", readonly=False
    )
    property_survey_satisfied_10 = fields.Integer(
        related="company_id.property_survey_satisfied_10", readonly=False
    )
    property_survey_max_attempts = fields.Integer(
        related="company_id.property_survey_max_attempts", readonly=False
    )
