# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

STALE_ACTIVITY = "mail.mail_activity_data_todo"


class PropertyNoticeCalendar(models.Model):
    """The publicity calendar of a project (domain_standards B1-B5): for each
    category with a cadence, when a notice was last published and when the
    next one is due. A stale category gives the project's manager a to-do
    (daily cron); publishing a notice of the category completes it."""

    _name = "property.notice.calendar"
    _description = "Publicity Calendar"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, sequence, id"
    _rec_name = "category_id"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    category_id = fields.Many2one(
        "property.notice.category", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="category_id.sequence", store=True)
    cadence = fields.Selection(related="category_id.cadence")
    date_since = fields.Date(
        string="Followed Since",
        required=True,
        default=fields.Date.context_today,
        help="A due day before this date is not counted as missed (a project "
        "taken over recently).",
    )
    date_last_published = fields.Date(string="Last Published", readonly=True)
    last_notice_id = fields.Many2one("property.notice", readonly=True)
    date_next_due = fields.Date(string="Next Due", readonly=True)
    is_displayed = fields.Boolean(
        string="On Display",
        readonly=True,
        help="A notice of this category is on display now.",
    )
    is_stale = fields.Boolean(string="Stale", readonly=True, index=True)

    _sql_constraints = [
        (
            "project_category_unique",
            "UNIQUE(project_id, category_id)",
            "A category appears once in a project's publicity calendar.",
        )
    ]

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    @api.model
    def _ensure_entries(self, projects=None):
        """Every active project follows every periodic category."""
        if projects is None:
            projects = self.env["property.project"].search([])
        categories = self.env["property.notice.category"].search(
            self.env["property.notice.category"]._periodic_domain()
        )
        existing = {
            (entry.project_id.id, entry.category_id.id)
            for entry in self.with_context(active_test=False).search(
                [("project_id", "in", projects.ids)]
            )
        }
        vals_list = [
            {"project_id": project.id, "category_id": category.id}
            for project in projects
            for category in categories
            if (project.id, category.id) not in existing
        ]
        return self.create(vals_list)

    def _refresh(self):
        """Recompute last publication, next due day and staleness from the
        notices (set-based: one read of the notices)."""
        if not self:
            return
        Notice = self.env["property.notice"].sudo()
        today = Notice._notice_today()
        notices = Notice.search(
            [
                ("project_id", "in", self.project_id.ids),
                ("category_id", "in", self.category_id.ids),
                ("state", "in", ("published", "expired", "archived")),
                ("date_published", "!=", False),
            ],
            order="date_published desc, id desc",
        )
        last = {}
        displayed = set()
        for notice in notices:
            key = (notice.project_id.id, notice.category_id.id)
            last.setdefault(key, notice)
            if notice.is_displayed:
                displayed.add(key)
        for entry in self:
            key = (entry.project_id.id, entry.category_id.id)
            notice = last.get(key, Notice)
            published = (
                fields.Datetime.context_timestamp(
                    entry.with_context(tz=entry.project_id.tz or "Asia/Shanghai"),
                    notice.date_published,
                ).date()
                if notice
                else False
            )
            due, stale = entry.category_id._next_due(
                published, today, key in displayed, entry.date_since
            )
            vals = {
                "date_last_published": published,
                "last_notice_id": notice.id,
                "date_next_due": due,
                "is_displayed": key in displayed,
                "is_stale": stale,
            }
            current = {
                "date_last_published": entry.date_last_published,
                "last_notice_id": entry.last_notice_id.id,
                "date_next_due": entry.date_next_due,
                "is_displayed": entry.is_displayed,
                "is_stale": entry.is_stale,
            }
            if current != vals:
                entry.write(vals)

    def _needs_todo(self, today):
        """Stale, or due within the project's reminder days (the annual
        report gets its task before 31 March, domain_standards B4)."""
        self.ensure_one()
        if self.is_stale:
            return True
        days = self.project_id.notice_reminder_days
        return bool(
            days and self.date_next_due and (self.date_next_due - today).days <= days
        )

    def _alert_stale(self):
        """A to-do for the project's manager on each entry that is stale or
        due within the project's reminder days and has none open yet, due on
        the due day; entries published since get theirs completed."""
        env = self.env
        today = env["property.notice"]._notice_today()
        for entry in self:
            open_todos = entry.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == env.ref(STALE_ACTIVITY)
                    and a.res_model == self._name
                )
            )
            if not entry._needs_todo(today):
                if open_todos:
                    open_todos.action_feedback(
                        feedback=entry._company_env()._("Published.")
                    )
                continue
            # the project manager, if they may open the row (an activity
            # cannot go to someone who cannot read its document)
            user = entry.project_id.manager_id
            if open_todos or not user or not entry.with_user(user).has_access("read"):
                continue
            lang_env = entry._company_env()
            due = entry.date_next_due or today
            entry.activity_schedule(
                STALE_ACTIVITY,
                date_deadline=due,
                summary=lang_env._(
                    "Publish: %(category)s",
                    category=entry.category_id.with_env(lang_env).name,
                ),
                note=lang_env._(
                    "The publicity item %(category)s of %(project)s is due on "
                    "%(due)s (last published: %(date)s). Publish a notice of "
                    "this category.",
                    category=entry.category_id.with_env(lang_env).name,
                    project=entry.project_id.name,
                    due=fields.Date.to_string(due),
                    date=fields.Date.to_string(entry.date_last_published)
                    if entry.date_last_published
                    else lang_env._("never"),
                ),
                user_id=user.id,
            )

    def _company_env(self):
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    @api.model
    def _cron_check_publicity_calendar(self):
        """Daily: follow the periodic categories in every project, refresh
        the calendar and alert the project managers of stale categories."""
        self._ensure_entries()
        entries = self.search([])
        entries._refresh()
        entries._alert_stale()
        return entries.filtered("is_stale")

    def action_new_notice(self):
        """Draft a notice of this category for the project."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.notice",
            "view_mode": "form",
            "context": {
                "default_project_id": self.project_id.id,
                "default_category_id": self.category_id.id,
            },
        }
