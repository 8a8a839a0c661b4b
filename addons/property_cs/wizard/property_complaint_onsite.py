# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.constants import COMPLAINT_SEVERITIES


class PropertyComplaintOnsite(models.TransientModel):
    """One form for a complaint solved at intake (D-17): confirmation,
    investigation, plan and the owner's acceptance; the callback stays due."""

    _name = "property.complaint.onsite"
    _description = "Complaint Solved at Intake"

    ticket_id = fields.Many2one("property.ticket", required=True)
    complaint_remedy = fields.Text(string="Remedy Sought", required=True)
    complaint_nature = fields.Selection(
        [("grievance", "Genuine Grievance"), ("venting", "Venting")],
        string="Nature",
        required=True,
    )
    complaint_severity = fields.Selection(
        COMPLAINT_SEVERITIES, string="Severity", required=True, default="minor"
    )
    complaint_impact = fields.Text(string="Impact", required=True)
    complaint_plan = fields.Text(string="What We Did on Site", required=True)
    complaint_reply = fields.Text(string="What We Told the Owner", required=True)
    owner_accepted = fields.Boolean(
        string="The Owner Accepts",
        help="Only a solution the owner accepts closes the steps at intake.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._complaint_solve_on_site(
            {
                "complaint_remedy": self.complaint_remedy,
                "complaint_nature": self.complaint_nature,
                "complaint_severity": self.complaint_severity,
                "complaint_impact": self.complaint_impact,
                "complaint_plan": self.complaint_plan,
                "complaint_reply": self.complaint_reply,
                "complaint_owner_answer": "accepted" if self.owner_accepted else False,
            }
        )
        return {"type": "ir.actions.act_window_close"}
