# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_property_billing import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestPropertyBillingCorrection(PropertyBillingCommon):
    """Correction runs (D-21, E8): what changed after a month was billed is
    billed by credit notes and supplementary bills prorated by day; a
    posted bill is never edited; a correction issues each difference once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Adjustment = cls.env["property.billing.adjustment"]

    def setUp(self):
        super().setUp()
        self.march = self._run()
        self.bills = self.env["account.move"].search(
            [("property_billing_run_id", "=", self.march.id)]
        )
        self.snapshot = {
            bill.id: (
                bill.state,
                bill.amount_total,
                bill.invoice_line_ids.mapped("price_unit"),
            )
            for bill in self.bills
        }

    def _correct(self, run=None):
        action = (run or self.march).action_correct()
        self.Chunk._cron_process_chunks()
        correction = self.Run.browse(action["res_id"])
        self.assertEqual(correction.state, "done")
        return correction

    def _adjusted(self, correction, unit, fee_type):
        adjustments = correction.adjustment_ids.filtered(
            lambda a: a.unit_id == unit and a.fee_type_id == fee_type
        )
        return {a.partner_id.name: a.amount for a in adjustments}

    def _moves(self, correction, unit, partner, move_type):
        return self.env["account.move"].search(
            [
                ("property_billing_run_id", "=", correction.id),
                ("property_unit_id", "=", unit.id),
                ("partner_id", "=", partner.id),
                ("move_type", "=", move_type),
            ]
        )

    def _assert_bills_unchanged(self):
        """(f) the posted bills keep their state, total and lines."""
        self.env.invalidate_all()
        for bill in self.bills:
            self.assertEqual(
                (
                    bill.state,
                    bill.amount_total,
                    bill.invoice_line_ids.mapped("price_unit"),
                ),
                self.snapshot[bill.id],
                bill.name,
            )

    def test_area_corrected(self):
        """(a) 100 → 110 m² at 2.5 a m² a month: a supplementary bill of
        25.00 for the service fee; the area shares of the shared cost move
        for every unit."""
        self.u1.area = 110.0
        correction = self._correct()
        self.assertEqual(correction.run_type, "correction")
        self.assertEqual(correction.corrected_run_id, self.march)
        self.assertEqual(correction.name, "Billing Garden 2026-03 Correction")
        self.assertEqual(
            self._adjusted(correction, self.u1, self.service), {"Owner 1": 25.0}
        )
        # 450 shared by 110 of 510 m² = 97.06, billed 90.00
        self.assertEqual(
            self._adjusted(correction, self.u1, self.shared), {"Owner 1": 7.06}
        )
        self.assertFalse(self._adjusted(correction, self.u1, self.parking))
        supplement = self._moves(correction, self.u1, self.owners[0], "out_invoice")
        self.assertEqual(supplement.state, "posted")
        self.assertEqual(supplement.amount_total, 32.06)
        self.assertEqual(supplement.property_project_id, self.project)
        self.assertEqual(len(supplement.invoice_line_ids), 2)
        self.assertIn(
            "110.00 m²",
            supplement.invoice_line_ids[0].name + supplement.invoice_line_ids[1].name,
        )
        self.assertIn(
            "billed before 250.00", " ".join(supplement.invoice_line_ids.mapped("name"))
        )
        # every other unit's share went down: credit notes only
        self.assertLess(
            self._adjusted(correction, self.u4, self.shared)["Tenant Li"], 0
        )
        self.assertTrue(self._moves(correction, self.u4, self.tenant, "out_refund"))
        # the unit still waiting for its owner is left to the retry
        self.assertFalse(
            correction.adjustment_ids.filtered(lambda a: a.unit_id == self.u6)
        )
        self.assertFalse(correction.issue_ids)
        self.assertEqual(self.march.correction_count, 1)
        self.assertEqual(correction.supplement_count, 1)
        self._assert_bills_unchanged()

    def test_transfer_recorded_late(self):
        """(b) a sale on the 20th recorded after the run: the seller is
        credited the buyer's 11 days, the buyer billed them; a new regular
        run of the month bills the buyer nothing more."""
        buyer = self.env["res.partner"].create({"name": "Buyer Zhao"})
        link = self.u1.partner_link_ids.filtered(lambda x: x.role == "owner")
        link.date_end = "2026-03-20"
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.u1.id,
                "partner_id": buyer.id,
                "role": "owner",
                "date_start": "2026-03-21",
            }
        )
        correction = self._correct()
        # 250 × 11 / 31 = 88.71
        self.assertEqual(
            self._adjusted(correction, self.u1, self.service),
            {"Owner 1": -88.71, "Buyer Zhao": 88.71},
        )
        self.assertEqual(
            self._adjusted(correction, self.u1, self.parking),
            {"Owner 1": -35.48, "Buyer Zhao": 35.48},
        )
        refund = self._moves(correction, self.u1, self.owners[0], "out_refund")
        bill = self._moves(correction, self.u1, buyer, "out_invoice")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, bill.amount_total)
        self.assertEqual(refund.amount_total, 159.68)
        adjustment = correction.adjustment_ids.filtered(
            lambda a: a.partner_id == buyer and a.fee_type_id == self.service
        )
        self.assertEqual(
            (adjustment.days, str(adjustment.date_from), str(adjustment.date_to)),
            (11, "2026-03-21", "2026-03-31"),
        )
        self.assertEqual(adjustment.move_id, bill)
        # the credit note settles the seller's March bill: its total stays
        march_bill = self.bills.filtered(lambda m: m.property_unit_id == self.u1)
        self.assertEqual(march_bill.amount_total, 450.0)
        self.assertAlmostEqual(march_bill.amount_residual, 450.0 - 159.68)
        self._assert_bills_unchanged()
        again = self._run()
        self.assertFalse(again.line_ids.filtered(lambda x: x.partner_id == buyer))

    def test_handover_corrected(self):
        """(c) handed over on the 6th, not the 16th: the developer is
        credited 10 days, the owner billed them."""
        self.u2.date_handover = "2026-03-06"
        self.u2.partner_link_ids.filtered(
            lambda x: x.role == "owner"
        ).date_start = "2026-03-06"
        correction = self._correct()
        # developer 200 × 5 / 31 = 32.26 (billed 96.77); owner 26 days 167.74
        self.assertEqual(
            self._adjusted(correction, self.u2, self.service),
            {self.developer.name: -64.51, "Owner 2": 64.51},
        )
        self.assertTrue(self._moves(correction, self.u2, self.developer, "out_refund"))
        self.assertTrue(self._moves(correction, self.u2, self.owners[1], "out_invoice"))
        self.assertFalse(
            self._moves(correction, self.u2, self.developer, "out_invoice")
        )
        self._assert_bills_unchanged()

    def test_standard_corrected(self):
        """(d) a new rate from the 16th recorded after the run: 100 m² ×
        (2.5 × 15 + 3.1 × 16) / 31 = 280.97, billed 250.00."""
        self.std_service.date_to = "2026-03-15"
        self.env["property.fee.standard"].create(
            {
                "project_id": self.project.id,
                "fee_type_id": self.service.id,
                "use_type": "residential",
                "rate": 3.1,
                "date_from": "2026-03-16",
                "approval_ref": "Price filing 2026-03",
            }
        )
        correction = self._correct()
        self.assertEqual(
            self._adjusted(correction, self.u1, self.service), {"Owner 1": 30.97}
        )
        self.assertEqual(
            self._adjusted(correction, self.u4, self.service), {"Tenant Li": 27.87}
        )
        self.assertFalse(self._adjusted(correction, self.u1, self.waste))
        self._assert_bills_unchanged()

    def test_exactly_once(self):
        """(e) a second correction without change issues nothing; a chunk
        processed again is refused by the database; a later change issues
        only the new difference."""
        self.u1.area = 110.0
        first = self._correct()
        moves = self.env["account.move"].search_count([])
        second = self._correct()
        self.assertFalse(second.adjustment_ids)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        # the same correction processed again from what it saw at first
        stale = first._billing_context(self.u1)
        stale["billed"][self.u1.id].clear()
        stale["billed"][self.u1.id].update(
            {
                (line.fee_type_id.id, line.partner_id.id): line.amount
                for line in self.march.line_ids.filtered(lambda x: x.unit_id == self.u1)
            }
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                first._correct_unit(self.u1, stale)
        self.u1.area = 120.0
        third = self._correct()
        self.assertEqual(
            self._adjusted(third, self.u1, self.service), {"Owner 1": 25.0}
        )
        adjustment = third.adjustment_ids.filtered(
            lambda a: a.unit_id == self.u1 and a.fee_type_id == self.service
        )
        self.assertEqual(
            (adjustment.amount_billed, adjustment.amount_due), (275.0, 300.0)
        )
        self.assertEqual(self.march.correction_count, 3)
        self._assert_bills_unchanged()

    def test_refusals_and_access(self):
        """Only a finished regular run is corrected, one correction of a
        month at a time; finance of the project corrects and reads it,
        finance of another project and agents do not."""
        self.u1.area = 110.0
        finance = self._finance_user("pcs_finance_corr", self.project)
        finance_b = self._finance_user("pcs_finance_corr_b", self.project_b)
        action = self.march.with_user(finance).action_correct()
        correction = self.Run.browse(action["res_id"])
        self.assertEqual(correction.state, "queued")
        with self.assertRaises(UserError):
            self.march.action_correct()
        with self.assertRaises(UserError):
            self._run()
        self.Chunk._cron_process_chunks()
        with self.assertRaises(UserError):
            correction.action_correct()
        self.assertEqual(
            self.Run.with_user(finance).browse(correction.id).adjustment_count,
            len(correction.adjustment_ids),
        )
        self.assertTrue(self.Adjustment.with_user(finance).search_count([]))
        arch = self.Run.with_user(finance).get_views([(False, "form")])["views"]
        self.assertIn("action_correct", arch["form"]["arch"])
        self.assertFalse(self.Adjustment.with_user(finance_b).search_count([]))
        with self.assertRaises(AccessError):
            self.march.with_user(finance_b).action_correct()
        with self.assertRaises(AccessError):
            self.Adjustment.with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            correction.adjustment_ids[0].with_user(finance).write({"amount": 1})
