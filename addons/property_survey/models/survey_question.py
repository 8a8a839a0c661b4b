# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    property_driver_id = fields.Many2one(
        "property.survey.driver",
        string="Satisfaction Driver",
        help="Rating questions of a driver are averaged into its satisfaction degree.",
    )
    property_is_overall = fields.Boolean(
        string="Overall Satisfaction",
        help="The overall-satisfaction question: driver importance is its "
        "correlation with this question.",
    )

    def _property_is_rating(self):
        """A quantitative question of the satisfaction programme."""
        self.ensure_one()
        return self.question_type == "scale" and (
            self.property_driver_id or self.property_is_overall
        )
