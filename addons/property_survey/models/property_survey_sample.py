# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_survey_campaign import METHOD_HELP, SURVEY_METHODS
from .property_survey_swap import SWAP_REASONS

MANAGER_GROUPS = (
    "property_cs.group_property_cs_manager",
    "property_cs.group_property_cs_head_office",
)


class PropertySurveySample(models.Model):
    """A sampled household of a campaign (D-26, D-27): drawn at random in
    its stratum, assigned to an independent surveyor, answered once, and
    only swapped for a recorded reason."""

    _name = "property.survey.sample"
    _description = "Sampled Household"
    _inherit = ["mail.thread"]
    _order = "campaign_id, stratum_key, draw_rank, id"
    _rec_name = "unit_name"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, index=True, ondelete="cascade"
    )
    campaign_state = fields.Selection(
        related="campaign_id.state", string="Campaign State"
    )
    unit_id = fields.Many2one(
        "property.unit",
        string="Unit Record",
        required=True,
        index=True,
        ondelete="restrict",
    )
    building_id = fields.Many2one("property.building", index=True)
    project_id = fields.Many2one(
        "property.project",
        compute="_compute_project_id",
        store=True,
        index=True,
    )
    # what the surveyor sees (surveyors do not read the project's units)
    unit_name = fields.Char(string="Unit", readonly=True)
    respondent_id = fields.Many2one("res.partner")
    respondent_name = fields.Char()
    respondent_phone = fields.Char(string="Phone on Record")
    customer_type = fields.Selection(
        selection=lambda self: (
            self.env["res.partner"].sudo()._fields["owner_group"].selection
        ),
        readonly=True,
    )
    stratum_key = fields.Char(readonly=True, index=True)
    stratum_label = fields.Char(string="Stratum", readonly=True)
    draw_rank = fields.Integer(readonly=True)
    state = fields.Selection(
        [("selected", "In Sample"), ("swapped", "Swapped Out")],
        default="selected",
        required=True,
        tracking=True,
        readonly=True,
    )
    replaces_id = fields.Many2one("property.survey.sample", readonly=True)
    method = fields.Selection(
        SURVEY_METHODS,
        required=True,
        default="interview",
        tracking=True,
        help=METHOD_HELP,
    )
    surveyor_id = fields.Many2one(
        "res.users",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("property_cs.group_property_cs_surveyor").ids,
            )
        ],
        tracking=True,
        index=True,
    )
    attempt_count = fields.Integer(string="Contact Attempts", tracking=True)
    # collected with the questionnaire, not as survey questions (D-28)
    signature = fields.Binary(string="Owner's Signature", attachment=True, copy=False)
    scan = fields.Binary(string="Scanned Card", attachment=True, copy=False)
    scan_filename = fields.Char()
    collected_phone = fields.Char(string="Owner's Phone", tracking=True)
    date_collected = fields.Date(string="Collected On", tracking=True)
    user_input_ids = fields.One2many("survey.user_input", "property_sample_id")
    response_state = fields.Selection(
        [("none", "No Answer"), ("valid", "Valid"), ("invalid", "Invalid")],
        compute="_compute_response_state",
        store=True,
    )
    invalid_reason = fields.Text(compute="_compute_response_state", store=True)
    swap_reason = fields.Selection(SWAP_REASONS, readonly=True, tracking=True)

    _sql_constraints = [
        (
            "unit_uniq",
            "unique(campaign_id, unit_id)",
            "A household is sampled at most once per campaign.",
        ),
    ]

    @api.depends("unit_id")
    def _compute_project_id(self):
        for sample in self:
            sample.project_id = sample.unit_id.sudo().project_id

    @api.depends(
        "user_input_ids.state",
        "user_input_ids.property_is_valid",
        "user_input_ids.property_invalid_reason",
    )
    def _compute_response_state(self):
        for sample in self:
            done = sample.user_input_ids.filtered(lambda i: i.state == "done")
            valid = done.filtered("property_is_valid")
            if valid:
                sample.response_state, sample.invalid_reason = "valid", False
            elif done:
                sample.response_state = "invalid"
                sample.invalid_reason = "\n".join(
                    done.mapped("property_invalid_reason")
                )
            else:
                sample.response_state, sample.invalid_reason = "none", False

    # ------------------------------------------------------------------
    # INDEPENDENCE (D-27)
    # ------------------------------------------------------------------
    def _independence_refusal(self, user):
        """Why ``user`` may not survey this household, or False (D-27):
        surveyors have no interest in the surveyed service centre, so a user
        of the project, a member or leader of one of its departments (or of
        a department serving every project), or a person related to the unit
        is refused."""
        self.ensure_one()
        project = self.sudo().project_id
        if project in user.sudo().property_project_ids or user in project.user_ids:
            return self.env._(
                "%(user)s is a user of the surveyed project %(project)s.",
                user=user.name,
                project=project.name,
            )
        departments = (
            self.env["property.department"]
            .sudo()
            .search(
                [
                    ("project_id", "in", [project.id, False]),
                    "|",
                    ("member_ids", "in", user.ids),
                    ("leader_id", "=", user.id),
                ],
                limit=1,
            )
        )
        if departments:
            return self.env._(
                "%(user)s is a member of the department %(department)s of the "
                "surveyed project.",
                user=user.name,
                department=departments.display_name,
            )
        partner = user.partner_id.commercial_partner_id
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    ("unit_id", "=", self.unit_id.id),
                    "|",
                    ("partner_id", "=", user.partner_id.id),
                    ("partner_id", "child_of", partner.id),
                ]
            )
        )
        if links:
            return self.env._(
                "%(user)s is related to the surveyed unit %(unit)s.",
                user=user.name,
                unit=self.unit_name,
            )
        return False

    @api.constrains("surveyor_id")
    def _check_surveyor_independence(self):
        for sample in self.filtered("surveyor_id"):
            reason = sample._independence_refusal(sample.surveyor_id)
            if reason:
                raise ValidationError(
                    self.env._("Assignment refused: %(reason)s", reason=reason)
                )

    def write(self, vals):
        res = super().write(vals)
        if {"signature", "scan", "collected_phone", "date_collected"} & set(vals):
            # what was collected with the questionnaire decides its validity
            self.user_input_ids._property_check_validity()
        if vals.get("surveyor_id"):
            self.campaign_id.filtered(
                lambda c: c.state == "running"
            )._restrict_questionnaire()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_drawn(self):
        if self.env.context.get("force_unlink"):
            if self.campaign_id.filtered(lambda c: c.state != "draft"):
                raise UserError(
                    self.env._("The sample of a started campaign is frozen.")
                )
            return
        raise UserError(
            self.env._("Sampled households are swapped with a reason, not deleted.")
        )

    # ------------------------------------------------------------------
    # SWAPS (D-27)
    # ------------------------------------------------------------------
    def _check_swap_allowed(self, reason):
        self.ensure_one()
        if self.campaign_id.state != "running":
            raise UserError(self.env._("Households are swapped in a running campaign."))
        if self.state != "selected":
            raise UserError(self.env._("This household was already swapped out."))
        if reason not in dict(SWAP_REASONS):
            raise UserError(self.env._("A swap needs one of the recorded reasons."))
        if self.project_id in self.env.user.property_project_ids:
            raise UserError(
                self.env._(
                    "Staff of the surveyed service centre cannot swap sampled "
                    "households."
                )
            )
        if (
            reason == "unreachable"
            and self.attempt_count < self.campaign_id.max_attempts
        ):
            raise UserError(
                self.env._(
                    "A household is unreachable after %(max)s recorded attempts "
                    "(%(done)s so far).",
                    max=self.campaign_id.max_attempts,
                    done=self.attempt_count,
                )
            )
        if reason == "invalid" and self.response_state != "invalid":
            raise UserError(
                self.env._(
                    "Only a household whose questionnaire is invalid can be "
                    "swapped for that reason."
                )
            )
        if reason != "invalid" and self.response_state == "valid":
            raise UserError(
                self.env._("A household with a valid questionnaire is not swapped.")
            )

    def action_swap(self, reason, note=False):
        """Replace this household by the next reserve draw of its stratum
        (D-27). The replacement is never chosen by a person: it is the next
        unit of the frozen draw order. The swap is logged."""
        self.ensure_one()
        self._check_swap_allowed(reason)
        campaign = self.campaign_id
        replacement = self.browse()
        row, rank = campaign.sudo()._next_reserve(self.stratum_key)
        if row:
            vals = campaign._sample_vals(
                row, self.stratum_key, self.stratum_label, rank
            )
            vals.update(
                replaces_id=self.id,
                method=self.method,
                surveyor_id=self.surveyor_id.id,
            )
            replacement = self.sudo().create(vals)
        self.sudo().write({"state": "swapped", "swap_reason": reason})
        self.env["property.survey.swap"].sudo().create(
            {
                "campaign_id": campaign.id,
                "sample_out_id": self.id,
                "sample_in_id": replacement.id,
                "stratum_label": self.stratum_label,
                "reason": reason,
                "note": note,
            }
        )
        self.message_post(
            body=self.env._(
                "Swapped out (%(reason)s): replaced by %(unit)s.",
                reason=dict(SWAP_REASONS)[reason],
                unit=replacement.unit_name or self.env._("no reserve left"),
            )
        )
        return replacement

    def action_log_attempt(self):
        for sample in self:
            sample.attempt_count += 1
        return True

    def action_open_swap_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.survey.swap.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sample_id": self.id},
            "name": self.env._("Swap Household"),
        }

    # ------------------------------------------------------------------
    # ANSWERS
    # ------------------------------------------------------------------
    def _deadline(self):
        self.ensure_one()
        return datetime.combine(self.campaign_id.date_end, time.max).replace(
            microsecond=0
        )

    def action_enter_questionnaire(self):
        """Paper and interview answers are entered by the surveyor: the
        response is owned by the surveyor (core refuses a logged-in user
        opening someone else's answer), linked to the sample, unit and
        respondent (D-27)."""
        self.ensure_one()
        if self.campaign_id.state != "running" or self.state != "selected":
            raise UserError(
                self.env._("Answers are entered for households of a running campaign.")
            )
        if self.method == "online":
            raise UserError(self.env._("Online households answer their invitation."))
        if self.env.user != self.surveyor_id:
            raise UserError(
                self.env._(
                    "Only the assigned surveyor enters this household's questionnaire."
                )
            )
        answer = self.user_input_ids.filtered(
            lambda i: i.state != "done" and i.partner_id == self.env.user.partner_id
        )[:1]
        if not answer:
            answer = self._create_answer(self.env.user.partner_id)
        return {
            "type": "ir.actions.act_url",
            "url": answer.get_start_url(),
            "target": "self",
        }

    def _create_answer(self, partner):
        self.ensure_one()
        survey = self.campaign_id.survey_id.sudo()
        return survey._create_answer(
            partner=partner,
            check_attempts=False,
            deadline=self._deadline(),
            property_sample_id=self.id,
            property_respondent_id=self.respondent_id.id,
            property_method=self.method,
        )

    def action_send_invitation(self):
        """Online households get a personal invitation carrying the owner as
        partner and the campaign's end as deadline."""
        template = self.env.ref("property_survey.mail_template_survey_invitation")
        answers = self.env["survey.user_input"]
        for sample in self:
            if (
                sample.method != "online"
                or sample.state != "selected"
                or sample.campaign_id.state != "running"
                or not sample.respondent_id
            ):
                continue
            answer = sample.user_input_ids.filtered(
                lambda i, s=sample: i.partner_id == s.respondent_id
            )[:1] or sample._create_answer(sample.respondent_id)
            answers |= answer
            template.sudo().send_mail(answer.id, force_send=False)
        return answers
