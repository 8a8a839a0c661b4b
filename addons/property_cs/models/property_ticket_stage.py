# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

TICKET_STATES = [
    ("new", "New"),
    ("dispatched", "Dispatched"),
    ("in_progress", "In Progress"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


class PropertyTicketStage(models.Model):
    """A configurable kanban column mapped on a fixed workflow state."""

    _name = "property.ticket.stage"
    _description = "Ticket Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    state = fields.Selection(TICKET_STATES, required=True, default="new")
    fold = fields.Boolean(string="Folded in Kanban")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Owner Notification",
        domain=[("model", "=", "property.ticket")],
        help="Sent to the owner when a ticket reaches this stage; leave empty "
        "for internal stages.",
    )
