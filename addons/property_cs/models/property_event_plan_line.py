# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models

MONTHS = [(str(month), str(month)) for month in range(1, 13)]


class PropertyEventPlanLine(models.Model):
    """One item of an annual activity plan: an event of a type planned in a
    month with its budget; the events that carry it out point to it. The
    items of an approved plan are locked (D-30)."""

    _name = "property.event.plan.line"
    _description = "Activity Plan Item"
    _order = "plan_id, month, id"

    plan_id = fields.Many2one(
        "property.event.plan", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="plan_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    year = fields.Integer(related="plan_id.year", store=True)
    state = fields.Selection(related="plan_id.state")
    name = fields.Char(required=True)
    month = fields.Selection(MONTHS, required=True)
    event_type_id = fields.Many2one("event.type", string="Activity Type", required=True)
    budget = fields.Monetary(help="The money set aside for this item.")
    note = fields.Char(help="Audience, partners, anything worth planning.")
    event_ids = fields.One2many("event.event", "property_plan_line_id", string="Events")
    event_count = fields.Integer(compute="_compute_actuals")
    held_count = fields.Integer(string="Events Held", compute="_compute_actuals")
    attended_count = fields.Integer(string="Attendees", compute="_compute_actuals")
    cost = fields.Monetary(
        string="Actual Cost",
        compute="_compute_actuals",
        help="The posted vendor bills charged to the item's events.",
    )

    _sql_constraints = [
        ("budget_positive", "CHECK(budget >= 0)", "A budget cannot be negative."),
    ]

    @api.depends("name", "month")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.name} ({line.plan_id.year}-{int(line.month):02d})"
                if line.month and line.plan_id
                else line.name or ""
            )

    @api.depends("event_ids.property_cost", "event_ids.date_end")
    def _compute_actuals(self):
        """Each item's events: how many, held (over and not cancelled),
        their attendees and their actual cost (cancelled events included:
        their bills were paid too)."""
        now = fields.Datetime.now()
        cancelled = self.env["event.event"]._property_cancelled_stage()
        held_by_line = {
            line: line.event_ids.filtered(lambda e, now=now: e._property_is_held(now))
            for line in self
        }
        held = self.env["event.event"].union(*held_by_line.values())
        # a count only: finance reads the plan, not the registrations
        attended = dict(
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [("event_id", "in", held.ids), ("state", "=", "done")],
                ["event_id"],
                ["__count"],
            )
        )
        for line in self:
            line.event_count = len(
                line.event_ids.filtered(
                    lambda e, cancelled=cancelled: (
                        not cancelled or e.stage_id != cancelled
                    )
                )
            )
            line.held_count = len(held_by_line[line])
            line.attended_count = sum(
                attended.get(event, 0) for event in held_by_line[line]
            )
            line.cost = sum(line.event_ids.mapped("property_cost"))

    # ------------------------------------------------------------------
    # CRUD: an approved plan's items are locked
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["property.event.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_draft()
        if "plan_id" in vals:
            self.plan_id.browse(vals["plan_id"])._check_draft()
        return super().write(vals)

    def unlink(self):
        self.plan_id._check_draft()
        return super().unlink()

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_create_event(self):
        """Open a new event carrying out this item: project, type, budget,
        name and a start on the 15th of the planned month (10:00 in the
        project's time zone), to complete and save."""
        self.ensure_one()
        project = self.project_id
        tz = pytz.timezone(project.tz or "Asia/Shanghai")
        start = tz.localize(
            datetime(self.plan_id.year, int(self.month), 15, 10, 0)
        ).astimezone(pytz.utc)
        end = tz.localize(
            datetime.combine(start.astimezone(tz).date(), time(12, 0))
        ).astimezone(pytz.utc)
        return {
            "type": "ir.actions.act_window",
            "res_model": "event.event",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_name": self.name,
                "default_property_project_id": project.id,
                "default_property_plan_line_id": self.id,
                "default_event_type_id": self.event_type_id.id,
                "default_date_tz": project.tz,
                "default_date_begin": fields.Datetime.to_string(
                    start.replace(tzinfo=None)
                ),
                "default_date_end": fields.Datetime.to_string(end.replace(tzinfo=None)),
            },
        }
