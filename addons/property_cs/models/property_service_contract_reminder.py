# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .property_service_contract import REMINDER_KINDS


class PropertyServiceContractReminder(models.Model):
    """A reminder of the contract calendar that was fired (G5): one per
    contract, kind and period, so that the daily job fires each once."""

    _name = "property.service.contract.reminder"
    _description = "Contract Calendar Reminder"
    _order = "date_fired desc, id desc"

    contract_id = fields.Many2one(
        "property.service.contract", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="contract_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    kind = fields.Selection(REMINDER_KINDS, required=True)
    period = fields.Char(required=True, help="The period or date it is for.")
    summary = fields.Char()
    date_fired = fields.Date(string="Sent On", required=True)
    date_deadline = fields.Date(string="Due")
    user_id = fields.Many2one("res.users", string="Sent To")
    activity_id = fields.Many2one("mail.activity", string="To-Do", ondelete="set null")

    _sql_constraints = [
        (
            "contract_kind_period_uniq",
            "unique(contract_id, kind, period)",
            "Each reminder fires once per period.",
        )
    ]
