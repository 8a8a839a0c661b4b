# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyRenovationDecision(models.TransientModel):
    """A review decision that needs words for the applicant: the changes
    requested (customer service or engineering) or the reason for a
    rejection (project manager) (D-20)."""

    _name = "property.renovation.decision"
    _description = "Renovation Review Decision"

    renovation_id = fields.Many2one("property.renovation", required=True)
    decision = fields.Selection(
        [("changes", "Request Changes"), ("reject", "Reject")], required=True
    )
    text = fields.Text(
        string="For the Applicant",
        required=True,
        help="What the applicant must change, or why the application is "
        "rejected; the applicant reads it.",
    )

    def action_confirm(self):
        self.ensure_one()
        if self.decision == "changes":
            self.renovation_id._request_changes(self.text)
        else:
            self.renovation_id._reject(self.text)
        return {"type": "ir.actions.act_window_close"}
