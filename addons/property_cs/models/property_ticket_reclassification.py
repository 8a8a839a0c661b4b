# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketReclassification(models.Model):
    """Log of a change of a ticket's category or severity (D-7). A severity
    downgrade carries the reason given by the agent."""

    _name = "property.ticket.reclassification"
    _description = "Ticket Reclassification"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="ticket_id.project_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", default=lambda self: self.env.user
    )
    old_severity_id = fields.Many2one("property.ticket.severity")
    new_severity_id = fields.Many2one("property.ticket.severity")
    old_category_id = fields.Many2one("property.ticket.category")
    new_category_id = fields.Many2one("property.ticket.category")
    is_downgrade = fields.Boolean()
    reason = fields.Text()
