# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PLAN_STATES = [("draft", "Draft"), ("approved", "Approved")]
# what an approved plan keeps as approved: set it back to draft to change it
LOCKED_FIELDS = {"project_id", "year", "target_count", "line_ids", "target_ids"}
APPROVER_GROUP = "property_cs.group_property_cs_manager"


class PropertyEventPlan(models.Model):
    """A project's annual activity plan (D-30, domain_standards J1): the
    events planned by month and type with their budgets, a target count
    per year and per type (a project KPI: no regulation sets a number),
    and the actual figures beside them: events held, attendees and the
    cost from vendor bills. One plan per project and year; drafted and
    approved by the project manager, then locked until set back to draft.
    """

    _name = "property.event.plan"
    _description = "Annual Activity Plan"
    _inherit = ["mail.thread"]
    _order = "year desc, project_id"

    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    line_ids = fields.One2many(
        "property.event.plan.line", "plan_id", string="Plan Items"
    )
    active = fields.Boolean(default=True, tracking=True)
    state = fields.Selection(
        PLAN_STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    note = fields.Html(string="Notes")
    # the KPI (J1): a count per year, and per type
    target_count = fields.Integer(
        string="Target Events per Year",
        tracking=True,
        help="How many events the project means to hold this year: the "
        "project's own target, no regulation sets a number.",
    )
    target_ids = fields.One2many(
        "property.event.plan.target", "plan_id", string="Targets per Type"
    )
    budget_total = fields.Monetary(
        string="Total Budget",
        compute="_compute_budget_total",
        store=True,
        tracking=True,
        help="The sum of the budgets of the plan's items.",
    )
    # actual figures (events of the project in the plan's year)
    planned_count = fields.Integer(
        string="Planned Events", compute="_compute_budget_total", store=True
    )
    scheduled_count = fields.Integer(
        string="Scheduled Events",
        compute="_compute_actuals",
        help="Events of the project this year, held or to come, not cancelled.",
    )
    held_count = fields.Integer(
        string="Events Held",
        compute="_compute_actuals",
        help="Events of the project this year that are over and were not cancelled.",
    )
    unplanned_count = fields.Integer(
        string="Unplanned Events",
        compute="_compute_actuals",
        help="Events of the year that carry out no item of the plan.",
    )
    attended_count = fields.Integer(string="Attendees", compute="_compute_actuals")
    cost_total = fields.Monetary(
        string="Actual Cost",
        compute="_compute_actuals",
        help="The posted vendor bills charged to the project's events of the "
        "year, cancelled events included.",
    )
    budget_remaining = fields.Monetary(string="Budget Left", compute="_compute_actuals")
    target_progress = fields.Float(
        string="Target Reached (%)",
        compute="_compute_actuals",
        digits=(16, 1),
        help="Events held divided by the yearly target.",
    )

    _sql_constraints = [
        (
            "project_year_uniq",
            "UNIQUE(project_id, year)",
            "A project has one activity plan per year.",
        ),
        (
            "year_range",
            "CHECK(year >= 2000 AND year <= 2100)",
            "The year of an activity plan must be between 2000 and 2100.",
        ),
        (
            "target_positive",
            "CHECK(target_count >= 0)",
            "A target cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("project_id", "year")
    def _compute_name(self):
        """A default name from the project and year; a typed name stays."""
        for plan in self:
            if plan.name or not plan.project_id:
                plan.name = plan.name
            else:
                plan.name = self.env._(
                    "Activity Plan %(year)s, %(project)s",
                    year=plan.year,
                    project=plan.project_id.name,
                )

    @api.depends("line_ids.budget")
    def _compute_budget_total(self):
        for plan in self:
            plan.budget_total = sum(plan.line_ids.mapped("budget"))
            plan.planned_count = len(plan.line_ids)

    @api.depends("project_id", "year", "line_ids", "target_count")
    def _compute_actuals(self):
        """Plan against actual (D-30): the project's events of the plan's
        year (its time zone), held = over and not cancelled; the cost of
        every event of the year, cancelled ones included."""
        Event = self.env["event.event"]
        now = fields.Datetime.now()
        for plan in self:
            if not plan.project_id or not plan.year:
                plan.update(
                    {
                        "scheduled_count": 0,
                        "held_count": 0,
                        "unplanned_count": 0,
                        "attended_count": 0,
                        "cost_total": 0.0,
                        "budget_remaining": plan.budget_total,
                        "target_progress": 0.0,
                    }
                )
                continue
            events = Event.search(
                Event._property_year_domain(plan.project_id, plan.year)
            )
            held = events.filtered(lambda e, now=now: e._property_is_held(now))
            with_cancelled = Event.search(
                Event._property_year_domain(
                    plan.project_id, plan.year, with_cancelled=True
                )
            )
            cost = sum(with_cancelled.mapped("property_cost"))
            # a count only: finance reads the plan, not the registrations
            attended = (
                self.env["event.registration"]
                .sudo()
                .search_count([("event_id", "in", held.ids), ("state", "=", "done")])
            )
            plan.update(
                {
                    "scheduled_count": len(events),
                    "held_count": len(held),
                    "unplanned_count": len(
                        events.filtered(
                            lambda e, plan=plan: e.property_plan_line_id.plan_id != plan
                        )
                    ),
                    "attended_count": attended,
                    "cost_total": cost,
                    "budget_remaining": plan.budget_total - cost,
                    "target_progress": (
                        100.0 * len(held) / plan.target_count
                        if plan.target_count
                        else 0.0
                    ),
                }
            )

    @api.constrains("target_count", "target_ids")
    def _check_targets(self):
        """The targets per type add up to at most the yearly target."""
        for plan in self:
            per_type = sum(plan.target_ids.mapped("target_count"))
            if per_type > plan.target_count:
                raise ValidationError(
                    self.env._(
                        "The targets per type of %(plan)s add up to %(sum)s "
                        "events, more than the %(target)s of the year.",
                        plan=plan.name,
                        sum=per_type,
                        target=plan.target_count,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        """An approved plan is kept as approved (D-30): its project, year,
        targets and items change only after it is set back to draft."""
        if LOCKED_FIELDS & set(vals):
            self._check_draft()
        return super().write(vals)

    def _check_draft(self):
        approved = self.filtered(lambda plan: plan.state == "approved")
        if approved:
            raise UserError(
                self.env._(
                    "The activity plan %(plan)s is approved: set it back to "
                    "draft to change it.",
                    plan=approved[0].name,
                )
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_approve(self):
        """Approve the plan (project manager): its items, budgets and targets
        are then locked."""
        self._check_approver()
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft plan can be approved: %(plan)s.",
                        plan=plan.name,
                    )
                )
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "The activity plan %(plan)s has no items to approve.",
                        plan=plan.name,
                    )
                )
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        return True

    def action_reset_draft(self):
        """Set an approved plan back to draft, to change it and approve it
        again."""
        self._check_approver()
        self.filtered(lambda plan: plan.state == "approved").write(
            {"state": "draft", "approved_by_id": False, "date_approved": False}
        )
        return True

    def _check_approver(self):
        if not self.env.user.has_group(APPROVER_GROUP):
            raise UserError(
                self.env._("Only a project manager approves activity plans.")
            )

    def action_view_events(self):
        """The project's events of the plan's year."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.event_event_action_community"
        )
        action["domain"] = self.env["event.event"]._property_year_domain(
            self.project_id, self.year
        )
        action["context"] = {
            "default_property_project_id": self.project_id.id,
        }
        return action

    def action_view_report(self):
        """Plan against actual of this plan, by type and month."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_event_plan_report_action"
        )
        action["domain"] = [
            ("project_id", "=", self.project_id.id),
            ("year", "=", self.year),
        ]
        action["context"] = {}
        return action
