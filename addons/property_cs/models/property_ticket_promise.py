# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketPromise(models.Model):
    """A broken promise (D-10): the apology, the reason and the remedy with
    the new promised time, as told to the owner."""

    _name = "property.ticket.promise"
    _description = "Broken Promise"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user
    )
    date_previous = fields.Datetime(string="Promise Missed")
    date_new = fields.Datetime(string="New Promise", required=True)
    apology = fields.Text(required=True)
    reason = fields.Text(required=True)
    remedy = fields.Text(required=True)
