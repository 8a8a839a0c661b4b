# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertySurveyResult(models.Model):
    """Results by participation in community events (D-29, D-30)."""

    _inherit = "property.survey.result"

    dimension = fields.Selection(
        selection_add=[("event_participation", "Community Event Participation")],
        ondelete={"event_participation": "cascade"},
    )
