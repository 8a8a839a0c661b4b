# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyBuilding(models.Model):
    """A building (楼栋) of a project (D-2)."""

    _name = "property.building"
    _description = "Building"
    _inherit = ["mail.thread"]
    _order = "project_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    floor_count = fields.Integer(string="Floors Above Ground")
    unit_ids = fields.One2many("property.unit", "building_id")
    unit_count = fields.Integer(compute="_compute_unit_stats")
    total_area = fields.Float(
        string="Floor Area (m²)", compute="_compute_unit_stats", digits=(16, 2)
    )

    _sql_constraints = [
        (
            "name_project_uniq",
            "unique(name, project_id)",
            "A building name must be unique within its project.",
        )
    ]

    @api.depends("unit_ids.area")
    def _compute_unit_stats(self):
        data = {
            building: (count, area)
            for building, count, area in self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)],
                ["building_id"],
                ["__count", "area:sum"],
            )
        }
        for building in self:
            building.unit_count, building.total_area = data.get(building, (0, 0.0))

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for building in self:
            building.display_name = (
                f"{building.project_id.name} / {building.name}"
                if building.project_id
                else building.name
            )

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action

    def action_print_emergency_contacts(self):
        return self.env.ref(
            "property_cs.property_building_action_report_emergency_contacts"
        ).report_action(self)
