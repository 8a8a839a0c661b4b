# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CADENCES = [
    ("none", "No Cadence"),
    ("continuous", "Continuous"),
    ("annual", "Annual"),
    ("half_yearly", "Half-Yearly"),
    ("quarterly", "Quarterly"),
    ("monthly", "Monthly"),
]
CADENCE_MONTHS = {"annual": 12, "half_yearly": 6, "quarterly": 3, "monthly": 1}
NOTICE_KINDS = [
    ("publicity", "Publicity Item"),
    ("outage", "Planned Outage"),
    ("arrears", "Arrears Notice"),
    ("other", "Other Notice"),
]


class PropertyNoticeCategory(models.Model):
    """A kind of public notice and its place in the publicity calendar
    (domain_standards B1-B5): how often it must be published (continuously,
    every year by a due day such as 31 March, every six or three months) and
    whether the minimum display period applies. The kind decides the
    special rules: outage notices create call tasks, arrears notices never
    carry names or unit numbers."""

    _name = "property.notice.category"
    _description = "Notice Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(NOTICE_KINDS, required=True, default="publicity")
    cadence = fields.Selection(
        CADENCES,
        required=True,
        default="none",
        help="Continuous: a notice of this category must be on display at all "
        "times. Annual, half-yearly, quarterly, monthly: a new notice is due "
        "at that interval. No cadence: published when needed.",
    )
    due_month = fields.Integer(
        help="Annual categories with a deadline: the month of the due day "
        "(e.g. 3 for 31 March)."
    )
    due_day = fields.Integer(help="The day of the due day (e.g. 31 for 31 March).")
    minimum_display = fields.Boolean(
        string="Minimum Display Period",
        default=True,
        help="Notices of this category stay on display at least the project's "
        "minimum number of days.",
    )
    description = fields.Text(
        translate=True, help="What the notice contains and why it is published."
    )
    legal_basis = fields.Char(translate=True)
    calendar_ids = fields.One2many("property.notice.calendar", "category_id")

    _sql_constraints = [
        (
            "due_month_range",
            "CHECK(due_month >= 0 AND due_month <= 12)",
            "The due month is between 1 and 12.",
        ),
        (
            "due_day_range",
            "CHECK(due_day >= 0 AND due_day <= 31)",
            "The due day is between 1 and 31.",
        ),
    ]

    @api.constrains("cadence", "due_month", "due_day")
    def _check_due_day(self):
        for category in self:
            if bool(category.due_month) != bool(category.due_day):
                raise ValidationError(
                    self.env._("Give both the month and the day of the due day.")
                )
            if category.due_month and category.cadence != "annual":
                raise ValidationError(
                    self.env._("Only annual categories have a due day.")
                )
            if category.due_month:
                try:
                    date(2024, category.due_month, category.due_day)
                except ValueError as error:
                    raise ValidationError(
                        self.env._(
                            "%(day)s/%(month)s is not a day of the year.",
                            day=category.due_day,
                            month=category.due_month,
                        )
                    ) from error

    @api.model
    def _periodic_domain(self):
        """The categories that the publicity calendar follows."""
        return [("cadence", "!=", "none"), ("kind", "=", "publicity")]

    def _due_day_on_or_before(self, day):
        """The last due day of this annual category on or before ``day``."""
        self.ensure_one()
        due = date(day.year, self.due_month, 1) + relativedelta(day=self.due_day)
        if due > day:
            due = date(day.year - 1, self.due_month, 1) + relativedelta(
                day=self.due_day
            )
        return due

    def _next_due(self, last_published, today, displayed=False, since=False):
        """When the next notice of this category is due for a project whose
        last one was published on ``last_published`` (False: never), as of
        ``today``; the project is followed ``since`` that day (a due day
        before it is not missed). ``displayed``: a notice of the category is
        on display now. Returns (due date or False, stale).

        - continuous: stale as long as nothing is on display;
        - annual with a due day (e.g. 31 March, domain_standards B4): each
          due day needs a publication from six months before it on; stale
          the day after a due day without one (a late publication covers
          the day it missed, not the next one);
        - annual, half-yearly, quarterly, monthly: due that interval after
          the last publication, stale the day after; never published: due
          on the day the project is followed from.
        """
        self.ensure_one()
        if self.cadence == "none":
            return False, False
        if self.cadence == "continuous":
            return (False, False) if displayed else (today, True)
        if self.cadence == "annual" and self.due_month:
            # the last due day strictly before today is the one that counts
            passed = self._due_day_on_or_before(today - relativedelta(days=1))
            # a publication counts for the nearest due day: from six months
            # before it (a late one counts for the day it missed)
            window_start = passed - relativedelta(months=6)
            covered = last_published and last_published >= window_start
            if covered or (not last_published and since and since > passed):
                upcoming = date(passed.year + 1, self.due_month, 1) + relativedelta(
                    day=self.due_day
                )
                return upcoming, False
            return passed, True
        interval = relativedelta(months=CADENCE_MONTHS[self.cadence])
        if not last_published:
            due = since + interval if since else today
            return due, due < today
        due = last_published + interval
        return due, due < today
