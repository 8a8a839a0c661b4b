# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestStaffDayTours(HttpCase):
    """The working day of the shipped demo staff in the real UI, in Chinese:
    the users as the demo ships them (their groups, no email, zh_CN); the
    test only activates the language and gives the login its password."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])

    def _demo_user(self, xmlid):
        user = self.env.ref(f"property_cs.{xmlid}")
        if user.lang != "zh_CN":
            # the demo ships its staff in Chinese; before that is loaded,
            # say so here rather than test an English day
            user.lang = "zh_CN"
        self.assertFalse(user.email)
        return user

    def test_supervisor_handles_an_escalated_ticket(self):
        """The supervisor filters the overdue tickets, opens the escalated
        repair and transfers it to herself."""
        supervisor = self._demo_user("demo_user_supervisor")
        ticket = self.env.ref("property_cs.demo_ticket_overdue_pipe")
        self.assertTrue(ticket.sla_escalation_ids)
        self.start_tour(
            "/odoo/action-property_cs.property_ticket_action?view_type=list",
            "property_cs_supervisor_escalation_tour",
            login="supervisor",
        )
        self.assertEqual(ticket.user_id, supervisor)
        self.assertEqual(
            ticket.department_id,
            self.env.ref("property_cs.property_department_security"),
        )

    def test_supervisor_reads_the_deadlines(self):
        """The supervisor opens the Deadlines list: every kind of her
        projects, the overdue ones first, and goes to the request."""
        self._demo_user("demo_user_supervisor")
        ticket = self.env.ref("property_cs.demo_ticket_overdue_pipe")
        self.assertTrue(
            ticket.deadline_ids.filtered(lambda d: d.is_overdue),
            "the demo ships an overdue deadline",
        )
        self.start_tour(
            "/odoo/action-property_cs.property_deadline_action",
            "property_cs_supervisor_deadlines_tour",
            login="supervisor",
        )

    def test_supervisor_opens_an_owner(self):
        """The supervisor opens an owner: the owner file first, its dates in
        full, the owner's tickets and complaints one click away."""
        self._demo_user("demo_user_supervisor")
        owner = self.env.ref("property_cs.demo_partner_owner1")
        self.start_tour(
            f"/odoo/res.partner/{owner.id}",
            "property_cs_supervisor_owner_tour",
            login="supervisor",
        )

    def test_manager_approves_a_compensation(self):
        """The project manager approves the compensation waiting for them."""
        manager = self._demo_user("demo_user_pm")
        compensation = self.env.ref("property_cs.demo_complaint_compensation_fee")
        self.assertEqual(compensation.state, "to_approve")
        self.start_tour(
            "/odoo/action-property_cs.property_complaint_compensation_action",
            "property_cs_manager_compensation_tour",
            login="pm",
        )
        self.assertEqual(compensation.state, "approved")
        self.assertEqual(compensation.approved_by_id, manager)

    def test_head_office_across_projects(self):
        """Head office sees the tickets of both demo projects grouped and in
        the pivot, and the key customers of both."""
        self._demo_user("demo_user_headoffice")
        self.start_tour(
            "/odoo/action-property_cs.property_ticket_action?view_type=list",
            "property_cs_head_office_tour",
            login="headoffice",
        )
