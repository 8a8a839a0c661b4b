# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPortalFeeReceipt(PropertyCsCommon, HttpCase):
    """The unit page lists the viewer's own payments for the unit (date,
    amount, journal, the bills paid) with a link to each receipt (收据),
    under the same isolation as the bills (D-3, D-21): the owner sees and
    prints theirs, a tenant who pays theirs, another owner and a household
    member none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Link = cls.env["property.unit.partner"]
        # unit 101: owned by Zhang Wei, let to Wang Fang who pays her fees,
        # a household member with a portal account
        Link.create(
            {
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.tenant_a.id,
                "role": "tenant",
                "pays_fees": True,
                "date_start": "2024-01-01",
            }
        )
        cls.member = cls.env["res.partner"].create({"name": "Zhang Xiaoming"})
        Link.create(
            {
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.member.id,
                "role": "household",
                "date_start": "2020-01-01",
            }
        )
        cls.portal_member = new_test_user(
            cls.env,
            login="pcs_member_a",
            groups="base.group_portal",
            partner_id=cls.member.id,
            name=cls.member.name,
        )
        cls.cash = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.bill_owner = cls._bill(cls.unit_a1, cls.owner_a, 300.0)
        cls.bill_tenant = cls._bill(cls.unit_a1, cls.tenant_a, 120.0)
        cls.bill_b = cls._bill(cls.unit_b1, cls.owner_b, 90.0)
        # unpaid: no payment listed for it
        cls._bill(cls.unit_a1, cls.owner_a, 55.0)
        cls.pay_owner = cls._pay(cls.bill_owner)
        cls.pay_tenant = cls._pay(cls.bill_tenant)
        cls.pay_b = cls._pay(cls.bill_b)

    @classmethod
    def _bill(cls, unit, partner, amount):
        bill = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-03-01",
                "property_unit_id": unit.id,
                "property_project_id": unit.project_id.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Property service fee",
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    @classmethod
    def _pay(cls, bill):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=bill.ids)
            .create({"journal_id": cls.cash.id, "payment_date": "2026-03-05"})
            ._create_payments()
        )

    def _receipt_url(self, unit, payment):
        return f"/my/units/{unit.id}/receipts/{payment.id}?report_type=html"

    def _assert_refused(self, unit, payment):
        response = self.url_open(
            self._receipt_url(unit, payment), allow_redirects=False
        )
        self.assertEqual(response.status_code, 303, (unit.name, payment.name))
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertNotIn(payment.name, response.text)

    def test_payments_per_viewer(self):
        """The model lists each viewer's own payments of the unit with the
        bills they paid: the owner theirs, the paying tenant theirs, the
        co-owner and the household member none, another unit's owner none
        here; a receipt of someone else's payment is refused."""
        rows = self.unit_a1._portal_fee_payments(self.owner_a)
        self.assertEqual([row["payment"] for row in rows], [self.pay_owner])
        self.assertEqual(rows[0]["bills"], self.bill_owner)
        self.assertEqual(
            rows[0]["receipt_url"],
            f"/my/units/{self.unit_a1.id}/receipts/{self.pay_owner.id}",
        )
        rows = self.unit_a1._portal_fee_payments(self.tenant_a)
        self.assertEqual([row["payment"] for row in rows], [self.pay_tenant])
        for partner in (self.member, self.owner_a_spouse, self.owner_b):
            self.assertFalse(self.unit_a1._portal_fee_payments(partner), partner.name)
        self.assertEqual(
            [row["payment"] for row in self.unit_b1._portal_fee_payments(self.owner_b)],
            [self.pay_b],
        )
        self.assertEqual(
            self.unit_a1._portal_fee_receipt(self.owner_a, self.pay_owner.id),
            self.pay_owner,
        )
        for partner, payment in (
            (self.owner_a, self.pay_tenant),
            (self.tenant_a, self.pay_owner),
            (self.member, self.pay_owner),
            (self.owner_b, self.pay_owner),
        ):
            with self.assertRaises(AccessError):
                self.unit_a1._portal_fee_receipt(partner, payment.id)
        values = self.unit_a1._portal_unit_values(self.owner_a)
        self.assertEqual(values["fee_payments"][0]["payment"], self.pay_owner)

    def test_owner_opens_own_receipt_only(self):
        """Zhang Wei's unit page lists his payment with its journal and the
        bill it paid and links its receipt, which opens; the tenant's
        payment is neither listed nor opened; another owner, the tenant
        and the household member are sent back from his receipt."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/units/{self.unit_a1.id}").text
        payments = page.split("o_property_cs_fee_payments", 1)[1].split("</table>")[0]
        self.assertIn(self.pay_owner.name, payments)
        self.assertIn(self.bill_owner.name, payments)
        self.assertIn(self.cash.name, payments)
        self.assertIn("300.00", payments)
        self.assertIn(f"/my/units/{self.unit_a1.id}/receipts/{self.pay_owner.id}", page)
        self.assertNotIn(self.pay_tenant.name, page)
        response = self.url_open(self._receipt_url(self.unit_a1, self.pay_owner))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Receipt", response.text)
        self.assertIn(self.pay_owner.name, response.text)
        self.assertIn(self.bill_owner.name, response.text)
        self._assert_refused(self.unit_a1, self.pay_tenant)
        self._assert_refused(self.unit_a1, self.pay_b)

        self.authenticate("pcs_owner_b", "pcs_owner_b")
        self._assert_refused(self.unit_a1, self.pay_owner)
        self._assert_refused(self.unit_b1, self.pay_owner)
        response = self.url_open(self._receipt_url(self.unit_b1, self.pay_b))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.bill_b.name, response.text)

        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        page = self.url_open(f"/my/units/{self.unit_a1.id}").text
        self.assertIn(self.pay_tenant.name, page)
        self.assertNotIn(self.pay_owner.name, page)
        self._assert_refused(self.unit_a1, self.pay_owner)
        response = self.url_open(self._receipt_url(self.unit_a1, self.pay_tenant))
        self.assertEqual(response.status_code, 200)

        self.authenticate("pcs_member_a", "pcs_member_a")
        page = self.url_open(f"/my/units/{self.unit_a1.id}").text
        self.assertEqual(page.count("o_property_cs_fee_payments"), 0)
        self.assertIn("No payment from you on this unit.", page)
        self._assert_refused(self.unit_a1, self.pay_owner)
        self._assert_refused(self.unit_a1, self.pay_tenant)
