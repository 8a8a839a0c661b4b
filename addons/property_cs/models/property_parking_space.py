# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyParkingSpace(models.Model):
    """A parking space (车位) of a project, owned or rented by a partner."""

    _name = "property.parking.space"
    _description = "Parking Space"
    _inherit = ["mail.thread"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(string="Space Number", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    space_type = fields.Selection(
        [
            ("standard", "Standard"),
            ("mechanical", "Mechanical"),
            ("charging", "With EV Charger"),
            ("accessible", "Accessible"),
            ("motorbike", "Motorbike"),
        ],
        string="Type",
        required=True,
        default="standard",
    )
    location = fields.Selection(
        [("underground", "Underground"), ("surface", "Surface")],
        default="underground",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Holder", index=True, tracking=True
    )
    holding = fields.Selection(
        [("owned", "Owned"), ("rented", "Rented")],
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        string="Related Unit",
        domain="[('project_id', '=', project_id)]",
        check_company=True,
    )
    vehicle_ids = fields.One2many("property.vehicle", "parking_space_id")

    _sql_constraints = [
        (
            "name_project_uniq",
            "unique(name, project_id)",
            "A parking space number must be unique within its project.",
        )
    ]

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.holding:
            self.holding = "owned"
