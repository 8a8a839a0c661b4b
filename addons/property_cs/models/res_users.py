# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# staff groups that read sensitive personal information (identity numbers,
# special needs, every project's owners): two-factor sign-in when the company
# asks for it
SENSITIVE_DATA_GROUPS = (
    "property_cs.group_property_cs_identity",
    "property_cs.group_property_cs_special_needs",
    "property_cs.group_property_cs_head_office",
    "property_cs.group_property_cs_admin",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    property_project_ids = fields.Many2many(
        "property.project",
        "property_project_res_users_rel",
        "user_id",
        "project_id",
        string="Assigned Projects",
        help="Property staff see the records of these projects only. "
        "Head office and administrators see every project.",
    )

    property_wecom_userid = fields.Char(
        string="WeCom User ID",
        help="The person's account in the company's WeCom (企业微信): deadline "
        "warnings and escalations are sent there too.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._property_notify_in_odoo_without_email()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "property_project_ids" in vals:
            # record rules read user.property_project_ids: drop cached rules
            self.env.registry.clear_cache()
        if {"email", "notification_type", "groups_id", "partner_id"} & set(vals):
            self._property_notify_in_odoo_without_email()
        return res

    def _property_notify_in_odoo_without_email(self):
        """Most front-desk and field staff have no email address: Odoo's
        notifications to them (a ticket assigned, a to-do, a mention) would be
        dropped as invalid email recipients, so internal users without an
        email address are notified in Odoo (inbox) instead."""
        without_email = self.filtered(
            lambda u: not u.share and not u.email and u.notification_type == "email"
        )
        if without_email:
            without_email.sudo().write({"notification_type": "inbox"})

    def _mfa_type(self):
        """Staff who read sensitive personal information sign in with a second
        factor when their company requires it (PIPL): an authenticator app if
        they set one up, else Odoo's code by email (``auth_totp_mail_enforce``).
        Odoo's own policy ("employees" / "everyone") still applies on top."""
        mfa = super()._mfa_type()
        if mfa is None and self._property_requires_two_factor():
            return "totp_mail"
        return mfa

    def _property_requires_two_factor(self):
        self.ensure_one()
        if self.share or not self.company_id.property_totp_personal_data:
            return False
        return any(self.has_group(group) for group in SENSITIVE_DATA_GROUPS)
