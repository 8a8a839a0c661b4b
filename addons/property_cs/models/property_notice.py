# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv.expression import normalize_domain

from .constants import GROUP_SUPERVISOR

# what may not change once the notice is published: it was checked for
# personal information as it is
CONTENT_FIELDS = (
    "name",
    "body",
    "project_id",
    "building_ids",
    "category_id",
    "outage_type",
    "outage_start",
    "outage_end",
)


class PropertyNotice(models.Model):
    """A public notice (公示, issue 14, domain_standards B1-B5, C9): text and
    attachments published to the portal of a project or some of its
    buildings for a display period of at least the project's minimum
    (default 30 days, B3), optionally acknowledged by the owners and
    tenants. Draft → published (after the personal-information checks of
    models/property_notice_privacy.py) → expired (daily cron, after the
    display period) → archived."""

    _name = "property.notice"
    _description = "Public Notice"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "date_published",
        "publisher_id",
        "publish_reason",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', '=', project_id)]",
        help="Leave empty to publish to the whole project.",
    )
    category_id = fields.Many2one(
        "property.notice.category",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    kind = fields.Selection(related="category_id.kind", store=True)
    body = fields.Html(string="Text", sanitize=True)
    attachment_ids = fields.One2many(
        "property.notice.attachment", "notice_id", string="Attachments"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_from = fields.Date(
        string="Display From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_until = fields.Date(string="Display Until", tracking=True)
    min_display_days = fields.Integer(
        related="project_id.notice_min_display_days", string="Minimum Display (Days)"
    )
    on_board = fields.Boolean(
        string="Also on the Notice Board",
        default=True,
        help="Posted on the project's notice board as well as in the portal.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Published"),
            ("expired", "Expired"),
            ("archived", "Archived"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_published = fields.Datetime(readonly=True, copy=False)
    publisher_id = fields.Many2one("res.users", readonly=True, copy=False)
    publish_reason = fields.Text(
        string="Reason to Publish Despite Names",
        readonly=True,
        copy=False,
        help="Why the notice was published although owner names were found in it.",
    )
    requires_ack = fields.Boolean(
        string="Acknowledgement Requested",
        help="Owners and tenants confirm in the portal that they have read the notice.",
    )
    ack_ids = fields.One2many(
        "property.notice.ack", "notice_id", string="Acknowledgements"
    )
    ack_count = fields.Integer(compute="_compute_ack_count", string="Acknowledged By")
    ack_unit_count = fields.Integer(
        compute="_compute_ack_stats", string="Units Acknowledged"
    )
    audience_unit_count = fields.Integer(
        compute="_compute_ack_stats",
        string="Units Addressed",
        help="Units of the project or buildings with a current owner or tenant.",
    )
    ack_rate = fields.Float(compute="_compute_ack_stats", string="Acknowledged (%)")
    is_displayed = fields.Boolean(
        compute="_compute_is_displayed",
        search="_search_is_displayed",
        string="On Display",
    )
    is_portal_audience = fields.Boolean(
        compute="_compute_is_portal_audience",
        search="_search_is_portal_audience",
        help="Technical: the notice is on display to the current portal user.",
    )

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.model
    def _notice_today(self):
        """Today in the company's time zone."""
        return self.env["property.unit.partner"]._property_today()

    @api.depends("state", "date_from", "date_until")
    def _compute_is_displayed(self):
        today = self._notice_today()
        for notice in self:
            notice.is_displayed = (
                notice.state == "published"
                and notice.date_from <= today
                and (not notice.date_until or notice.date_until >= today)
            )

    def _displayed_domain(self):
        today = self._notice_today()
        return [
            ("state", "=", "published"),
            ("date_from", "<=", today),
            "|",
            ("date_until", "=", False),
            ("date_until", ">=", today),
        ]

    def _search_is_displayed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on notices on display."))
        domain = self._displayed_domain()
        return (
            domain if (operator == "=") == value else ["!", *normalize_domain(domain)]
        )

    def _compute_is_portal_audience(self):
        visible = self.search(self._portal_domain(self.env.user.partner_id))
        for notice in self:
            notice.is_portal_audience = notice in visible

    def _search_is_portal_audience(self, operator, value):
        """The notices on display to the current user (portal record
        rule): computed at each search, so that a unit link or a committee
        term ending today ends the access today."""
        if operator != "=" or value is not True:
            raise UserError(self.env._("Unsupported search on the notice audience."))
        return self._portal_domain(self.env.user.partner_id)

    @api.depends("ack_ids")
    def _compute_ack_count(self):
        """Counted in one query for a list of notices."""
        data = dict(
            self.env["property.notice.ack"]
            .sudo()
            ._read_group([("notice_id", "in", self.ids)], ["notice_id"], ["__count"])
        )
        for notice in self:
            notice.ack_count = data.get(notice, 0)

    @api.depends("ack_ids", "project_id", "building_ids")
    def _compute_ack_stats(self):
        """Units addressed (with a current owner, tenant or resident) and
        units acknowledged, counted in the database (a project may have
        thousands of units); shown on the notice's form."""
        Link = self.env["property.unit.partner"].sudo()
        for notice in self:
            if not notice.id or not notice.project_id:
                notice.ack_unit_count = notice.audience_unit_count = 0
                notice.ack_rate = 0.0
                continue
            domain = [*notice._audience_unit_domain(), ("is_current", "=", True)]
            [[audience]] = Link._read_group(domain, [], ["unit_id:count_distinct"])
            ack_units = notice.sudo().ack_ids.unit_id
            [[acked]] = Link._read_group(
                [*domain, ("unit_id", "in", ack_units.ids)],
                [],
                ["unit_id:count_distinct"],
            )
            notice.audience_unit_count = audience
            notice.ack_unit_count = acked
            notice.ack_rate = 100.0 * acked / audience if audience else 0.0

    # ------------------------------------------------------------------
    # AUDIENCE
    # ------------------------------------------------------------------
    def _audience_links(self):
        """The current unit links (owners, tenants, residents) of the units
        the notice is addressed to."""
        self.ensure_one()
        return (
            self.env["property.unit.partner"]
            .sudo()
            .search([*self._audience_unit_domain(), ("is_current", "=", True)])
        )

    def _audience_unit_domain(self):
        """Unit links of the notice's buildings, else of its project."""
        self.ensure_one()
        if self.building_ids:
            return [("building_id", "in", self.building_ids.ids)]
        return [("project_id", "=", self.project_id.id)]

    @api.model
    def _portal_domain(self, partner):
        """The notices on display to ``partner`` in the portal: those of the
        projects and buildings where they currently own, rent or live in a
        unit (a notice without buildings is for the whole project), and all
        notices of the projects where they are a current committee member.
        The record rule for portal users says the same."""
        if not partner:
            return [("id", "=", False)]
        units = self.env["property.unit.partner"]._portal_current_units(partner)
        committee_projects = partner._property_committee_projects()
        return [
            *self._displayed_domain(),
            "|",
            "|",
            "&",
            ("building_ids", "=", False),
            ("project_id", "in", units.project_id.ids),
            ("building_ids", "in", units.building_id.ids),
            ("project_id", "in", committee_projects.ids),
        ]

    def _portal_values(self, partner):
        """What a resident or committee member sees of a notice on display:
        its text, files, period and their own acknowledgement; never who
        else acknowledged."""
        self.ensure_one()
        ack = (
            self.env["property.notice.ack"]
            .sudo()
            .search(
                [("notice_id", "=", self.id), ("partner_id", "=", partner.id)],
                limit=1,
            )
        )
        return {
            "notice": self,
            "page_name": "property_notice",
            "files": self.attachment_ids,
            "ack": ack,
            "can_ack": self.requires_ack and not ack and self.is_displayed,
        }

    # ------------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------------
    @api.constrains("building_ids", "project_id")
    def _check_buildings(self):
        for notice in self:
            if notice.building_ids.project_id - notice.project_id:
                raise ValidationError(
                    self.env._(
                        "The buildings of notice %(notice)s must belong to its "
                        "project.",
                        notice=notice.name,
                    )
                )

    @api.constrains("date_from", "date_until")
    def _check_display_period(self):
        """The display period ends on or after its start; the period of a
        published notice of a category with the minimum display period is
        at least the project's minimum number of days (default 30,
        domain_standards B3): until ≥ from + minimum. Checked at publication
        and when the period of a published notice changes, not when it
        expires (the setting may have changed since)."""
        for notice in self:
            if notice.date_until and notice.date_until < notice.date_from:
                raise ValidationError(
                    self.env._(
                        "Notice %(notice)s cannot end before it starts.",
                        notice=notice.name,
                    )
                )
            if notice.state == "published":
                notice._check_minimum_display()

    def _check_minimum_display(self):
        self.ensure_one()
        if not self.category_id.minimum_display:
            return
        days = self.project_id.notice_min_display_days
        earliest = self.date_from + timedelta(days=days)
        if not self.date_until or self.date_until < earliest:
            raise ValidationError(
                self.env._(
                    "Notice %(notice)s must stay on display at least %(days)s "
                    "days: until %(date)s or later.",
                    notice=self.name,
                    days=days,
                    date=fields.Date.to_string(earliest),
                )
            )

    @api.onchange("date_from", "category_id", "project_id")
    def _onchange_display_period(self):
        """Propose the shortest display period allowed."""
        if self.date_from and self.category_id.minimum_display and self.project_id:
            earliest = self.date_from + timedelta(
                days=self.project_id.notice_min_display_days
            )
            if not self.date_until or self.date_until < earliest:
                self.date_until = earliest

    def write(self, vals):
        """A published notice was checked for personal information as it
        is: its text, audience and attachments change only in draft (withdraw
        it to correct it); its display period may still be extended."""
        if not self._workflow_change_allowed():
            locked = [name for name in CONTENT_FIELDS if name in vals]
            if locked and any(notice.state != "draft" for notice in self):
                # who may not write at all is told so first (access error)
                self.check_access("write")
                raise UserError(
                    self.env._(
                        "A published notice cannot be edited: withdraw it to "
                        "draft, correct it and publish it again."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        if any(notice.state != "draft" for notice in self):
            raise UserError(
                self.env._("Published notices are kept: archive them instead.")
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _check_publisher(self):
        if not self.env.su and not self.env.user.has_group(GROUP_SUPERVISOR):
            raise UserError(
                self.env._("Only supervisors and project managers publish notices.")
            )

    def action_withdraw(self):
        """Take a published notice off display back to draft, e.g. to
        correct it; it is checked again when published again."""
        self._check_publisher()
        for notice in self:
            if notice.state != "published":
                raise UserError(self.env._("Only published notices can be withdrawn."))
        self._workflow_write({"state": "draft"})
        for notice in self:
            notice.message_post(
                body=self.env._(
                    "Withdrawn from display by %(user)s.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._on_withdraw()
        return True

    def _check_publish_extra(self):
        """Hook: more conditions of a kind of notice (outage period)."""
        return True

    def _on_publish(self):
        """What a publication triggers: the publicity calendar of the
        project is refreshed and its to-do completed (the outage call tasks
        are in models/property_notice_outage.py)."""
        self._refresh_publicity_calendar()
        return True

    def _refresh_publicity_calendar(self):
        """Refresh the publicity calendar rows of the notices' projects and
        categories at once: a publication completes the stale to-do, a
        withdrawal may make the item stale again."""
        Calendar = self.env["property.notice.calendar"].sudo()
        Calendar._ensure_entries(self.project_id)
        entries = Calendar.search(
            [
                ("project_id", "in", self.project_id.ids),
                ("category_id", "in", self.category_id.ids),
            ]
        )
        entries._refresh()
        entries._alert_stale()
        return entries

    def _on_withdraw(self):
        """What a withdrawal undoes: the publicity calendar is refreshed (the
        outage call tasks are in models/property_notice_outage.py)."""
        self._refresh_publicity_calendar()
        return True

    def action_set_archived(self):
        """Archive a notice that is no longer needed (kept as a record)."""
        self._check_publisher()
        self._workflow_write({"state": "archived"})
        return True

    def action_view_acks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledgements"),
            "res_model": "property.notice.ack",
            "view_mode": "list,form",
            "domain": [("notice_id", "=", self.id)],
            "context": {"default_notice_id": self.id},
        }

    # ------------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------------
    @api.model
    def _cron_expire_notices(self):
        """Published notices whose display period ended are expired."""
        notices = self.search(
            [
                ("state", "=", "published"),
                ("date_until", "!=", False),
                ("date_until", "<", self._notice_today()),
            ]
        )
        notices._workflow_write({"state": "expired"})
        return notices

    def _company_env(self):
        """The environment in the company's language, for what the system
        writes (activities, notes)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env
