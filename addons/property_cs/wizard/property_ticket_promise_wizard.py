# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketPromiseWizard(models.TransientModel):
    """Record a broken promise and tell the owner (D-10)."""

    _name = "property.ticket.promise.wizard"
    _description = "Record Broken Promise"

    ticket_id = fields.Many2one("property.ticket", required=True)
    date_previous = fields.Datetime(
        related="ticket_id.date_promised", string="Promise Missed"
    )
    apology = fields.Text(
        required=True,
        default=lambda self: self.env._(
            "We are sorry: we did not keep the time we promised you."
        ),
    )
    reason = fields.Text(required=True, help="Why the promise was not kept.")
    remedy = fields.Text(required=True, help="What we do now to make it right.")
    date_new = fields.Datetime(string="New Promise", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._record_broken_promise(
            self.apology, self.reason, self.remedy, self.date_new
        )
        return {"type": "ir.actions.act_window_close"}
