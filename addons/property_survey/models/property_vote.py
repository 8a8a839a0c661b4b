# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_project_vote import COOWNER_RULES, HEADCOUNT_RULES
from .vote_arithmetic import format_area, fraction_label, to_cents

VOTE_STATES = [
    ("draft", "Draft"),
    ("open", "Voting"),
    ("closed", "Closed"),
    ("published", "Result Published"),
]
# the states in which the choices are counted and shown
COUNTED_STATES = ("closed", "published")
GROUP_MANAGER = "property_cs.group_property_cs_manager"
OWNER_ROLES = ("owner", "co_owner")
# staff of the property company: never scrutineers
STAFF_GROUP_XMLIDS = (
    "property_cs.group_property_cs_agent",
    "property_cs.group_property_cs_department",
    "property_cs.group_property_cs_finance",
    "property_cs.group_property_cs_surveyor",
    "property_cs.group_property_cs_head_office",
)
# what the vote is about and how it is counted: fixed once the vote opens
FROZEN_FIELDS = (
    "name",
    "project_id",
    "matter_type_id",
    "matter_text",
    "date_start",
    "scrutineer_ids",
    "headcount_rule",
    "coowner_rule",
    "quorum_numerator",
    "quorum_denominator",
    "quorum_strict",
    "majority_numerator",
    "majority_denominator",
    "majority_strict",
)
# the thresholds copied from the matter type
THRESHOLD_FIELDS = (
    "quorum_numerator",
    "quorum_denominator",
    "quorum_strict",
    "majority_numerator",
    "majority_denominator",
    "majority_strict",
)


class PropertyVote(models.Model):
    """A formal owners' vote (业主表决) on one matter of a project: owners
    cast one ballot per exclusive part, the result counts participation and
    the choices by exclusive area and by headcount against the thresholds of
    the matter type (Civil Code Art. 278, domain_standards G1).

    Draft → open (the electorate, the counting rules and the thresholds are
    frozen) → closed (after the end of the voting period; nothing changes
    any more) → published (the result is posted as a public notice for at
    least 30 days). The state changes only through the action methods.

    While the vote runs, property staff see participation counts only; the
    scrutineers named for the vote (committee members or appointed owners,
    never staff) see the individual ballots (security/
    property_vote_security.xml); the choices are counted when it closes.
    The counting is in models/property_vote_count.py, the publication in
    models/property_vote_publish.py."""

    _name = "property.vote"
    _description = "Owners' Vote"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "date_opened",
        "date_closed",
        "date_published",
        "notice_id",
    )

    name = fields.Char(string="Matter", required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    matter_type_id = fields.Many2one(
        "property.vote.matter.type", required=True, tracking=True
    )
    matter_kind = fields.Selection(related="matter_type_id.kind")
    matter_text = fields.Html(
        string="Matter Put to the Vote",
        sanitize=True,
        help="The full text the owners vote on: the proposal, its cost and "
        "how it will be carried out.",
    )
    state = fields.Selection(
        VOTE_STATES, required=True, default="draft", readonly=True, tracking=True
    )
    date_start = fields.Datetime(string="Voting Opens", tracking=True)
    date_end = fields.Datetime(string="Voting Closes", tracking=True)
    date_opened = fields.Datetime(readonly=True, copy=False)
    date_closed = fields.Datetime(readonly=True, copy=False)
    date_published = fields.Datetime(readonly=True, copy=False)
    scrutineer_ids = fields.Many2many(
        "res.partner",
        string="Scrutineers",
        help="Committee members or owners appointed to supervise the count; "
        "only they see individual ballots while the vote runs.",
    )
    ballot_ids = fields.One2many("property.vote.ballot", "vote_id", string="Ballots")
    elector_ids = fields.One2many(
        "property.vote.elector", "vote_id", string="Electorate"
    )
    # counting rules and thresholds: copied from the project and the matter
    # type, frozen when the vote opens
    headcount_rule = fields.Selection(
        HEADCOUNT_RULES,
        compute="_compute_headcount_rule",
        store=True,
        readonly=False,
        precompute=True,
        help="Copied from the project's setting; fixed when the vote opens.",
    )
    coowner_rule = fields.Selection(
        COOWNER_RULES,
        string="Co-Owners' Ballot",
        compute="_compute_coowner_rule",
        store=True,
        readonly=False,
        precompute=True,
        help="Copied from the project's setting; fixed when the vote opens.",
    )
    quorum_numerator = fields.Integer(
        compute="_compute_thresholds", store=True, readonly=False, precompute=True
    )
    quorum_denominator = fields.Integer(
        compute="_compute_thresholds", store=True, readonly=False, precompute=True
    )
    quorum_strict = fields.Boolean(
        string="Quorum: More Than",
        compute="_compute_thresholds",
        store=True,
        readonly=False,
        precompute=True,
    )
    majority_numerator = fields.Integer(
        compute="_compute_thresholds", store=True, readonly=False, precompute=True
    )
    majority_denominator = fields.Integer(
        compute="_compute_thresholds", store=True, readonly=False, precompute=True
    )
    majority_strict = fields.Boolean(
        string="Majority: More Than",
        compute="_compute_thresholds",
        store=True,
        readonly=False,
        precompute=True,
    )
    quorum_label = fields.Char(string="Quorum", compute="_compute_threshold_labels")
    majority_label = fields.Char(string="Majority", compute="_compute_threshold_labels")
    # the electorate's totals (stored: the electorate is frozen)
    elector_count = fields.Integer(
        string="Units", compute="_compute_electorate_totals", store=True
    )
    total_area = fields.Float(
        string="Total Exclusive Area (m²)",
        digits=(16, 2),
        compute="_compute_electorate_totals",
        store=True,
    )
    total_headcount = fields.Integer(
        string="Total Owners",
        compute="_compute_electorate_totals",
        store=True,
        help="Owners counted by the headcount rule: the developer's units as "
        "one, and each owner of several units once unless the project counts "
        "per unit.",
    )
    notice_id = fields.Many2one(
        "property.notice", string="Result Notice", readonly=True, copy=False
    )
    publish_reason = fields.Text(
        string="Reason to Publish Despite Names",
        help="Needed only when the notice check finds names of residents in "
        "the result (e.g. the candidates of an election): why the result is "
        "published with them.",
    )

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end > date_start)",
            "A vote closes after it opens.",
        ),
    ]

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("project_id")
    def _compute_headcount_rule(self):
        """The project's setting, copied when the project is chosen (not
        when the setting changes later: an opened vote keeps its rule)."""
        for vote in self:
            vote.headcount_rule = (
                vote.project_id.property_vote_headcount_rule or "buyer_once"
            )

    @api.depends("project_id")
    def _compute_coowner_rule(self):
        for vote in self:
            vote.coowner_rule = vote.project_id.property_vote_coowner_rule or (
                "any_last"
            )

    @api.depends("matter_type_id")
    def _compute_thresholds(self):
        """The matter type's thresholds, copied when the type is chosen (not
        when the type is edited later: an opened vote keeps them)."""
        for vote in self:
            matter = vote.matter_type_id
            for name in THRESHOLD_FIELDS:
                vote[name] = matter[name] if matter else False

    @api.depends(*THRESHOLD_FIELDS)
    def _compute_threshold_labels(self):
        for vote in self:
            vote.quorum_label = fraction_label(
                vote.quorum_numerator, vote.quorum_denominator, vote.quorum_strict
            )
            vote.majority_label = fraction_label(
                vote.majority_numerator,
                vote.majority_denominator,
                vote.majority_strict,
            )

    @api.depends("elector_ids.area", "elector_ids.voter_key")
    def _compute_electorate_totals(self):
        """Units, total exclusive area and total headcount of the frozen
        electorate (distinct headcount keys)."""
        for vote in self:
            electors = vote.sudo().elector_ids
            vote.elector_count = len(electors)
            vote.total_area = sum(electors.mapped("area"))
            vote.total_headcount = len(set(electors.mapped("voter_key")))

    # ------------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------------
    @api.constrains("scrutineer_ids", "project_id")
    def _check_scrutineers(self):
        """Scrutineers are current members of the project's owners'
        committee or current owners of a unit of the project, and never
        staff of the property company (D-23: staff must not see the ballots
        while the vote runs, and the company is an interested party in
        votes on hiring or dismissing it)."""
        Link = self.env["property.unit.partner"].sudo()
        staff_groups = self.env["res.groups"].browse(
            [self.env.ref(xmlid).id for xmlid in STAFF_GROUP_XMLIDS]
        )
        for vote in self:
            for partner in vote.sudo().scrutineer_ids:
                staff = partner.sudo().user_ids.filtered(
                    lambda user: not user.share and user.groups_id & staff_groups
                )
                if staff:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is staff of the property company and "
                            "cannot be a scrutineer: scrutineers are committee "
                            "members or owners.",
                            partner=partner.display_name,
                        )
                    )
                if vote.project_id in partner._property_committee_projects():
                    continue
                if Link.search_count(
                    [
                        ("partner_id", "=", partner.id),
                        ("project_id", "=", vote.project_id.id),
                        ("role", "in", OWNER_ROLES),
                        ("is_current", "=", True),
                    ],
                    limit=1,
                ):
                    continue
                raise ValidationError(
                    self.env._(
                        "%(partner)s cannot be a scrutineer of this vote: "
                        "scrutineers are current members of the owners' "
                        "committee or owners of %(project)s.",
                        partner=partner.display_name,
                        project=vote.project_id.display_name,
                    )
                )

    @api.constrains(*THRESHOLD_FIELDS)
    def _check_thresholds(self):
        for vote in self:
            for numerator, denominator in (
                (vote.quorum_numerator, vote.quorum_denominator),
                (vote.majority_numerator, vote.majority_denominator),
            ):
                if not 0 < numerator <= denominator:
                    raise ValidationError(
                        self.env._(
                            "The thresholds of a vote are fractions between 0 "
                            "and 1: choose a matter type."
                        )
                    )

    def write(self, vals):
        """Once a vote opens, what it is about and how it is counted stay as
        they were when the owners started voting; the closing time may only
        be extended while it runs; a closed vote changes no more. Checked
        for every writer, the superuser included (the action methods write
        only workflow fields, which are not frozen)."""
        for vote in self:
            vote._check_frozen(vals)
        return super().write(vals)

    def _check_frozen(self, vals):
        self.ensure_one()
        if self.state == "draft":
            return
        frozen = [name for name in FROZEN_FIELDS if name in vals]
        if "date_end" in vals:
            new_end = fields.Datetime.to_datetime(vals["date_end"])
            extends = (
                self.state == "open"
                and new_end
                and (not self.date_end or new_end >= self.date_end)
            )
            if not extends:
                frozen.append("date_end")
        if self.state == "published" and "publish_reason" in vals:
            frozen.append("publish_reason")
        if frozen:
            self.check_access("write")
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name in frozen
            )
            raise UserError(
                self.env._(
                    "Vote %(vote)s is under way or over: %(fields)s can no "
                    "longer change (the closing time may only be extended "
                    "while voting runs).",
                    vote=self.name,
                    fields=labels,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(vote.state != "draft" for vote in self):
            raise UserError(self.env._("A vote that has opened is kept as a record."))

    # ------------------------------------------------------------------
    # WORKFLOW
    # ------------------------------------------------------------------
    def _check_vote_open(self, allow_late_entry=False):
        """Raise a UserError unless ballots may be cast or changed now: the
        vote is open and its voting period has started and, unless
        ``allow_late_entry``, has not ended. Every path that casts or changes
        a ballot calls it first (the portal, the paper entry); the ballot's
        own create, write and unlink call it with ``allow_late_entry`` so
        that paper ballots handed in before the end can still be entered
        and confirmed until a project manager closes the vote; after the
        close nothing changes."""
        self.ensure_one()
        vote = self.sudo()
        now = fields.Datetime.now()
        if vote.state != "open":
            raise UserError(
                self.env._(
                    "Vote %(vote)s is not open: ballots cannot be cast or "
                    "changed (it is %(state)s).",
                    vote=vote.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        vote.state
                    ],
                )
            )
        if vote.date_start and now < vote.date_start:
            raise UserError(
                self.env._("Voting on %(vote)s has not started yet.", vote=vote.name)
            )
        if not allow_late_entry and vote.date_end and now > vote.date_end:
            raise UserError(
                self.env._(
                    "Voting on %(vote)s is over: ballots can no longer be "
                    "cast or changed.",
                    vote=vote.name,
                )
            )
        return True

    def _check_organiser(self):
        """Project managers (and administrators) run a vote's workflow."""
        if not self.env.su and not self.env.user.has_group(GROUP_MANAGER):
            raise UserError(
                self.env._("Only project managers open, close and publish votes.")
            )
        self.check_access("write")

    def action_open(self):
        """Open the vote: check the matter, the period and the scrutineers,
        freeze the electorate (every unit of the project with its area,
        headcount key and voters, as of today) and start accepting
        ballots."""
        self._check_organiser()
        now = fields.Datetime.now()
        for vote in self:
            if vote.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft vote can be opened: %(vote)s.", vote=vote.name
                    )
                )
            if not vote.date_end or vote.date_end <= now:
                raise UserError(
                    self.env._(
                        "Set when voting on %(vote)s closes (a time in the "
                        "future) before opening it.",
                        vote=vote.name,
                    )
                )
            if not vote.sudo().scrutineer_ids:
                raise UserError(
                    self.env._(
                        "Name at least one scrutineer (a committee member or "
                        "an owner) for %(vote)s before opening it.",
                        vote=vote.name,
                    )
                )
            vote._check_scrutineers()
            day = vote._today()
            electors = self.env["property.vote.elector"].sudo()
            electors.search([("vote_id", "=", vote.id)]).unlink()
            electors.create(vote._prepare_elector_values(day))
            if not vote.sudo().elector_ids:
                raise UserError(
                    self.env._(
                        "Project %(project)s has no units: there is nobody to vote.",
                        project=vote.project_id.display_name,
                    )
                )
            values = {"state": "open", "date_opened": now}
            if not vote.date_start:
                values["date_start"] = now
            vote._workflow_write(values)
            vote.message_post(
                body=vote._company_env()._(
                    "Voting opened: %(units)s units, %(area)s m², %(owners)s "
                    "owners in the electorate.",
                    units=vote.elector_count,
                    area=format_area(to_cents(vote.total_area)),
                    owners=vote.total_headcount,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_close(self):
        """Close the vote once its voting period is over (and the paper
        ballots handed in are entered): from now on no ballot changes, and
        the choices are counted. Votes are closed by hand, never by a
        timer, so that paper ballots handed in on time are not lost."""
        self._check_organiser()
        now = fields.Datetime.now()
        for vote in self:
            if vote.state != "open":
                raise UserError(
                    self.env._(
                        "Only an open vote can be closed: %(vote)s.", vote=vote.name
                    )
                )
            if vote.date_end and now < vote.date_end:
                raise UserError(
                    self.env._(
                        "Voting on %(vote)s runs until %(end)s: it closes after that.",
                        vote=vote.name,
                        end=vote._format_datetime(vote.date_end),
                    )
                )
            vote._close()
        return True

    def _close(self):
        self.ensure_one()
        self._workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
        result = self._count_result()
        env = self._company_env()
        lines = Markup("").join(
            Markup("<li>%s</li>") % line for line in self._result_lines(result, env)
        )
        self.message_post(
            body=Markup("<p>%s %s</p><ul>%s</ul>")
            % (env._("Voting closed."), self._verdict_label(result, env), lines),
            subtype_xmlid="mail.mt_note",
        )

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------
    def _company_env(self):
        """The environment in the company's language, for what the system
        writes (chatter notes, the result notice)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    def _format_datetime(self, value):
        """``value`` (UTC) in the project's time zone, to the minute."""
        self.ensure_one()
        tz = self.project_id.tz or "Asia/Shanghai"
        local = fields.Datetime.context_timestamp(self.with_context(tz=tz), value)
        return local.strftime("%Y-%m-%d %H:%M")
