# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero, format_amount, format_date

GROUP_FINANCE = "property_cs.group_property_cs_finance"


class PropertyRenovation(models.Model):
    """The deposit of a renovation permit from approval to its refund
    (D-20, domain_standards D6): invoiced on approval, its refund scheduled
    at acceptance after the project's delay, finance told when it falls
    due, then the rest refunded by a credit note on the deposit journal
    paid out from the deposit bank account, so that the permit's liability
    ends at exactly zero."""

    _inherit = "property.renovation"

    # ------------------------------------------------------------------
    # HOOKS OF THE WORKFLOW
    # ------------------------------------------------------------------
    def _renovation_on_approved(self):
        """Invoice the deposit and the management fee on approval."""
        result = super()._renovation_on_approved()
        self._renovation_invoice_charges()
        return result

    def _renovation_on_accepted(self):
        """Schedule the deposit refund: the acceptance date plus the
        project's refund delay (D6: about three months in practice)."""
        result = super()._renovation_on_accepted()
        today = self.env["property.unit.partner"]._property_today()
        for renovation in self:
            renovation.deposit_refund_due = today + timedelta(
                days=renovation.project_id.renovation_refund_days
            )
        return result

    # ------------------------------------------------------------------
    # REFUND
    # ------------------------------------------------------------------
    def _renovation_check_finance(self):
        if not self.env.su and not self.env.user.has_group(GROUP_FINANCE):
            raise AccessError(self.env._("Only finance refunds renovation deposits."))

    def action_refund_deposit(self):
        """Finance settles the deposit of accepted permits once the refund
        falls due: what is left of the liability is refunded by a credit
        note on the deposit journal (it cancels an unpaid rest of the
        invoice) paid out from the deposit bank account, so that the
        permit's liability ends at exactly zero; a deposit fully deducted
        gets no payment. The permit is then closed."""
        self._renovation_check_finance()
        today = self.env["property.unit.partner"]._property_today()
        for renovation in self:
            if renovation.state != "accepted":
                raise UserError(
                    self.env._(
                        "%(permit)s: the deposit is refunded after the "
                        "completion acceptance.",
                        permit=renovation.name,
                    )
                )
            if renovation.deposit_refund_due and renovation.deposit_refund_due > today:
                raise UserError(
                    self.env._(
                        "%(permit)s: the deposit refund falls due on %(date)s.",
                        permit=renovation.name,
                        date=format_date(self.env, renovation.deposit_refund_due),
                    )
                )
            if renovation.deduction_ids.filtered(lambda d: d.state == "draft"):
                raise UserError(
                    self.env._(
                        "%(permit)s: confirm or cancel the proposed deductions "
                        "before refunding the deposit.",
                        permit=renovation.name,
                    )
                )
            renovation.sudo()._renovation_settle_deposit(today)
            renovation.sudo()._workflow_write({"state": "closed"})
            renovation.sudo().activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
                    and a.user_id.has_group(GROUP_FINANCE)
                )
            ).action_feedback(feedback=self.env._("Deposit settled."))
        return True

    def _renovation_settle_deposit(self, today):
        """Refund what is left of the permit's liability (as superuser,
        after the caller's checks) and mark the deposit settled."""
        self.ensure_one()
        project = self.project_id
        currency = self.currency_id
        vals = {"deposit_settled_on": today}
        left = paid_out = 0.0
        if self.deposit_move_id:
            journal, account = project._renovation_deposit_settings()
            lines = self.account_move_line_ids.filtered(
                lambda line: (
                    line.parent_state == "posted" and line.account_id == account
                )
            )
            left = currency.round(-sum(lines.mapped("balance")))
        if float_compare(left, 0.0, precision_rounding=currency.rounding) > 0:
            invoice_open = self.deposit_move_id.amount_residual
            bank = project.renovation_deposit_bank_journal_id
            if (
                not bank
                and float_compare(
                    left, invoice_open, precision_rounding=currency.rounding
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(project)s: set the deposit bank account in the "
                        "Renovation tab of the project to pay refunds from.",
                        project=project.display_name,
                    )
                )
            Move = (
                self.env["account.move"]
                .with_company(self.company_id)
                .with_context(lang=self.company_id._property_lang())
            )
            refund = Move.create(
                {
                    "move_type": "out_refund",
                    "partner_id": self.applicant_id.id,
                    "journal_id": journal.id,
                    "invoice_date": today,
                    "invoice_origin": self.name,
                    "reversed_entry_id": self.deposit_move_id.id,
                    "property_unit_id": self.unit_id.id,
                    "property_project_id": project.id,
                    "property_renovation_id": self.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": Move.env._(
                                    "Renovation deposit refund, permit %(permit)s",
                                    permit=self.name,
                                ),
                                "quantity": 1.0,
                                "price_unit": left,
                                "account_id": account.id,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            refund.action_post()
            vals["refund_move_id"] = refund.id
            if not float_is_zero(invoice_open, precision_rounding=currency.rounding):
                # the unpaid rest of the deposit is cancelled, not paid out
                (refund | self.deposit_move_id).line_ids.filtered(
                    lambda line: (
                        line.account_id.account_type == "asset_receivable"
                        and not line.reconciled
                    )
                ).reconcile()
            if not float_is_zero(
                refund.amount_residual, precision_rounding=currency.rounding
            ):
                payments = (
                    self.env["account.payment.register"]
                    .with_context(active_model="account.move", active_ids=refund.ids)
                    .create({"journal_id": bank.id, "payment_date": today})
                    ._create_payments()
                )
                vals["refund_payment_id"] = payments[:1].id
                paid_out = sum(payments.mapped("amount"))
            if account.reconcile:
                self.account_move_line_ids.filtered(
                    lambda line: (
                        line.parent_state == "posted"
                        and line.account_id == account
                        and not line.reconciled
                    )
                ).reconcile()
        self.write(vals)
        self.message_post(
            body=self.env._(
                "Deposit settled: %(refunded)s refunded, %(deducted)s deducted.",
                refunded=format_amount(self.env, paid_out, currency),
                deducted=format_amount(self.env, self.deposit_deducted, currency),
            )
        )

    @api.model
    def _cron_renovation_refunds_due(self):
        """Give finance a to-do for each accepted permit whose deposit
        refund fell due: a finance user of the project, else its manager."""
        today = self.env["property.unit.partner"]._property_today()
        todo = self.env.ref("mail.mail_activity_data_todo")
        due = self.search(
            [
                ("state", "=", "accepted"),
                ("deposit_refund_due", "<=", today),
                ("deposit_settled_on", "=", False),
            ]
        )
        finance = self.env.ref(GROUP_FINANCE).users.filtered(
            lambda u: not u.share and u.active
        )
        for renovation in due:
            user = (
                finance.filtered(
                    lambda u, p=renovation.project_id: p in u.property_project_ids
                )[:1]
                or renovation.project_id.manager_id
            )
            if not user or renovation.activity_ids.filtered(
                lambda a, u=user: a.activity_type_id == todo and a.user_id == u
            ):
                continue
            renovation.with_context(
                lang=renovation.company_id._property_lang()
            ).activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=renovation.deposit_refund_due,
                summary=self.with_context(
                    lang=renovation.company_id._property_lang()
                ).env._("Refund the renovation deposit"),
                user_id=user.id,
            )
        return True

    # ------------------------------------------------------------------
    # ACTIONS AND PORTAL
    # ------------------------------------------------------------------
    def action_view_renovation_moves(self):
        """The permit's invoices and entries (deposit, fee, deductions,
        refund)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_journal_line"
        )
        action.update(
            {
                "domain": [("property_renovation_id", "=", self.id)],
                "context": {"default_move_type": "entry"},
            }
        )
        return action

    def _renovation_portal_deposit_values(self):
        """What the applicant or owner sees of the deposit in the portal,
        read-only: amounts, state, refund date and the deductions with
        their reasons (never the accounts or internal notes)."""
        self.ensure_one()
        renovation = self.sudo()
        states = dict(self._fields["deposit_state"]._description_selection(self.env))
        categories = dict(
            self.env["property.renovation.deduction"]
            ._fields["category"]
            ._description_selection(self.env)
        )
        return {
            "deposit_amount": renovation.deposit_amount,
            "fee_amount": renovation.fee_amount,
            "deposit_paid": renovation.deposit_paid,
            "deposit_balance": renovation.deposit_balance,
            "deposit_state": states.get(renovation.deposit_state),
            "deposit_refund_due": renovation.deposit_refund_due,
            "currency": renovation.currency_id,
            "deductions": [
                {
                    "date": deduction.date,
                    "category": categories.get(deduction.category),
                    "reason": deduction.reason,
                    "amount": deduction.amount,
                }
                for deduction in renovation.deduction_ids.filtered(
                    lambda d: d.state == "posted"
                )
            ],
        }
