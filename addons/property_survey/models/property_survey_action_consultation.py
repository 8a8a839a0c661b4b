# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertySurveyAction(models.Model):
    """Improvement actions also follow a consultation (its results or one of
    its open answers): an action belongs to a satisfaction campaign or to a
    consultation."""

    _inherit = "property.survey.action"

    campaign_id = fields.Many2one(required=False)
    consultation_id = fields.Many2one(
        "property.consultation",
        index="btree_not_null",
        tracking=True,
        ondelete="cascade",
    )

    # "name" is always written at creation: the check runs then too
    @api.constrains("campaign_id", "consultation_id", "name")
    def _check_campaign_or_consultation(self):
        for action in self:
            if bool(action.campaign_id) == bool(action.consultation_id):
                raise ValidationError(
                    self.env._(
                        "An improvement action follows either a satisfaction "
                        "campaign or a consultation."
                    )
                )

    @api.depends_context("uid")
    @api.depends("line_id", "campaign_id", "consultation_id")
    def _compute_open_answer(self):
        """The open answer of a consultation's action is shown to whoever
        reads the action (the staff of the project): consultations are not
        secret from their project, unlike running campaigns."""
        consultation_actions = self.filtered("consultation_id")
        result = super(
            PropertySurveyAction, self - consultation_actions
        )._compute_open_answer()
        for action in consultation_actions:
            line = action.line_id.sudo()
            action.open_answer = (
                (line.value_text_box or line.value_char_box or False)
                if line and line.property_consultation_id == action.consultation_id
                else False
            )
        return result
