# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

SWAP_REASONS = [
    ("vacant", "Vacant"),
    ("refused", "Refused"),
    ("unreachable", "Unreachable"),
    ("invalid", "Invalid Questionnaire"),
]


class PropertySurveySwap(models.Model):
    """The log of sample swaps (D-27): every replacement of a sampled
    household, with its reason, who did it and when. Never deleted."""

    _name = "property.survey.swap"
    _description = "Sample Swap"
    _order = "date desc, id desc"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, index=True, ondelete="restrict"
    )
    sample_out_id = fields.Many2one(
        "property.survey.sample", string="Swapped Out", required=True
    )
    sample_in_id = fields.Many2one("property.survey.sample", string="Replacement")
    stratum_label = fields.Char(string="Stratum")
    reason = fields.Selection(SWAP_REASONS, required=True)
    note = fields.Char()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date = fields.Datetime(default=fields.Datetime.now, required=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_evidence(self):
        raise UserError(self.env._("The swap log is evidence: it cannot be deleted."))
