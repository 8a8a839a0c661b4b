# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketCategory(models.Model):
    _inherit = "property.ticket.category"

    pulse_survey_id = fields.Many2one(
        "survey.survey",
        domain="[('survey_type', '=', 'survey')]",
        help="Short questionnaire sent after a ticket of this category is "
        "closed, when the pulse survey is the company's satisfaction contact. "
        "Sub-categories without one use their parent's.",
    )

    def _get_pulse_survey(self):
        self.ensure_one()
        category = self
        while category and not category.pulse_survey_id:
            category = category.parent_id
        return category.pulse_survey_id
