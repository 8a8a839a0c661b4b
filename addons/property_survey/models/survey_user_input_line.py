# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyUserInputLine(models.Model):
    """Open answers are tagged and can spawn improvement actions (D-29)."""

    _inherit = "survey.user_input.line"

    property_campaign_id = fields.Many2one(
        related="user_input_id.property_campaign_id", store=True, index=True
    )
    property_is_valid = fields.Boolean(related="user_input_id.property_is_valid")
    property_tag_ids = fields.Many2many("property.survey.tag", string="Tags")
    property_action_ids = fields.One2many(
        "property.survey.action", "line_id", string="Improvement Actions"
    )

    def write(self, vals):
        """Campaign managers tag the open answers they can read; answers
        themselves stay read-only for them (evidence, D-28)."""
        if set(vals) == {"property_tag_ids"} and any(
            self.env.user.has_group(group)
            for group in (
                "property_cs.group_property_cs_manager",
                "property_cs.group_property_cs_head_office",
            )
        ):
            self.check_access("read")
            return super(SurveyUserInputLine, self.sudo()).write(vals)
        return super().write(vals)

    def action_create_improvement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.survey.action",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_line_id": self.id,
                "default_campaign_id": self.property_campaign_id.id,
                "default_driver_id": self.question_id.property_driver_id.id,
                "default_name": (self.value_text_box or self.value_char_box or "")[:80],
            },
        }
