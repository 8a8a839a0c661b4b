# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
