# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

TICKET_ACTION = "/odoo/action-property_cs.property_ticket_action"
CALLBACK_ACTION = "/odoo/action-property_cs.property_callback_action"


class RoleDayCommon(HttpCase):
    """The working day of each role in the real web client, logged in as the
    shipped demo users (their groups, no email address, Chinese)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.env.ref("property_cs.demo_user_agent", raise_if_not_found=False)
        if not cls.agent:
            return
        cls.env["res.lang"]._activate_lang("zh_CN")
        # the product's Chinese terms (category names, statuses)
        cls.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        cls.engineer = cls.env.ref("property_cs.demo_user_engineer")
        cls.care = cls.env.ref("property_cs.demo_user_care")
        cls.finance = cls.env.ref("property_cs.demo_user_finance")
        cls.project = cls.env.ref("property_cs.demo_project_ghy")

    def setUp(self):
        super().setUp()
        if not self.agent:
            self.skipTest("the demo data is not installed")
        staff = self.agent | self.engineer | self.care | self.finance
        # as shipped: no email address, Chinese
        self.assertFalse(any(staff.mapped("email")))
        self.assertEqual(set(staff.mapped("lang")), {"zh_CN"})


@tagged("post_install", "-at_install")
class TestRoleDayTours(RoleDayCommon):
    def test_agent_takes_call_dispatches_and_replies(self):
        """The front-desk agent takes a phone call, saves the ticket,
        dispatches it to a named technician and replies to the owner."""
        self.start_tour(
            f"{TICKET_ACTION}?view_type=list",
            "property_cs_role_agent_day_tour",
            login="agent",
        )
        ticket = self.env["property.ticket"].search(
            [("name", "=", "卫生间天花板滴水（来电）")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertTrue(ticket.number.startswith("GHY-"))
        self.assertEqual(
            ticket.partner_id, self.env.ref("property_cs.demo_partner_owner1")
        )
        self.assertEqual(ticket.user_id, self.engineer)
        self.assertEqual(ticket.state, "dispatched")
        reply = ticket.message_ids.filtered(
            lambda m: (
                m.author_id == self.agent.partner_id
                and "今天下午上门查看" in (m.body or "")
            )
        )
        self.assertTrue(reply)
        self.assertTrue(reply.email_from)

    def test_care_works_the_callback_queue(self):
        """The care agent opens the callback queue (which holds callbacks of
        complaints she may not read) and records a call result."""
        ticket = self.env.ref("property_cs.demo_ticket_tap_owner1_done")
        callback = self.env["property.callback"].create(
            {
                "name": "关怀回访（旅程）",
                "ticket_id": ticket.id,
                "project_id": ticket.project_id.id,
                "partner_id": ticket.partner_id.id,
                "kind": "repair",
                "user_id": self.care.id,
                "script_id": self.env.ref(
                    "property_cs.property_callback_script_repair"
                ).id,
                "date_due": "2026-01-01 02:00:00",
            }
        )
        self.start_tour(
            f"{CALLBACK_ACTION}?view_type=list",
            "property_cs_role_care_day_tour",
            login="care",
        )
        self.assertEqual((callback.state, callback.result), ("done", "satisfied"))

    def test_finance_opens_paid_repair_invoice(self):
        """Finance opens the invoice of a paid repair from its ticket."""
        ticket = self.env.ref("property_cs.demo_ticket_paid_repair")
        self.assertEqual(ticket.invoice_id.state, "posted")
        self.start_tour(
            f"{TICKET_ACTION}?view_type=list",
            "property_cs_role_finance_day_tour",
            login="finance",
        )


@tagged("post_install", "-at_install")
class TestRoleDayTechnicianPhone(RoleDayCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_technician_on_the_way_arrived_done_with_photo(self):
        """The technician opens the job on his phone: on my way, arrived,
        photo, done."""
        ticket = self.env["property.ticket"].create(
            {
                "name": "楼道应急灯不亮（巡检）",
                "channel": "internal",
                "location_type": "common",
                "project_id": self.project.id,
                "common_area": "1幢一楼楼道",
                "category_id": self.env.ref(
                    "property_cs.property_ticket_category_water_power"
                ).id,
                "user_id": self.engineer.id,
                "stage_id": self.env.ref(
                    "property_cs.property_ticket_stage_dispatched"
                ).id,
            }
        )
        self.start_tour(
            f"{TICKET_ACTION}?view_type=kanban",
            "property_cs_role_technician_day_tour",
            login="engineer",
        )
        self.assertTrue(ticket.date_departed)
        self.assertTrue(ticket.date_arrived)
        self.assertTrue(ticket.arrival_photo)
        self.assertEqual(ticket.state, "done")
