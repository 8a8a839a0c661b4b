# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketPause(models.Model):
    """A period during which a ticket waited (for the owner, for parts) and
    its SLA clock stood still (D-7). Opened when the ticket enters a paused
    stage, closed when it leaves it."""

    _name = "property.ticket.pause"
    _description = "Ticket Pause"
    _order = "date_start desc, id desc"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="ticket_id.project_id")
    date_start = fields.Datetime(required=True, default=fields.Datetime.now)
    date_end = fields.Datetime()
    reason = fields.Text(required=True)
    paused_minutes = fields.Integer(help="Working minutes the SLA clock stood still.")
