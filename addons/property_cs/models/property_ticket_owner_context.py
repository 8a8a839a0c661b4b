# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .constants import OPEN_STATES, STAFF_GROUPS


class PropertyTicket(models.Model):
    """The owner's context beside the ticket form (D-4, D-5), for staff only:
    the handling tip, the key-customer reasons and the unit's other open
    tickets."""

    _inherit = "property.ticket"

    partner_handling_tip = fields.Text(
        related="partner_id.handling_tip",
        string="Handling Tip",
        groups=STAFF_GROUPS,
    )
    partner_is_key_customer = fields.Boolean(
        related="partner_id.is_key_customer", groups=STAFF_GROUPS
    )
    partner_key_customer_reasons = fields.Text(
        related="partner_id.key_customer_reasons",
        string="Key-Customer Reasons",
        groups=STAFF_GROUPS,
    )
    unit_open_ticket_ids = fields.Many2many(
        "property.ticket",
        string="Open Tickets of the Unit",
        compute="_compute_unit_open_ticket_ids",
    )

    @api.depends("unit_id")
    def _compute_unit_open_ticket_ids(self):
        tickets = self.search(
            [("unit_id", "in", self.unit_id.ids), ("state", "in", OPEN_STATES)]
        )
        for ticket in self:
            ticket.unit_open_ticket_ids = tickets.filtered(
                lambda t, ticket=ticket: (
                    t.unit_id == ticket.unit_id and t.id != ticket.id
                )
            )
