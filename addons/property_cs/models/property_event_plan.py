# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyEventPlan(models.Model):
    """A project's annual activity plan (D-30, domain_standards J1): the
    events planned by month and type, a target count per year and per type
    (a project KPI: no regulation sets a number) and the budget."""

    _name = "property.event.plan"
    _description = "Annual Activity Plan"
    _inherit = ["mail.thread"]
    _order = "year desc, project_id"

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    year = fields.Integer(required=True, tracking=True)
    line_ids = fields.One2many("property.event.plan.line", "plan_id", string="Items")
    active = fields.Boolean(default=True, tracking=True)
