# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .property_department import DEPARTMENT_KINDS


class PropertyTicketCategory(models.Model):
    """What a request is about (水电, 电梯, 门禁, 保洁, ...), with the defaults
    a new ticket takes: department, severity, owner confirmation."""

    _name = "property.ticket.category"
    _description = "Ticket Category"
    _parent_store = True
    _order = "parent_path, id"
    _rec_name = "complete_name"
    _rec_names_search = ["name", "parent_id.name"]

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(
        compute="_compute_complete_name",
        recursive=True,
        help="Computed in the reader's language from the translated names.",
    )
    parent_id = fields.Many2one(
        "property.ticket.category", string="Parent Category", ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("property.ticket.category", "parent_id")
    active = fields.Boolean(default=True)
    department_kind = fields.Selection(
        DEPARTMENT_KINDS,
        string="Default Department",
        help="New tickets go to the project's department of this kind.",
    )
    severity_id = fields.Many2one("property.ticket.severity", string="Default Severity")
    needs_confirmation = fields.Boolean(
        string="Owner Confirms Closure",
        default=True,
        help="Done tickets wait for the owner's confirmation.",
    )

    @api.depends("name", "parent_id.complete_name")
    @api.depends_context("lang")
    def _compute_complete_name(self):
        for category in self:
            category.complete_name = (
                f"{category.parent_id.complete_name} / {category.name}"
                if category.parent_id
                else category.name
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("Categories cannot be nested in a loop."))
