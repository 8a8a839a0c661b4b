# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertySurveyCampaignWeight(models.Model):
    """The weight of a driver in a campaign's overall degree (D-26); the
    weights of a campaign sum to 100 %."""

    _name = "property.survey.campaign.weight"
    _description = "Driver Weight"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, ondelete="cascade", index=True
    )
    driver_id = fields.Many2one(
        "property.survey.driver", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="driver_id.sequence", store=True)
    weight = fields.Float(string="Weight (%)", digits=(5, 2))

    _sql_constraints = [
        (
            "driver_uniq",
            "unique(campaign_id, driver_id)",
            "A driver is weighted once per campaign.",
        ),
        (
            "weight_range",
            "CHECK(weight >= 0 AND weight <= 100)",
            "A weight is 0-100 %.",
        ),
    ]
