# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFundregDemo(TransactionCase):
    """The demo shows each part at work: an emergency fund request whose
    decision deadline runs, a published one, a reply overdue, letters for
    the committee and the contract calendar's first reminders."""

    def test_demo_records(self):
        ref = self.env.ref
        pump = ref("property_cs.demo_fund_request_pump", raise_if_not_found=False)
        if not pump:
            self.skipTest("installed without demo data")
        self.assertEqual(pump.state, "submitted")
        self.assertTrue(pump.date_decision_due)
        row = self.env["property.deadline"].search(
            [("res_model", "=", pump._name), ("res_id", "=", pump.id)]
        )
        self.assertEqual((row.target, row.state), ("fund", "running"))
        self.assertEqual(
            ref("property_cs.demo_fund_request_elevator").state, "published"
        )
        fire = ref("property_cs.demo_register_fire_check")
        self.assertEqual(fire.state, "open")
        self.assertTrue(fire.is_overdue)
        member = ref("property_cs.demo_partner_committee_1")
        letters = self.env["property.register.entry"]._portal_letters(member)
        self.assertIn(ref("property_cs.demo_register_committee_parking"), letters)
        self.assertNotIn(fire, letters)
        contract = ref("property_cs.demo_service_contract_ghy")
        self.assertEqual(contract.state, "active")
        self.assertIn("company_notice", contract.reminder_ids.mapped("kind"))
        self.assertEqual(
            ref("property_cs.demo_project_ghy").service_contract_end,
            contract.date_end,
        )
