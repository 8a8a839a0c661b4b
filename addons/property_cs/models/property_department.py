# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

DEPARTMENT_KINDS = [
    ("engineering", "Engineering"),
    ("environment", "Environment and Cleaning"),
    ("administration", "Administration"),
    ("security", "Security"),
    ("other", "Other"),
]


class PropertyDepartment(models.Model):
    """An executing department the service centre dispatches to (D-8):
    engineering, environment/cleaning, administration, security. Shared by
    all projects when no project is set, or specific to one project."""

    _name = "property.department"
    _description = "Service Department"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        DEPARTMENT_KINDS,
        required=True,
        default="other",
    )
    project_id = fields.Many2one(
        "property.project",
        index=True,
        check_company=True,
        help="Leave empty for a department that serves every project.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one("res.users", tracking=True)
    member_ids = fields.Many2many(
        "res.users",
        "property_department_res_users_rel",
        "department_id",
        "user_id",
        string="Members",
    )

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for department in self:
            department.display_name = (
                f"{department.name} ({department.project_id.name})"
                if department.project_id
                else department.name
            )

    def _get_dispatchable_users(self):
        """The people a ticket of this department can land on (D-8)."""
        self.ensure_one()
        return self.member_ids | self.leader_id
