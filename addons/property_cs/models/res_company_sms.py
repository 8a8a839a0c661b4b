# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import fields, models

from ..tools import sms_providers

SECRET_GROUPS = "property_cs.group_property_cs_admin,base.group_system"
SMS_PROVIDERS = [
    ("odoo", "Odoo SMS (IAP)"),
    ("aliyun", "Aliyun SMS"),
    ("tencent", "Tencent Cloud SMS"),
]


class ResCompany(models.Model):
    """The SMS provider of a company (D-14: information flows by the
    channels owners use): Odoo's own IAP service, or a Chinese provider
    (Aliyun SMS, Tencent Cloud SMS) through which Odoo's SMS (templates,
    automation rules, the composer) are sent under the company's approved
    signature and templates. The keys are read only by administrators."""

    _inherit = "res.company"

    property_sms_provider = fields.Selection(
        SMS_PROVIDERS, string="SMS Provider", default="odoo", required=True
    )
    property_sms_key_id = fields.Char(
        string="SMS AccessKey ID / SecretId", groups=SECRET_GROUPS
    )
    property_sms_secret = fields.Char(
        string="SMS AccessKey Secret / SecretKey", groups=SECRET_GROUPS
    )
    property_sms_sign_name = fields.Char(
        string="SMS Signature",
        help="The signature approved by the provider, without the brackets.",
    )
    property_sms_app_id = fields.Char(
        string="SMS SdkAppId", help="Tencent Cloud SMS only: the SMS application."
    )
    property_sms_region = fields.Char(
        string="SMS Region", default="ap-guangzhou", help="Tencent Cloud SMS only."
    )
    property_sms_api_url = fields.Char(
        string="SMS API Address",
        groups=SECRET_GROUPS,
        help="Empty: the provider's own address; change only for a proxy or a "
        "test server.",
    )
    property_sms_route_key = fields.Char(
        string="SMS Callback Key",
        copy=False,
        default=lambda self: secrets.token_urlsafe(16),
        groups=SECRET_GROUPS,
    )

    def _sms_provider(self):
        """The company's Chinese provider when it is set up, else None
        (Odoo's IAP sends)."""
        self.ensure_one()
        company = self.sudo()
        provider = company.property_sms_provider
        if provider == "odoo" or not (
            company.property_sms_key_id
            and company.property_sms_secret
            and company.property_sms_sign_name
        ):
            return None
        if provider == "tencent" and not company.property_sms_app_id:
            return None
        return provider

    def _sms_provider_send(self, number, template_code, params):
        """Send one SMS through the company's provider: its message id, or
        ``SmsProviderError``."""
        self.ensure_one()
        company = self.sudo()
        config = {
            "key_id": company.property_sms_key_id,
            "secret": company.property_sms_secret,
            "sign_name": company.property_sms_sign_name,
            "app_id": company.property_sms_app_id,
            "region": company.property_sms_region,
            "url": company.property_sms_api_url,
        }
        return sms_providers.send(
            company._sms_provider(), config, number, template_code, params
        )
