# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import OWNER_ROLES

COMMITTEE_ROLES = [
    ("chair", "Chair"),
    ("vice_chair", "Vice Chair"),
    ("member", "Member"),
    ("secretary", "Secretary"),
    ("alternate", "Alternate Member"),
]


class PropertyCommitteeMember(models.Model):
    """A member of an owners' committee for a term (D-23); current
    membership makes the owner a key customer (D-5).

    The member's own dates default to the committee's term (an empty date
    means "as the committee"); a member is current while the committee's
    term and their own cover today. Members are owners (or co-owners) of a
    unit of the project when their membership starts."""

    _name = "property.committee.member"
    _description = "Committee Member"
    _order = "committee_id, sequence, id"
    _rec_name = "partner_id"

    committee_id = fields.Many2one(
        "property.committee", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="committee_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True
    )
    role = fields.Selection(COMMITTEE_ROLES, required=True, default="member")
    responsibility = fields.Char(
        help="What the member looks after, e.g. finance supervision, greening."
    )
    date_start = fields.Date(
        string="From", help="Empty: from the start of the committee's term."
    )
    date_end = fields.Date(
        string="Until",
        help="Empty: until the end of the committee's term. Set it when a "
        "member resigns or is replaced.",
    )
    committee_date_start = fields.Date(related="committee_id.date_start")
    committee_date_end = fields.Date(related="committee_id.date_end")
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
    )
    has_portal_access = fields.Boolean(
        compute="_compute_has_portal_access", compute_sudo=True
    )

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "A membership cannot end before it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # Current membership
    # ------------------------------------------------------------------
    @api.model
    def _current_domain(self, day=None):
        """Domain of the memberships current on ``day`` (default today, in
        the company's time zone): the member's own dates and the committee's
        term both cover the day, neither is archived (D-23)."""
        Committee = self.env["property.committee"]
        day = day or Committee._today()
        return [
            ("active", "=", True),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", day),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", day),
        ] + Committee._current_term_domain(day, prefix="committee_id.")

    def _effective_dates(self):
        """(start, end) of the membership, the committee's where unset."""
        self.ensure_one()
        return (
            self.date_start or self.committee_id.date_start,
            self.date_end or self.committee_id.date_end,
        )

    def _is_current_on(self, day):
        self.ensure_one()
        start, end = self._effective_dates()
        return (
            self.active
            and self.committee_id._is_current_on(day)
            and bool(start)
            and start <= day
            and (not end or end >= day)
        )

    @api.depends(
        "active",
        "date_start",
        "date_end",
        "committee_id.active",
        "committee_id.date_start",
        "committee_id.date_end",
    )
    def _compute_is_current(self):
        today = self.env["property.committee"]._today()
        for member in self:
            member.is_current = bool(member.committee_id) and member._is_current_on(
                today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on 'Current'."))
        current = self._search(self._current_domain())
        if (operator == "=") == value:
            return [("id", "in", current)]
        return [("id", "not in", current)]

    @api.depends("partner_id.user_ids.share", "partner_id.user_ids.active")
    def _compute_has_portal_access(self):
        for member in self:
            member.has_portal_access = any(
                user.share and user.active for user in member.partner_id.user_ids
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("partner_id", "committee_id", "date_start")
    def _check_owner_of_project(self):
        """Members are owners of a unit of the committee's project when
        their membership starts."""
        for member in self.sudo():
            start, _end = member._effective_dates()
            links = member.partner_id.unit_link_ids.filtered(
                lambda link, m=member, s=start: (
                    link.role in OWNER_ROLES
                    and link.unit_id.project_id == m.project_id
                    and link.date_start
                    and link._is_current_on(s)
                )
            )
            if not links:
                raise ValidationError(
                    self.env._(
                        "%(partner)s does not own a unit of %(project)s on "
                        "%(date)s: committee members are owners of the project.",
                        partner=member.partner_id.display_name,
                        project=member.project_id.display_name,
                        date=start,
                    )
                )

    @api.constrains("date_start", "date_end", "committee_id")
    def _check_within_committee_term(self):
        """A membership lies within the committee's term."""
        for member in self:
            committee = member.committee_id
            if member.date_start and member.date_start < committee.date_start:
                raise ValidationError(
                    self.env._(
                        "The membership of %(partner)s starts before the term "
                        "of %(committee)s.",
                        partner=member.partner_id.display_name,
                        committee=committee.display_name,
                    )
                )
            if (
                member.date_end
                and committee.date_end
                and member.date_end > committee.date_end
            ) or (
                member.date_start
                and committee.date_end
                and member.date_start > committee.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The membership of %(partner)s ends after the term of "
                        "%(committee)s.",
                        partner=member.partner_id.display_name,
                        committee=committee.display_name,
                    )
                )

    @api.constrains("partner_id", "role", "date_start", "date_end", "active")
    def _check_overlaps(self):
        """An owner sits once at a time on a committee; a committee has
        one chair at a time."""
        for member in self.filtered("active"):
            start, end = member._effective_dates()
            others = self.search(
                [
                    ("committee_id", "=", member.committee_id.id),
                    ("id", "!=", member.id),
                ]
            )
            for other in others:
                o_start, o_end = other._effective_dates()
                overlaps = (not end or o_start <= end) and (not o_end or start <= o_end)
                if not overlaps:
                    continue
                if other.partner_id == member.partner_id:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is already a member of %(committee)s "
                            "for these dates.",
                            partner=member.partner_id.display_name,
                            committee=member.committee_id.display_name,
                        )
                    )
                if member.role == "chair" and other.role == "chair":
                    raise ValidationError(
                        self.env._(
                            "%(committee)s already has a chair for these "
                            "dates: end that membership first.",
                            committee=member.committee_id.display_name,
                        )
                    )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_grant_portal(self):
        """Open Odoo's portal access wizard for the member (committee
        members read their report packs, minutes and letters in the
        portal)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "portal.partner_wizard_action"
        )
        action["context"] = {
            "active_ids": self.partner_id.ids,
            "active_id": self.partner_id[:1].id,
            "active_model": "res.partner",
        }
        return action

    # ------------------------------------------------------------------
    # Daily check
    # ------------------------------------------------------------------
    def _still_owner_on(self, day):
        """Whether the member still owns (or co-owns) a unit of the project."""
        self.ensure_one()
        return bool(
            self.sudo().partner_id.unit_link_ids.filtered(
                lambda link: (
                    link.role in OWNER_ROLES
                    and link.unit_id.project_id == self.project_id
                    and link.date_start
                    and link._is_current_on(day)
                )
            )
        )

    @api.model
    def _cron_check_members_still_owners(self):
        """A current member who no longer owns a unit of the project (sold
        it) cannot stay on the committee (D-23): the project manager gets a
        to-do on the committee to end the membership, once."""
        Committee = self.env["property.committee"]
        today = Committee._today()
        asked = self.browse()
        for member in self.sudo().search(self._current_domain()):
            if member._still_owner_on(today):
                continue
            committee = member.committee_id
            manager = member.project_id.manager_id
            if not manager:
                continue
            company = committee.company_id or self.env.company
            env = self.with_context(lang=company._property_lang()).env
            summary = env._(
                "%(partner)s no longer owns a unit of %(project)s",
                partner=member.partner_id.name,
                project=member.project_id.name,
            )
            if committee.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            committee.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=env._(
                    "Committee members are owners of the project: set the end "
                    "date of the membership (and record the replacement)."
                ),
                user_id=manager.id,
            )
            asked |= member
        return asked
