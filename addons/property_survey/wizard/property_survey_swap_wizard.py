# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.property_survey_swap import SWAP_REASONS


class PropertySurveySwapWizard(models.TransientModel):
    """Swap a sampled household for a recorded reason (D-27)."""

    _name = "property.survey.swap.wizard"
    _description = "Swap Sampled Household"

    sample_id = fields.Many2one("property.survey.sample", required=True)
    reason = fields.Selection(SWAP_REASONS, required=True)
    note = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        replacement = self.sample_id.action_swap(self.reason, self.note)
        if not replacement:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.survey.sample",
            "res_id": replacement.id,
            "view_mode": "form",
        }
