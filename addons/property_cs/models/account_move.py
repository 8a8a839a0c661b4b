# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    """A fee bill (收费通知单) knows its unit, project and billing run, so
    that receivables are read per unit, building and project."""

    _inherit = "account.move"

    property_unit_id = fields.Many2one(
        "property.unit", string="Unit", index=True, readonly=True, copy=False
    )
    property_project_id = fields.Many2one(
        "property.project", string="Project", index=True, readonly=True, copy=False
    )
    property_billing_run_id = fields.Many2one(
        "property.billing.run",
        string="Billing Run",
        index=True,
        readonly=True,
        copy=False,
    )
