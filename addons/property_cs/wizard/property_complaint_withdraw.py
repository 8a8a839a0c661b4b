# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyComplaintWithdraw(models.TransientModel):
    """The owner withdraws a complaint: a supervisor records the owner's own
    words and approves (D-18: no complaint is dismissed as invalid)."""

    _name = "property.complaint.withdraw"
    _description = "Owner Withdraws a Complaint"

    ticket_id = fields.Many2one("property.ticket", required=True)
    owner_words = fields.Text(
        string="The Owner's Words",
        required=True,
        help="What the owner said or wrote to withdraw the complaint, in "
        "their own words.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_complaint_withdraw(self.owner_words)
        return {"type": "ir.actions.act_window_close"}
