# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    property_survey_sample_rate = fields.Float(
        string="Survey Sample Rate (%)",
        default=20.0,
        help="Share of the households of a campaign's scope that are sampled.",
    )
    property_survey_sample_min = fields.Integer(
        string="Survey Minimum Sample",
        default=20,
        help="Minimum number of sampled households, capped at the frame.",
    )
    property_survey_target = fields.Float(
        string="Satisfaction Target (%)",
        default=80.0,
        help="Satisfaction rate a campaign aims at; 80 % is the Level 1 figure "
        "of the national service grading.",
    )
    property_survey_min_answered = fields.Float(
        string="Minimum Answered Share (%)",
        default=80.0,
        help="A questionnaire with a lower share of answered rating questions "
        "is invalid.",
    )
    property_survey_top_levels = fields.Integer(
        string="Satisfied Levels (5 and 7 Levels)",
        default=2,
        help="On 5- and 7-level scales, the top this-many levels count as satisfied.",
    )
    property_survey_satisfied_10 = fields.Integer(
        string="Satisfied From (10 Levels)",
        default=8,
        help="On a 10-level scale, this level and above count as satisfied.",
    )
    property_survey_max_attempts = fields.Integer(
        string="Contact Attempts Before Swap",
        default=3,
        help="A household counts as unreachable, and may be swapped, after "
        "this many recorded contact attempts.",
    )

    @api.constrains(
        "property_survey_sample_rate",
        "property_survey_sample_min",
        "property_survey_target",
        "property_survey_min_answered",
        "property_survey_top_levels",
        "property_survey_satisfied_10",
        "property_survey_max_attempts",
    )
    def _check_property_survey_settings(self):
        for company in self:
            if not 0 < company.property_survey_sample_rate <= 100:
                raise ValidationError(
                    self.env._("The survey sample rate must be between 0 and 100 %.")
                )
            if company.property_survey_sample_min < 1:
                raise ValidationError(
                    self.env._("The minimum survey sample must be at least 1.")
                )
            if not 0 < company.property_survey_target <= 100:
                raise ValidationError(
                    self.env._("The satisfaction target must be between 0 and 100 %.")
                )
            if not 0 <= company.property_survey_min_answered <= 100:
                raise ValidationError(
                    self.env._(
                        "The minimum answered share must be between 0 and 100 %."
                    )
                )
            if not 1 <= company.property_survey_top_levels <= 4:
                raise ValidationError(
                    self.env._("The satisfied levels must be between 1 and 4.")
                )
            if not 2 <= company.property_survey_satisfied_10 <= 10:
                raise ValidationError(
                    self.env._(
                        "The satisfied level on a 10-level scale must be between "
                        "2 and 10."
                    )
                )
            if company.property_survey_max_attempts < 1:
                raise ValidationError(
                    self.env._("The contact attempts before a swap must be at least 1.")
                )
