# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_property_billing import MARCH, PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestPropertyPrepayment(PropertyBillingCommon):
    """Prepaid fees (E6, E7): a unit's payment settles its unpaid bills and
    the rest settles the next ones; at most 12 months (setting) and never
    beyond the service contract; the unused rest is refunded after it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = cls.owners[0]
        cls.march = cls._run_month(MARCH)
        cls.bill = cls.env["account.move"].search(
            [("property_unit_id", "=", cls.u1.id), ("partner_id", "=", cls.owner.id)]
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.Prepayment = cls.env["property.prepayment"]
        cls.today = cls.env["property.unit.partner"]._property_today()

    @classmethod
    def _run_month(cls, month):
        run = cls.Run.create({"project_id": cls.project.id, "period_start": month})
        run.action_queue()
        cls.Chunk._cron_process_chunks()
        return run

    def _pay(self, amount, unit=None, partner=None):
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": (partner or self.owner).id,
                "amount": amount,
                "journal_id": self.bank.id,
                "property_unit_id": (unit or self.u1).id,
            }
        )
        payment.action_post()
        return payment

    def _prepaid(self, unit=None):
        self.env.flush_all()
        rows = self.Prepayment.search([("unit_id", "=", (unit or self.u1).id)])
        return sum(rows.mapped("amount"))

    def test_monthly_fees_of_the_unit(self):
        """The month's fees of a payer are those of its latest bill."""
        self.assertEqual(self.bill.amount_total, 450.0)
        self.assertAlmostEqual(self.u1._property_monthly_fees(self.owner), 450.0)

    def test_payment_settles_bills_then_next_bills(self):
        """A payment on the unit pays the unpaid bill at once; the rest is
        prepaid and settles the next month's bill when it is issued."""
        payment = self._pay(450.0 + 900.0)
        self.assertEqual(payment.move_id.property_unit_id, self.u1)
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(self._prepaid(), 900.0)
        self._run_month(MARCH + relativedelta(months=1))
        april = self.env["account.move"].search(
            [
                ("property_unit_id", "=", self.u1.id),
                ("partner_id", "=", self.owner.id),
                ("invoice_date", "=", date(2026, 4, 1)),
            ]
        )
        self.assertEqual(april.amount_residual, 0.0)
        self.assertEqual(self._prepaid(), 450.0)
        # another unit's bills are not touched by this unit's prepayment
        other = self.env["account.move"].search(
            [
                ("property_unit_id", "=", self.u4.id),
                ("invoice_date", "=", date(2026, 4, 1)),
            ]
        )
        self.assertTrue(all(move.amount_residual > 0 for move in other))

    def test_cap_of_twelve_months(self):
        """At most the cap (12 months by default) may be paid ahead: the
        refusal says why and the largest amount accepted."""
        with self.assertRaises(UserError) as caught:
            self._pay(450.0 + 12 * 450.0 + 1.0)
        message = str(caught.exception)
        self.assertIn("12", message)
        self.assertIn("5,850.00", message)
        self.assertFalse(
            self.env["account.payment"]
            .search([("property_unit_id", "=", self.u1.id)])
            .filtered(lambda p: p.state != "draft")
        )
        self._pay(450.0 + 12 * 450.0)
        self.assertEqual(self._prepaid(), 12 * 450.0)
        with self.assertRaises(UserError):
            self._pay(1.0)
        self.project.prepay_cap_months = 13
        self._pay(450.0)

    def test_never_beyond_the_contract(self):
        """A contract ending in three months allows three months ahead; an
        ended contract none."""
        self.project.service_contract_end = self.today + relativedelta(months=3)
        with self.assertRaisesRegex(UserError, "contract ends"):
            self._pay(450.0 + 4 * 450.0)
        self._pay(450.0 + 3 * 450.0)
        self.project.service_contract_end = self.today - relativedelta(days=1)
        with self.assertRaises(UserError):
            self._pay(1.0)

    def test_refund_after_the_contract(self):
        """After the contract ends the unused prepayment of each unit is
        listed and refunded by an outgoing payment that closes it."""
        self._pay(450.0 + 900.0)
        row = self.Prepayment.search([("unit_id", "=", self.u1.id)])
        self.assertFalse(row.contract_ended)
        self.project.service_contract_end = self.today - relativedelta(days=1)
        self.env.invalidate_all()
        row = self.Prepayment.search([("contract_ended", "=", True)])
        self.assertTrue(row.contract_ended)
        self.assertEqual(row.amount, 900.0)
        action = row.action_refund()
        refund = self.env["account.payment"].browse(action["res_id"])
        self.assertEqual(
            (refund.payment_type, refund.amount, refund.property_unit_id),
            ("outbound", 900.0, self.u1),
        )
        refund.action_post()
        self.assertEqual(self._prepaid(), 0.0)

    def test_access(self):
        """Prepayments are read by the project's staff; never by owners."""
        self._pay(450.0 + 450.0)
        agent = self.users["agent"]
        self.assertFalse(self.Prepayment.with_user(agent).search([]))
        agent.property_project_ids = [Command.link(self.project.id)]
        self.assertEqual(self.Prepayment.with_user(agent).search([]).unit_id, self.u1)
        with self.assertRaises(AccessError):
            self.Prepayment.with_user(self.portal_owner).search([])
