# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PropertyCsCommon


class TestRenovationDeposit(PropertyCsCommon):
    """The renovation deposit and fee in accounting, checked on the journal
    items: the invoice on the liability, the payment, deductions to
    income, refunds leaving the permit's liability at exactly zero."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.liability = Account.create(
            {
                "code": "224199",
                "name": "Renovation Deposits Held",
                "account_type": "liability_current",
                "reconcile": True,
            }
        )
        cls.deduction_income = Account.create(
            {
                "code": "630199",
                "name": "Renovation Deposit Deductions",
                "account_type": "income_other",
            }
        )
        cls.fee_income = Account.create(
            {
                "code": "600199",
                "name": "Renovation Management Fees",
                "account_type": "income",
            }
        )
        Journal = cls.env["account.journal"]
        cls.deposit_journal = Journal.create(
            {"name": "Renovation Deposits", "code": "RDEP", "type": "sale"}
        )
        cls.bank = Journal.create(
            {"name": "Deposit Bank Account", "code": "RDBK", "type": "bank"}
        )
        cls.sales_journal = Journal.create(
            {"name": "Fees Osmanthus", "code": "FOG", "type": "sale"}
        )
        plan = cls.env["account.analytic.plan"].create({"name": "Projects"})
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": "Osmanthus Garden", "plan_id": plan.id}
        )
        cls.scope_walls = cls.env.ref("property_cs.renovation_scope_walls")
        cls.scope_structure = cls.env.ref("property_cs.renovation_scope_structure")
        cls.project_a.write(
            {
                "fee_journal_id": cls.sales_journal.id,
                "analytic_account_id": cls.analytic.id,
                "renovation_deposit_base": 1500.0,
                "renovation_deposit_cap": 2000.0,
                "renovation_fee_base": 300.0,
                "renovation_fee_per_area": 2.0,
                "renovation_refund_days": 0,
                "renovation_deposit_account_id": cls.liability.id,
                "renovation_deposit_journal_id": cls.deposit_journal.id,
                "renovation_deposit_bank_journal_id": cls.bank.id,
                "renovation_deduction_account_id": cls.deduction_income.id,
                "renovation_fee_account_id": cls.fee_income.id,
                "renovation_charge_ids": [
                    Command.create(
                        {"scope_id": cls.scope_structure.id, "deposit_amount": 1000.0}
                    )
                ],
            }
        )
        cls.finance = cls.users["finance"]
        cls.evidence = cls.env["ir.attachment"].create(
            {
                "name": "damaged-lift-wall.jpg",
                "datas": base64.b64encode(b"photo"),
            }
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _permit(self, scopes=None, unit=None, applicant=None):
        return self.env["property.renovation"].create(
            {
                "unit_id": (unit or self.unit_a1).id,
                "applicant_id": (applicant or self.owner_a).id,
                "applicant_role": "owner",
                "scope_ids": [Command.set((scopes or self.scope_walls).ids)],
            }
        )

    def _approve(self, permit):
        permit._workflow_write({"state": "approved"})
        permit._renovation_on_approved()
        return permit

    def _pay(self, move, amount=None):
        vals = {"journal_id": self.bank.id}
        if amount is not None:
            vals["amount"] = amount
        return (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create(vals)
            ._create_payments()
        )

    def _accept(self, permit):
        permit._workflow_write({"state": "accepted"})
        permit._renovation_on_accepted()
        return permit

    def _deduction(self, permit, amount, **vals):
        return self.env["property.renovation.deduction"].create(
            dict(
                {
                    "renovation_id": permit.id,
                    "category": "damage",
                    "reason": "Lift lobby wall scratched by the workers",
                    "amount": amount,
                    "attachment_ids": [Command.set(self.evidence.ids)],
                },
                **vals,
            )
        )

    def _liability_total(self, permit):
        lines = self.env["account.move.line"].search(
            [
                ("property_renovation_id", "=", permit.id),
                ("account_id", "=", self.liability.id),
                ("parent_state", "=", "posted"),
            ]
        )
        return sum(lines.mapped("balance"))

    # ------------------------------------------------------------------
    # amounts and cap
    # ------------------------------------------------------------------
    def test_deposit_proposal_capped(self):
        permit = self._permit(self.scope_walls | self.scope_structure)
        # base 1,500 + structural works 1,000 = 2,500, capped per dwelling
        self.assertEqual(permit.deposit_amount, 2000.0)
        # fee 300 + 2/m² x 100 m²
        self.assertEqual(permit.fee_amount, 500.0)
        self.assertEqual(self._permit(self.scope_walls).deposit_amount, 1500.0)
        # a shop is no dwelling: no cap
        self.unit_a3.use_type = "commercial"
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_a3.id,
                "partner_id": self.owner_a.id,
                "role": "owner",
                "date_start": "2020-01-01",
            }
        )
        shop = self._permit(self.scope_walls | self.scope_structure, unit=self.unit_a3)
        self.assertEqual(shop.deposit_amount, 2500.0)

    def test_configured_deposit_above_cap_refused(self):
        with self.assertRaises(ValidationError):
            self.project_a.renovation_deposit_base = 2500.0
        with self.assertRaises(ValidationError):
            self.project_a.renovation_charge_ids.deposit_amount = 2100.0
        permit = self._permit()
        with self.assertRaises(ValidationError):
            permit.deposit_amount = 2000.01
        permit.deposit_amount = 800.0
        self.assertEqual(permit.deposit_amount, 800.0)

    def test_missing_liability_account(self):
        self.project_a.renovation_deposit_account_id = False
        permit = self._permit()
        with self.assertRaisesRegex(UserError, "deposit liability account"):
            self._approve(permit)

    # ------------------------------------------------------------------
    # invoices
    # ------------------------------------------------------------------
    def test_deposit_invoice_lines(self):
        permit = self._approve(self._permit(self.scope_walls | self.scope_structure))
        move = permit.deposit_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.deposit_journal)
        self.assertEqual(move.partner_id, self.owner_a)
        self.assertEqual(move.property_unit_id, self.unit_a1)
        self.assertEqual(move.property_renovation_id, permit)
        self.assertEqual(len(move.invoice_line_ids), 1)
        self.assertEqual(len(move.line_ids), 2, "one deposit line, no tax line")
        deposit_line = move.line_ids.filtered(
            lambda line: line.account_id == self.liability
        )
        self.assertEqual(deposit_line.credit, 2000.0)
        receivable = move.line_ids - deposit_line
        self.assertEqual(receivable.account_id.account_type, "asset_receivable")
        self.assertEqual(receivable.debit, 2000.0)
        self.assertEqual(permit.deposit_state, "awaiting")
        self.assertEqual(permit.deposit_balance, 0.0)
        # the deposit is no fee: the unit's fee balance ignores it
        self.assertEqual(self.unit_a1._property_balance(self.owner_a), (0.0, 0.0))
        # invoiced: the amounts are fixed
        with self.assertRaises(UserError):
            permit.deposit_amount = 1000.0

    def test_fee_invoice_separate_with_analytic(self):
        permit = self._approve(self._permit())
        fee = permit.fee_move_id
        self.assertTrue(fee)
        self.assertNotEqual(fee, permit.deposit_move_id)
        self.assertEqual(fee.state, "posted")
        self.assertEqual(fee.journal_id, self.sales_journal)
        self.assertEqual(fee.amount_total, 500.0)
        line = fee.invoice_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.account_id, self.fee_income)
        self.assertEqual(line.analytic_distribution, {str(self.analytic.id): 100.0})
        self.assertFalse(permit.deposit_move_id.invoice_line_ids.analytic_distribution)

    def test_no_fee_when_project_charges_none(self):
        self.project_a.write({"renovation_fee_base": 0.0, "renovation_fee_per_area": 0})
        permit = self._approve(self._permit())
        self.assertFalse(permit.fee_move_id)
        self.assertTrue(permit.deposit_move_id)

    def test_deposit_journal_kept_apart(self):
        with self.assertRaises(ValidationError):
            self.project_b.fee_journal_id = self.deposit_journal

    # ------------------------------------------------------------------
    # payment, deductions, refund
    # ------------------------------------------------------------------
    def test_payment_makes_deposit_held(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id, 500.0)
        self.assertEqual(permit.deposit_state, "awaiting")
        self.assertEqual(permit.deposit_balance, 500.0)
        self._pay(permit.deposit_move_id)
        self.assertEqual(permit.deposit_state, "held")
        self.assertEqual(permit.deposit_paid, 1500.0)
        self.assertEqual(permit.deposit_balance, 1500.0)
        self.assertEqual(self._liability_total(permit), -1500.0)

    def test_deduction_moves_liability_to_income(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        no_evidence = self._deduction(permit, 100.0, attachment_ids=[])
        with self.assertRaisesRegex(UserError, "evidence"):
            no_evidence.with_user(self.finance).action_confirm()
        too_much = self._deduction(permit, 1500.01)
        with self.assertRaises(UserError):
            too_much.with_user(self.finance).action_confirm()
        deduction = self._deduction(permit, 300.0)
        with self.assertRaises(AccessError):
            deduction.with_user(self.agent).action_confirm()
        deduction.with_user(self.finance).action_confirm()
        self.assertEqual(deduction.state, "posted")
        move = deduction.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.deposit_journal)
        debit = move.line_ids.filtered(lambda line: line.account_id == self.liability)
        credit = move.line_ids.filtered(
            lambda line: line.account_id == self.deduction_income
        )
        self.assertEqual((debit.debit, credit.credit), (300.0, 300.0))
        self.assertEqual(move.line_ids.partner_id, self.owner_a)
        self.assertIn("Lift lobby wall scratched", debit.name)
        self.assertEqual(permit.deposit_deducted, 300.0)
        self.assertEqual(permit.deposit_balance, 1200.0)
        with self.assertRaises(UserError):
            deduction.amount = 10.0
        # the project manager confirms too
        second = self._deduction(permit, 200.0, category="waste")
        second.with_user(self.manager).action_confirm()
        self.assertEqual(permit.deposit_balance, 1000.0)

    def test_deduction_from_a_violation(self):
        """A deduction following a violation takes over the amount and the
        reason the inspector proposed; the violation is linked."""
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        violation = self.env["property.renovation.violation"].create(
            {
                "renovation_id": permit.id,
                "violation_type": "common_area",
                "description": "Lift lobby wall scratched",
                "attachment_ids": [Command.set(self.evidence.ids)],
                "deduction_amount": 260.0,
                "deduction_reason": "Repainting the lift lobby wall",
            }
        )
        deduction = self.env["property.renovation.deduction"].create(
            {
                "renovation_id": permit.id,
                "violation_id": violation.id,
                "attachment_ids": [Command.set(self.evidence.ids)],
            }
        )
        self.assertEqual(deduction.amount, 260.0)
        self.assertEqual(deduction.reason, "Repainting the lift lobby wall")
        deduction.with_user(self.finance).action_confirm()
        self.assertEqual(permit.deposit_balance, 1240.0)

    def test_reason_required(self):
        permit = self._approve(self._permit())
        with self.assertRaisesRegex(ValidationError, "reason"):
            self._deduction(permit, 100.0, reason=" ")
        deduction = self._deduction(permit, 100.0)
        with self.assertRaisesRegex(ValidationError, "reason"):
            deduction.reason = ""

    def _refund(self, permit):
        permit.with_user(self.finance).action_refund_deposit()
        self.assertEqual(permit.state, "closed")
        self.assertEqual(permit.deposit_state, "settled")
        self.assertEqual(permit.deposit_balance, 0.0)
        self.assertEqual(round(self._liability_total(permit), 2), 0.0)

    def test_full_refund(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        self._accept(permit)
        self._refund(permit)
        payment = permit.refund_payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.amount, 1500.0)
        self.assertEqual(payment.partner_id, self.owner_a)
        self.assertEqual(payment.journal_id, self.bank)
        self.assertEqual(permit.refund_move_id.payment_state, "paid")
        self.assertEqual(permit.deposit_refunded, 1500.0)
        self.assertTrue(
            all(
                line.reconciled
                for line in permit.account_move_line_ids
                if line.account_id == self.liability
            )
        )

    def test_partial_refund(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        self._deduction(permit, 420.5).with_user(self.finance).action_confirm()
        self._accept(permit)
        self._refund(permit)
        self.assertEqual(permit.refund_payment_id.amount, 1079.5)
        self.assertEqual(permit.deposit_deducted, 420.5)

    def test_zero_refund(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        self._deduction(permit, 1500.0).with_user(self.finance).action_confirm()
        self._accept(permit)
        self._refund(permit)
        self.assertFalse(permit.refund_payment_id)
        self.assertFalse(permit.refund_move_id)

    def test_refund_refused_with_proposed_deduction_or_before_acceptance(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        with self.assertRaises(UserError):
            permit.with_user(self.finance).action_refund_deposit()
        self._deduction(permit, 100.0)
        self._accept(permit)
        with self.assertRaisesRegex(UserError, "proposed deductions"):
            permit.with_user(self.finance).action_refund_deposit()

    def test_refund_delay_and_finance_todo(self):
        self.project_a.renovation_refund_days = 90
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        with freeze_time("2026-03-02 04:00:00"):
            self._accept(permit)
            self.assertEqual(str(permit.deposit_refund_due), "2026-05-31")
            with self.assertRaisesRegex(UserError, "falls due"):
                permit.with_user(self.finance).action_refund_deposit()
            self.env["property.renovation"]._cron_renovation_refunds_due()
            self.assertFalse(permit.activity_ids)
        with freeze_time(permit.deposit_refund_due + timedelta(days=1)):
            Renovation = self.env["property.renovation"]
            Renovation._cron_renovation_refunds_due()
            Renovation._cron_renovation_refunds_due()
            self.assertEqual(len(permit.activity_ids), 1)
            self.assertEqual(permit.activity_ids.user_id, self.finance)
            self._refund(permit)
            self.assertFalse(permit.activity_ids)

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------
    def test_access(self):
        permit = self._approve(self._permit())
        self._pay(permit.deposit_move_id)
        self._accept(permit)
        # customer service sees the balance, cannot refund nor deduct
        as_agent = permit.with_user(self.agent)
        self.assertEqual(as_agent.deposit_balance, 1500.0)
        with self.assertRaises(AccessError):
            as_agent.action_refund_deposit()
        with self.assertRaises(AccessError):
            permit.with_user(self.manager).action_refund_deposit()
        # staff of another project see nothing of it
        other = self.env["res.users"].create(
            {
                "name": "Agent B",
                "login": "pcs_agent_b",
                "groups_id": [Command.set(self.agent.groups_id.ids)],
                "property_project_ids": [Command.set(self.project_b.ids)],
            }
        )
        self.assertFalse(
            self.env["property.renovation"]
            .with_user(other)
            .search([("id", "=", permit.id)])
        )
        deduction = self._deduction(permit, 100.0)
        # the evidence is read by whoever reads the deduction
        self.assertEqual(
            deduction.with_user(self.agent).attachment_ids.read(["name"])[0]["name"],
            "damaged-lift-wall.jpg",
        )
        self.assertFalse(
            self.env["property.renovation.deduction"]
            .with_user(other)
            .search([("id", "=", deduction.id)])
        )
        # the owner reads the deposit in the portal, read-only
        as_owner = permit.with_user(self.portal_owner)
        self.assertEqual(as_owner.deposit_balance, 1500.0)
        values = as_owner._renovation_portal_deposit_values()
        self.assertEqual(values["deposit_balance"], 1500.0)
        self.assertEqual(values["deposit_state"], "Held")
        with self.assertRaises(AccessError):
            as_owner.write({"deposit_amount": 0.0})
        with self.assertRaises(AccessError):
            self.env["property.renovation.deduction"].with_user(
                self.portal_owner
            ).create({"renovation_id": permit.id, "reason": "x", "amount": 1.0})
        with self.assertRaises(AccessError):
            permit.with_user(self.portal_owner).action_refund_deposit()
        # another owner sees nothing
        self.assertFalse(
            self.env["property.renovation"]
            .with_user(self.portal_owner_b)
            .search([("id", "=", permit.id)])
        )
        # finance refunds once the proposed deduction is dropped
        deduction.with_user(self.agent).action_cancel()
        self.assertEqual(deduction.state, "cancelled")
        permit.with_user(self.finance).action_refund_deposit()
        self.assertEqual(permit.state, "closed")
