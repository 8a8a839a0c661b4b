# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from .constants import OPEN_STATES
from .res_partner import OWNER_ROLES

PERIOD_TYPES = [
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("half_year", "Half-Year"),
    ("year", "Year"),
    ("custom", "Custom"),
]
REPORT_STATES = [("draft", "Draft"), ("published", "Shared with the Committee")]
# personal data that a text shared with the committee must not hold
MOBILE_PATTERN = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LANDLINE_PATTERN = re.compile(r"(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)")
ID_NUMBER_PATTERN = re.compile(r"(?<!\d)\d{17}[\dXx](?!\w)")
HANDLED_STATES = ("done", "closed")


class PropertyCommitteeReport(models.Model):
    """The periodic report pack to the owners' committee (D-23,
    domain_standards G4): for a project and a period, the work plan
    written by the manager and figures generated from the data - tickets
    by kind and state, complaints handled, events held, incidents, fund
    requests by state, meetings and action items.

    Aggregates only (counts and sums): never an owner's name, phone or
    unit number. The figures are a snapshot taken while the pack is a
    draft and frozen when it is shared with the committee, whose current
    members read it in the portal."""

    _name = "property.committee.report"
    _description = "Committee Report Pack"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_to desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    committee_id = fields.Many2one(
        "property.committee",
        index=True,
        compute="_compute_committee_id",
        store=True,
        readonly=False,
        domain="[('project_id', '=', project_id)]",
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Period", required=True, default="quarter"
    )
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(
        string="Until", required=True, default=lambda self: self._default_dates()[1]
    )
    work_plan = fields.Html(
        help="The work done in the period and the plan for the next one, as "
        "shared with the committee. No personal data: no names, phone "
        "numbers or unit numbers of owners."
    )
    figures = fields.Json(readonly=True, copy=False)
    date_computed = fields.Datetime(string="Figures Of", readonly=True, copy=False)
    state = fields.Selection(
        REPORT_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_published = fields.Date(string="Shared On", readonly=True, copy=False)
    ticket_count = fields.Integer(
        string="Tickets Received", compute="_compute_headline"
    )
    complaint_handled_count = fields.Integer(
        string="Complaints Handled", compute="_compute_headline"
    )

    _sql_constraints = [
        (
            "period_check",
            "CHECK(date_to >= date_from)",
            "A report period cannot end before it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # Defaults, computes
    # ------------------------------------------------------------------
    @api.model
    def _period_bounds(self, period_type, day):
        """(first, last) day of the month, quarter, half-year or year of
        ``day``."""
        if period_type == "month":
            start = day.replace(day=1)
            return start, start + relativedelta(months=1, days=-1)
        if period_type == "quarter":
            start = day.replace(day=1, month=3 * ((day.month - 1) // 3) + 1)
            return start, start + relativedelta(months=3, days=-1)
        if period_type == "half_year":
            start = day.replace(day=1, month=1 if day.month <= 6 else 7)
            return start, start + relativedelta(months=6, days=-1)
        if period_type == "year":
            start = day.replace(day=1, month=1)
            return start, start.replace(month=12, day=31)
        return day, day

    @api.model
    def _default_dates(self):
        """The last complete quarter."""
        today = self.env["property.committee"]._today()
        return self._period_bounds("quarter", today - relativedelta(months=3))

    @api.onchange("period_type", "date_from")
    def _onchange_period(self):
        for report in self:
            if report.period_type != "custom" and report.date_from:
                report.date_from, report.date_to = self._period_bounds(
                    report.period_type, report.date_from
                )

    @api.depends("project_id", "period_type", "date_from", "date_to")
    def _compute_name(self):
        for report in self:
            if not (report.project_id and report.date_from and report.date_to):
                report.name = False
                continue
            start = report.date_from
            label = {
                "month": f"{start:%Y-%m}",
                "quarter": f"{start.year} Q{(start.month - 1) // 3 + 1}",
                "half_year": f"{start.year} H{1 if start.month <= 6 else 2}",
                "year": f"{start.year}",
            }.get(report.period_type) or f"{start} - {report.date_to}"
            report.name = f"{report.project_id.name} {label}"

    @api.depends("project_id", "date_to")
    def _compute_committee_id(self):
        Committee = self.env["property.committee"]
        for report in self:
            if report.project_id and (
                report.committee_id.project_id != report.project_id
                or not report.committee_id
            ):
                report.committee_id = Committee._current_for_project(
                    report.project_id, report.date_to
                ) or Committee._current_for_project(report.project_id)

    @api.depends("figures")
    def _compute_headline(self):
        for report in self:
            figures = report.figures or {}
            report.ticket_count = figures.get("tickets", {}).get("received", 0)
            report.complaint_handled_count = figures.get("complaints", {}).get(
                "handled", 0
            )

    # ------------------------------------------------------------------
    # The figures (aggregates only)
    # ------------------------------------------------------------------
    def _period_datetimes(self):
        """The period as naive UTC datetimes [start, end) in the project's
        time zone, for the datetime fields."""
        self.ensure_one()
        tz = pytz.timezone(self.project_id.tz or "Asia/Shanghai")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(self.date_from), utc(self.date_to + relativedelta(days=1))

    def _count(self, model, domain):
        return (
            self.env[model].sudo().with_context(active_test=False).search_count(domain)
        )

    def _compute_figures(self):
        """Counts and sums of the project's activity in the period, read
        as superuser (the pack is aggregates only, whoever generates it)."""
        self.ensure_one()
        start, end = self._period_datetimes()
        project = [("project_id", "=", self.project_id.id)]
        received = project + [
            ("date_reported", ">=", start),
            ("date_reported", "<", end),
        ]
        Ticket = self.env["property.ticket"].sudo().with_context(active_test=False)
        by_kind = defaultdict(dict)
        for kind, state, count in Ticket._read_group(
            received, ["kind", "state"], ["__count"]
        ):
            by_kind[kind or "none"][state or "none"] = count
        # done in the period, or closed in it without a done step (records
        # entered as handled without either date count when reported)
        handled = project + [
            ("state", "in", HANDLED_STATES),
            "|",
            "|",
            "&",
            ("date_done", ">=", start),
            ("date_done", "<", end),
            "&",
            "&",
            ("date_done", "=", False),
            ("date_closed", ">=", start),
            ("date_closed", "<", end),
            "&",
            "&",
            "&",
            ("date_done", "=", False),
            ("date_closed", "=", False),
            ("date_reported", ">=", start),
            ("date_reported", "<", end),
        ]
        complaint = [("kind", "=", "complaint")]
        figures = {
            "tickets": {
                "received": sum(sum(row.values()) for row in by_kind.values()),
                "handled": Ticket.search_count(handled),
                "by_kind": dict(by_kind),
            },
            "complaints": {
                "received": Ticket.search_count(received + complaint),
                "handled": Ticket.search_count(handled + complaint),
                "open": Ticket.search_count(
                    received + complaint + [("state", "in", OPEN_STATES)]
                ),
            },
            "incidents": {
                "safety": Ticket.search_count(received + [("kind", "=", "safety")]),
                "mass": Ticket.search_count(
                    received + [("parent_id", "=", False), ("child_ids", "!=", False)]
                ),
            },
            "events": self._figures_events(start, end),
            "fund": self._figures_fund(start, end),
            "meetings": self._figures_meetings(start, end),
        }
        return figures

    def _figures_events(self, start, end):
        """Community events held in the period: event.event records linked
        to the project, when events carry a project (else none counted)."""
        Event = self.env["event.event"]
        link = next(
            (
                name
                for name, field in Event._fields.items()
                if field.type == "many2one"
                and field.comodel_name == "property.project"
                and field.store
            ),
            None,
        )
        if not link:
            return {"held": 0, "linked": False}
        domain = [
            (link, "=", self.project_id.id),
            ("date_begin", ">=", start),
            ("date_begin", "<", end),
        ]
        return {"held": self._count("event.event", domain), "linked": True}

    def _figures_fund(self, start, end):
        """Special maintenance fund requests created in the period, by
        state: count and amount."""
        Request = self.env["property.fund.request"].sudo()
        date_field = self._fund_date_field()
        if Request._fields[date_field].type == "date":
            start, end = self.date_from, self.date_to + relativedelta(days=1)
        rows = Request._read_group(
            [
                ("project_id", "=", self.project_id.id),
                (date_field, ">=", start),
                (date_field, "<", end),
            ],
            ["state"],
            ["__count", "amount:sum"],
        )
        return {
            "by_state": {
                state: [count, amount or 0.0] for state, count, amount in rows
            },
            "count": sum(row[1] for row in rows),
            "amount": sum(row[2] or 0.0 for row in rows),
        }

    @api.model
    def _fund_date_field(self):
        """The date a fund request was made: its own request or submission
        date when the model has one, else its creation."""
        fields_ = self.env["property.fund.request"]._fields
        return next(
            (
                name
                for name in ("date_request", "date_submitted")
                if name in fields_ and fields_[name].store
            ),
            "create_date",
        )

    def _figures_meetings(self, start, end):
        Meeting = self.env["property.meeting"].sudo()
        Action = self.env["property.meeting.action"].sudo()
        mine = [("project_id", "=", self.project_id.id)]
        in_period = mine + [("date", ">=", start), ("date", "<", end)]
        return {
            "held": Meeting.search_count(
                in_period + [("state", "=", "held"), ("kind", "=", "committee")]
            ),
            "developer": Meeting.search_count(
                in_period + [("state", "=", "held"), ("kind", "=", "developer")]
            ),
            "actions_done": Action.search_count(
                mine
                + [
                    ("state", "=", "done"),
                    ("date_done", ">=", self.date_from),
                    ("date_done", "<=", self.date_to),
                ]
            ),
            "actions_open": Action.search_count(mine + [("state", "=", "open")]),
            "actions_overdue": Action.search_count(mine + [("is_overdue", "=", True)]),
        }

    def _report_figures(self):
        """The figures as the report shows them, with labels in the
        reader's language: only counts, sums and category labels."""
        self.ensure_one()
        figures = self.figures or self._compute_figures()
        Ticket = self.env["property.ticket"]
        kinds = dict(Ticket._fields["kind"]._description_selection(self.env))
        states = dict(Ticket._fields["state"]._description_selection(self.env))
        fund_states = dict(
            self.env["property.fund.request"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        by_kind = figures["tickets"]["by_kind"]
        used_states = [
            key for key in states if any(key in row for row in by_kind.values())
        ]
        ticket_rows = [
            (
                kinds.get(kind, kind),
                [by_kind[kind].get(state, 0) for state in used_states],
                sum(by_kind[kind].values()),
            )
            for kind in [k for k in kinds if k in by_kind]
        ]
        fund_rows = [
            (fund_states.get(state, state), count, amount)
            for state, (count, amount) in figures["fund"]["by_state"].items()
        ]
        return dict(
            figures,
            ticket_states=[states[key] for key in used_states],
            ticket_rows=ticket_rows,
            ticket_totals=[
                sum(row.get(state, 0) for row in by_kind.values())
                for state in used_states
            ],
            fund_rows=fund_rows,
        )

    # ------------------------------------------------------------------
    # Personal data check
    # ------------------------------------------------------------------
    @api.model
    def _numbers_found(self, text):
        """Phone and identity numbers in ``text``, as the kinds found."""
        found = []
        if MOBILE_PATTERN.search(text) or LANDLINE_PATTERN.search(text):
            found.append(self.env._("a phone number"))
        if ID_NUMBER_PATTERN.search(text):
            found.append(self.env._("an identity number"))
        return found

    def _personal_data_found(self):
        """What the work plan holds that must not reach the committee:
        phone numbers, identity numbers, names of the project's owners."""
        self.ensure_one()
        text = html2plaintext(self.work_plan or "") if self.work_plan else ""
        found = self._numbers_found(text)
        owners = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.project_id.id),
                    ("role", "in", list(OWNER_ROLES)),
                    ("is_current", "=", True),
                ]
            )
            .partner_id
        )
        names = sorted(
            {p.name for p in owners if p.name and len(p.name) >= 2 and p.name in text}
        )
        if names:
            found.append(
                self.env._("names of owners (%(names)s)", names=", ".join(names))
            )
        return found

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_manager(self):
        if not (
            self.env.su
            or self.env.user.has_group("property_cs.group_property_cs_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only the project manager shares a report pack with the "
                    "committee or takes it back."
                )
            )

    def action_compute_figures(self):
        """Take the figures from the data (drafts only), for those who may
        edit the pack (the snapshot is then written as superuser)."""
        self.check_access("write")
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("The figures of a shared report pack are frozen.")
            )
        for report in self:
            report.sudo().write(
                {
                    "figures": report._compute_figures(),
                    "date_computed": fields.Datetime.now(),
                }
            )
        return True

    def action_publish(self):
        """Share the pack with the committee: the figures are taken again
        and frozen; the work plan must hold no personal data."""
        self._check_manager()
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("The report pack is already shared."))
            found = report._personal_data_found()
            if found:
                raise UserError(
                    self.env._(
                        "The work plan cannot be shared with the committee: it "
                        "contains %(found)s. Remove them first.",
                        found="; ".join(found),
                    )
                )
            if not report.committee_id:
                raise UserError(
                    self.env._(
                        "%(project)s has no owners' committee for this period.",
                        project=report.project_id.display_name,
                    )
                )
        self.action_compute_figures()
        self._workflow_write(
            {
                "state": "published",
                "date_published": self.env["property.committee"]._today(),
            }
        )
        return True

    def action_reset_draft(self):
        self._check_manager()
        if self.filtered(lambda r: r.state != "published"):
            raise UserError(self.env._("Only a shared report pack can be taken back."))
        self._workflow_write({"state": "draft", "date_published": False})
        return True

    def action_print(self):
        return self.env.ref(
            "property_cs.property_committee_report_action_report"
        ).report_action(self)
