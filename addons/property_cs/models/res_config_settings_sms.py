# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_company_sms import SECRET_GROUPS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_sms_provider = fields.Selection(
        related="company_id.property_sms_provider", readonly=False
    )
    property_sms_key_id = fields.Char(
        related="company_id.property_sms_key_id", readonly=False, groups=SECRET_GROUPS
    )
    property_sms_secret = fields.Char(
        related="company_id.property_sms_secret", readonly=False, groups=SECRET_GROUPS
    )
    property_sms_sign_name = fields.Char(
        related="company_id.property_sms_sign_name", readonly=False
    )
    property_sms_app_id = fields.Char(
        related="company_id.property_sms_app_id", readonly=False
    )
    property_sms_region = fields.Char(
        related="company_id.property_sms_region", readonly=False
    )
    property_sms_report_url = fields.Char(
        string="SMS Delivery Report URL",
        compute="_compute_property_sms_urls",
        groups=SECRET_GROUPS,
    )
    property_sms_reply_url = fields.Char(
        string="SMS Reply URL",
        compute="_compute_property_sms_urls",
        groups=SECRET_GROUPS,
    )

    @api.depends("company_id")
    def _compute_property_sms_urls(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for settings in self:
            key = settings.company_id.sudo().property_sms_route_key
            settings.property_sms_report_url = (
                f"{base}/property/sms/report/{key}" if key else False
            )
            settings.property_sms_reply_url = (
                f"{base}/property/sms/reply/{key}" if key else False
            )
