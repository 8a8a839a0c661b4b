# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyEventPlanTarget(models.Model):
    """The target count of one type of event in an annual plan: the
    project's KPI per type (domain_standards J1: the project sets it), with
    the items planned and the events held of that type beside it."""

    _name = "property.event.plan.target"
    _description = "Activity Plan Target per Type"
    _order = "plan_id, event_type_id"
    _rec_name = "event_type_id"

    plan_id = fields.Many2one(
        "property.event.plan", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="plan_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    year = fields.Integer(related="plan_id.year", store=True)
    event_type_id = fields.Many2one("event.type", string="Activity Type", required=True)
    target_count = fields.Integer(string="Target", required=True, default=1)
    planned_count = fields.Integer(string="Planned", compute="_compute_counts")
    held_count = fields.Integer(string="Held", compute="_compute_counts")
    progress = fields.Float(
        string="Reached (%)",
        compute="_compute_counts",
        digits=(16, 1),
        help="Events of the type held this year divided by the target.",
    )

    _sql_constraints = [
        (
            "plan_type_uniq",
            "UNIQUE(plan_id, event_type_id)",
            "A plan has one target per activity type.",
        ),
        ("target_positive", "CHECK(target_count >= 0)", "A target cannot be negative."),
    ]

    @api.depends("plan_id.line_ids.event_type_id", "event_type_id", "target_count")
    def _compute_counts(self):
        """Planned: the plan's items of the type; held: the project's events
        of the type in the plan's year that are over and not cancelled."""
        Event = self.env["event.event"]
        now = fields.Datetime.now()
        held_by_plan = {}
        for plan in self.plan_id:
            if plan.project_id and plan.year:
                events = Event.search(
                    Event._property_year_domain(plan.project_id, plan.year)
                )
                held_by_plan[plan] = events.filtered(
                    lambda e, now=now: e._property_is_held(now)
                )
        for target in self:
            plan = target.plan_id
            held = held_by_plan.get(plan, Event).filtered(
                lambda e, t=target: e.event_type_id == t.event_type_id
            )
            target.planned_count = len(
                plan.line_ids.filtered(
                    lambda line, t=target: line.event_type_id == t.event_type_id
                )
            )
            target.held_count = len(held)
            target.progress = (
                100.0 * len(held) / target.target_count if target.target_count else 0.0
            )

    @api.constrains("target_count", "plan_id")
    def _check_plan_targets(self):
        self.plan_id._check_targets()

    # ------------------------------------------------------------------
    # CRUD: an approved plan's targets are locked
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.env["property.event.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_draft()
        if "plan_id" in vals:
            self.plan_id.browse(vals["plan_id"])._check_draft()
        return super().write(vals)

    def unlink(self):
        self.plan_id._check_draft()
        return super().unlink()
