# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .test_property_billing import MARCH, PropertyBillingCommon

APRIL = date(2026, 4, 1)
MAY = date(2026, 5, 1)


class PropertyCorrectionCommon(PropertyBillingCommon):
    """Helpers of the correction tests: run, correct, find bills."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = cls.owners[0]
        cls.late_type = cls.env.ref("property_cs.property_fee_type_late_fee")

    def _late_standard(self, **vals):
        values = {
            "project_id": self.project.id,
            "fee_type_id": self.late_type.id,
            "rate": 0.05,
            "late_fee_cap": 30.0,
            "date_from": "2026-01-01",
            "approval_ref": "Property service contract, clause 9.3",
        }
        values.update(vals)
        return self.env["property.fee.standard"].create(values)

    def _correct(self, run):
        action = run.action_correct()
        self.Chunk._cron_process_chunks()
        correction = self.Run.browse(action["res_id"])
        self.assertEqual(correction.state, "done")
        return correction

    def _bills(self, run, unit=None, partner=None, move_type="out_invoice"):
        return self.env["account.move"].search(
            [
                ("property_billing_run_id", "=", run.id),
                ("property_unit_id", "=", (unit or self.u1).id),
                ("partner_id", "=", (partner or self.owner).id),
                ("move_type", "=", move_type),
            ],
            order="id",
        )

    def _adjustment(self, correction, fee_type, unit=None, partner=None):
        return correction.adjustment_ids.filtered(
            lambda a: (
                a.unit_id == (unit or self.u1)
                and a.fee_type_id == fee_type
                and a.partner_id == (partner or self.owner)
            )
        )

    def _pay(self, bill, amount, day):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create({"payment_date": day, "amount": amount})._create_payments()


@tagged("post_install", "-at_install")
class TestPropertyCorrectionLateFee(PropertyCorrectionCommon):
    """A correction run recomputes the month's late fee (E4, D-21) from the
    fees still owed at the end of the previous month, less what credit
    notes corrected down; the difference is an adjustment like any fee,
    issued once, never a late fee on a late fee, within the cap."""

    def test_fee_corrected_down_lowers_next_late_fee(self):
        """March billed on 100 m² (450.00, due 16 March); April charged
        450.00 × 0.05 % × 15 days = 3.38. The owner paid March on 10 April
        (after the month: it does not lower the late fee). The area was
        80 m² all along: March's correction credits 50.00 of service fee
        and 15.00 of shared cost (450 × 80 / 480 = 75.00, billed 90.00);
        April's correction recomputes the late fee on 450.00 - 65.00 =
        385.00 × 0.05 % × 15 days = 2.8875 → 2.89, a credit of 0.49 on
        the credit note that reverses April's bill, with April's service
        (-50.00) and shared cost (-15.00): 65.49."""
        self._late_standard()
        march = self._run(MARCH)
        april = self._run(APRIL)
        march_bill = self._bills(march)
        april_bill = self._bills(april)
        self.assertEqual(march_bill.amount_total, 450.0)
        self.assertEqual(april_bill.amount_total, 453.38)
        self._pay(march_bill, 450.0, "2026-04-10")
        self.assertEqual(march_bill.payment_state in ("paid", "in_payment"), True)

        self.u1.area = 80.0
        march_fix = self._correct(march)
        self.assertEqual(self._adjustment(march_fix, self.service).amount, -50.0)
        self.assertEqual(self._adjustment(march_fix, self.shared).amount, -15.0)
        # no late fee was billed in March, none is due: nothing to adjust
        self.assertFalse(self._adjustment(march_fix, self.late_type))
        march_refund = self._bills(march_fix, move_type="out_refund")
        self.assertEqual(march_refund.amount_total, 65.0)
        self.assertEqual(march_refund.reversed_entry_id, march_bill)

        april_fix = self._correct(april)
        late = self._adjustment(april_fix, self.late_type)
        self.assertEqual(
            (late.amount_billed, late.amount_due, late.amount),
            (3.38, 2.89, -0.49),
        )
        self.assertEqual((late.quantity, late.days), (385.0, 15))
        self.assertEqual(
            (str(late.date_from), str(late.date_to)), ("2026-03-01", "2026-03-31")
        )
        # one credit note reverses April's bill: fees and late fee together
        refund = self._bills(april_fix, move_type="out_refund")
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, 65.49)
        self.assertEqual(refund.reversed_entry_id, april_bill)
        self.assertEqual(refund.invoice_origin, april.name)
        self.assertEqual(late.move_id, refund)
        self.assertIn("overdue fees 385.00", late.move_line_id.name)
        self.assertIn("billed before 3.38", late.move_line_id.name)
        self.assertFalse(self._bills(april_fix))
        # the other payers' late fees did not change
        self.assertEqual(
            april_fix.adjustment_ids.filtered(
                lambda a: a.fee_type_id == self.late_type
            ),
            late,
        )
        # exactly once: a second correction of April issues nothing
        again = self._correct(april)
        self.assertFalse(again.adjustment_ids)

    def test_unchanged_month_no_compounding_within_cap(self):
        """Cap 1 %: April 3.38, May 1 % of the 900.00 of fees overdue
        (April's late fee left out) less the 3.38 already charged = 5.62.
        A correction of May with nothing changed recomputes the same 5.62:
        no adjustment (a late fee counted as a fee, or May's own late fee
        counted against the cap, would issue one)."""
        self._late_standard(late_fee_cap=1.0)
        self._run(MARCH)
        self._run(APRIL)
        may = self._run(MAY)
        late = may.line_ids.filtered(
            lambda line: (
                line.fee_type_id == self.late_type
                and line.unit_id == self.u1
                and line.partner_id == self.owner
            )
        )
        self.assertEqual(late.amount, 5.62)
        correction = self._correct(may)
        self.assertFalse(correction.adjustment_ids)
        self.assertFalse(
            self.env["account.move"].search_count(
                [("property_billing_run_id", "=", correction.id)]
            )
        )

    def test_transfer_recorded_late_moves_late_fee(self):
        """A sale on 20 March recorded after April was billed: March's
        correction credits the seller the buyer's 11 days (159.68), so the
        seller owed 450.00 - 159.68 = 290.32 at the end of March and April's
        late fee is 290.32 × 0.05 % × 15 days = 2.1774 → 2.18 (billed
        3.38: -1.20). April's correction credits the seller April's fees
        and those 1.20 on one credit note reversing the seller's April bill
        (451.20) and bills the buyer April's 450.00, without a late fee:
        the buyer's March days were billed after March."""
        self._late_standard()
        march = self._run(MARCH)
        april = self._run(APRIL)
        buyer = self.env["res.partner"].create({"name": "Buyer Zhao"})
        self.u1.partner_link_ids.filtered(
            lambda x: x.role == "owner"
        ).date_end = "2026-03-20"
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.u1.id,
                "partner_id": buyer.id,
                "role": "owner",
                "date_start": "2026-03-21",
            }
        )
        march_fix = self._correct(march)
        march_refund = self._bills(march_fix, move_type="out_refund")
        self.assertEqual(march_refund.amount_total, 159.68)
        self.assertEqual(march_refund.reversed_entry_id, self._bills(march))
        april_fix = self._correct(april)
        late = self._adjustment(april_fix, self.late_type)
        self.assertEqual(
            (late.amount_billed, late.amount_due, late.amount), (3.38, 2.18, -1.2)
        )
        self.assertFalse(self._adjustment(april_fix, self.late_type, partner=buyer))
        refund = self._bills(april_fix, move_type="out_refund")
        self.assertEqual(refund.amount_total, 451.2)
        self.assertEqual(refund.reversed_entry_id, self._bills(april))
        self.assertEqual(self._bills(april_fix, partner=buyer).amount_total, 450.0)

    def test_late_fee_dropped_when_clause_ended(self):
        """The late-fee standard recorded as ended before April: April's
        correction credits the whole 3.38 on a credit note reversing
        April's bill."""
        standard = self._late_standard()
        self._run(MARCH)
        april = self._run(APRIL)
        standard.date_to = "2026-03-31"
        correction = self._correct(april)
        late = self._adjustment(correction, self.late_type)
        self.assertEqual((late.amount_billed, late.amount), (3.38, -3.38))
        self.assertEqual(late.move_id.reversed_entry_id, self._bills(april))


@tagged("post_install", "-at_install")
class TestPropertyCorrectionReversal(PropertyCorrectionCommon):
    """Credit notes of a correction reverse the bill they correct (Odoo's
    reversal link): one credit note per original bill."""

    def test_one_credit_note_per_original_bill(self):
        """A lift fee added from March and billed by a second run is on a
        second bill of the owner; the area corrected from 100 to 90 m²
        credits 25.00 of service fee and 7.35 of shared cost (450 × 90 /
        490 = 82.65, billed 90.00) against the first bill and 5.00 of lift
        fee (90 × 0.5, billed 50.00) against the second: two credit notes,
        each reversing and matched with its own bill."""
        lift = self.env["property.fee.type"].create(
            {"name": "Lift Fee", "basis": "area"}
        )
        march = self._run(MARCH)
        self.env["property.fee.standard"].create(
            {
                "project_id": self.project.id,
                "fee_type_id": lift.id,
                "rate": 0.5,
                "date_from": "2026-03-01",
                "approval_ref": "Owners' meeting resolution 2026-02",
            }
        )
        second = self._run(MARCH)
        first_bill = self._bills(march)
        lift_bill = self._bills(second)
        self.assertEqual(
            (first_bill.amount_total, lift_bill.amount_total), (450.0, 50.0)
        )
        self.u1.area = 90.0
        correction = self._correct(march)
        refunds = self._bills(correction, move_type="out_refund")
        self.assertEqual(len(refunds), 2)
        by_bill = {refund.reversed_entry_id: refund for refund in refunds}
        self.assertEqual(set(by_bill), {first_bill, lift_bill})
        self.assertEqual(by_bill[first_bill].amount_total, 32.35)
        self.assertEqual(by_bill[lift_bill].amount_total, 5.0)
        self.assertEqual(self._adjustment(correction, lift).move_id, by_bill[lift_bill])
        self.assertEqual(first_bill.reversal_move_ids, by_bill[first_bill])
        for refund in refunds:
            self.assertEqual(refund.state, "posted")
            self.assertEqual(refund.invoice_origin, march.name)
            self.assertEqual(refund.property_unit_id, self.u1)
            # Odoo matched each credit note with the bill it reverses
            matched = refund.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            ).matched_debit_ids.debit_move_id.move_id
            self.assertEqual(matched, refund.reversed_entry_id)
            self.assertFalse(refund.amount_residual)
        self.assertAlmostEqual(first_bill.amount_residual, 417.65)
        self.assertAlmostEqual(lift_bill.amount_residual, 45.0)
        # a supplementary bill reverses nothing
        supplements = self.env["account.move"].search(
            [
                ("property_billing_run_id", "=", correction.id),
                ("move_type", "=", "out_invoice"),
            ]
        )
        self.assertTrue(supplements)
        self.assertFalse(supplements.reversed_entry_id)

    def test_paid_bill_credit_note_becomes_prepayment(self):
        """The bill was paid before the correction: the credit note still
        reverses it, and its credit is left for the owner's next bills."""
        march = self._run(MARCH)
        bill = self._bills(march)
        self._pay(bill, 450.0, "2026-03-10")
        self.u1.area = 90.0
        correction = self._correct(march)
        refund = self._bills(correction, move_type="out_refund")
        self.assertEqual(refund.reversed_entry_id, bill)
        self.assertEqual(refund.amount_residual, refund.amount_total)
        owed, prepaid = self.u1._property_balance(self.owner)
        self.assertAlmostEqual(prepaid, refund.amount_total)
