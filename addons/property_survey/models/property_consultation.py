# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import datetime, time

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .consultation_constants import (
    CONSULTATION_KINDS,
    CONSULTATION_SCOPES,
    CONSULTATION_STATES,
    STAFF_GROUPS,
)

# what frames the recipients and the questions: frozen once the
# consultation is open
SCOPE_FIELDS = {
    "project_id",
    "scope",
    "building_ids",
    "sample_rate",
    "sample_min",
    "seed",
}
FROZEN_FIELDS = SCOPE_FIELDS | {"survey_id"}


class PropertyConsultation(models.Model):
    """An owner consultation (意见征询, issue 16): the project asks its owners
    (all, those of some buildings, or a random sample drawn with the
    satisfaction campaigns' stratified sampler, D-26/D-27) one or more
    questions on a matter through an Odoo survey. Draft → open (answers by
    portal, paper sheet or phone) → closed (results by building and owner
    type) → published (summary as a public notice). The recipients and the
    sample are in property_consultation_scope.py, the results and the
    publication in property_consultation_results.py, the answering in
    property_consultation_recipient.py."""

    _name = "property.consultation"
    _description = "Owner Consultation"
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
        "frame_size",
        "sample_size",
        "strata_count",
        "strata_rule",
        "date_drawn",
        "date_results",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        CONSULTATION_KINDS,
        string="Kind of Matter",
        required=True,
        default="service_change",
        tracking=True,
    )
    description = fields.Html(
        string="The Matter Explained",
        sanitize=True,
        help="What is proposed, why, what it costs and whom it concerns: the "
        "owners read it before they answer.",
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        groups=STAFF_GROUPS,
    )
    state = fields.Selection(
        CONSULTATION_STATES,
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    date_start = fields.Date(
        string="Answers From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_end = fields.Date(string="Answers Until", required=True, tracking=True)
    # scope
    scope = fields.Selection(
        CONSULTATION_SCOPES,
        required=True,
        default="all",
        tracking=True,
        groups=STAFF_GROUPS,
        help="All owners of the project, the owners of the chosen buildings, "
        "or a random sample stratified by building, property type and owner "
        "type, drawn as for satisfaction campaigns.",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', '=', project_id)]",
        help="The buildings whose owners are asked (with a sample: the "
        "buildings it is drawn from; empty for the whole project).",
    )
    sample_rate = fields.Float(
        string="Sample Rate (%)",
        default=lambda self: self.env.company.property_survey_sample_rate,
        groups=STAFF_GROUPS,
    )
    sample_min = fields.Integer(
        string="Minimum Sample",
        default=lambda self: self.env.company.property_survey_sample_min,
        groups=STAFF_GROUPS,
    )
    seed = fields.Char(
        default=lambda self: secrets.token_hex(8),
        copy=False,
        tracking=True,
        groups=STAFF_GROUPS,
        help="The random draw is reproducible from this seed.",
    )
    frame_size = fields.Integer(
        string="Frame (Units)", readonly=True, copy=False, groups=STAFF_GROUPS
    )
    sample_size = fields.Integer(readonly=True, copy=False, groups=STAFF_GROUPS)
    strata_count = fields.Integer(
        string="Strata", readonly=True, copy=False, groups=STAFF_GROUPS
    )
    strata_rule = fields.Selection(
        [
            ("full", "Building × Property Type × Owner Type"),
            ("building", "Building Only"),
            ("building_partial", "Building Only, Some Buildings Unsampled"),
        ],
        readonly=True,
        copy=False,
        groups=STAFF_GROUPS,
    )
    date_drawn = fields.Datetime(
        string="Drawn On", readonly=True, copy=False, groups=STAFF_GROUPS
    )
    method_statement = fields.Text(
        compute="_compute_method_statement", groups=STAFF_GROUPS
    )
    # questions and recipients
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        copy=False,
        tracking=True,
        groups=STAFF_GROUPS,
        domain="[('survey_type', '=', 'survey')]",
    )
    recipient_ids = fields.One2many(
        "property.consultation.recipient", "consultation_id", string="Recipients"
    )
    recipient_count = fields.Integer(compute="_compute_counts", groups=STAFF_GROUPS)
    answered_count = fields.Integer(
        string="Answered", compute="_compute_counts", groups=STAFF_GROUPS
    )
    response_rate = fields.Float(
        string="Response Rate (%)", compute="_compute_counts", groups=STAFF_GROUPS
    )
    # results, decision and publication
    result_ids = fields.One2many(
        "property.consultation.result",
        "consultation_id",
        string="Results",
        groups=STAFF_GROUPS,
    )
    date_results = fields.Datetime(
        string="Results Computed On", readonly=True, copy=False, groups=STAFF_GROUPS
    )
    open_answer_count = fields.Integer(
        compute="_compute_open_answer_count", groups=STAFF_GROUPS
    )
    decision = fields.Html(
        sanitize=True,
        copy=False,
        help="What was decided in view of the answers; published with the results.",
    )
    date_decision = fields.Date(string="Decided On", copy=False, tracking=True)
    action_ids = fields.One2many(
        "property.survey.action",
        "consultation_id",
        string="Improvement Actions",
        groups=STAFF_GROUPS,
    )
    notice_id = fields.Many2one(
        "property.notice",
        string="Published Notice",
        readonly=True,
        copy=False,
        groups=STAFF_GROUPS,
    )
    date_opened = fields.Datetime(
        string="Opened On", readonly=True, copy=False, groups=STAFF_GROUPS
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    date_published = fields.Datetime(string="Published On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_end >= date_start)",
            "A consultation ends on or after its start date.",
        ),
    ]

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    def _compute_counts(self):
        """Recipients and answered recipients, counted in one query."""
        Recipient = self.env["property.consultation.recipient"].sudo()
        data = {
            (consultation.id, state): count
            for consultation, state, count in Recipient._read_group(
                [("consultation_id", "in", self.ids)],
                ["consultation_id", "answer_state"],
                ["__count"],
            )
        }
        for consultation in self:
            total = sum(
                count for (cid, _s), count in data.items() if cid == consultation.id
            )
            done = data.get((consultation.id, "done"), 0)
            consultation.recipient_count = total
            consultation.answered_count = done
            consultation.response_rate = 100.0 * done / total if total else 0.0

    def _compute_open_answer_count(self):
        Line = self.env["survey.user_input.line"].sudo()
        data = dict(
            Line._read_group(
                self._open_answer_domain(), ["property_consultation_id"], ["__count"]
            )
        )
        for consultation in self:
            consultation.open_answer_count = data.get(consultation, 0)

    def _open_answer_domain(self):
        return [
            ("property_consultation_id", "in", self.ids),
            ("answer_type", "in", ("text_box", "char_box")),
            ("skipped", "=", False),
            ("user_input_id.state", "=", "done"),
        ]

    @api.constrains("building_ids", "project_id")
    def _check_buildings(self):
        for consultation in self:
            if consultation.building_ids.project_id - consultation.project_id:
                raise ValidationError(
                    self.env._(
                        "The buildings of consultation %(name)s must belong to "
                        "its project.",
                        name=consultation.name,
                    )
                )

    @api.constrains("sample_rate", "sample_min")
    def _check_sample_settings(self):
        for consultation in self.sudo():
            if consultation.scope != "sample":
                continue
            if not 0 < consultation.sample_rate <= 100 or consultation.sample_min < 1:
                raise ValidationError(
                    self.env._(
                        "The sample rate must be between 0 and 100 % and the "
                        "minimum sample at least 1."
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        """The scope and the questionnaire are frozen once the consultation
        is open; in draft, changing the scope drops the recipients listed or
        drawn so far (they no longer match)."""
        if FROZEN_FIELDS & set(vals) and any(c.state != "draft" for c in self):
            raise UserError(
                self.env._(
                    "The scope and the questionnaire of an open consultation "
                    "are frozen."
                )
            )
        res = super().write(vals)
        if SCOPE_FIELDS & set(vals):
            self._reset_recipients()
        if "date_end" in vals:
            self._update_answer_deadlines()
        return res

    def _update_answer_deadlines(self):
        """An open consultation's answering period may be extended: the
        owners' unfinished answers follow it."""
        for consultation in self.filtered(lambda c: c.state == "open"):
            answers = (
                self.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("property_consultation_id", "=", consultation.id),
                        ("state", "!=", "done"),
                        ("deadline", "!=", False),
                    ]
                )
            )
            answers.write({"deadline": consultation._answer_deadline()})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(consultation.state != "draft" for consultation in self):
            raise UserError(
                self.env._(
                    "A consultation that was open is kept as a record: archive "
                    "it instead."
                )
            )

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------
    def _tz(self):
        self.ensure_one()
        return self.project_id.sudo().tz or "Asia/Shanghai"

    def _today(self):
        """Today in the project's time zone."""
        self.ensure_one()
        return fields.Date.context_today(self.with_context(tz=self._tz()))

    def _answer_deadline(self):
        """The end of the last answering day in the project's time zone, as
        the naive UTC datetime of survey answers' deadlines."""
        self.ensure_one()
        local = pytz.timezone(self._tz()).localize(
            datetime.combine(self.date_end, time(23, 59, 59))
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _lang(self):
        """The language of what the consultation writes for its project
        (questions, notice): the company's."""
        self.ensure_one()
        return self.company_id.sudo()._property_lang()

    # ------------------------------------------------------------------
    # QUESTIONNAIRE
    # ------------------------------------------------------------------
    def _default_questions_vals(self):
        """Starter questions: agree or not, and an open question. Written in
        English and translated below into every installed language."""
        return [
            {
                "title": "Do you agree with this proposal?",
                "question_type": "simple_choice",
                "constr_mandatory": True,
                "sequence": 1,
                "suggested_answer_ids": [
                    Command.create({"value": value, "sequence": seq})
                    for seq, value in enumerate(
                        ("Agree", "Disagree", "No opinion"), start=1
                    )
                ],
            },
            {
                "title": "Your comments or suggestions",
                "question_type": "text_box",
                "sequence": 2,
            },
        ]

    def _translate_starter_questions(self, survey):
        """Give the starter questions their text in every installed
        language (the owners answer in theirs)."""
        labels = {
            "Do you agree with this proposal?": lambda env: env._(
                "Do you agree with this proposal?"
            ),
            "Your comments or suggestions": lambda env: env._(
                "Your comments or suggestions"
            ),
            "Agree": lambda env: env._("Agree"),
            "Disagree": lambda env: env._("Disagree"),
            "No opinion": lambda env: env._("No opinion"),
        }
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for record, fname in [(q, "title") for q in survey.question_ids] + [
            (a, "value") for a in survey.question_ids.suggested_answer_ids
        ]:
            source = record.with_context(lang="en_US")[fname]
            if source not in labels:
                continue
            record.update_field_translations(
                fname,
                {
                    code: labels[source](self.with_context(lang=code).env)
                    for code in langs
                },
            )

    def _prepare_survey_values(self):
        """An invitation-only questionnaire for logged-in owners: each
        recipient answers through their own answer link."""
        self.ensure_one()
        return {
            "title": self.name,
            "survey_type": "survey",
            "access_mode": "token",
            "users_login_required": True,
            "questions_layout": "one_page",
            "questions_selection": "all",
            "is_attempts_limited": False,
            "description": self.description,
            "user_id": self.env.user.id,
            "question_and_page_ids": [
                Command.create(vals) for vals in self._default_questions_vals()
            ],
        }

    def action_create_survey(self):
        """Create the consultation's questionnaire with starter questions and
        open it in the survey editor, where the questions are changed."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("The questionnaire is prepared while in draft."))
        if not self.sudo().survey_id:
            survey = (
                self.env["survey.survey"]
                .sudo()
                .with_context(lang="en_US")
                .create(self._prepare_survey_values())
            )
            self._translate_starter_questions(survey)
            survey.update_field_translations(
                "title",
                {
                    code: self.name
                    for code, _name in self.env["res.lang"].get_installed()
                },
            )
            self.survey_id = survey
        return self.action_edit_survey()

    def action_edit_survey(self):
        self.ensure_one()
        survey = self.sudo().survey_id
        if not survey:
            raise UserError(self.env._("Create the questionnaire first."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.survey",
            "res_id": survey.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_open(self):
        """Open the consultation for answers: it has a questionnaire with
        questions, an answering period not yet over, and recipients (listed
        from the register of owners now, or the sample drawn)."""
        for consultation in self:
            consultation.check_access("write")
            if consultation.state != "draft":
                raise UserError(self.env._("Only a draft consultation can open."))
            survey = consultation.sudo().survey_id
            if not survey or not survey.question_ids:
                raise UserError(
                    self.env._("Prepare the questionnaire and its questions first.")
                )
            if consultation.date_end < consultation._today():
                raise UserError(
                    self.env._(
                        "The answering period of %(name)s is already over.",
                        name=consultation.name,
                    )
                )
            if consultation.sudo().scope == "sample":
                if not consultation.sudo().date_drawn:
                    consultation.action_draw_sample()
            else:
                consultation.action_compute_recipients()
            if not consultation.recipient_ids:
                raise UserError(
                    self.env._(
                        "Consultation %(name)s has no owner to ask.",
                        name=consultation.name,
                    )
                )
            survey.write(
                {
                    "access_mode": "token",
                    "users_login_required": True,
                    "active": True,
                }
            )
            consultation._workflow_write(
                {"state": "open", "date_opened": fields.Datetime.now()}
            )
        return True

    def action_close(self):
        """Close the consultation: no more answers (unfinished ones end now),
        and the results are computed from the answers received."""
        for consultation in self:
            consultation.check_access("write")
            if consultation.state != "open":
                raise UserError(self.env._("Only an open consultation can close."))
        now = fields.Datetime.now()
        self._workflow_write({"state": "closed", "date_closed": now})
        unfinished = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("property_consultation_id", "in", self.ids),
                    ("state", "!=", "done"),
                ]
            )
        )
        unfinished.write({"deadline": now})
        self.action_compute_results()
        return True

    def action_log_phone_answer(self):
        """Record an owner's answer given on the phone (wizard)."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                self.env._("Answers are recorded while the consultation is open.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Phone Answer"),
            "res_model": "property.consultation.phone",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consultation_id": self.id},
        }

    def action_view_recipients(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_consultation_recipient_action"
        )
        action["domain"] = [("consultation_id", "=", self.id)]
        action["context"] = {"default_consultation_id": self.id}
        return action

    def action_view_open_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_consultation_open_answer_action"
        )
        action["domain"] = self._open_answer_domain()
        action["context"] = {"default_property_consultation_id": self.id}
        return action

    def action_print_report(self):
        return self.env.ref(
            "property_survey.property_consultation_report"
        ).report_action(self)
