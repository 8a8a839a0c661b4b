# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOwnerDayTours(HttpCase):
    """An owner's and a tenant's working day in the portal, in Chinese, as
    the shipped demo users (owner1, tenant1) with their groups and emails:
    the owner submits a request, is told its number and time, follows the
    progress the staff post, and confirms; the tenant finds the unit they
    rent (D-9, D-10)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["property_cs", "portal", "mail"], ["zh_CN"]
        )
        cls.owner_user = cls.env.ref("property_cs.demo_user_owner1")
        cls.tenant_user = cls.env.ref("property_cs.demo_user_tenant1")
        cls.engineer = cls.env.ref("property_cs.demo_user_engineer")
        cls.engineering = cls.env.ref("property_cs.property_department_engineering")

    def _end_request(self):
        """Post the stage mails as the end of a staff request does."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_demo_residents_read_chinese(self):
        self.assertEqual(self.owner_user.lang, "zh_CN")
        self.assertEqual(self.tenant_user.lang, "zh_CN")

    def test_owner_submits_follows_and_confirms(self):
        self.start_tour(
            "/my/tickets/new", "property_cs_owner_day_submit_tour", login="owner1"
        )
        ticket = self.env["property.ticket"].search([("name", "=", "阳台地漏反水")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.owner_user.partner_id)
        # the centre commits a time, dispatches the engineer, who sets off
        # (run as the administrator: the demo staff have no email address,
        # and how their messages get a sender is not this test's subject)
        ticket.write({"date_promised": fields.Datetime.now() + timedelta(hours=4)})
        ticket.action_assign(self.engineering, self.engineer)
        self._end_request()
        ticket.action_on_the_way()
        self._end_request()
        ticket.invalidate_recordset(["message_ids"])
        told = ticket.message_ids.filtered(
            lambda m: m.message_type == "comment" and ticket.number in (m.subject or "")
        )
        self.assertEqual(len(told), 4, told.mapped("subject"))
        self.start_tour(
            f"/my/tickets/{ticket.id}",
            "property_cs_owner_day_progress_tour",
            login="owner1",
        )
        ticket.action_arrive()
        ticket.action_done()
        self._end_request()
        self.start_tour(
            f"/my/tickets/{ticket.id}",
            "property_cs_ticket_confirm_tour",
            login="owner1",
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.state, "closed")

    def test_tenant_sees_rented_unit(self):
        self.start_tour("/my", "property_cs_tenant_unit_tour", login="tenant1")
