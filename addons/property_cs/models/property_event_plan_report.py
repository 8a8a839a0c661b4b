# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

PLAN_REPORT_KINDS = [
    ("item", "Plan Item"),
    ("event", "Event"),
    ("target", "Annual Target"),
]
# measures whose aggregate is a ratio of sums (numerator, denominator,
# factor), never a sum or an average of the rows' ratios
RATIOS = {
    "cost_per_participant": ("cost", "attended_count", 1.0),
    "feedback_avg": ("feedback_sum", "feedback_count", 1.0),
    "plan_rate": ("held_count", "planned_count", 100.0),
    "target_rate": ("held_count", "target_count", 100.0),
    "budget_rate": ("cost", "budget", 100.0),
}


class PropertyEventPlanReport(models.Model):
    """Plan against actual of the community events (D-30, domain_standards
    J1): the items of the annual plans (planned count and budget), the
    targets per type, and the events of the projects (scheduled and held
    counts, attendees, actual cost, feedback), by project, year, month and
    activity type, in the company currency.

    * An event counts in the month and year it starts, in its project's
      time zone, under the plan of its project and year (whether it
      carries out an item of it or not: "unplanned").
    * Scheduled: not cancelled; held: not cancelled and over (its end has
      passed); attendees: registrations marked attended of held events.
    * Cost: the posted vendor bills of every event, cancelled ones too.
    * Targets are yearly, per type: their rows have no month.

    A plain view, so that a bill or an attendance shows at once. Ratios
    (plan achieved, target reached, budget used, cost per participant,
    feedback) of a group are the ratios of its sums, computed by
    ``_read_group_select``."""

    _name = "property.event.plan.report"
    _description = "Activity Plan against Actual"
    _inherit = "property.sql.report"
    _auto = False
    _property_ratios = RATIOS
    _order = "year desc, date, id"
    _rec_name = "name"
    _depends = {
        "event.event": [
            "active",
            "date_begin",
            "date_end",
            "event_type_id",
            "property_cost",
            "property_plan_line_id",
            "property_project_id",
            "stage_id",
        ],
        "event.registration": [
            "active",
            "event_id",
            "property_feedback_rating",
            "state",
        ],
        "property.event.plan": ["active", "company_id", "project_id", "year"],
        "property.event.plan.line": [
            "budget",
            "event_type_id",
            "month",
            "name",
            "plan_id",
        ],
        "property.event.plan.target": ["event_type_id", "plan_id", "target_count"],
        "property.project": ["company_id", "tz"],
        "res.company": ["currency_id"],
    }

    name = fields.Char(string="Item or Event", readonly=True)
    kind = fields.Selection(PLAN_REPORT_KINDS, readonly=True)
    plan_id = fields.Many2one("property.event.plan", readonly=True)
    plan_line_id = fields.Many2one(
        "property.event.plan.line", string="Plan Item", readonly=True
    )
    event_id = fields.Many2one("event.event", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    event_type_id = fields.Many2one("event.type", string="Activity Type", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    date = fields.Date(string="Month", readonly=True)
    is_planned = fields.Boolean(
        string="Carries Out a Plan Item",
        readonly=True,
        help="An event that carries out an item of its project's plan.",
    )
    is_cancelled = fields.Boolean(string="Cancelled", readonly=True)
    planned_count = fields.Integer(string="Planned Events", readonly=True)
    target_count = fields.Integer(string="Target Events", readonly=True)
    scheduled_count = fields.Integer(
        string="Scheduled Events",
        readonly=True,
        help="Events set up, held or to come, not cancelled.",
    )
    held_count = fields.Integer(
        string="Events Held",
        readonly=True,
        help="Events that are over, not cancelled.",
    )
    budget = fields.Monetary(readonly=True, help="The budget of the plan items.")
    cost = fields.Monetary(
        string="Actual Cost",
        readonly=True,
        help="The posted vendor bills charged to the events.",
    )
    variance = fields.Monetary(
        string="Cost less Budget",
        readonly=True,
        help="Positive: more spent than budgeted.",
    )
    attended_count = fields.Integer(string="Attendees", readonly=True)
    feedback_count = fields.Integer(string="Ratings", readonly=True)
    feedback_sum = fields.Integer(string="Rating Points", readonly=True)
    plan_rate = fields.Float(
        string="Plan Achieved (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Events held divided by the items planned.",
    )
    target_rate = fields.Float(
        string="Target Reached (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Events held divided by the target (yearly, per type).",
    )
    budget_rate = fields.Float(
        string="Budget Used (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Actual cost divided by the budget.",
    )
    cost_per_participant = fields.Monetary(
        readonly=True,
        aggregator="avg",
        help="Actual cost divided by the attendees.",
    )
    feedback_avg = fields.Float(
        string="Average Rating",
        readonly=True,
        digits=(16, 2),
        aggregator="avg",
        help="The attendees' ratings, from 1 (very poor) to 5 (very good).",
    )

    def _query(self):
        """SQL of the rows: plan items, targets and events, each with its
        own measures (zero for the others), so that sums over any grouping
        are right."""
        return SQL("""
            WITH event_row AS (
                SELECT event.id AS event_id,
                       event.name->>'en_US' AS event_name,
                       event.property_project_id AS project_id,
                       project.company_id,
                       event.event_type_id,
                       event.property_plan_line_id AS plan_line_id,
                       (event.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(project.tz, 'Asia/Shanghai')
                       )::date AS local_date,
                       EXISTS (
                           SELECT 1 FROM ir_model_data imd
                            WHERE imd.model = 'event.stage'
                              AND imd.module = 'event'
                              AND imd.name = 'event_stage_cancelled'
                              AND imd.res_id = event.stage_id
                       ) AS is_cancelled,
                       event.date_end <= (NOW() AT TIME ZONE 'UTC') AS is_over,
                       COALESCE(event.property_cost, 0.0) AS cost
                  FROM event_event event
                  JOIN property_project project
                    ON project.id = event.property_project_id
                 WHERE event.active
            ),
            registration AS (
                SELECT reg.event_id,
                       COUNT(*) FILTER (WHERE reg.state = 'done') AS attended,
                       COUNT(reg.property_feedback_rating) AS feedback_count,
                       COALESCE(SUM(reg.property_feedback_rating::int), 0)
                           AS feedback_sum
                  FROM event_registration reg
                 WHERE reg.active
                 GROUP BY reg.event_id
            ),
            plan_row AS (
                SELECT line.id * 10 + 1 AS id,
                       'item' AS kind,
                       line.name,
                       plan.id AS plan_id,
                       line.id AS plan_line_id,
                       NULL::int AS event_id,
                       plan.project_id,
                       plan.company_id,
                       line.event_type_id,
                       plan.year,
                       MAKE_DATE(plan.year, line.month::int, 1) AS date,
                       FALSE AS is_planned,
                       FALSE AS is_cancelled,
                       1 AS planned_count,
                       0 AS target_count,
                       0 AS scheduled_count,
                       0 AS held_count,
                       COALESCE(line.budget, 0.0) AS budget,
                       0.0 AS cost,
                       0 AS attended_count,
                       0 AS feedback_count,
                       0 AS feedback_sum
                  FROM property_event_plan_line line
                  JOIN property_event_plan plan ON plan.id = line.plan_id
                 WHERE plan.active
                 UNION ALL
                SELECT target.id * 10 + 3,
                       'target',
                       NULL,
                       plan.id,
                       NULL,
                       NULL,
                       plan.project_id,
                       plan.company_id,
                       target.event_type_id,
                       plan.year,
                       NULL,
                       FALSE,
                       FALSE,
                       0,
                       target.target_count,
                       0, 0, 0.0, 0.0, 0, 0, 0
                  FROM property_event_plan_target target
                  JOIN property_event_plan plan ON plan.id = target.plan_id
                 WHERE plan.active
                 UNION ALL
                SELECT event_row.event_id * 10 + 2,
                       'event',
                       event_row.event_name,
                       plan.id,
                       event_row.plan_line_id,
                       event_row.event_id,
                       event_row.project_id,
                       event_row.company_id,
                       event_row.event_type_id,
                       EXTRACT(YEAR FROM event_row.local_date)::int,
                       DATE_TRUNC('month', event_row.local_date)::date,
                       event_row.plan_line_id IS NOT NULL,
                       event_row.is_cancelled,
                       0,
                       0,
                       CASE WHEN event_row.is_cancelled THEN 0 ELSE 1 END,
                       CASE WHEN event_row.is_over AND NOT event_row.is_cancelled
                            THEN 1 ELSE 0 END,
                       0.0,
                       event_row.cost,
                       CASE WHEN event_row.is_over AND NOT event_row.is_cancelled
                            THEN COALESCE(registration.attended, 0) ELSE 0 END,
                       COALESCE(registration.feedback_count, 0),
                       COALESCE(registration.feedback_sum, 0)
                  FROM event_row
                  LEFT JOIN registration
                    ON registration.event_id = event_row.event_id
                  LEFT JOIN property_event_plan plan
                    ON plan.project_id = event_row.project_id
                   AND plan.year = EXTRACT(YEAR FROM event_row.local_date)
                   AND plan.active
            )
            SELECT plan_row.*,
                   company.currency_id,
                   plan_row.cost - plan_row.budget AS variance,
                   plan_row.held_count * 100.0 / NULLIF(plan_row.planned_count, 0)
                       AS plan_rate,
                   plan_row.held_count * 100.0 / NULLIF(plan_row.target_count, 0)
                       AS target_rate,
                   plan_row.cost * 100.0 / NULLIF(plan_row.budget, 0) AS budget_rate,
                   plan_row.cost / NULLIF(plan_row.attended_count, 0)
                       AS cost_per_participant,
                   plan_row.feedback_sum * 1.0 / NULLIF(plan_row.feedback_count, 0)
                       AS feedback_avg
              FROM plan_row
              JOIN res_company company ON company.id = plan_row.company_id
        """)
