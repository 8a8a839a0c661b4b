# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.property_cs.models.constants import GROUP_AGENT


class SurveyUserInputLine(models.Model):
    """Open answers of consultations are tagged by the staff of the
    consultation's project and may spawn improvement actions (D-29, reused
    for consultations)."""

    _inherit = "survey.user_input.line"

    property_consultation_id = fields.Many2one(
        related="user_input_id.property_consultation_id",
        store=True,
        index="btree_not_null",
    )

    def write(self, vals):
        """The staff of a consultation's project tag its open answers they
        can read; the answers themselves stay read-only (a record)."""
        if (
            set(vals) == {"property_tag_ids"}
            and self
            and all(self.sudo().mapped("property_consultation_id"))
            and self.env.user.has_group(GROUP_AGENT)
        ):
            self.check_access("read")
            self.property_consultation_id.check_access("write")
            return super(SurveyUserInputLine, self.sudo()).write(vals)
        return super().write(vals)

    def action_create_improvement(self):
        action = super().action_create_improvement()
        if self.property_consultation_id:
            action["context"] = dict(
                action["context"],
                default_consultation_id=self.property_consultation_id.id,
                default_campaign_id=False,
            )
        return action
