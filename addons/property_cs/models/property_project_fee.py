# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CHARGING_MODELS = [
    ("lump_sum", "Lump-Sum (包干制)"),
    ("commission", "Commission (酬金制)"),
]


class PropertyProject(models.Model):
    """What billing needs from a project (domain_standards F1, F2, E8):
    the charging model, the developer who pays for undelivered units
    (D-22), the sales journal of the bills and the analytic account every
    fee line carries."""

    _inherit = "property.project"

    charging_model = fields.Selection(
        CHARGING_MODELS,
        default="lump_sum",
        required=True,
        help="Lump-sum: the fees are the company's income and it bears the "
        "costs. Commission: the fees are the owners' money and the company "
        "keeps an agreed share.",
    )
    developer_partner_id = fields.Many2one(
        "res.partner",
        string="Developer",
        help="Pays the fees of the units not handed over yet, up to the handover date.",
    )
    fee_journal_id = fields.Many2one(
        "account.journal",
        domain="[('type', '=', 'sale')]",
        check_company=True,
        help="Sales journal of the fee bills; empty: the company's first one.",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        help="Every fee line of the project carries it.",
    )
    fee_due_days = fields.Integer(
        string="Bills Due After (days)",
        default=15,
        help="Days after the bill date when a fee bill is due.",
    )
    prepay_cap_months = fields.Integer(
        string="Prepayment Limit (months)",
        default=12,
        help="Fees may be paid ahead for at most this many months, and never "
        "beyond the end of the service contract.",
    )
    service_contract_end = fields.Date(
        string="Service Contract Ends",
        help="End of the property service contract: no fee is taken ahead "
        "beyond it, and the unused prepayments are refunded after it.",
    )
    collection_threshold = fields.Monetary(
        string="Open a Collection Case Above",
        default=100.0,
        currency_field="collection_currency_id",
        help="A collection case opens by itself when a unit's payer owes more "
        "than this amount with bills overdue.",
    )
    collection_currency_id = fields.Many2one(related="company_id.currency_id")
    collection_overdue_days = fields.Integer(
        string="Overdue Days Before a Case",
        default=30,
        help="Days after the due date of a bill before it counts for opening "
        "a collection case.",
    )
    collection_hold_on_complaint = fields.Boolean(
        string="Hold Escalation While a Complaint Is Open",
        default=True,
        help="No phone call, visit, lawyer's letter or court step while the "
        "payer's complaint about the service is open: the complaint comes first.",
    )
    collection_pass_date = fields.Date(
        string="Collection Pass Ran On",
        readonly=True,
        copy=False,
        help="The day the daily collection pass last covered this project.",
    )
    collection_step_ids = fields.One2many(
        "property.collection.step", "project_id", string="Collection Steps"
    )
    fee_standard_ids = fields.One2many(
        "property.fee.standard", "project_id", string="Fee Standards"
    )
