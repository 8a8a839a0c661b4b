# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .test_property_billing import MARCH, PropertyBillingCommon

APRIL = date(2026, 4, 1)
MAY = date(2026, 5, 1)


@tagged("post_install", "-at_install")
class TestPropertyLateFee(PropertyBillingCommon):
    """Late fees (E4): none without the contract clause; fees overdue last
    month × daily rate × overdue days on the next bill as their own line,
    never on earlier late fees, within the cap; a warning above 1.3 × LPR."""

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

    def _late_lines(self, run, partner=None):
        return run.line_ids.filtered(
            lambda line: (
                line.fee_type_id == self.late_type
                and line.unit_id == self.u1
                and line.partner_id == (partner or self.owner)
            )
        )

    def test_no_clause_no_late_fee(self):
        self._run(MARCH)
        april = self._run(APRIL)
        self.assertFalse(
            april.line_ids.filtered(lambda line: line.fee_type_id == self.late_type)
        )

    def test_fees_times_rate_times_days_no_compounding(self):
        self._late_standard()
        self._run(MARCH)
        march_bill = self.env["account.move"].search(
            [("property_unit_id", "=", self.u1.id), ("partner_id", "=", self.owner.id)]
        )
        self.assertEqual(march_bill.invoice_date_due, date(2026, 3, 16))
        april = self._run(APRIL)
        line = self._late_lines(april)
        # 450.00 overdue from 17 to 31 March: 15 days at 0.05 % a day
        self.assertEqual(line.amount, 3.38)
        self.assertEqual(line.days, 15)
        self.assertEqual(line.move_id.partner_id, self.owner)
        self.assertIn(line.move_line_id, line.move_id.invoice_line_ids)
        may = self._run(MAY)
        # March's 450.00 for 30 days and April's 450.00 (its late fee left
        # out) from 17 to 30 April: 6.75 + 3.15
        self.assertEqual(self._late_lines(may).amount, 9.90)
        # a re-run bills nothing twice
        self.Chunk._cron_process_chunks()
        self.assertEqual(len(self._late_lines(may)), 1)

    def test_the_cap(self):
        self._late_standard(late_fee_cap=1.0)
        self._run(MARCH)
        april = self._run(APRIL)
        self.assertEqual(self._late_lines(april).amount, 3.38)
        may = self._run(MAY)
        # 1 % of the 900.00 overdue, less the 3.38 already charged
        self.assertEqual(self._late_lines(may).amount, 5.62)

    def test_paid_fees_bear_none(self):
        self._late_standard()
        self._run(MARCH)
        tenant_bill = self.env["account.move"].search(
            [("partner_id", "=", self.tenant.id), ("invoice_date", "=", MARCH)]
        )
        self.assertTrue(tenant_bill)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=tenant_bill.ids
        ).create({})._create_payments()
        april = self._run(APRIL)
        late = april.line_ids.filtered(lambda line: line.fee_type_id == self.late_type)
        self.assertNotIn(self.tenant, late.partner_id)
        self.assertIn(self.owner, late.partner_id)

    def test_lpr_warning(self):
        self.company.property_lpr_rate = 3.0
        high = self._late_standard(rate=0.05, date_to="2026-12-31")
        self.assertIn("18.25", high.late_fee_warning)
        low = self._late_standard(rate=0.01, date_from="2027-01-01")
        self.assertFalse(low.late_fee_warning)
        service = self.std_service
        self.assertFalse(service.late_fee_warning)
