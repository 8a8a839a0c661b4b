# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_property_complaint import PropertyComplaintCommon


@tagged("post_install", "-at_install")
class TestPropertyComplaintCompensation(PropertyComplaintCommon):
    """Compensation: approval above the threshold, then a credit note
    against open receivables or an outbound payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        ):
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        cls.expense = cls.env["account.account"].search(
            [
                *cls.env["account.account"]._check_company_domain(company),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        company.write(
            {
                "property_complaint_compensation_threshold": 500.0,
                "property_complaint_compensation_account_id": cls.expense.id,
                "property_complaint_compensation_journal_id": cls.bank.id,
            }
        )
        cls.complaint = cls._complaint_cls()

    @classmethod
    def _complaint_cls(cls):
        return cls.env["property.ticket"].create(
            {
                "name": "Car scratched by the barrier",
                "kind": "complaint",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "user_id": cls.agent.id,
                "complaint_demand": "compensation",
                "complaint_remedy": "Pay the repair",
            }
        )

    def _compensation(self, amount, form="money"):
        return (
            self.env["property.complaint.compensation"]
            .with_user(self.agent)
            .create(
                {
                    "ticket_id": self.complaint.id,
                    "amount": amount,
                    "form": form,
                    "reason": "Barrier closed on the car",
                }
            )
        )

    def _open_invoice(self, amount):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.owner_a.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Service fee", "quantity": 1, "price_unit": amount}
                    )
                ],
            }
        )
        invoice.line_ids.tax_ids = False
        invoice.invoice_line_ids.tax_ids = [Command.clear()]
        invoice.action_post()
        return invoice

    def test_threshold_needs_manager(self):
        """Above the threshold the project manager approves; an agent
        cannot; nothing is booked before."""
        compensation = self._compensation(800.0)
        self.assertEqual(compensation.partner_id, self.owner_a)
        compensation.action_submit()
        self.assertEqual(compensation.state, "to_approve")
        self.assertFalse(compensation.payment_id or compensation.move_id)
        with self.assertRaises(AccessError):
            compensation.action_approve()
        compensation.with_user(self.manager).action_approve()
        self.assertEqual(compensation.state, "booked")
        self.assertEqual(compensation.approved_by_id, self.manager)

    def test_below_threshold_booked_at_once(self):
        """Up to the threshold the handler's submission books it."""
        compensation = self._compensation(200.0)
        compensation.action_submit()
        self.assertEqual(compensation.state, "booked")

    def test_credit_note_against_open_receivables(self):
        """An owner with an open invoice gets a credit note reconciled with
        it, on the compensation expense account."""
        invoice = self._open_invoice(1000.0)
        compensation = self._compensation(300.0)
        compensation.action_submit()
        refund = compensation.move_id
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.partner_id, self.owner_a)
        self.assertEqual(refund.amount_total, 300.0)
        self.assertEqual(refund.invoice_line_ids.account_id, self.expense)
        self.assertFalse(compensation.payment_id)
        self.assertAlmostEqual(invoice.amount_residual, 700.0)
        self.assertIn(self.complaint.number, refund.invoice_origin)

    def test_payment_without_receivables(self):
        """Without open receivables an outbound payment is made from the
        compensation journal."""
        compensation = self._compensation(150.0)
        compensation.action_submit()
        payment = compensation.payment_id
        self.assertTrue(payment)
        self.assertFalse(compensation.move_id)
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.partner_id, self.owner_a)
        self.assertEqual(payment.amount, 150.0)
        self.assertEqual(payment.journal_id, self.bank)
        self.assertEqual(payment.destination_account_id, self.expense)
        self.assertNotEqual(payment.state, "draft")
        if payment.move_id:
            self.assertEqual(
                payment.move_id.line_ids.filtered(
                    lambda line: line.account_id == self.expense
                ).debit,
                150.0,
            )

    def test_in_kind_and_settings(self):
        """A gift is approved without accounting; money needs the settings."""
        gift = self._compensation(50.0, form="gift")
        gift.action_submit()
        self.assertEqual(gift.state, "approved")
        self.assertFalse(gift.move_id or gift.payment_id)
        self.env.company.property_complaint_compensation_account_id = False
        with self.assertRaisesRegex(UserError, "settings"):
            self._compensation(50.0).action_submit()
        with self.assertRaises(UserError):
            self._compensation(-5.0)

    def test_agent_cannot_forge_approval(self):
        """Only the manager's action approves: an agent cannot write the
        state or the approver, nor create an approved compensation."""
        compensation = self._compensation(800.0)
        for vals in (
            {"state": "approved"},
            {"approved_by_id": self.manager.id},
            {"state": "cancelled"},
            {"date_approved": "2026-03-02 08:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                compensation.write(vals)
        with self.assertRaises(UserError):
            self.env["property.complaint.compensation"].with_user(self.agent).create(
                {
                    "ticket_id": self.complaint.id,
                    "amount": 900.0,
                    "reason": "Forged",
                    "state": "approved",
                    "approved_by_id": self.manager.id,
                }
            )
        self.assertEqual(compensation.state, "draft")
        self.assertFalse(compensation.approved_by_id)
        compensation.action_submit()
        self.assertEqual(compensation.state, "to_approve")
        compensation.action_cancel()
        self.assertEqual(compensation.state, "cancelled")
