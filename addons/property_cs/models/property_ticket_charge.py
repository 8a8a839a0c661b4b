# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyTicketCharge(models.Model):
    """One agreed line of a paid repair: labour, material or a listed
    service, billed to the owner through Odoo invoicing."""

    _name = "property.ticket.charge"
    _description = "Paid Repair Line"
    _order = "ticket_id, sequence, id"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        [("service", "Listed Service"), ("labour", "Labour"), ("material", "Material")],
        string="Type",
        required=True,
        default="service",
    )
    service_price_id = fields.Many2one("property.service.price", string="Price List")
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_from_price",
        store=True,
        readonly=False,
        precompute=True,
    )
    name = fields.Char(
        string="Description",
        required=True,
        compute="_compute_from_price",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    currency_id = fields.Many2one(related="ticket_id.company_id.currency_id")
    price_unit = fields.Monetary(
        string="Unit Price",
        compute="_compute_from_price",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)

    @api.depends("service_price_id")
    def _compute_from_price(self):
        for line in self:
            price = line.service_price_id
            if price:
                line.name = price.name
                line.price_unit = price.price
                line.product_id = price.product_id
            else:
                line.name = line.name or False
                line.price_unit = line.price_unit or 0.0
                line.product_id = line.product_id

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.price_unit
