# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyFundRequest(models.Model):
    """A request to use the special maintenance fund (专项维修资金,
    domain_standards G2): purpose, common part, amount and quotations,
    through the committee's decision, the works and publication; an
    emergency request has a decision deadline on the deadline engine
    (target "fund")."""

    _name = "property.fund.request"
    _description = "Maintenance Fund Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    purpose = fields.Char(required=True, tracking=True)
    amount = fields.Monetary(tracking=True)
    is_emergency = fields.Boolean(string="Emergency", tracking=True)
    state = fields.Selection(
        [("draft", "Draft")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
