# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyTicketAssign(models.TransientModel):
    """Dispatch or transfer a ticket to a department and a named person."""

    _name = "property.ticket.assign"
    _description = "Dispatch Ticket"

    ticket_id = fields.Many2one("property.ticket", required=True)
    is_transfer = fields.Boolean(compute="_compute_is_transfer")
    department_id = fields.Many2one(
        "property.department",
        required=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assign To",
        required=True,
        domain="[('id', 'in', allowed_user_ids)]",
    )
    allowed_user_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_user_ids"
    )
    reason = fields.Text(string="Transfer Reason")

    @api.depends("ticket_id")
    def _compute_is_transfer(self):
        for wizard in self:
            wizard.is_transfer = bool(wizard.ticket_id.user_id)

    @api.depends("ticket_id")
    def _compute_department_id(self):
        for wizard in self:
            wizard.department_id = wizard.ticket_id.department_id

    @api.depends("department_id")
    def _compute_allowed_user_ids(self):
        for wizard in self:
            wizard.allowed_user_ids = (
                wizard.department_id._get_dispatchable_users()
                if wizard.department_id
                else False
            )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_assign(self.department_id, self.user_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
