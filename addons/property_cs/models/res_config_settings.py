# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_wecom_corp_id = fields.Char(
        related="company_id.property_wecom_corp_id", readonly=False
    )
    property_wecom_agent_id = fields.Char(
        related="company_id.property_wecom_agent_id", readonly=False
    )
    property_wecom_secret = fields.Char(
        related="company_id.property_wecom_secret",
        readonly=False,
        groups="property_cs.group_property_cs_admin,base.group_system",
    )
    property_wecom_token = fields.Char(
        related="company_id.property_wecom_token",
        readonly=False,
        groups="property_cs.group_property_cs_admin,base.group_system",
    )
    property_wecom_aes_key = fields.Char(
        related="company_id.property_wecom_aes_key",
        readonly=False,
        groups="property_cs.group_property_cs_admin,base.group_system",
    )
    property_wecom_callback_url = fields.Char(
        string="WeCom Callback URL",
        compute="_compute_property_wecom_callback_url",
        groups="property_cs.group_property_cs_admin,base.group_system",
    )

    @api.depends("company_id")
    def _compute_property_wecom_callback_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for settings in self:
            key = settings.company_id.sudo().property_wecom_route_key
            settings.property_wecom_callback_url = (
                f"{base}/property/wecom/{key}" if key else False
            )

    property_key_area_share = fields.Float(
        related="company_id.property_key_area_share", readonly=False
    )
    property_key_contact_interval = fields.Integer(
        related="company_id.property_key_contact_interval", readonly=False
    )
    property_key_contact_interval_unit = fields.Selection(
        related="company_id.property_key_contact_interval_unit", readonly=False
    )
    property_identity_lookup_limit = fields.Integer(
        related="company_id.property_identity_lookup_limit", readonly=False
    )
    property_satisfaction_channel = fields.Selection(
        related="company_id.property_satisfaction_channel", readonly=False
    )
    property_auto_confirm_days = fields.Integer(
        related="company_id.property_auto_confirm_days", readonly=False
    )
    property_confirm_link_days = fields.Integer(
        related="company_id.property_confirm_link_days", readonly=False
    )
    property_totp_personal_data = fields.Boolean(
        related="company_id.property_totp_personal_data", readonly=False
    )
    property_access_log_days = fields.Integer(
        related="company_id.property_access_log_days", readonly=False
    )
    property_retention_former_days = fields.Integer(
        related="company_id.property_retention_former_days", readonly=False
    )
    property_retention_submission_days = fields.Integer(
        related="company_id.property_retention_submission_days", readonly=False
    )
    property_retention_callback_days = fields.Integer(
        related="company_id.property_retention_callback_days", readonly=False
    )
    property_retention_tracking_days = fields.Integer(
        related="company_id.property_retention_tracking_days", readonly=False
    )
    property_suggestion_reply_days = fields.Integer(
        related="company_id.property_suggestion_reply_days", readonly=False
    )
    property_callback_delay_days = fields.Integer(
        related="company_id.property_callback_delay_days", readonly=False
    )
    property_callback_max_attempts = fields.Integer(
        related="company_id.property_callback_max_attempts", readonly=False
    )
    property_lpr_rate = fields.Float(
        related="company_id.property_lpr_rate", readonly=False
    )
    property_collection_limitation_months = fields.Integer(
        related="company_id.property_collection_limitation_months", readonly=False
    )
    property_billing_chunk_size = fields.Integer(
        related="company_id.property_billing_chunk_size", readonly=False
    )
    property_billing_time_budget = fields.Integer(
        related="company_id.property_billing_time_budget", readonly=False
    )
    property_sla_warning_minutes = fields.Integer(
        related="company_id.property_sla_warning_minutes", readonly=False
    )
    property_sla_supervisor_delay = fields.Integer(
        related="company_id.property_sla_supervisor_delay", readonly=False
    )
    property_sla_manager_delay = fields.Integer(
        related="company_id.property_sla_manager_delay", readonly=False
    )
    property_sla_head_office_delay = fields.Integer(
        related="company_id.property_sla_head_office_delay", readonly=False
    )
    property_complaint_reply_days_minor = fields.Integer(
        related="company_id.property_complaint_reply_days_minor", readonly=False
    )
    property_complaint_reply_days_serious = fields.Integer(
        related="company_id.property_complaint_reply_days_serious", readonly=False
    )
    property_complaint_reply_days_critical = fields.Integer(
        related="company_id.property_complaint_reply_days_critical", readonly=False
    )
    property_complaint_reply_warning_days = fields.Integer(
        related="company_id.property_complaint_reply_warning_days", readonly=False
    )
    property_complaint_form_ip_limit = fields.Integer(
        related="company_id.property_complaint_form_ip_limit", readonly=False
    )
    property_complaint_form_email_limit = fields.Integer(
        related="company_id.property_complaint_form_email_limit", readonly=False
    )
    property_complaint_upload_max_files = fields.Integer(
        related="company_id.property_complaint_upload_max_files", readonly=False
    )
    property_complaint_upload_max_mb = fields.Integer(
        related="company_id.property_complaint_upload_max_mb", readonly=False
    )
    property_complaint_upload_types = fields.Selection(
        related="company_id.property_complaint_upload_types", readonly=False
    )
    property_portal_upload_types = fields.Selection(
        related="company_id.property_portal_upload_types", readonly=False
    )
    property_portal_upload_max_files = fields.Integer(
        related="company_id.property_portal_upload_max_files", readonly=False
    )
    property_portal_upload_max_mb = fields.Integer(
        related="company_id.property_portal_upload_max_mb", readonly=False
    )
    property_renovation_upload_types = fields.Selection(
        related="company_id.property_renovation_upload_types", readonly=False
    )
    property_renovation_upload_max_files = fields.Integer(
        related="company_id.property_renovation_upload_max_files", readonly=False
    )
    property_renovation_upload_max_mb = fields.Integer(
        related="company_id.property_renovation_upload_max_mb", readonly=False
    )
    property_complaint_tracking_post_limit = fields.Integer(
        related="company_id.property_complaint_tracking_post_limit", readonly=False
    )
    property_complaint_compensation_threshold = fields.Float(
        related="company_id.property_complaint_compensation_threshold", readonly=False
    )
    property_complaint_compensation_account_id = fields.Many2one(
        related="company_id.property_complaint_compensation_account_id",
        readonly=False,
    )
    property_complaint_compensation_journal_id = fields.Many2one(
        related="company_id.property_complaint_compensation_journal_id",
        readonly=False,
    )

    def set_values(self):
        """Keep the chained key-customer contact activity in step with the
        company's contact interval (D-5)."""
        res = super().set_values()
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact",
            raise_if_not_found=False,
        )
        if activity_type:
            activity_type.sudo().write(
                {
                    "delay_count": self.property_key_contact_interval,
                    "delay_unit": self.property_key_contact_interval_unit,
                }
            )
        return res
