# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

DIMENSIONS = [
    ("overall", "Overall"),
    ("project", "Project"),
    ("building", "Building"),
    ("customer_type", "Customer Type"),
]
CLASSES = [
    ("strength", "Strength"),
    ("priority", "Priority"),
    ("maintain", "Maintain"),
    ("low_priority", "Low Priority"),
]


class PropertySurveyResult(models.Model):
    """A figure of a campaign's results (D-29), per driver (or overall) and
    per dimension: satisfaction degree (weighted mean on 0-100) and rate
    (share satisfied), counts, reliability and the driver analysis. Derived
    data, recomputed from the valid questionnaires."""

    _name = "property.survey.result"
    _description = "Satisfaction Result"
    _order = "campaign_id, dimension_sequence, group_label, driver_sequence, id"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    dimension = fields.Selection(DIMENSIONS, required=True)
    dimension_sequence = fields.Integer()
    group_key = fields.Char()
    group_label = fields.Char(string="Group")
    project_id = fields.Many2one("property.project")
    building_id = fields.Many2one("property.building")
    customer_type = fields.Char(string="Customer Type Code")
    driver_id = fields.Many2one(
        "property.survey.driver", help="Empty for the overall figure."
    )
    driver_sequence = fields.Integer()
    weight = fields.Float(string="Weight (%)")
    degree = fields.Float(string="Satisfaction Degree", aggregator="avg")
    rate = fields.Float(string="Satisfaction Rate (%)", aggregator="avg")
    sample_count = fields.Integer(string="Sampled")
    response_count = fields.Integer(string="Responses")
    valid_count = fields.Integer(string="Valid")
    response_rate = fields.Float(string="Response Rate (%)")
    min_sample_met = fields.Boolean(string="Minimum Sample Met")
    alpha = fields.Float(string="Cronbach's α")
    has_alpha = fields.Boolean()
    importance = fields.Float(digits=(4, 3))
    importance_source = fields.Selection(
        [("correlation", "Correlation"), ("weight", "Weight")]
    )
    classification = fields.Selection(CLASSES, string="Driver Class")
    previous_degree = fields.Float()
    has_previous = fields.Boolean()
    trend = fields.Float()
    actioned = fields.Boolean(
        help="Improvement actions were taken on this driver after the previous "
        "campaign."
    )
