# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from . import sampling

SURVEY_METHODS = [
    ("interview", "Interview"),
    ("paper", "Paper Card"),
    ("online", "Online"),
]
METHOD_HELP = (
    "Interview: highest response and completeness, costly, the surveyor may "
    "sway answers. Paper card: cheap, the owner answers alone, lower return "
    "and more invalid cards. Online: cheapest and fastest, reaches only "
    "owners with an e-mail address, self-selected answers."
)
SCALES = [("5", "5 Levels"), ("7", "7 Levels"), ("10", "10 Levels")]
TEMPLATE_XMLID = "property_survey.survey_owner_satisfaction"
REMINDER_DAYS = 7
# who runs the satisfaction programme (D-27): head office, never the staff
# of a surveyed project
PROGRAMME_GROUP = "property_cs.group_property_cs_head_office"


class PropertySurveyCampaign(models.Model):
    """A satisfaction campaign (D-26): period, scope, method, questionnaire,
    scale, weights; its stratified random sample (D-26, D-27) and results
    (D-29). The draw is in property_survey_campaign_sampling.py (its
    algorithm in sampling.py), the results in
    property_survey_campaign_results.py, the raw-data export in
    property_survey_campaign_export.py."""

    _name = "property.survey.campaign"
    _description = "Satisfaction Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    # project staff may comment a campaign they read, not change it
    _mail_post_access = "read"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Campaign Manager",
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    organiser = fields.Selection(
        [
            ("company", "Property Company"),
            ("committee", "Owners' Committee"),
            ("authority", "Government Authority"),
            ("third_party", "Third Party"),
        ],
        default="company",
        required=True,
        tracking=True,
    )
    # period and scope
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    project_ids = fields.Many2many(
        "property.project", string="Projects", required=True, tracking=True
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', 'in', project_ids)]",
        help="Leave empty to survey every building of the projects.",
    )
    method = fields.Selection(
        SURVEY_METHODS,
        string="Default Method",
        required=True,
        default="interview",
        tracking=True,
        help=METHOD_HELP,
    )
    # questionnaire
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        copy=False,
        tracking=True,
        domain="[('survey_type', '=', 'survey')]",
    )
    scale = fields.Selection(SCALES, required=True, default="5", tracking=True)
    target = fields.Float(
        string="Satisfaction Target (%)",
        default=lambda self: self.env.company.property_survey_target,
        tracking=True,
    )
    satisfied_level = fields.Integer(
        string="Satisfied From Level",
        compute="_compute_satisfied_level",
        store=True,
        readonly=False,
        help="Answers at or above this level count as satisfied: the top two "
        "levels on 5 and 7, 8 and above on 10 (settings).",
    )
    weight_ids = fields.One2many(
        "property.survey.campaign.weight", "campaign_id", string="Driver Weights"
    )
    weight_total = fields.Float(compute="_compute_weight_total", string="Total (%)")
    # sampling
    sample_rate = fields.Float(
        string="Sample Rate (%)",
        default=lambda self: self.env.company.property_survey_sample_rate,
    )
    sample_min = fields.Integer(
        string="Minimum Sample",
        default=lambda self: self.env.company.property_survey_sample_min,
    )
    min_answered = fields.Float(
        string="Minimum Answered Share (%)",
        default=lambda self: self.env.company.property_survey_min_answered,
    )
    max_attempts = fields.Integer(
        string="Contact Attempts Before Swap",
        default=lambda self: self.env.company.property_survey_max_attempts,
    )
    seed = fields.Char(
        default=lambda self: secrets.token_hex(8),
        copy=False,
        tracking=True,
        groups=PROGRAMME_GROUP,
        help="The random draw is reproducible from this seed.",
    )
    frame_size = fields.Integer(string="Frame (Households)", readonly=True, copy=False)
    sample_size = fields.Integer(readonly=True, copy=False)
    strata_count = fields.Integer(string="Strata", readonly=True, copy=False)
    draw_order = fields.Json(readonly=True, copy=False, groups=PROGRAMME_GROUP)
    date_drawn = fields.Datetime(string="Drawn On", readonly=True, copy=False)
    strata_rule = fields.Selection(
        [
            ("full", "Building × Property Type × Customer Type"),
            ("building", "Building Only"),
            ("building_partial", "Building Only, Some Buildings Unsampled"),
        ],
        readonly=True,
        copy=False,
    )
    strata_full_count = fields.Integer(readonly=True, copy=False)
    method_statement = fields.Text(compute="_compute_method_statement")
    sample_ids = fields.One2many("property.survey.sample", "campaign_id")
    swap_ids = fields.One2many("property.survey.swap", "campaign_id")
    sample_count = fields.Integer(compute="_compute_counts")
    # results
    previous_campaign_id = fields.Many2one(
        "property.survey.campaign",
        copy=False,
        help="Trends and the effect of improvement actions compare with it.",
    )
    result_ids = fields.One2many("property.survey.result", "campaign_id")
    action_ids = fields.One2many("property.survey.action", "campaign_id")
    date_results = fields.Datetime(string="Results Computed On", readonly=True)
    response_count = fields.Integer(readonly=True, copy=False)
    valid_count = fields.Integer(readonly=True, copy=False)
    response_rate = fields.Float(string="Response Rate (%)", readonly=True)
    overall_degree = fields.Float(string="Satisfaction Degree", readonly=True)
    overall_rate = fields.Float(string="Satisfaction Rate (%)", readonly=True)
    target_met = fields.Boolean(readonly=True)
    min_sample_met = fields.Boolean(string="Minimum Sample Met", readonly=True)

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_end >= date_start)",
            "A campaign ends on or after its start date.",
        ),
    ]

    @api.depends("scale", "company_id")
    def _compute_satisfied_level(self):
        for campaign in self:
            levels = int(campaign.scale or 5)
            company = campaign.company_id or self.env.company
            if levels == 10:
                campaign.satisfied_level = company.property_survey_satisfied_10
            else:
                campaign.satisfied_level = (
                    levels - company.property_survey_top_levels + 1
                )

    @api.depends("weight_ids.weight")
    def _compute_weight_total(self):
        for campaign in self:
            campaign.weight_total = sum(campaign.weight_ids.mapped("weight"))

    def _compute_counts(self):
        # the size of the sample is no secret, its households are
        data = dict(
            self.env["property.survey.sample"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", self.ids), ("state", "=", "selected")],
                ["campaign_id"],
                ["__count"],
            )
        )
        for campaign in self:
            campaign.sample_count = data.get(campaign, 0)

    @api.constrains("satisfied_level", "scale")
    def _check_satisfied_level(self):
        for campaign in self:
            if not 2 <= campaign.satisfied_level <= int(campaign.scale):
                raise ValidationError(
                    self.env._(
                        "The satisfied level must be between 2 and the number of "
                        "levels of the scale."
                    )
                )

    @api.constrains("sample_rate", "sample_min", "min_answered", "target")
    def _check_rates(self):
        for campaign in self:
            if not 0 < campaign.sample_rate <= 100 or campaign.sample_min < 1:
                raise ValidationError(
                    self.env._(
                        "The sample rate must be between 0 and 100 % and the "
                        "minimum sample at least 1."
                    )
                )
            if not 0 <= campaign.min_answered <= 100 or not 0 < campaign.target <= 100:
                raise ValidationError(
                    self.env._(
                        "The target and the minimum answered share are percentages."
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    # ------------------------------------------------------------------
    # PROGRAMME (D-27: the surveyed centre does not run its own survey)
    # ------------------------------------------------------------------
    def _is_programme_user(self):
        """Head office runs the satisfaction programme; the superuser (data,
        crons) too."""
        return self.env.su or self.env.user.has_group(PROGRAMME_GROUP)

    def _check_programme_user(self):
        """Campaigns are created, drawn, started, closed and sent out by head
        office only: the staff of a surveyed project, project managers
        included, cannot shape or see the sample of their own survey
        (D-27). Refused over RPC as well as in the form."""
        if not self._is_programme_user():
            raise AccessError(
                self.env._(
                    "Only head office creates, draws, starts and closes "
                    "satisfaction campaigns: the staff of a surveyed project "
                    "do not run its survey."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_programme_user()
        campaigns = super().create(vals_list)
        for campaign in campaigns:
            if not campaign.survey_id:
                campaign._copy_template()
            if not campaign.weight_ids:
                campaign._set_default_weights()
            campaign._apply_scale()
            if not campaign.previous_campaign_id:
                campaign.previous_campaign_id = campaign._find_previous_campaign()
        return campaigns

    def write(self, vals):
        frozen = {"project_ids", "building_ids", "seed", "scale", "sample_rate"}
        frozen |= {"sample_min", "survey_id", "weight_ids", "satisfied_level"}
        if frozen & set(vals) and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "The scope, sample, questionnaire, scale and weights of a "
                    "started campaign are frozen."
                )
            )
        res = super().write(vals)
        if "scale" in vals or "survey_id" in vals:
            self._apply_scale()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("A started campaign is evidence: archive it instead.")
            )

    def _copy_template(self):
        """Give the campaign its own copy of the shipped questionnaire (its
        translations included), titled after the campaign in every language:
        survey.survey's copy would title it "... (copy)"."""
        self.ensure_one()
        template = self.env.ref(TEMPLATE_XMLID, raise_if_not_found=False)
        if template:
            survey = template.sudo().copy()
            survey.with_context(lang="en_US").title = self.name
            survey.update_field_translations(
                "title",
                {
                    code: self.name
                    for code, _name in self.env["res.lang"].get_installed()
                },
            )
            self.survey_id = survey

    def _set_default_weights(self):
        """Equal weights over the questionnaire's drivers, summing to 100 %."""
        self.ensure_one()
        drivers = self._rating_questions().property_driver_id.sorted()
        if not drivers:
            return
        shares = sampling.largest_remainder([1] * len(drivers), 10000)
        self.weight_ids = [
            Command.create({"driver_id": driver.id, "weight": share / 100.0})
            for driver, share in zip(drivers, shares, strict=True)
        ]

    def _apply_scale(self):
        """Rating questions run from 1 to the campaign's number of levels."""
        for campaign in self:
            questions = campaign._rating_questions()
            levels = int(campaign.scale)
            todo = questions.filtered(
                lambda q, levels=levels: q.scale_min != 1 or q.scale_max != levels
            )
            if todo:
                todo.sudo().write({"scale_min": 1, "scale_max": levels})

    def _rating_questions(self):
        self.ensure_one()
        return self.survey_id.sudo().question_ids.filtered(
            lambda q: q._property_is_rating()
        )

    def _find_previous_campaign(self):
        self.ensure_one()
        if not self.project_ids or not self.date_start:
            return self.browse()
        return self.search(
            [
                ("id", "!=", self.id),
                ("company_id", "=", self.company_id.id),
                ("project_ids", "in", self.project_ids.ids),
                ("date_end", "<", self.date_start),
                ("state", "!=", "draft"),
            ],
            order="date_end desc",
            limit=1,
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_start(self):
        """Start the campaign: weights sum to 100 %, the sample is drawn and
        frozen, and the questionnaire is restricted to the campaign manager
        and the assigned surveyors (secrecy, D-27)."""
        for campaign in self:
            campaign._check_programme_user()
            if campaign.state != "draft":
                raise UserError(self.env._("Only a draft campaign can start."))
            if not campaign.survey_id:
                raise UserError(self.env._("Set the campaign's questionnaire first."))
            if float_compare(campaign.weight_total, 100.0, precision_digits=2):
                raise UserError(
                    self.env._(
                        "The driver weights sum to %(total)s %%; they must sum "
                        "to 100 %%.",
                        total=round(campaign.weight_total, 2),
                    )
                )
            if not campaign.date_drawn:
                campaign.action_draw_sample()
            campaign.state = "running"
            campaign._restrict_questionnaire()
        return True

    def _restrict_questionnaire(self):
        """Only the campaign manager, head office and the assigned surveyors
        see the questionnaire and its answers (D-27)."""
        for campaign in self:
            survey = campaign.survey_id.sudo()
            # core requires the questionnaire's responsible in the list
            users = campaign.user_id | campaign.sample_ids.surveyor_id | survey.user_id
            survey.write(
                {
                    "restrict_user_ids": [Command.set(users.ids)],
                    "access_mode": "token",
                }
            )

    def action_close(self):
        """Close the campaign with its final results (computed first, so
        that reactions to the closure see them)."""
        self._check_programme_user()
        for campaign in self:
            if campaign.state != "running":
                raise UserError(self.env._("Only a running campaign can close."))
        self.action_compute_results()
        self.write({"state": "closed"})
        return True

    def _alert_target_missed(self):
        """Tell the campaign manager when a closed campaign misses its
        satisfaction target (domain standards I1: an alert if the target is
        missed). Called by an automation rule administrators may tune."""
        for campaign in self.filtered(lambda c: c.date_results and not c.target_met):
            summary = self.env._(
                "Satisfaction target missed: %(rate)s %% for a target of %(target)s %%",
                rate=round(campaign.overall_rate, 1),
                target=campaign.target,
            )
            campaign.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                user_id=(campaign.user_id or self.env.user).id,
            )
            campaign.message_post(body=summary, subtype_xmlid="mail.mt_note")
        return True

    def action_send_invitations(self):
        """Queue the invitation of every online household of the running
        campaign that has not answered yet: the invitation workers send
        them in the next minutes (thousands of mails do not fit in one
        web request)."""
        self._check_programme_user()
        queued = self.env["property.survey.sample"]
        for campaign in self:
            if campaign.state != "running":
                raise UserError(
                    self.env._("Invitations are sent for a running campaign.")
                )
            queued |= campaign.sample_ids.filtered(
                lambda s: (
                    s.method == "online"
                    and s.state == "selected"
                    and s.response_state == "none"
                )
            )
        count = queued._queue_invitations()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if count else "warning",
                "message": self.env._(
                    "%(count)s online invitations queued: they are sent in "
                    "the next minutes.",
                    count=count,
                )
                if count
                else self.env._("No online household is waiting for an invitation."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_remind_surveyors(self, days=REMINDER_DAYS):
        """A week before a running campaign ends, give each surveyor one
        to-do listing the households still to collect (D-27: the surveyor,
        not the centre, collects every questionnaire)."""
        today = fields.Date.context_today(self)
        campaigns = self.search(
            [
                ("state", "=", "running"),
                ("date_end", ">=", today),
                ("date_end", "<=", today + timedelta(days=days)),
            ]
        )
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        for campaign in campaigns:
            pending = campaign.sample_ids.filtered(
                lambda s: (
                    s.state == "selected"
                    and s.surveyor_id
                    and s.response_state != "valid"
                )
            )
            for surveyor in pending.surveyor_id:
                if campaign.activity_ids.filtered(
                    lambda a, u=surveyor: (
                        a.user_id == u and a.activity_type_id == todo_type
                    )
                ):
                    continue
                count = len(pending.filtered(lambda s, u=surveyor: s.surveyor_id == u))
                campaign.activity_schedule(
                    activity_type_id=todo_type.id,
                    summary=self.env._(
                        "%(count)s households to collect before %(date)s",
                        count=count,
                        date=campaign.date_end,
                    ),
                    date_deadline=campaign.date_end,
                    user_id=surveyor.id,
                )
        return True

    def action_view_samples(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_survey_sample_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_print_report(self):
        return self.env.ref(
            "property_survey.property_survey_campaign_report"
        ).report_action(self)

    # ------------------------------------------------------------------
    # REPORT HELPERS
    # ------------------------------------------------------------------
    def _report_results(self, dimension, driver=None):
        """Result rows of a dimension; ``driver`` False for overall rows
        only, None for every row."""
        self.ensure_one()
        if self._results_hidden():
            return self.env["property.survey.result"]
        rows = self.sudo().result_ids.filtered(lambda r: r.dimension == dimension)
        if driver is False:
            rows = rows.filtered(lambda r: not r.driver_id)
        elif driver is not None:
            rows = rows.filtered(lambda r: r.driver_id)
        return rows

    def _report_drivers(self, classes):
        self.ensure_one()
        return self._report_results("overall", True).filtered(
            lambda r: r.classification in classes
        )
