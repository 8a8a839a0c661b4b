# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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

    def write(self, vals):
        res = super().write(vals)
        if "property_project_ids" in vals:
            # record rules read user.property_project_ids: drop cached rules
            self.env.registry.clear_cache()
        return res
