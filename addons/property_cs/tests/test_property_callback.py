# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP, PropertyCsCommon

T0 = datetime(2026, 3, 2, 2, 0, 0)
# queries of one page of the callback queue (list view) for an agent
QUEUE_QUERIES = 8


class PropertyCallbackCommon(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["property.ticket"]
        cls.Callback = cls.env["property.callback"]
        cls.rule_inquiry = cls.env.ref("property_cs.property_callback_rule_inquiry")
        cls.company.write(
            {"property_callback_delay_days": 3, "property_callback_max_attempts": 3}
        )
        cls.supervisor = cls.users["supervisor"]
        cls.head_office = cls.users["head_office"]
        cls.department = cls.env["property.department"].create(
            {
                "name": "Engineering A",
                "kind": "engineering",
                "project_id": cls.project_a.id,
                "member_ids": [Command.link(cls.users["department"].id)],
            }
        )

    def _ticket(self, **vals):
        return self.Ticket.create(
            dict(
                {
                    "name": "Dripping tap",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "kind": "repair",
                },
                **vals,
            )
        )

    def _close(self, ticket):
        ticket.action_done()
        if ticket.state == "done":
            ticket.action_close()
        return ticket

    def _callback(self, ticket):
        return self.Callback.search([("ticket_id", "=", ticket.id)], order="id desc")


@tagged("post_install", "-at_install")
class TestPropertyCallback(PropertyCallbackCommon):
    """Callbacks (D-24): rules and sampling, caller choice, attempts,
    results, reopening with SLA restart, the complaint guard."""

    # ------------------------------------------------------------------
    # rules
    # ------------------------------------------------------------------
    @freeze_time(T0)
    def test_default_rules_repair_and_complaint(self):
        """Closed repairs get a callback due 3 days later, with 3 attempts
        and the repair script; praise gets none."""
        repair = self._close(self._ticket())
        callback = self._callback(repair)
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.state, "pending")
        self.assertEqual(callback.date_due, T0 + timedelta(days=3))
        self.assertEqual(callback.max_attempts, 3)
        self.assertEqual(callback.kind, "repair")
        self.assertEqual(
            callback.script_id,
            self.env.ref("property_cs.property_callback_script_repair"),
        )
        self.assertEqual(callback.partner_id, self.owner_a)
        praise = self._close(self._ticket(kind="praise", name="Thanks"))
        self.assertFalse(self._callback(praise))

    def test_rule_sampling_reproducible(self):
        """The inquiry sample is drawn from the seed and the ticket id: the
        same every time, about the configured share, another seed another
        sample."""
        rule = self.rule_inquiry
        rule.sample_rate = 30.0
        tickets = [self.Ticket.browse(i) for i in range(1, 2001)]
        first = [t.id for t in tickets if rule._sample_accepts(t)]
        second = [t.id for t in tickets if rule._sample_accepts(t)]
        self.assertEqual(first, second)
        self.assertAlmostEqual(len(first) / 2000, 0.30, delta=0.04)
        rule.sample_seed = "another seed"
        third = [t.id for t in tickets if rule._sample_accepts(t)]
        self.assertNotEqual(first, third)
        self.assertAlmostEqual(len(third) / 2000, 0.30, delta=0.04)
        rule.sample_rate = 0
        self.assertFalse(any(rule._sample_accepts(t) for t in tickets[:50]))

    def test_rule_sampling_on_closing(self):
        """Closing inquiries calls back exactly the sampled ones."""
        self.rule_inquiry.sample_rate = 50.0
        inquiries = self.Ticket.browse()
        for i in range(12):
            inquiries |= self._ticket(kind="inquiry", name=f"Question {i}")
        inquiries.action_done()
        self.assertEqual(set(inquiries.mapped("state")), {"closed"})
        expected = inquiries.filtered(lambda t: self.rule_inquiry._sample_accepts(t))
        called = self.Callback.search([("ticket_id", "in", inquiries.ids)]).ticket_id
        self.assertEqual(called, expected)
        self.assertTrue(0 < len(called) < 12)

    def test_most_specific_rule(self):
        """A project rule beats the general one; a category rule of the
        project beats both; complaints cannot be excluded."""
        category = self.env.ref("property_cs.property_ticket_category_water_leak")
        Rule = self.env["property.callback.rule"]
        project_rule = Rule.create(
            {"kind": "repair", "project_id": self.project_a.id, "delay_days": 1}
        )
        category_rule = Rule.create(
            {
                "kind": "repair",
                "project_id": self.project_a.id,
                "category_id": category.id,
                "sample_rate": 0,
            }
        )
        plain = self._ticket()
        leak = self._ticket(category_id=category.id, name="Leak")
        rules = Rule._get_rules_for(plain | leak)
        self.assertEqual(rules[plain.id], project_rule)
        self.assertEqual(rules[leak.id], category_rule)
        with self.assertRaises(ValidationError):
            Rule.create({"kind": "complaint", "sample_rate": 50})

    # ------------------------------------------------------------------
    # caller
    # ------------------------------------------------------------------
    def test_caller_is_not_handler(self):
        """An agent of the project who did not handle the ticket calls."""
        agent_2 = new_test_user(
            self.env, login="pcs_agent_2", groups=GROUP % "agent", name="Agent 2"
        )
        agent_2.property_project_ids = [Command.link(self.project_a.id)]
        ticket = self._ticket(user_id=self.agent.id)
        self._close(ticket)
        callback = self._callback(ticket)
        self.assertEqual(callback.user_id, agent_2)
        self.assertEqual(callback.handler_id, self.agent)
        self.assertFalse(callback.caller_exception)

    def test_caller_load_balanced(self):
        """Callbacks are spread over the eligible agents."""
        agent_2 = new_test_user(
            self.env, login="pcs_agent_2", groups=GROUP % "agent", name="Agent 2"
        )
        agent_2.property_project_ids = [Command.link(self.project_a.id)]
        tickets = self._ticket() | self._ticket() | self._ticket() | self._ticket()
        tickets.action_done()
        tickets.action_close()
        callers = self.Callback.search([("ticket_id", "in", tickets.ids)]).user_id
        self.assertEqual(callers, self.agent | agent_2)
        counts = {
            user: self.Callback.search_count(
                [("ticket_id", "in", tickets.ids), ("user_id", "=", user.id)]
            )
            for user in callers
        }
        self.assertEqual(sorted(counts.values()), [2, 2])

    def test_caller_fallback_supervisor_logged(self):
        """The only agent handled it: a supervisor calls, and the exception
        is kept on the callback and logged on the ticket."""
        ticket = self._ticket(user_id=self.agent.id)
        self._close(ticket)
        callback = self._callback(ticket)
        self.assertIn(callback.user_id, self.supervisor | self.manager)
        self.assertTrue(callback.has_caller_exception)
        self.assertIn("supervisor", callback.caller_exception)
        self.assertIn(callback.caller_exception, ticket.message_ids.mapped("preview"))

    def test_caller_dispatcher_is_handler(self):
        """Whoever dispatched the ticket handled it too (chatter tracking)."""
        ticket = self._ticket().with_env(self.env_tracking)
        self.flush_tracking()
        ticket.with_user(self.agent).action_assign(
            self.department, self.users["department"]
        )
        self.flush_tracking()
        handlers = self.Callback._get_handlers(ticket)
        self.assertIn(self.agent, handlers[ticket.id])
        self.assertIn(self.users["department"], handlers[ticket.id])

    def test_caller_fallback_head_office(self):
        """A project without staff: head office calls, logged."""
        ticket = self._ticket(unit_id=self.unit_b1.id, partner_id=self.owner_b.id)
        self._close(ticket)
        callback = self._callback(ticket)
        head_office = self.env.ref("property_cs.group_property_cs_head_office").users
        self.assertIn(callback.user_id, head_office)
        self.assertIn("head office", callback.caller_exception)

    # ------------------------------------------------------------------
    # attempts and results
    # ------------------------------------------------------------------
    def test_attempts_then_failed(self):
        """Unreachable attempts are recorded with their reason; after the
        third the callback fails and takes no more calls."""
        callback = self._callback(self._close(self._ticket()))
        callback = callback.with_user(self.agent)
        call = Form(
            self.env["property.callback.call"]
            .with_user(self.agent)
            .with_context(default_callback_id=callback.id)
        )
        call.outcome = "unreachable"
        call.unreachable_reason = "no_answer"
        call.save().action_confirm()
        self.assertEqual((callback.state, callback.attempt_count), ("in_progress", 1))
        callback._record_unreachable("busy")
        self.assertEqual(callback.state, "in_progress")
        callback._record_unreachable("switched_off")
        self.assertEqual(callback.state, "failed")
        self.assertEqual(
            callback.attempt_ids.sorted("id").mapped("unreachable_reason"),
            ["no_answer", "busy", "switched_off"],
        )
        with self.assertRaises(UserError):
            callback._record_unreachable("busy")
        with self.assertRaises(ValidationError):
            self.env["property.callback.attempt"].create(
                {"callback_id": callback.id, "outcome": "unreachable"}
            )

    def test_result_satisfied(self):
        """A reached owner's answer finishes the callback; the ticket stays
        closed."""
        ticket = self._close(self._ticket())
        callback = self._callback(ticket).with_user(self.agent)
        action = callback.action_open_call()
        self.assertEqual(action["res_model"], "property.callback.call")
        call = Form(
            self.env["property.callback.call"]
            .with_user(self.agent)
            .with_context(**action["context"])
        )
        call.result = "basic"
        call.comment = "Fine now"
        call.save().action_confirm()
        self.assertEqual((callback.state, callback.result), ("done", "basic"))
        self.assertEqual(callback.attempt_count, 1)
        self.assertEqual(ticket.state, "closed")
        self.assertEqual(
            (callback.completion_rate, callback.satisfaction_rate), (100.0, 100.0)
        )
        with self.assertRaises(UserError):
            callback._record_result("satisfied")

    def test_unsatisfied_needs_reason(self):
        callback = self._callback(self._close(self._ticket()))
        with self.assertRaises(UserError):
            callback._record_result("unsatisfied")

    def test_unsatisfied_reopens_restarts_sla_and_tells_supervisor(self):
        """Unsatisfied: the ticket reopens, the SLA clock restarts from now
        with a new escalation cycle, and the supervisor gets a to-do."""
        with freeze_time(T0):
            ticket = self._ticket()
            first_deadline = ticket.date_close_deadline
            self.assertTrue(first_deadline)
        with freeze_time(T0 + timedelta(hours=2)):
            # the closure target (30 min) is breached before closing
            self.env["property.deadline"]._cron_deadline_pass()
            self.assertIn("close", ticket.sla_breach_ids.mapped("target"))
            self._close(ticket)
        t3 = T0 + timedelta(days=3)
        with freeze_time(t3):
            callback = self._callback(ticket)
            callback.with_user(self.agent)._record_result(
                "unsatisfied", "not_solved", "Still dripping"
            )
            self.assertEqual(ticket.state, "in_progress")
            self.assertEqual(ticket.reopen_count, 1)
            self.assertEqual(ticket.date_sla_restarted, t3)
            self.assertEqual(ticket.sla_cycle, 1)
            self.assertEqual(
                ticket.date_close_deadline - t3,
                first_deadline - T0,
                "the closure target counts again from the reopening",
            )
            activity = callback.activity_ids
            self.assertEqual(activity.user_id, self.supervisor)
            self.assertIn("Unsatisfied", activity.summary)
            self.assertEqual(callback.satisfaction_rate, 0.0)
        with freeze_time(t3 + timedelta(hours=2)):
            self.env["property.deadline"]._cron_deadline_pass()
            breaches = ticket.sla_breach_ids.filtered(lambda b: b.target == "close")
            self.assertEqual(sorted(breaches.mapped("cycle")), [0, 1])

    def test_reopen_cancels_open_callback(self):
        """An owner who reopens before the callback: it is cancelled, and
        the next closure brings a new one."""
        ticket = self._close(self._ticket())
        callback = self._callback(ticket)
        ticket.action_reopen()
        self.assertEqual(callback.state, "cancelled")
        self._close(ticket)
        self.assertEqual(len(self._callback(ticket)), 2)
        self.assertEqual(self._callback(ticket)[0].state, "pending")

    def test_satisfaction_contact_recorded(self):
        """With callbacks as the company's satisfaction contact, the
        callback claims it and no rating mail asks; otherwise it does not."""
        callback = self._callback(self._close(self._ticket()))
        self.assertFalse(callback.is_satisfaction_contact)
        self.company.property_satisfaction_channel = "callback"
        ticket = self._close(self._ticket())
        callback = self._callback(ticket)
        self.assertTrue(callback.is_satisfaction_contact)
        self.assertEqual(ticket.satisfaction_contact, "callback")

    def test_callbacks_are_not_deleted(self):
        callback = self._callback(self._close(self._ticket()))
        with self.assertRaises(UserError):
            callback.unlink()
        callback.action_cancel()
        self.assertEqual(callback.state, "cancelled")
        callback.action_reset()
        self.assertEqual(callback.state, "pending")

    # ------------------------------------------------------------------
    # complaints
    # ------------------------------------------------------------------
    def _summarized(self, complaint):
        """Fast-forward the complaint steps (tested in the complaint tests)
        so that only the callback guard is left in the way of closing."""
        complaint.write(
            {"complaint_step": "summarized", "complaint_owner_answer": "accepted"}
        )

    def test_complaint_needs_callback_to_close(self):
        """A complaint gets its callback when done and closes only after it
        is completed satisfied; unsatisfied reopens it and a new callback
        follows the next done."""
        fees = self.env.ref("property_cs.property_ticket_category_fees")
        complaint = self._ticket(kind="complaint", name="Rude", category_id=fees.id)
        complaint.action_done()
        self.assertEqual(complaint.state, "done", "never straight to closed")
        callback = self._callback(complaint)
        self.assertEqual((callback.kind, callback.state), ("complaint", "pending"))
        self._summarized(complaint)
        with self.assertRaisesRegex(UserError, "callback"):
            complaint.action_close()
        callback._record_result("unsatisfied", "attitude", "Nobody apologised")
        self.assertEqual(complaint.state, "in_progress")
        self.assertEqual(complaint.complaint_step, "investigated", "new plan needed")
        complaint.action_done()
        new_callback = self._callback(complaint)[0]
        self.assertNotEqual(new_callback, callback)
        self._summarized(complaint)
        with self.assertRaisesRegex(UserError, "callback"):
            complaint.action_close()
        new_callback._record_result("satisfied")
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_portal_does_not_confirm_complaint(self):
        """The owner is not asked to confirm a complaint in the portal: its
        callback does."""
        complaint = self._ticket(kind="complaint", name="Noise")
        complaint.action_done()
        self.assertTrue(complaint.is_awaiting_callback)
        awaiting = [("is_awaiting_callback", "=", True)]
        self.assertIn(complaint, self.Ticket.search(awaiting))
        self.assertFalse(complaint._portal_can_answer(self.owner_a))
        with self.assertRaises(UserError):
            complaint.with_user(self.portal_owner)._portal_confirm(self.owner_a)
        self._callback(complaint)._record_result("satisfied")
        self.assertFalse(complaint.is_awaiting_callback)
        self.assertNotIn(complaint, self.Ticket.search(awaiting))
        self.assertIn(
            complaint, self.Ticket.search([("is_awaiting_callback", "=", False)])
        )

    def test_complaint_without_requester_gets_callback(self):
        """A 12345 complaint about a common area has no requester: it still
        gets its callback, to the caller's phone; other such tickets none."""
        complaint = self.Ticket.create(
            {
                "name": "Street light out",
                "kind": "complaint",
                "channel": "hotline_12345",
                "project_id": self.project_a.id,
                "location_type": "common",
                "common_area": "East gate",
                "partner_phone": "12345",
            }
        )
        complaint.action_done()
        callback = self._callback(complaint)
        self.assertEqual(len(callback), 1)
        self.assertFalse(callback.partner_id)
        self.assertEqual(callback.partner_phone, "12345")
        repair = self.Ticket.create(
            {
                "name": "Broken bench",
                "project_id": self.project_a.id,
                "location_type": "common",
                "common_area": "Garden",
            }
        )
        repair.action_done()
        repair.action_close()
        self.assertEqual(repair.state, "closed")
        self.assertFalse(self._callback(repair))

    def test_complaint_failed_callback_allows_close(self):
        """An owner unreachable after every attempt does not block closure."""
        complaint = self._ticket(kind="complaint", name="Noise")
        complaint.action_done()
        callback = self._callback(complaint)
        for _i in range(3):
            callback._record_unreachable("no_answer")
        self.assertEqual(callback.state, "failed")
        self._summarized(complaint)
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_auto_confirm_skips_complaints_awaiting_callback(self):
        """The auto-confirmation never closes a complaint without callback."""
        with freeze_time(T0):
            complaint = self._ticket(kind="complaint", name="Noise")
            repair = self._ticket()
            (complaint | repair).action_done()
        with freeze_time(T0 + timedelta(days=4)):
            self.Ticket._cron_auto_confirm()
        self.assertEqual(repair.state, "closed")
        self.assertEqual(complaint.state, "done")
        self._callback(complaint)._record_result("satisfied")
        with freeze_time(T0 + timedelta(days=5)):
            self.Ticket._cron_auto_confirm()
        self.assertEqual(complaint.state, "done", "the summary is still missing")
        self._summarized(complaint)
        with freeze_time(T0 + timedelta(days=6)):
            self.Ticket._cron_auto_confirm()
        self.assertEqual(complaint.state, "closed")

    # ------------------------------------------------------------------
    # performance
    # ------------------------------------------------------------------
    def _generation_queries(self, count):
        closed = self.Ticket._stage_for("closed")
        tickets = self.Ticket.create(
            [
                {
                    "name": f"Batch {i}",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "stage_id": closed.id,
                }
                for i in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        callbacks = self.Callback._generate_for_tickets(tickets)
        self.env.flush_all()
        self.assertEqual(len(callbacks), count)
        return self.cr.sql_log_count - before

    def test_generation_query_count_constant(self):
        """Generating the callbacks of N closed tickets costs the same
        number of queries for 1 or 10 tickets."""
        self._generation_queries(2)  # warm the caches
        one = self._generation_queries(1)
        ten = self._generation_queries(10)
        self.assertEqual(one, ten)
        closed = self.Ticket._stage_for("closed")
        tickets = self.Ticket.create(
            [
                {
                    "name": f"Counted {i}",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "stage_id": closed.id,
                }
                for i in range(5)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(one):
            self.Callback._generate_for_tickets(tickets)
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestPropertyCallbackCare(PropertyCallbackCommon):
    """Key-customer care (D-5): completing the regular contact records a
    care callback; nothing schedules a second contact."""

    def _contact_activities(self, partner):
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact"
        )
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    @freeze_time("2026-05-10")
    def test_care_contact_records_callback(self):
        """The Record Contact form completes the monthly activity, records
        the answer as a done care callback; the chaining plans exactly one
        next contact."""
        self.owner_a.is_influential = True
        self.env["res.partner"]._cron_schedule_key_customer_contacts()
        activity = self._contact_activities(self.owner_a)
        self.assertEqual(len(activity), 1)
        wizard = Form(
            self.env["property.callback.care"]
            .with_user(self.manager)
            .with_context(default_partner_id=self.owner_a.id)
        )
        wizard.result = "unsatisfied"
        wizard.unsatisfied_reason = "communication"
        wizard.comment = "Wants monthly news on the garden works"
        wizard.save().action_confirm()
        self.assertFalse(activity.exists())
        care = self.Callback.search(
            [("partner_id", "=", self.owner_a.id), ("kind", "=", "care")]
        )
        self.assertEqual(len(care), 1)
        self.assertEqual(
            (care.state, care.result, care.unsatisfied_reason),
            ("done", "unsatisfied", "communication"),
        )
        self.assertEqual(care.project_id, self.project_a)
        self.assertEqual(care.user_id, self.manager)
        self.assertEqual(care.attempt_count, 1)
        following = self._contact_activities(self.owner_a)
        self.assertEqual(len(following), 1, "one next contact, no second schedule")
        self.assertEqual(str(following.date_deadline), "2026-07-10")
        self.env["res.partner"]._cron_schedule_key_customer_contacts()
        self.assertEqual(len(self._contact_activities(self.owner_a)), 1)

    @freeze_time("2026-05-10")
    def test_mark_done_records_callback(self):
        """Marking the activity done from the chatter records it as well."""
        self.owner_a.is_influential = True
        self.env["res.partner"]._cron_schedule_key_customer_contacts()
        self._contact_activities(self.owner_a).action_feedback(feedback="All fine")
        care = self.Callback.search(
            [("partner_id", "=", self.owner_a.id), ("kind", "=", "care")]
        )
        self.assertEqual((care.state, care.comment), ("done", "All fine"))

    def test_care_without_activity(self):
        """A contact without a planned activity is recorded directly."""
        care = self.Callback._record_care_contact(
            self.owner_b, "satisfied", False, "Met at the gate"
        )
        self.assertEqual((care.kind, care.state), ("care", "done"))
        self.assertEqual(care.project_id, self.project_b)


@tagged("post_install", "-at_install")
class TestPropertyCallbackAccess(PropertyCallbackCommon):
    """Who sees callbacks: project staff, their department for its own
    tickets (never complaints), head office; no portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff = cls.users["department"]
        cls.repair = cls.Ticket.create(
            {
                "name": "Pump",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "department_id": cls.department.id,
                "user_id": staff.id,
            }
        )
        cls.complaint = cls.Ticket.create(
            {
                "name": "Rude plumber",
                "kind": "complaint",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "department_id": cls.department.id,
                "user_id": staff.id,
            }
        )
        cls.repair_b = cls.Ticket.create(
            {"name": "Door", "unit_id": cls.unit_b1.id, "partner_id": cls.owner_b.id}
        )
        for ticket in cls.repair | cls.complaint | cls.repair_b:
            ticket.action_done()
        cls.repair.action_close()
        cls.repair_b.action_close()
        cls.cb_repair = cls.Callback.search([("ticket_id", "=", cls.repair.id)])
        cls.cb_complaint = cls.Callback.search([("ticket_id", "=", cls.complaint.id)])
        cls.cb_b = cls.Callback.search([("ticket_id", "=", cls.repair_b.id)])

    def _visible(self, user):
        return self.Callback.with_user(user).search(
            [("id", "in", (self.cb_repair | self.cb_complaint | self.cb_b).ids)]
        )

    def test_agent_sees_own_projects(self):
        self.assertEqual(self._visible(self.agent), self.cb_repair | self.cb_complaint)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_department_no_complaints(self):
        """Department staff read their ticket's callback, not the
        complaint's (D-18)."""
        staff = self.users["department"]
        self.assertEqual(self._visible(staff), self.cb_repair)
        with self.assertRaises(AccessError):
            self.cb_complaint.with_user(staff).read(["comment"])
        with self.assertRaises(AccessError):
            self.cb_repair.with_user(staff).write({"comment": "x"})

    def test_head_office_sees_all(self):
        self.assertEqual(
            self._visible(self.head_office),
            self.cb_repair | self.cb_complaint | self.cb_b,
        )

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_portal_and_finance_none(self):
        for user in (self.portal_owner, self.users["finance"]):
            with self.assertRaises(AccessError):
                self.Callback.with_user(user).search([])

    def test_agent_records_call(self):
        """Agents record calls; only supervisors cancel and retry."""
        self.cb_repair.with_user(self.agent)._record_unreachable("busy")
        self.assertEqual(self.cb_repair.attempt_count, 1)
        with self.assertRaises(UserError):
            self.cb_repair.with_user(self.agent).unlink()
        with self.assertRaises(UserError):
            self.cb_repair.with_user(self.agent).action_cancel()
        self.cb_repair.with_user(self.supervisor).action_cancel()
        self.assertEqual(self.cb_repair.state, "cancelled")

    def test_head_office_caller_records_call(self):
        """Head office, the last-resort caller, can record the call."""
        self.cb_b.user_id = self.head_office
        self.cb_b.with_user(self.head_office)._record_result("satisfied")
        self.assertEqual(self.cb_b.state, "done")


@tagged("post_install", "-at_install")
class TestPropertyCallbackTour(PropertyCallbackCommon, HttpCase):
    def test_callback_queue_tour(self):
        """Tour: an agent who did not handle the complaint reads it from the
        queue, calls the owner, unreachable once, then records a satisfied
        answer; the callback then no longer holds the complaint."""
        complaint = self._ticket(
            kind="complaint", name="Lift noise complaint", user_id=self.manager.id
        )
        complaint.action_done()
        callback = self._callback(complaint)
        self.assertEqual(callback.user_id, self.agent)
        self.agent.write({"password": "pcs_agent"})
        self.start_tour(
            "/odoo/action-property_cs.property_callback_action?view_type=list",
            "property_cs_callback_tour",
            login="pcs_agent",
        )
        self.assertEqual((callback.state, callback.result), ("done", "satisfied"))
        self.assertEqual(callback.attempt_count, 2)
        # the callback no longer holds the complaint (its summary still does)
        self.assertFalse(complaint.is_awaiting_callback)
        self.assertTrue(complaint._callback_allows_close())


@tagged("post_install", "-at_install")
class TestPropertyCallbackQueuePerformance(PropertyCallbackCommon):
    def _queue_queries(self, count, bound=None):
        tickets = self.Ticket.browse()
        for i in range(count):
            tickets |= self._ticket(name=f"Queue {i}")
        tickets.action_done()
        tickets.action_close()
        domain = [("ticket_id", "in", tickets.ids)]
        spec = {
            name: {}
            for name in (
                "date_due",
                "name",
                "kind",
                "partner_phone",
                "attempt_count",
                "result",
                "is_overdue",
                "has_caller_exception",
                "state",
            )
        }
        spec.update(
            {
                "partner_id": {"fields": {"display_name": {}}},
                "project_id": {"fields": {"display_name": {}}},
                "user_id": {"fields": {"display_name": {}}},
            }
        )
        Callback = self.Callback.with_user(self.agent)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        if bound is None:
            result = Callback.web_search_read(domain, spec, limit=80)
        else:
            with self.assertQueryCount(bound):
                result = Callback.web_search_read(domain, spec, limit=80)
        self.assertEqual(len(result["records"]), count)
        return self.cr.sql_log_count - before

    def test_queue_list_query_count(self):
        """The callback queue reads 3 or 15 rows with the same queries, and
        no more than a fixed number of them."""
        self._queue_queries(2)
        queries = self._queue_queries(3, bound=QUEUE_QUERIES)
        self.assertEqual(queries, self._queue_queries(15, bound=QUEUE_QUERIES))
