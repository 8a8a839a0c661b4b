# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyVehicle(models.Model):
    """An owner's or resident's registered vehicle (D-3)."""

    _name = "property.vehicle"
    _description = "Vehicle"
    _inherit = ["mail.thread"]
    _order = "name"
    _rec_name = "name"

    name = fields.Char(string="Licence Plate", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Vehicle Owner", required=True, index=True, tracking=True
    )
    parking_space_id = fields.Many2one("property.parking.space", tracking=True)
    project_id = fields.Many2one(
        "property.project",
        compute="_compute_project_id",
        store=True,
        readonly=False,
        index=True,
    )
    brand = fields.Char(string="Make and Model")
    color = fields.Char(string="Colour")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "This licence plate is already registered.")
    ]

    @api.depends("parking_space_id")
    def _compute_project_id(self):
        for vehicle in self:
            if vehicle.parking_space_id:
                vehicle.project_id = vehicle.parking_space_id.project_id
            elif not vehicle.project_id:
                vehicle.project_id = vehicle.partner_id.unit_link_ids[:1].project_id
