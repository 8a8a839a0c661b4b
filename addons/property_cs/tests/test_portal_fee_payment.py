# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPortalFeePayment(HttpCase):
    """The owner pays a bill online from their unit page, as the shipped
    demo user owner1 (portal, Chinese), with Odoo's demo payment provider:
    the transaction is confirmed, the bill is paid and what the owner owes
    on the unit drops (D-21). Many owners give no email address: the same
    payment works for an owner without one.

    ``payment_demo`` is installed by the test database (scripts/test.sh),
    never a dependency of the addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["property_cs", "portal", "payment", "account_payment"], ["zh_CN"]
        )
        cls.owner_user = cls.env.ref("property_cs.demo_user_owner1")
        cls.partner = cls.owner_user.partner_id

    def setUp(self):
        super().setUp()
        module = self.env["ir.module.module"].search([("name", "=", "payment_demo")])
        if module.state != "installed":
            self.skipTest("payment_demo is not installed (scripts/test.sh installs it)")
        bill = self._bill_to_pay()
        self.unit = bill.property_unit_id
        self.bill = bill
        # the demo provider, enabled and published for the bill's company,
        # with its payment method active; the portal may take payments
        provider = self.env.ref("payment.payment_provider_demo")
        if provider.company_id != bill.company_id:
            provider = provider.copy({"company_id": bill.company_id.id})
        provider.write({"state": "test", "is_published": True})
        provider.payment_method_ids.write({"active": True})
        self.assertTrue(provider.payment_method_ids)
        self.assertTrue(
            provider.journal_id, "the provider needs a journal to record payments"
        )
        self.provider = provider
        self._untranslate_demo_states()
        self.env["ir.config_parameter"].sudo().set_param(
            "account_payment.enable_portal_payment", "True"
        )

    def _untranslate_demo_states(self):
        """Odoo 18's zh_CN translation of payment_demo translates the
        *values* of its simulated-state options ("done" becomes "完成"), so
        that a payment simulated in Chinese always ends in error. Give the
        options back their English values in every translation (labels
        stay translated)."""
        view = self.env.ref("payment_demo.payment_details")
        fixes = {}
        for term in view.get_field_translations("arch_db")[0]:
            source_values = re.findall(r'<option value="([^"]*)"', term["source"])
            if not source_values or not term["value"]:
                continue
            values = iter(source_values)
            fixed = re.sub(
                r'<option value="[^"]*"',
                lambda __, values=values: f'<option value="{next(values)}"',
                term["value"],
            )
            if fixed != term["value"]:
                fixes.setdefault(term["lang"], {})[term["source"]] = fixed
        if fixes:
            view.update_field_translations("arch_db", fixes)

    def _bill_to_pay(self):
        """The bill whose Pay button comes first on owner1's unit page (the
        newest unpaid one): one of the demo arrears when owner1 has any,
        else a bill of the day made here."""
        owned = self.partner.unit_link_ids.filtered(
            lambda link: link.role == "owner"
        ).unit_id
        self.assertTrue(owned, "owner1 owns a unit in the demo data")
        for unit in owned:
            bill = self._first_pay_button(unit)
            if bill:
                return bill
        unit = owned[0]
        bill = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner.id,
                "invoice_date": fields.Date.context_today(self.env.user),
                "property_unit_id": unit.id,
                "property_project_id": unit.project_id.id,
                "company_id": unit.project_id.company_id.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "物业服务费", "quantity": 1.0, "price_unit": 180.0}
                    )
                ],
            }
        )
        bill.action_post()
        self.assertEqual(self._first_pay_button(unit), bill)
        return bill

    def _first_pay_button(self, unit):
        """The bill of the first Pay button of the unit page for owner1."""
        bills = unit._portal_unit_values(self.partner)["fee_bills"]
        return bills.filtered(
            lambda m: m.move_type == "out_invoice" and m.amount_residual
        )[:1]

    def test_owner_pays_bill_with_demo_provider(self):
        self._pay_in_portal()

    def test_owner_without_email_pays_bill(self):
        self.partner.email = False
        tx = self._pay_in_portal()
        self.assertFalse(tx.partner_email)

    def _pay_in_portal(self):
        """Run the payment tour as owner1 and check its outcome; return the
        transaction."""
        owed_before, __ = self.unit._property_balance(self.partner)
        due = self.bill.amount_residual
        self.assertTrue(due)
        self.start_tour(
            f"/my/units/{self.unit.id}",
            "property_cs_owner_pays_bill_tour",
            login="owner1",
            # four pages and a payment recorded; the CI machine is busy
            timeout=180,
        )
        self.env.invalidate_all()
        tx = self.bill.transaction_ids.filtered(lambda t: t.state == "done")
        self.assertEqual(len(tx), 1, self.bill.transaction_ids.mapped("state"))
        self.assertEqual(tx.provider_id, self.provider)
        self.assertEqual(tx.partner_id, self.partner)
        self.assertAlmostEqual(tx.amount, due)
        # the status page polled the transaction, which post-processed it
        self.assertTrue(tx.is_post_processed)
        self.env["payment.transaction"]._cron_post_process()
        self.env.invalidate_all()
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
        self.assertFalse(self.bill.amount_residual)
        self.assertEqual(tx.payment_id.partner_id, self.partner.commercial_partner_id)
        owed_after, __ = self.unit._property_balance(self.partner)
        self.assertAlmostEqual(owed_after, owed_before - due)
        return tx
