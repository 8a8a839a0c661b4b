# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SLA_TARGETS = [
    ("commit", "Commitment"),
    ("arrival", "Arrival"),
    ("close", "Closure"),
    ("reply", "Complaint Reply"),
]


class PropertyTicketBreach(models.Model):
    """A missed service-time target of a ticket (D-7), recorded once per
    ticket and target by the SLA pass; supervisors record the cause for the
    periodic statistics (D-11)."""

    _name = "property.ticket.breach"
    _description = "SLA Breach"
    _order = "date_breached desc, id desc"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    category_id = fields.Many2one(related="ticket_id.category_id", store=True)
    severity_id = fields.Many2one(related="ticket_id.severity_id", store=True)
    user_id = fields.Many2one(related="ticket_id.user_id", string="Assigned To")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    target = fields.Selection(SLA_TARGETS, required=True)
    date_deadline = fields.Datetime(string="Deadline", required=True)
    date_breached = fields.Datetime(required=True, default=fields.Datetime.now)
    cause = fields.Text(help="Why the promise was not kept.")
    sla_cycle = fields.Integer(
        string="SLA Cycle",
        default=0,
        help="The ticket's SLA cycle (restarted on reopening).",
    )

    _sql_constraints = [
        (
            "ticket_target_uniq",
            "unique(ticket_id, target, sla_cycle)",
            "A target of a ticket is breached only once per SLA cycle.",
        )
    ]
