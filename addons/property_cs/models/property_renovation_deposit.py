# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, format_amount

# the states in which the deposit and fee are still a proposal
PROPOSAL_STATES = ("draft", "submitted", "engineering", "changes", "approval")
DEPOSIT_STATES = [
    ("none", "Not Invoiced"),
    ("awaiting", "Awaiting Payment"),
    ("held", "Held"),
    ("settled", "Settled"),
]


class PropertyRenovation(models.Model):
    """The deposit and management fee of a renovation permit in accounting
    (D-20, domain_standards D6).

    On approval the deposit is invoiced to the applicant on one line to the
    project's deposit liability account, on the project's deposit journal
    (the deposit belongs to the renovator and stays apart from operating
    income); the management fee, if the project charges one, is a separate
    invoice on the sales journal with the project's analytic distribution.
    Deductions move amounts from the liability to income, each with its
    reason and evidence; after acceptance and the project's refund delay
    finance refunds the rest by a credit note paid out from the deposit
    bank account, so that the permit's liability ends at exactly zero. The
    balance is read from the journal items of the permit."""

    _inherit = "property.renovation"

    deposit_amount = fields.Monetary(
        string="Deposit",
        copy=False,
        tracking=True,
        help="Proposed from the project's settings and the scope of works, "
        "within the cap per dwelling; staff may change it until approval.",
    )
    fee_amount = fields.Monetary(
        string="Management Fee",
        copy=False,
        tracking=True,
        help="Renovation management fee proposed from the project's settings; "
        "0: not charged.",
    )
    deposit_move_id = fields.Many2one(
        "account.move", string="Deposit Invoice", readonly=True, copy=False
    )
    fee_move_id = fields.Many2one(
        "account.move", string="Management Fee Invoice", readonly=True, copy=False
    )
    refund_move_id = fields.Many2one(
        "account.move", string="Deposit Refund", readonly=True, copy=False
    )
    refund_payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    account_move_line_ids = fields.One2many(
        "account.move.line",
        "property_renovation_id",
        string="Journal Items",
        readonly=True,
        groups="account.group_account_invoice",
    )
    deduction_ids = fields.One2many(
        "property.renovation.deduction", "renovation_id", string="Deductions"
    )
    deposit_paid = fields.Monetary(compute="_compute_deposit", store=True)
    deposit_deducted = fields.Monetary(
        string="Deducted", compute="_compute_deposit", store=True
    )
    deposit_refunded = fields.Monetary(
        string="Refunded", compute="_compute_deposit", store=True
    )
    deposit_balance = fields.Monetary(
        string="Deposit Held",
        compute="_compute_deposit",
        store=True,
        help="Deposit paid less deductions and refunds, from the journal "
        "items of the permit on the deposit liability account.",
    )
    deposit_state = fields.Selection(
        DEPOSIT_STATES,
        compute="_compute_deposit",
        store=True,
        index=True,
    )
    deposit_refund_due = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="Acceptance date plus the project's refund delay.",
    )
    deposit_settled_on = fields.Date(readonly=True, copy=False, tracking=True)

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        renovations = super().create(vals_list)
        for renovation, vals in zip(renovations, vals_list, strict=True):
            if "deposit_amount" not in vals and "fee_amount" not in vals:
                renovation._renovation_propose_charges()
        return renovations

    @api.onchange("unit_id", "scope_ids")
    def _onchange_renovation_charges(self):
        if self.state in PROPOSAL_STATES:
            self.deposit_amount, self.fee_amount = self._renovation_charge_proposal()

    def _renovation_propose_charges(self):
        """Propose the deposit and fee while the application is reviewed
        (again when its unit or scope changes); once approved or invoiced
        they no longer change."""
        for renovation in self:
            if (
                renovation.state in PROPOSAL_STATES
                and not renovation.deposit_move_id
                and not renovation.fee_move_id
            ):
                deposit, fee = renovation._renovation_charge_proposal()
                super(PropertyRenovation, renovation).write(
                    {"deposit_amount": deposit, "fee_amount": fee}
                )
        return True

    def _renovation_charge_proposal(self):
        """(deposit, fee) of the permit from its project: the base amounts,
        the fee per m² of the unit, the extras of the scope items ticked;
        the deposit of a dwelling capped per the project (D6)."""
        self.ensure_one()
        project = self.project_id
        if not project:
            return 0.0, 0.0
        charges = project.renovation_charge_ids.filtered(
            lambda c: c.scope_id in self.scope_ids
        )
        deposit = project.renovation_deposit_base + sum(
            charges.mapped("deposit_amount")
        )
        fee = (
            project.renovation_fee_base
            + project.renovation_fee_per_area * self.unit_id.area
            + sum(charges.mapped("fee_amount"))
        )
        if self._renovation_deposit_capped():
            deposit = min(deposit, project.renovation_deposit_cap)
        currency = project.renovation_currency_id
        return currency.round(deposit), currency.round(fee)

    def _renovation_deposit_capped(self):
        """The cap applies per dwelling: residential units of a project
        with a cap."""
        self.ensure_one()
        return bool(
            self.project_id.renovation_deposit_cap
            and self.unit_id.use_type == "residential"
        )

    @api.constrains("deposit_amount", "fee_amount")
    def _check_deposit_amount(self):
        """A dwelling's deposit never exceeds the project's cap (D6)."""
        for renovation in self:
            if renovation.deposit_amount < 0 or renovation.fee_amount < 0:
                raise ValidationError(
                    self.env._("A deposit or fee cannot be negative.")
                )
            cap = renovation.project_id.renovation_deposit_cap
            if (
                renovation._renovation_deposit_capped()
                and float_compare(
                    renovation.deposit_amount,
                    cap,
                    precision_rounding=renovation.currency_id.rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The deposit of a dwelling may not exceed %(cap)s.",
                        cap=format_amount(self.env, cap, renovation.currency_id),
                    )
                )

    @api.depends(
        "deposit_move_id",
        "deposit_settled_on",
        "project_id.renovation_deposit_account_id",
        "account_move_line_ids.balance",
        "account_move_line_ids.amount_residual",
        "account_move_line_ids.parent_state",
    )
    def _compute_deposit(self):
        """Read the deposit from the permit's posted journal items: paid =
        invoiced less its unpaid rest; deducted = the deductions' debits of
        the liability; refunded = the refunds' debits, once paid; held =
        the liability left less what is unpaid or not yet paid back."""
        for renovation in self:
            account = renovation.project_id.renovation_deposit_account_id
            lines = renovation.account_move_line_ids.filtered(
                lambda line, r=renovation: (
                    line.parent_state == "posted" and line.move_id != r.fee_move_id
                )
            )
            liability = lines.filtered(lambda line, a=account: line.account_id == a)
            receivable = lines.filtered(
                lambda line: line.account_id.account_type == "asset_receivable"
            )
            invoice = renovation.deposit_move_id
            invoiced = -sum(
                liability.filtered(lambda line, m=invoice: line.move_id == m).mapped(
                    "balance"
                )
            )
            unpaid = sum(
                receivable.filtered(lambda line, m=invoice: line.move_id == m).mapped(
                    "amount_residual"
                )
            )
            deducted = sum(
                liability.filtered(
                    lambda line: line.move_id.move_type == "entry"
                ).mapped("balance")
            )
            refunds = liability.filtered(
                lambda line: line.move_id.move_type == "out_refund"
            )
            not_paid_back = -sum(
                receivable.filtered(
                    lambda line, m=refunds.move_id: line.move_id in m
                ).mapped("amount_residual")
            )
            credit_notes = sum(refunds.mapped("balance"))
            renovation.deposit_paid = invoiced - unpaid
            renovation.deposit_deducted = deducted
            renovation.deposit_refunded = credit_notes - not_paid_back
            renovation.deposit_balance = -sum(liability.mapped("balance")) - (
                unpaid - not_paid_back
            )
            if renovation.deposit_settled_on:
                renovation.deposit_state = "settled"
            elif not invoice:
                renovation.deposit_state = "none"
            elif not float_is_zero(
                unpaid, precision_rounding=renovation.currency_id.rounding
            ):
                renovation.deposit_state = "awaiting"
            else:
                renovation.deposit_state = "held"

    def write(self, vals):
        if {"deposit_amount", "fee_amount"} & set(vals) and any(
            renovation.deposit_move_id or renovation.fee_move_id for renovation in self
        ):
            # who may not write at all is told so first
            self.check_access("write")
            raise UserError(
                self.env._(
                    "The deposit and fee are invoiced: they cannot be changed any more."
                )
            )
        result = super().write(vals)
        if {"unit_id", "scope_ids"} & set(vals) and not {
            "deposit_amount",
            "fee_amount",
        } & set(vals):
            self._renovation_propose_charges()
        return result

    # ------------------------------------------------------------------
    # INVOICING
    # ------------------------------------------------------------------
    @api.model
    def _renovation_post_invoice(self, Move, values, line):
        """Create and post one invoice of ``values`` with the single line
        ``line`` (one unit, no tax: a deposit or a fee as configured)."""
        move = Move.create(
            dict(
                values,
                invoice_line_ids=[
                    Command.create(dict(line, quantity=1.0, tax_ids=[Command.clear()]))
                ],
            )
        )
        move.action_post()
        return move

    def _renovation_invoice_charges(self):
        """Invoice each permit's deposit (one line to the deposit liability
        account, on the deposit journal) and its management fee (a separate
        invoice on the sales journal with the project's analytic
        distribution) to the applicant, both posted and linked to the
        permit and its unit. A permit without deposit or fee gets no
        invoice; a missing account or journal is a clear error."""
        today = self.env["property.unit.partner"]._property_today()
        for renovation in self:
            project = renovation.project_id
            Move = (
                self.env["account.move"]
                .sudo()
                .with_company(renovation.company_id)
                .with_context(lang=renovation.company_id._property_lang())
            )
            vals = {}
            common = {
                "move_type": "out_invoice",
                "partner_id": renovation.applicant_id.id,
                "invoice_date": today,
                "invoice_origin": renovation.name,
                "property_unit_id": renovation.unit_id.id,
                "property_project_id": project.id,
                "property_renovation_id": renovation.id,
            }
            if renovation.deposit_amount > 0 and not renovation.deposit_move_id:
                journal, account = project._renovation_deposit_settings()
                vals["deposit_move_id"] = self._renovation_post_invoice(
                    Move,
                    dict(common, journal_id=journal.id),
                    {
                        "name": Move.env._(
                            "Renovation deposit, permit %(permit)s",
                            permit=renovation.name,
                        ),
                        "price_unit": renovation.deposit_amount,
                        "account_id": account.id,
                    },
                ).id
            if renovation.fee_amount > 0 and not renovation.fee_move_id:
                journal = project._renovation_fee_journal()
                analytic = project.analytic_account_id
                vals["fee_move_id"] = self._renovation_post_invoice(
                    Move,
                    dict(common, journal_id=journal.id),
                    {
                        "name": Move.env._(
                            "Renovation management fee, permit %(permit)s",
                            permit=renovation.name,
                        ),
                        "price_unit": renovation.fee_amount,
                        "account_id": (
                            project.renovation_fee_account_id
                            or journal.default_account_id
                        ).id,
                        "analytic_distribution": analytic and {str(analytic.id): 100.0},
                    },
                ).id
            if vals:
                renovation.sudo().write(vals)
        return True
