# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyServicePrice(models.Model):
    """The published price list of paid services (有偿服务), per project or
    for all projects."""

    _name = "property.service.price"
    _description = "Paid Service Price"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(string="Service", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project",
        index=True,
        check_company=True,
        help="Leave empty for a price valid in every project.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "product.product",
        string="Invoicing Product",
        domain=[("type", "=", "service")],
        check_company=True,
    )
    price = fields.Monetary(required=True)
    unit_label = fields.Char(string="Per", translate=True, help="e.g. per hour.")
    description = fields.Text(translate=True)
