# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

MONTHS = [(str(month), str(month)) for month in range(1, 13)]


class PropertyEventPlanLine(models.Model):
    """One item of an annual activity plan: an event of a type planned in a
    month with its budget; the events that carry it out point to it."""

    _name = "property.event.plan.line"
    _description = "Activity Plan Item"
    _order = "plan_id, month, id"

    plan_id = fields.Many2one(
        "property.event.plan", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="plan_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    name = fields.Char(required=True)
    month = fields.Selection(MONTHS, required=True)
    event_type_id = fields.Many2one("event.type", string="Activity Type", required=True)
    event_ids = fields.One2many("event.event", "property_plan_line_id", string="Events")
