# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCommittee(models.Model):
    """The owners' committee (业主委员会) of a project, term by term (D-23,
    domain_standards G4): its members, meetings, report packs and requests.

    One record per term: a project has at most one committee whose term
    covers a given day. A member is current while both the committee's term
    and the member's own term cover today (``property.committee.member.
    _current_domain``); current membership makes the owner a key customer
    (D-5, ``res.partner.is_committee_member``)."""

    _name = "property.committee"
    _description = "Owners' Committee"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date_start = fields.Date(string="Term From", required=True, tracking=True)
    date_end = fields.Date(
        string="Term Until",
        tracking=True,
        help="Last day of the term; empty while the end is not known.",
    )
    date_elected = fields.Date(string="Elected On", tracking=True)
    filing_reference = fields.Char(
        tracking=True,
        help="Reference of the filing with the sub-district office or the "
        "housing authority.",
    )
    member_ids = fields.One2many(
        "property.committee.member", "committee_id", string="Members"
    )
    current_member_ids = fields.One2many(
        "property.committee.member",
        "committee_id",
        string="Current Members",
        domain=[("is_current", "=", True)],
    )
    member_count = fields.Integer(compute="_compute_counts")
    meeting_ids = fields.One2many("property.meeting", "committee_id")
    meeting_count = fields.Integer(compute="_compute_counts")
    report_ids = fields.One2many("property.committee.report", "committee_id")
    report_count = fields.Integer(compute="_compute_counts")
    is_current = fields.Boolean(
        string="Current Term",
        compute="_compute_is_current",
        search="_search_is_current",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A committee's term cannot end before it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_counts(self):
        for committee in self:
            committee.member_count = len(committee.current_member_ids)
            committee.meeting_count = len(committee.meeting_ids)
            committee.report_count = len(committee.report_ids)

    @api.model
    def _today(self):
        """Today in the company's time zone (as unit links count it)."""
        return self.env["property.unit.partner"]._property_today()

    def _is_current_on(self, day):
        self.ensure_one()
        return (
            self.active
            and self.date_start <= day
            and (not self.date_end or self.date_end >= day)
        )

    @api.depends("date_start", "date_end", "active")
    def _compute_is_current(self):
        today = self._today()
        for committee in self:
            committee.is_current = bool(
                committee.date_start
            ) and committee._is_current_on(today)

    @api.model
    def _current_term_domain(self, day=None, prefix=""):
        """Domain of committees whose term covers ``day`` (default today);
        ``prefix`` (e.g. ``"committee_id."``) applies it through a relation."""
        day = day or self._today()
        return [
            (f"{prefix}active", "=", True),
            (f"{prefix}date_start", "<=", day),
            "|",
            (f"{prefix}date_end", "=", False),
            (f"{prefix}date_end", ">=", day),
        ]

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on 'Current Term'."))
        current = self._search(self._current_term_domain())
        if (operator == "=") == value:
            return [("id", "in", current)]
        return [("id", "not in", current)]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("project_id", "date_start", "date_end", "active")
    def _check_overlapping_terms(self):
        """A project has one committee at a time: terms do not overlap."""
        for committee in self.filtered("active"):
            domain = [
                ("id", "!=", committee.id),
                ("project_id", "=", committee.project_id.id),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", committee.date_start),
            ]
            if committee.date_end:
                domain.append(("date_start", "<=", committee.date_end))
            other = self.with_context(active_test=True).search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "The term of %(committee)s overlaps the term of "
                        "%(other)s: a project has one owners' committee at a "
                        "time.",
                        committee=committee.display_name,
                        other=other.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def write(self, vals):
        res = super().write(vals)
        if {"date_start", "date_end", "active"} & set(vals):
            self.member_ids._check_within_committee_term()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _open_related(self, model, name, extra_context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("committee_id", "=", self.id)],
            "context": {
                "default_committee_id": self.id,
                "default_project_id": self.project_id.id,
                **(extra_context or {}),
            },
        }

    def action_open_meetings(self):
        return self._open_related(
            "property.meeting", self.env._("Meetings"), {"default_kind": "committee"}
        )

    def action_open_reports(self):
        return self._open_related(
            "property.committee.report", self.env._("Report Packs")
        )

    @api.model
    def _current_for_project(self, project, day=None):
        """The committee of ``project`` whose term covers ``day``."""
        return self.search(
            [("project_id", "=", project.id)] + self._current_term_domain(day),
            limit=1,
        )

    # ------------------------------------------------------------------
    # Portal (committee members)
    # ------------------------------------------------------------------
    @api.model
    def _portal_memberships(self, partner):
        """The current memberships of ``partner`` (as superuser: only the
        committee, project and role are shown)."""
        Member = self.env["property.committee.member"].sudo()
        return Member.search(
            Member._current_domain() + [("partner_id", "=", partner.id)]
        )

    @api.model
    def _portal_dashboard_values(self, partner):
        """What /my/committee shows to a current member: their committees
        with the names and roles of the current members (a committee's
        roster is public in the estate), and, searched with the user's own
        rights (record rules limit them to their project), the shared
        report packs, the committee meetings and the open action items."""
        memberships = self._portal_memberships(partner)
        projects = memberships.project_id
        mine = [("project_id", "in", projects.ids)]
        Action = self.env["property.meeting.action"]
        return {
            "memberships": memberships,
            "committees": [
                {
                    "committee": member.committee_id,
                    "role": member,
                    "roster": member.committee_id.current_member_ids.sorted(
                        lambda m: (m.sequence, m.id)
                    ),
                }
                for member in memberships
            ],
            "reports": self.env["property.committee.report"].search(
                mine + [("state", "=", "published")], limit=20
            ),
            "meetings": self.env["property.meeting"].search(
                mine + [("kind", "=", "committee")], limit=20
            ),
            "actions": Action.search(
                mine + [("kind", "=", "committee"), ("state", "=", "open")],
                order="date_due, id",
            ),
        }
