# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertySurveyCampaignWeight(models.Model):
    """The weight of a driver in a campaign's overall degree (D-26); the
    weights of a campaign sum to 100 %. Like the rest of the design, they
    are frozen once the campaign has started (D-27): the results of a running
    or closed campaign are computed with the weights it started with."""

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

    def _check_campaign_draft(self, campaigns):
        """Weights change on a draft campaign only, and by head office only:
        the staff of a surveyed project do not shape its survey (D-27)."""
        started = campaigns.filtered(lambda c: c.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "The driver weights of %(campaigns)s cannot change: the "
                    "campaign has started, its weights are frozen.",
                    campaigns=", ".join(started.mapped("display_name")),
                )
            )
        campaigns._check_programme_user()

    @api.model_create_multi
    def create(self, vals_list):
        weights = super().create(vals_list)
        self._check_campaign_draft(weights.campaign_id)
        return weights

    def write(self, vals):
        self._check_campaign_draft(self.campaign_id)
        res = super().write(vals)
        if "campaign_id" in vals:
            self._check_campaign_draft(self.campaign_id)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started_campaign(self):
        self._check_campaign_draft(self.campaign_id)
