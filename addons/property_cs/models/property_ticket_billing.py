# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class PropertyTicket(models.Model):
    """Paid repairs (有偿服务) on a ticket: the agreed price, materials and
    labour are recorded and billed to the owner through Odoo invoicing."""

    _inherit = "property.ticket"

    is_paid_service = fields.Boolean(string="Paid Service", tracking=True)
    charge_ids = fields.One2many(
        "property.ticket.charge", "ticket_id", string="Agreed Charges"
    )
    amount_charged = fields.Monetary(
        string="Agreed Price",
        compute="_compute_amount_charged",
        store=True,
        currency_field="billing_currency_id",
        tracking=True,
    )
    billing_currency_id = fields.Many2one(
        "res.currency", compute="_compute_billing_currency_id"
    )
    date_price_agreed = fields.Datetime(
        string="Price Agreed On", tracking=True, copy=False
    )
    invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, tracking=True
    )
    invoice_payment_state = fields.Selection(
        related="invoice_id.payment_state", string="Payment"
    )

    @api.depends("charge_ids.amount")
    def _compute_amount_charged(self):
        for ticket in self:
            ticket.amount_charged = sum(ticket.charge_ids.mapped("amount"))

    def _compute_billing_currency_id(self):
        for ticket in self:
            ticket.billing_currency_id = ticket.company_id.currency_id

    def _prepare_invoice_values(self):
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.number,
            "ref": self.name,
            # on the unit's account with its fee bills (statement, aging)
            "property_unit_id": self.unit_id.id,
            "property_project_id": self.project_id.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": f"{self.number} {line.name}",
                        "product_id": line.product_id.id,
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                    }
                )
                for line in self.charge_ids
            ],
        }

    def action_create_invoice(self):
        """Bill the agreed paid repair to the requester (draft invoice that
        finance posts); it carries the unit and project like the fee bills,
        so it is on the unit's receivables with them."""
        self.ensure_one()
        if not self.is_paid_service or not self.charge_ids:
            raise UserError(
                self.env._("Record the agreed charges of this paid service first.")
            )
        if not self.partner_id:
            raise UserError(self.env._("A paid service is billed to its requester."))
        if self.invoice_id and self.invoice_id.state != "cancel":
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is already invoiced (%(invoice)s).",
                    ticket=self.number,
                    invoice=self.invoice_id.display_name,
                )
            )
        invoice = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(self._prepare_invoice_values())
        )
        self.invoice_id = invoice
        self.message_post(
            body=self.env._(
                "Invoice %(invoice)s created for %(amount)s.",
                invoice=invoice.display_name,
                amount=format_amount(
                    self.env, invoice.amount_total, invoice.currency_id
                ),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return self.action_view_invoice()

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }
