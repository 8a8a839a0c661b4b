# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_survey_campaign import SURVEY_METHODS


def _order_key(answer):
    return (answer.end_datetime or datetime.min, answer.id)


VALIDITY_FIELDS = {
    "property_flag",
    "property_flag_reason",
    "state",
    "property_sample_id",
    "property_date_collected",
}


class SurveyUserInput(models.Model):
    """A questionnaire of a satisfaction campaign: linked to its sample,
    unit and respondent, and checked against the invalidity rules (D-28)."""

    _inherit = "survey.user_input"

    property_sample_id = fields.Many2one(
        "property.survey.sample", string="Sampled Household", index=True, copy=False
    )
    property_campaign_id = fields.Many2one(
        "property.survey.campaign",
        string="Satisfaction Campaign",
        compute="_compute_property_campaign_id",
        store=True,
        index=True,
    )
    property_unit_id = fields.Many2one(
        related="property_sample_id.unit_id", store=True, string="Unit"
    )
    property_respondent_id = fields.Many2one(
        "res.partner", string="Respondent", copy=False
    )
    property_method = fields.Selection(SURVEY_METHODS, string="Method")
    property_date_collected = fields.Date(
        string="Collected On",
        help="Date the paper card or interview was collected; online answers "
        "use their submission date.",
    )
    property_flag = fields.Selection(
        [("damaged", "Damaged"), ("forged", "Forged")],
        string="Flagged As",
        tracking=True,
    )
    property_flag_reason = fields.Char(string="Flag Reason", tracking=True)
    property_ticket_id = fields.Many2one(
        "property.ticket",
        string="Ticket",
        index="btree_not_null",
        copy=False,
        help="The closed ticket a pulse survey asks about.",
    )
    property_is_valid = fields.Boolean(string="Valid", readonly=True, copy=False)
    property_invalid_reason = fields.Text(
        string="Invalid Because", readonly=True, copy=False
    )

    @api.depends("property_sample_id", "survey_id")
    def _compute_property_campaign_id(self):
        for answer in self:
            answer.property_campaign_id = (
                answer.property_sample_id.campaign_id
                or answer.survey_id.sudo().property_campaign_ids[:1]
            )

    @api.constrains("property_flag", "property_flag_reason")
    def _check_property_flag_reason(self):
        for answer in self:
            if answer.property_flag and not answer.property_flag_reason:
                raise UserError(
                    self.env._("Say why the questionnaire is damaged or forged.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_campaign_evidence(self):
        """Questionnaires of a started campaign are evidence (D-28): flag
        them as damaged or forged instead of deleting them."""
        if self.filtered(
            lambda a: (
                not a.test_entry
                and a.property_campaign_id.state in ("running", "closed")
            )
        ):
            raise UserError(
                self.env._(
                    "Questionnaires of a started campaign are evidence: flag "
                    "them instead of deleting them."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers.filtered("property_campaign_id")._property_check_validity()
        return answers

    def write(self, vals):
        res = super().write(vals)
        if VALIDITY_FIELDS & set(vals) and not self.env.context.get(
            "property_validity_check"
        ):
            # a change can only affect the questionnaires of the same households
            campaigns = self.property_campaign_id
            if campaigns:
                self.sudo().search(
                    [
                        ("property_campaign_id", "in", campaigns.ids),
                        "|",
                        ("id", "in", self.ids),
                        ("property_unit_id", "in", self.property_unit_id.ids),
                    ]
                )._property_check_validity()
        return res

    def _property_date(self):
        self.ensure_one()
        if (
            self.property_method in ("paper", "interview")
            and self.property_date_collected
        ):
            return self.property_date_collected
        moment = self.end_datetime or self.create_date
        return (
            fields.Datetime.context_timestamp(self, moment).date() if moment else False
        )

    def _property_answered_share(self):
        """Share (%) of the questionnaire's rating questions answered."""
        self.ensure_one()
        questions = self.survey_id.question_ids.filtered(
            lambda q: q._property_is_rating()
        )
        if not questions:
            return 100.0
        answered = self.user_input_line_ids.filtered(
            lambda line: not line.skipped and line.question_id in questions
        ).question_id
        return 100.0 * len(answered) / len(questions)

    def _property_invalid_reasons(self, earlier_units):
        """The reasons this questionnaire is invalid (D-28), empty when valid:
        flagged damaged or forged; too few answered rating questions; paper
        or interview without the owner's signature and phone; a household
        not (or no longer) in the sample; a second questionnaire for the same
        household; collected outside the campaign's window."""
        self.ensure_one()
        campaign = self.property_campaign_id
        sample = self.property_sample_id
        reasons = []
        if self.property_flag:
            reasons.append(
                self.env._(
                    "Flagged as %(flag)s: %(reason)s",
                    flag=dict(
                        self._fields["property_flag"]._description_selection(self.env)
                    )[self.property_flag],
                    reason=self.property_flag_reason,
                )
            )
        share = self._property_answered_share()
        if share < campaign.min_answered:
            reasons.append(
                self.env._(
                    "Only %(share)s %% of the rating questions answered (minimum "
                    "%(min)s %%).",
                    share=round(share, 1),
                    min=campaign.min_answered,
                )
            )
        if self.property_method in ("paper", "interview"):
            if not (sample.signature or sample.scan):
                reasons.append(self.env._("The owner's signature is missing."))
            if not sample.collected_phone:
                reasons.append(self.env._("The owner's phone is missing."))
        if not sample or sample.campaign_id != campaign:
            reasons.append(self.env._("The household is not in the sample."))
        elif sample.state == "swapped" and sample.swap_reason != "invalid":
            reasons.append(self.env._("The household was swapped out of the sample."))
        if sample and sample.unit_id.id in earlier_units:
            reasons.append(
                self.env._("A questionnaire of this household was already received.")
            )
        day = self._property_date()
        if day and not campaign.date_start <= day <= campaign.date_end:
            reasons.append(
                self.env._(
                    "Collected on %(day)s, outside the campaign (%(start)s to "
                    "%(end)s).",
                    day=day,
                    start=campaign.date_start,
                    end=campaign.date_end,
                )
            )
        return reasons

    def _property_check_validity(self):
        """Recompute validity of these questionnaires (D-28); an earlier
        questionnaire of a household makes later ones duplicates. Invalid
        ones stay visible with their reason and are excluded from results."""
        answers = self.sudo().filtered(
            lambda a: a.property_campaign_id and not a.test_entry
        )
        by_campaign = {}
        for answer in answers:
            by_campaign.setdefault(answer.property_campaign_id, self.browse())
            by_campaign[answer.property_campaign_id] |= answer
        for campaign, todo in by_campaign.items():
            done = self.sudo().search(
                [
                    ("property_campaign_id", "=", campaign.id),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                    ("property_unit_id", "in", todo.property_unit_id.ids),
                ],
                order="end_datetime, id",
            )
            first = {}
            for answer in done:
                if answer.property_unit_id and not answer.property_flag:
                    first.setdefault(answer.property_unit_id.id, answer)
            for answer in todo:
                if answer.state != "done":
                    vals = {
                        "property_is_valid": False,
                        "property_invalid_reason": False,
                    }
                else:
                    earlier = {
                        unit
                        for unit, kept in first.items()
                        if kept != answer and _order_key(kept) < _order_key(answer)
                    }
                    reasons = answer._property_invalid_reasons(earlier)
                    vals = {
                        "property_is_valid": not reasons,
                        "property_invalid_reason": "\n".join(reasons) or False,
                    }
                answer.with_context(property_validity_check=True).write(vals)
        return True
