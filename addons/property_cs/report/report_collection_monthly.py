# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..models.constants import COLLECTION_STEPS
from ..models.property_collection_attempt import PROMISE_STATES
from ..models.property_collection_case import CASE_STATES
from ..models.property_receivable_aging import AGING_BUCKETS

# the buckets of the money past its due date
OVERDUE_BUCKETS = [key for key, _label in AGING_BUCKETS if key != "not_due"]


class ReportCollectionMonthly(models.AbstractModel):
    """The monthly collection report (收缴月报) of projects (D-21): for a
    month, per project, the billed amount, the money collected for this
    year's bills and for arrears, the month's and the year-to-date
    collection rate (ratio of the sums, as the collection-rate view), the
    arrears by building and age at the end of the month (today for the
    month under way), the collection cases by step and state, and the
    promises to pay that fell due in the month, kept or broken. Everything
    is read with the user's rights: staff print their projects, head
    office all."""

    _name = "report.property_cs.report_collection_monthly"
    _description = "Monthly Collection Report"

    @api.model
    def _report_month(self, data):
        """The first day of the month asked for; last month by default
        (printed from a project without the wizard)."""
        month = (data or {}).get("month")
        if month:
            return fields.Date.to_date(month).replace(day=1)
        return self.env["property.collection.report.wizard"]._default_month()

    @api.model
    def _get_report_values(self, docids, data=None):
        projects = self.env["property.project"].browse(docids)
        projects.check_access("read")
        month = self._report_month(data)
        arrears_date = min(
            month + relativedelta(months=1, days=-1),
            self.env["property.unit.partner"]._property_today(),
        )
        return {
            "doc_ids": docids,
            "doc_model": "property.project",
            "docs": projects,
            "month": month,
            "month_label": f"{month:%Y-%m}",
            "arrears_date": arrears_date,
            "buckets": [
                (key, label)
                for key, label in self.env["property.receivable.aging"]
                ._fields["bucket"]
                ._description_selection(self.env)
                if key in OVERDUE_BUCKETS
            ],
            "lines": {
                project.id: self._project_values(project, month, arrears_date)
                for project in projects
            },
        }

    @api.model
    def _project_values(self, project, month, arrears_date=None):
        """What the report shows of one project for one month; its arrears
        as of ``arrears_date`` (default: the month's last day)."""
        month_end = month + relativedelta(months=1, days=-1)
        mine = [("project_id", "=", project.id)]
        Rate = self.env["property.collection.rate"]
        billed, current, arrears, rate = Rate._rate_totals(
            mine + [("date", "=", month)]
        )
        ytd_billed, ytd_current, ytd_arrears, ytd_rate = Rate._rate_totals(
            mine + [("date", ">=", month.replace(month=1)), ("date", "<=", month)]
        )
        return {
            "currency": project.company_id.currency_id or self.env.company.currency_id,
            "billed": billed,
            "collected_current": current,
            "collected_arrears": arrears,
            "collected": current + arrears,
            "rate": rate,
            "ytd_billed": ytd_billed,
            "ytd_collected_current": ytd_current,
            "ytd_collected_arrears": ytd_arrears,
            "ytd_rate": ytd_rate,
            "arrears": self._arrears_by_building(project, arrears_date or month_end),
            "cases": self._cases_by_step(project, month, month_end),
            "promises": self._promises(project, month, month_end),
        }

    @api.model
    def _arrears_by_building(self, project, day):
        """[(building name, [amount per overdue bucket], total)] of the
        money past its due date at the end of ``day`` (bills issued and
        payments matched later not counted, ages measured on ``day``), and
        the totals row."""
        amounts = self.env["property.receivable.aging"]._overdue_as_of(project, day)
        buildings = (
            self.env["property.building"]
            .browse({building_id for building_id, _bucket in amounts})
            .sorted()
        )
        rows = []
        for building in buildings:
            row = [amounts.get((building.id, key), 0.0) for key in OVERDUE_BUCKETS]
            if any(row):
                rows.append((building.display_name, row, sum(row)))
        totals = [sum(row[1][i] for row in rows) for i in range(len(OVERDUE_BUCKETS))]
        return {"rows": rows, "totals": totals, "total": sum(totals)}

    @api.model
    def _cases_by_step(self, project, month, month_end):
        """Collection cases open at some time in the month, counted by the
        step reached and their state now: [(step label, [count per
        state], total)] in the order of the ladder, cases without a step
        first."""
        Case = self.env["property.collection.case"]
        groups = Case._read_group(
            [
                ("project_id", "=", project.id),
                ("date_open", "<=", month_end),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">=", month),
            ],
            ["step", "state"],
            ["__count"],
        )
        counts = {(step or False, state): count for step, state, count in groups}
        steps = dict(Case._fields["step"]._description_selection(self.env))
        states = [key for key, _label in CASE_STATES]
        rows = []
        for step in [False] + [key for key, _label in COLLECTION_STEPS]:
            row = [counts.get((step, state), 0) for state in states]
            if any(row):
                label = steps[step] if step else self.env._("No step taken yet")
                rows.append((label, row, sum(row)))
        return {
            "states": [
                label
                for key, label in Case._fields["state"]._description_selection(self.env)
                if key in states
            ],
            "rows": rows,
            "totals": [sum(row[1][i] for row in rows) for i in range(len(states))],
            "total": sum(row[2] for row in rows),
        }

    @api.model
    def _promises(self, project, month, month_end):
        """The promises to pay whose date fell in the month: {state:
        (count, amount)} for awaited, kept and broken."""
        groups = self.env["property.collection.attempt"]._read_group(
            [
                ("project_id", "=", project.id),
                ("promise_state", "!=", False),
                ("promise_date", ">=", month),
                ("promise_date", "<=", month_end),
            ],
            ["promise_state"],
            ["__count", "promise_amount:sum"],
        )
        found = {state: (count, amount) for state, count, amount in groups}
        return {key: found.get(key, (0, 0.0)) for key, _label in PROMISE_STATES}
