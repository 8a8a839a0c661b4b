# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.property_cs.models.property_handling_tip import OWNER_GROUPS

from .consultation_constants import RESULT_DIMENSIONS


class PropertyConsultationResult(models.Model):
    """A figure of a consultation's results, for all recipients, one
    building or one owner type: the participation (no question), the
    answers of a choice question per suggested answer (count and share of
    those who answered the question), the mean of a scale or number
    question, or the count of answers to an open question. Derived data,
    recomputed from the finished answers."""

    _name = "property.consultation.result"
    _description = "Consultation Result"
    _order = (
        "consultation_id, dimension_sequence, group_sequence, question_sequence, "
        "answer_sequence, id"
    )

    consultation_id = fields.Many2one(
        "property.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True)
    project_id = fields.Many2one(related="consultation_id.project_id", store=True)
    dimension = fields.Selection(RESULT_DIMENSIONS, required=True)
    dimension_sequence = fields.Integer()
    group_key = fields.Char()
    group_sequence = fields.Integer()
    group_label = fields.Char(string="Group", compute="_compute_group_label")
    building_id = fields.Many2one("property.building")
    owner_group = fields.Selection(OWNER_GROUPS, string="Owner Type")
    question_id = fields.Many2one(
        "survey.question", help="Empty for the participation figure."
    )
    question_sequence = fields.Integer()
    suggested_answer_id = fields.Many2one("survey.question.answer", string="Answer")
    answer_sequence = fields.Integer()
    recipient_count = fields.Integer(string="Recipients")
    answered_count = fields.Integer(string="Answered")
    response_rate = fields.Float(string="Response Rate (%)")
    question_answered_count = fields.Integer(
        string="Answered the Question",
        help="Recipients of the group who answered this question.",
    )
    answer_count = fields.Integer(
        string="Count", help="Recipients of the group who chose this answer."
    )
    share = fields.Float(
        string="Share (%)",
        help="Share of the recipients who answered the question that chose "
        "this answer.",
    )
    average = fields.Float(digits=(16, 2))

    @api.depends_context("lang")
    @api.depends("dimension", "building_id", "owner_group")
    def _compute_group_label(self):
        owner_groups = dict(
            self._fields["owner_group"]._description_selection(self.env)
        )
        for result in self:
            if result.dimension == "overall":
                result.group_label = self.env._("All Recipients")
            elif result.dimension == "building":
                result.group_label = result.building_id.sudo().name
            else:
                result.group_label = owner_groups.get(result.owner_group) or self.env._(
                    "Owner Type Unknown"
                )
