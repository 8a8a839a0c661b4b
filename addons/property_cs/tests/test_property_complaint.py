# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import INTERNAL_MARKERS, PropertyCsCommon

T0 = datetime(2026, 3, 2, 2, 0, 0)


class PropertyComplaintCommon(PropertyCsCommon):
    """A complaint of owner A on project A handled by the agent; a
    department with one member for the recovery tasks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["property.ticket"]
        cls.department = cls.env["property.department"].create(
            {
                "name": "Engineering OG",
                "kind": "engineering",
                "project_id": cls.project_a.id,
                "member_ids": [Command.link(cls.users["department"].id)],
            }
        )
        cls.agent_2 = new_test_user(
            cls.env,
            login="pcs_agent_2",
            groups="property_cs.group_property_cs_agent",
            name="PCS agent 2",
        )
        cls.agent_2.property_project_ids = [Command.link(cls.project_a.id)]
        cls.recourse_12345 = cls.env.ref(
            "property_cs.property_complaint_recourse_12345"
        )

    def _complaint(self, **vals):
        values = {
            "name": "Lift stuck again, nobody came",
            "kind": "complaint",
            "channel": "phone",
            "unit_id": self.unit_a1.id,
            "partner_id": self.owner_a.id,
            "user_id": self.agent.id,
            "complaint_emotion": "angry",
            "complaint_demand": "solve",
            "complaint_at_fault": "yes",
            "complaint_remedy": "Repair the lift today and apologise",
        }
        values.update(vals)
        return self.Ticket.with_user(self.agent).create(values)

    def _walk_to(self, ticket, step):
        """Take a complaint through the steps up to ``step``."""
        walk = [
            (
                "confirmed",
                {"complaint_nature": "grievance"},
                "action_complaint_confirm",
            ),
            (
                "investigated",
                {"complaint_severity": "serious", "complaint_impact": "Building 1"},
                "action_complaint_investigate",
            ),
            ("plan", {"complaint_plan": "Repair and check"}, "action_complaint_plan"),
            (
                "replied",
                {"complaint_reply": "We repair today"},
                "action_complaint_reply",
            ),
            (
                "recovered",
                {"complaint_owner_answer": "accepted"},
                "action_complaint_recovered",
            ),
            ("callback", {}, self._call_back),
        ]
        done = [step_ for step_, _vals, _method in walk].index
        current = ticket.complaint_step
        for target, vals, method in walk:
            if current != "received" and done(target) <= done(current):
                continue
            if vals:
                ticket.write(vals)
            if callable(method):
                method(ticket)
            else:
                getattr(ticket, method)()
            self.assertEqual(ticket.complaint_step, target)
            if target == step:
                return ticket
        return ticket

    def _call_back(self, ticket):
        """The callback step (D-24): the recovered complaint is done and its
        callback, assigned to an agent who did not handle it, is answered
        satisfied by that agent; the complaint moves to the callback step."""
        self.assertEqual(ticket.state, "done")
        callback = ticket.sudo().callback_ids.filtered(lambda c: c.state == "pending")
        self.assertEqual(len(callback), 1)
        self.assertNotEqual(callback.user_id, ticket.user_id)
        callback.with_user(callback.user_id)._record_result("satisfied")

    def _close_complaint(self, ticket):
        """The one closing path of the complaint tests: summary, then the
        ticket's close path (action_close). The callback guard of the
        callbacks feature applies here."""
        ticket.complaint_summary = "Lift contractor replaced; weekly checks."
        ticket.action_complaint_summarize()
        return ticket


@tagged("post_install", "-at_install")
class TestPropertyComplaint(PropertyComplaintCommon):
    """Complaint steps and guards (D-16 to D-18, ISO 10002)."""

    def test_steps_in_order_to_closure(self):
        """Each step is recorded in order, tracked, and the complaint closes
        through the ticket's close path after the summary."""
        ticket = self._complaint()
        self.assertEqual(ticket.complaint_step, "received")
        self._walk_to(ticket, "callback")
        self._close_complaint(ticket)
        self.assertEqual(ticket.complaint_step, "summarized")
        self.assertEqual(ticket.state, "closed")
        self.assertTrue(ticket.date_complaint_replied)

    def test_handler_outside_the_department(self):
        """A complaint about a department's work is handled by an agent who
        is not a member of that department (D-16: departments get tasks)."""
        noise = self.env.ref("property_cs.property_ticket_category_noise")
        ticket = self._complaint(category_id=noise.id)
        self.assertTrue(ticket.department_id)
        self.assertEqual(ticket.user_id, self.agent)
        self.assertNotIn(self.agent, ticket.department_id._get_dispatchable_users())

    def test_no_skipping_steps(self):
        """A step cannot be skipped nor repeated."""
        ticket = self._complaint(
            complaint_nature="grievance",
            complaint_severity="minor",
            complaint_impact="Owner only",
            complaint_plan="Apologise",
        )
        for method in (
            "action_complaint_investigate",
            "action_complaint_plan",
            "action_complaint_reply",
            "action_complaint_recovered",
            "action_complaint_callback_done",
            "action_complaint_summarize",
        ):
            with self.assertRaises(UserError):
                getattr(ticket, method)()
        ticket.action_complaint_confirm()
        with self.assertRaises(UserError):
            ticket.action_complaint_confirm()
        with self.assertRaises(UserError):
            self.Ticket.create(
                {"name": "Leak", "unit_id": self.unit_a1.id}
            ).action_complaint_confirm()

    def test_no_invalid_state(self):
        """There is no reject or invalid step; venting is noted and handled
        like any complaint (D-18)."""
        steps = dict(self.Ticket._fields["complaint_step"].selection)
        for word in ("reject", "invalid", "refus", "dismiss"):
            self.assertFalse(
                [key for key in steps if word in key or word in steps[key].lower()]
            )
        ticket = self._complaint(complaint_nature="venting")
        ticket.action_complaint_confirm()
        self.assertEqual(ticket.complaint_step, "confirmed")

    def test_step_requirements(self):
        """Each step needs what it records: remedy and nature, severity and
        impact, plan, reply."""
        ticket = self._complaint(complaint_remedy=False)
        ticket.complaint_nature = "grievance"
        with self.assertRaisesRegex(UserError, "remedy"):
            ticket.action_complaint_confirm()
        ticket.complaint_remedy = "An apology"
        ticket.action_complaint_confirm()
        with self.assertRaisesRegex(UserError, "severity"):
            ticket.action_complaint_investigate()
        ticket.write({"complaint_severity": "minor", "complaint_impact": "Owner"})
        ticket.action_complaint_investigate()
        with self.assertRaises(UserError):
            ticket.action_complaint_plan()
        ticket.complaint_plan = "Apologise in person"
        ticket.action_complaint_plan()
        with self.assertRaises(UserError):
            ticket.action_complaint_reply()

    def test_no_close_without_owner_answer_or_recourse(self):
        """No recovery nor closure without the owner's answer; a "not
        accepted" needs the alternatives and the recourse offered."""
        ticket = self._walk_to(self._complaint(), "replied")
        with self.assertRaisesRegex(UserError, "accepted"):
            ticket.action_complaint_recovered()
        ticket.complaint_owner_answer = "not_accepted"
        with self.assertRaisesRegex(UserError, "recourse"):
            ticket.action_complaint_recovered()
        ticket.complaint_alternatives = "A second technician's opinion"
        with self.assertRaisesRegex(UserError, "recourse"):
            ticket.action_complaint_recovered()
        ticket.complaint_recourse_ids = self.recourse_12345
        ticket.action_complaint_recovered()
        self._call_back(ticket)
        # the answer cannot be removed before closing
        ticket.complaint_recourse_ids = False
        ticket.complaint_summary = "Noted"
        with self.assertRaisesRegex(UserError, "recourse"):
            ticket.action_complaint_summarize()

    def test_main_ticket_closing_informs_linked_complaint(self):
        """A complaint linked to a mass incident is told when the main ticket
        closes, but keeps its own steps (D-16)."""
        main = self.Ticket.create({"name": "Lift 2 stuck", "unit_id": self.unit_a2.id})
        report = self.Ticket.create(
            {"name": "Lift broken", "unit_id": self.unit_a3.id, "parent_id": main.id}
        )
        complaint = self._complaint(parent_id=main.id)
        main.action_done()
        self.assertEqual(report.state, "done")
        self.assertNotIn(complaint.state, ("done", "closed"))
        self.assertEqual(complaint.complaint_step, "received")
        self.assertIn(main.number, complaint.message_ids[0].body)

    def test_no_close_before_summary(self):
        """The ticket close path refuses a complaint not yet summarised."""
        ticket = self._walk_to(self._complaint(), "recovered")
        with self.assertRaises(UserError):
            ticket.action_close()
        with self.assertRaises(UserError):
            ticket._move_to("closed")
        ticket.action_done()  # the work is done: waits, does not close
        self.assertEqual(ticket.state, "done")

    def test_all_closure_blockers_in_one_message(self):
        """Closing lists every reason at once, in one message: a recovered
        complaint is neither summarised nor called back; the form shows the
        same reasons."""
        ticket = self._walk_to(self._complaint(), "recovered")
        self.assertEqual(ticket.state, "done")
        with self.assertRaises(UserError) as error:
            ticket.action_close()
        message = str(error.exception)
        self.assertEqual(message.count(ticket.display_name), 1, "one message")
        self.assertIn("summary", message)
        self.assertIn("called back", message)
        self.assertIn("summary", ticket.closure_blocker_text)
        self.assertIn("called back", ticket.closure_blocker_text)
        # the write to a closed stage raises the same list
        with self.assertRaises(UserError) as error:
            ticket.write({"stage_id": ticket._stage_for("closed").id})
        self.assertIn("summary", str(error.exception))
        self.assertIn("called back", str(error.exception))
        self._call_back(ticket)
        ticket.invalidate_recordset(["closure_blocker_text"])
        self.assertNotIn("called back", ticket.closure_blocker_text)
        self.assertIn("summary", ticket.closure_blocker_text)

    def test_auto_confirm_skips_open_complaints(self):
        """The auto-confirmation of done tickets leaves complaints that are
        not summarised alone."""
        ticket = self._walk_to(self._complaint(), "recovered")
        ticket.action_done()
        ticket.date_done = datetime.now() - timedelta(days=30)
        self.Ticket._cron_auto_confirm()
        self.assertEqual(ticket.state, "done")

    def test_recovery_waits_for_tasks(self):
        """Recovery is done only when every task is done or cancelled; the
        department's result reaches the complaint's chatter."""
        ticket = self._walk_to(self._complaint(), "investigated")
        task = (
            self.env["property.complaint.task"]
            .with_user(self.agent)
            .create(
                {
                    "ticket_id": ticket.id,
                    "name": "Replace lift door sensor",
                    "department_id": self.department.id,
                    "user_id": self.users["department"].id,
                    "date_deadline": datetime.now() + timedelta(days=1),
                }
            )
        )
        self.assertEqual(task.complaint_number, ticket.number)
        self.assertEqual(task.location, self.unit_a1.complete_name)
        ticket.complaint_plan = "Sensor replaced by engineering"
        ticket.action_complaint_plan()
        ticket.complaint_reply = "We replace the sensor tomorrow"
        ticket.action_complaint_reply()
        ticket.complaint_owner_answer = "accepted"
        with self.assertRaisesRegex(UserError, "still open"):
            ticket.action_complaint_recovered()
        staff_task = task.with_user(self.users["department"])
        with self.assertRaises(UserError):
            staff_task.action_done()  # no result yet
        staff_task.result = "Sensor replaced, lift tested"
        staff_task.action_done()
        self.assertEqual(task.state, "done")
        self.assertTrue(
            ticket.message_ids.filtered(lambda m: "Sensor replaced" in (m.body or ""))
        )
        ticket.action_complaint_recovered()
        self.assertEqual(ticket.complaint_step, "recovered")

    def test_on_site_path(self):
        """Solved at intake: one form records confirmation, investigation,
        plan and reply with the owner's acceptance; the callback is still
        due before closing (D-17)."""
        ticket = self._complaint(complaint_emotion="loud")
        action = ticket.with_user(self.agent).action_open_complaint_onsite()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        )
        form.complaint_remedy = "Clean the corridor now"
        form.complaint_nature = "grievance"
        form.complaint_impact = "Corridor of floor 1"
        form.complaint_plan = "Cleaner sent at once, corridor cleaned"
        form.complaint_reply = "Cleaned while you waited; sorry"
        wizard = form.save()
        with self.assertRaises(UserError):
            wizard.action_confirm()  # the owner has not accepted
        self.assertEqual(ticket.complaint_step, "received")
        wizard.owner_accepted = True
        wizard.action_confirm()
        self.assertEqual(ticket.complaint_step, "recovered")
        self.assertTrue(ticket.complaint_is_on_site)
        self.assertEqual(ticket.complaint_owner_answer, "accepted")
        # the callback is still mandatory
        with self.assertRaises(UserError):
            ticket.action_complaint_summarize()
        with self.assertRaises(UserError):
            ticket.action_close()
        with self.assertRaisesRegex(UserError, "called back"):
            ticket.action_complaint_callback_done()
        self._call_back(ticket)
        self.assertEqual(ticket.complaint_step, "callback")
        self._close_complaint(ticket)
        self.assertEqual(ticket.state, "closed")

    def test_acknowledgement_to_owner(self):
        """The owner gets an acknowledgement at once, with the number, the
        reply date and the tracking link, and no internal data."""
        self._tag_owner_with_internal_data()
        ticket = self._complaint()
        mail = self.env["mail.mail"].search(
            [("model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.owner_a, mail.recipient_ids)
        self.assertIn(ticket.number, mail.subject)
        self.assertIn("access_token=", mail.body_html)
        for marker in INTERNAL_MARKERS:
            self.assertNotIn(marker, mail.body_html)
        # with tracking on, the acknowledgement replaces the generic
        # "request received" mail: one mail
        tracked = (
            self.Ticket.with_env(self.env_tracking)
            .with_context(mail_create_nolog=False)
            .create(
                {
                    "name": "Gate left open",
                    "kind": "complaint",
                    "stage_id": self.env.ref(
                        "property_cs.property_ticket_stage_new"
                    ).id,
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "complaint_remedy": "Lock it at night",
                }
            )
        )
        self.flush_tracking()
        tracked.invalidate_recordset(["message_ids"])
        subjects = [s for s in tracked.message_ids.mapped("subject") if s]
        self.assertFalse([s for s in subjects if "request" in s], subjects)
        mails = self.env["mail.mail"].search(
            [("model", "=", "property.ticket"), ("res_id", "=", tracked.id)]
        )
        self.assertEqual(
            mails.mapped("subject"), [f"We received your complaint {tracked.number}"]
        )
        # a repair gets no complaint acknowledgement, until it becomes one
        repair = self.Ticket.create({"name": "Drip", "unit_id": self.unit_a1.id})
        Mail = self.env["mail.mail"]
        domain = [("res_id", "=", repair.id), ("model", "=", "property.ticket")]
        self.assertFalse(Mail.search(domain))
        repair.kind = "complaint"
        self.assertEqual(repair.complaint_step, "received")
        self.assertEqual(len(Mail.search(domain)), 1)

    def test_imported_complaint_not_acknowledged(self):
        """Complaints imported from an earlier system are history: no mail
        and no acknowledgement in the chatter; the owner's next complaint
        is acknowledged as usual."""
        Mail = self.env["mail.mail"]
        imported = self.Ticket.with_context(import_file=True).create(
            {
                "name": "Noise from the gym (2024)",
                "kind": "complaint",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        self.assertEqual(imported.complaint_step, "received")
        self.assertFalse(
            Mail.search(
                [("model", "=", "property.ticket"), ("res_id", "=", imported.id)]
            )
        )
        self.assertFalse(
            imported.message_ids.filtered(lambda m: m.message_type == "comment")
        )
        new = self._complaint()
        self.assertEqual(
            len(
                Mail.search(
                    [("model", "=", "property.ticket"), ("res_id", "=", new.id)]
                )
            ),
            1,
        )


@tagged("post_install", "-at_install")
class TestPropertyComplaintDeadline(PropertyComplaintCommon):
    """Reply deadline per severity (Hangzhou rule, domain_standards A5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.department"].search([]).write({"leader_id": False})
        cls.company.write(
            {
                "property_complaint_reply_days_minor": 10,
                "property_complaint_reply_days_serious": 5,
                "property_complaint_reply_days_critical": 2,
                "property_complaint_reply_warning_days": 2,
                "property_sla_supervisor_delay": 0,
                "property_sla_manager_delay": 60,
                "property_sla_head_office_delay": 240,
            }
        )

    def _fired(self, ticket):
        return set(
            self.env["property.deadline.escalation"]
            .search([("ticket_id", "=", ticket.id), ("target", "=", "reply")])
            .mapped("step")
        )

    def test_reply_due_per_severity(self):
        """Ten calendar days by default; the severity's days once assessed."""
        with freeze_time(T0):
            ticket = self._complaint()
        self.assertEqual(ticket.date_complaint_reply_due, T0 + timedelta(days=10))
        ticket.complaint_severity = "critical"
        self.assertEqual(ticket.date_complaint_reply_due, T0 + timedelta(days=2))
        # a project under another city's rule sets its own days
        self.project_a.complaint_reply_days_critical = 1
        self.assertEqual(ticket.date_complaint_reply_due, T0 + timedelta(days=1))
        ticket.complaint_severity = "serious"
        self.assertEqual(ticket.date_complaint_reply_due, T0 + timedelta(days=5))

    def test_reply_escalation_fires_once(self):
        """Warning before the deadline, breach and supervisor at it, then
        manager and head office; reruns create nothing twice; a reply
        stops the pass."""
        with freeze_time(T0):
            ticket = self._complaint()
        due = T0 + timedelta(days=10)
        with freeze_time(due - timedelta(days=3)):
            self.env["property.deadline"]._cron_deadline_pass()
        self.assertFalse(self._fired(ticket))
        with freeze_time(due - timedelta(days=1)):
            self.env["property.deadline"]._cron_deadline_pass()
        self.assertEqual(self._fired(ticket), {"warning"})
        warning = ticket.sla_escalation_ids.filtered(lambda e: e.step == "warning")
        self.assertEqual(warning.notified_user_ids, self.agent)
        progress = ticket.message_ids.filtered(
            lambda m: "being handled" in (m.body or "")
        )
        self.assertEqual(progress.partner_ids, self.owner_a)
        self.assertEqual(progress.message_type, "comment")
        with freeze_time(due + timedelta(minutes=1)):
            self.env["property.deadline"]._cron_deadline_pass()
            self.env["property.deadline"]._cron_deadline_pass()
        self.assertEqual(self._fired(ticket), {"warning", "supervisor"})
        breach = self.env["property.deadline.breach"].search(
            [("ticket_id", "=", ticket.id), ("target", "=", "reply")]
        )
        self.assertEqual(len(breach), 1)
        with freeze_time(due + timedelta(hours=5)):
            self.env["property.deadline"]._cron_deadline_pass()
        self.assertEqual(
            self._fired(ticket), {"warning", "supervisor", "manager", "head_office"}
        )
        self.assertIn(
            self.manager,
            ticket.sla_escalation_ids.filtered(
                lambda e: e.step == "manager"
            ).notified_user_ids,
        )

    def test_reply_pass_queries_constant(self):
        """The reply pass reads complaints, fired steps and breaches in a
        constant number of queries, whatever the number of complaints."""
        with freeze_time(T0):
            tickets = [self._complaint(name=f"Noise {i}") for i in range(2)]
        late = T0 + timedelta(days=11)
        with freeze_time(late):
            self.env["property.deadline"]._cron_deadline_pass()
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=5):
                self.env["property.deadline"]._cron_deadline_pass()
        with freeze_time(T0):
            tickets += [self._complaint(name=f"Leak {i}") for i in range(3)]
        with freeze_time(late):
            self.env["property.deadline"]._cron_deadline_pass()
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=5):
                self.env["property.deadline"]._cron_deadline_pass()
        self.assertEqual(len(tickets), 5)

    def test_reply_stops_escalation(self):
        """Once replied, the deadline no longer escalates; a control
        complaint of the same day without reply escalates in the same run,
        so the pass would have fired."""
        with freeze_time(T0):
            ticket = self._complaint()
            self._walk_to(ticket, "replied")
            control = self._complaint(name="Lift stuck, no reply yet")
        with freeze_time(T0 + timedelta(days=20)):
            self.env["property.deadline"]._cron_deadline_pass()
        self.assertFalse(self._fired(ticket))
        self.assertFalse(
            self.env["property.deadline.breach"].search(
                [("ticket_id", "=", ticket.id), ("target", "=", "reply")]
            )
        )
        self.assertEqual(
            self._fired(control), {"warning", "supervisor", "manager", "head_office"}
        )


@tagged("post_install", "-at_install")
class TestPropertyComplaintAccess(PropertyComplaintCommon):
    """Confidentiality (D-18): complaints for the handling agent,
    supervisors, project managers and head office; department staff get
    their tasks only; owners see only their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.Ticket.with_user(cls.agent).create(
            {
                "name": "Rude security guard",
                "kind": "complaint",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "complaint_remedy": "An apology",
            }
        )
        # even assigned to the department's member, the complaint stays hidden
        cls.complaint.write(
            {"department_id": cls.department.id, "user_id": cls.users["department"].id}
        )
        cls.task = cls.env["property.complaint.task"].create(
            {
                "ticket_id": cls.complaint.id,
                "name": "Retrain the night guard",
                "instructions": "Courtesy training this week",
                "department_id": cls.department.id,
                "user_id": cls.users["department"].id,
                "date_deadline": datetime.now() + timedelta(days=3),
            }
        )
        cls.repair = cls.Ticket.create(
            {
                "name": "Lobby light",
                "unit_id": cls.unit_a1.id,
                "department_id": cls.department.id,
                "user_id": cls.users["department"].id,
            }
        )

    def _can_read(self, user, record):
        return bool(record.with_user(user).search([("id", "=", record.id)]))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_department_staff_work_tasks_not_complaints(self):
        """Department staff, even assigned, cannot read the complaint; they
        read and complete their task, which shows no complaint details."""
        staff = self.users["department"]
        self.assertTrue(self._can_read(staff, self.repair))
        self.assertFalse(self._can_read(staff, self.complaint))
        with self.assertRaises(AccessError):
            self.complaint.with_user(staff).read(["complaint_remedy"])
        task = self.task.with_user(staff)
        self.assertEqual(task.search([]), task)
        self.assertEqual(task.complaint_number, self.complaint.number)
        with self.assertRaises(AccessError):
            task.read(["ticket_id"])
        task.result = "Training given on Tuesday"
        task.action_done()
        self.assertEqual(self.task.state, "done")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_complaint_readers(self):
        """The handling agent, supervisors, the project manager and head
        office read the complaint; another agent, finance and other
        project staff do not; an unassigned complaint is the project's
        intake queue."""
        self.complaint.write({"department_id": False, "user_id": self.agent.id})
        for role in ("supervisor", "manager", "head_office"):
            self.assertTrue(self._can_read(self.users[role], self.complaint), role)
        self.assertTrue(self._can_read(self.agent, self.complaint))
        for user in (
            self.agent_2,
            self.users["finance"],
            self.users["surveyor"],
            self.users["special_needs"],
            self.users["department"],
        ):
            self.assertFalse(self._can_read(user, self.complaint), user.login)
        self.assertTrue(self._can_read(self.agent_2, self.repair))
        self.complaint.user_id = False
        self.assertTrue(self._can_read(self.agent_2, self.complaint))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_related_records_follow_the_complaint(self):
        """Escalations of a complaint stay hidden from department staff;
        compensations from agents who do not handle it."""
        escalation = self.env["property.deadline.escalation"].create(
            {
                "deadline_id": self.complaint.deadline_ids.filtered(
                    lambda d: d.target == "reply"
                ).id,
                "step": "warning",
                "date_due": datetime.now(),
            }
        )
        self.assertFalse(self._can_read(self.users["department"], escalation))
        self.complaint.write({"department_id": False, "user_id": self.agent.id})
        compensation = self.env["property.complaint.compensation"].create(
            {
                "ticket_id": self.complaint.id,
                "amount": 50.0,
                "form": "gift",
                "reason": "Flowers",
            }
        )
        self.assertTrue(self._can_read(self.agent, compensation))
        self.assertTrue(self._can_read(self.users["supervisor"], compensation))
        self.assertFalse(self._can_read(self.agent_2, compensation))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_owners_see_only_their_own(self):
        """The owner sees their complaint in the portal; another owner not."""
        self.assertTrue(self._can_read(self.portal_owner, self.complaint))
        self.assertFalse(self._can_read(self.portal_owner_b, self.complaint))
        self.assertFalse(
            self.env["property.complaint.task"]
            .with_user(self.portal_owner)
            .has_access("read")
        )


@tagged("post_install", "-at_install")
class TestPropertyComplaintCase(PropertyComplaintCommon):
    """Case library (D-16): scrubbed text, supervisor approval."""

    def _closed_complaint(self):
        ticket = self._complaint(
            name="Zhang Wei of B1-101 shouted at the gate",
            description=(
                "<p>Zhang Wei (mobile 138 0000 0001, ID 110101199003071234) says "
                "the guard refused entry to Li Na at 23:00. Neighbour in 102 "
                "saw it; call 0571-88880000 or +86 13912345678.</p>"
            ),
        )
        self._walk_to(ticket, "plan")
        ticket.write(
            {
                "complaint_findings": "Camera shows zhang wei at B1-101 door",
                "complaint_plan": "Apologise to Li Na; retrain the guard",
            }
        )
        self._walk_to(ticket, "callback")
        self._close_complaint(ticket)
        return ticket

    def test_publish_scrubs_and_waits_for_supervisor(self):
        """Names, phones, ID and unit numbers are scrubbed; the case is
        visible to agents only after a supervisor approves it."""
        ticket = self._closed_complaint()
        open_ticket = self._complaint()
        with self.assertRaises(UserError):
            open_ticket.action_publish_case()
        action = ticket.with_user(self.agent).action_publish_case()
        case = self.env["property.complaint.case"].browse(action["res_id"])
        text = " ".join([case.name, case.situation, case.handling, case.lessons or ""])
        for secret in (
            "Zhang Wei",
            "zhang wei",
            "Li Na",
            "138 0000 0001",
            "110101199003071234",
            "0571-88880000",
            "13912345678",
            "B1-101",
            "102",
        ):
            self.assertNotIn(secret, text)
        for placeholder in ("[name]", "[phone]", "[ID number]", "[unit]"):
            self.assertIn(placeholder, text)
        self.assertIn("23:00", text)  # times are not unit numbers
        self.assertIn("retrain the guard", text)
        with self.assertRaises(UserError):
            ticket.action_publish_case()  # once
        Case = self.env["property.complaint.case"]
        self.assertFalse(Case.with_user(self.agent_2).search([("id", "=", case.id)]))
        with self.assertRaises(AccessError):
            case.with_user(self.agent).action_approve()
        case.with_user(self.users["supervisor"]).action_approve()
        self.assertEqual(case.state, "approved")
        self.assertTrue(Case.with_user(self.agent_2).search([("id", "=", case.id)]))
        self.assertTrue(
            Case.with_user(self.users["department"]).search([("id", "=", case.id)])
        )
        with self.assertRaises(AccessError):
            case.with_user(self.agent_2).read(["ticket_id"])


@tagged("post_install", "-at_install")
class TestPropertyComplaintTour(PropertyComplaintCommon, HttpCase):
    def test_angry_complaint_tour(self):
        """Tour: an agent takes an angry owner's complaint through the steps
        to the recovery; another agent calls the owner back; the handler
        then summarises and closes it."""
        self.owner_a.mobile = "13800000001"
        self.agent.write({"password": "pcs_agent"})
        self.start_tour(
            "/odoo/action-property_cs.property_ticket_action_complaint?view_type=list",
            "property_cs_complaint_tour",
            login="pcs_agent",
        )
        ticket = self.Ticket.search(
            [("name", "=", "The lift broke down again and nobody came")]
        )
        self.assertEqual(ticket.kind, "complaint")
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.complaint_emotion, "angry")
        self.assertEqual(ticket.complaint_step, "recovered")
        self.assertTrue(ticket.is_awaiting_callback)
        self._call_back(ticket)
        self.start_tour(
            f"/odoo/action-property_cs.property_ticket_action_complaint/{ticket.id}",
            "property_cs_complaint_close_tour",
            login="pcs_agent",
        )
        self.assertEqual(ticket.complaint_step, "summarized")
        self.assertEqual(ticket.state, "closed")


@tagged("post_install", "-at_install")
class TestPropertyComplaintPerformance(PropertyComplaintCommon):
    def test_complaint_kanban_queries_constant(self):
        """The complaint kanban of 60 cards costs as many queries as one of
        20, under the confidentiality rules."""
        self.Ticket.create(
            [
                {
                    "name": f"Noise {i}",
                    "kind": "complaint",
                    "unit_id": (self.unit_a2 | self.unit_a3)[i % 2].id,
                    "complaint_emotion": "angry",
                    "complaint_remedy": "Stop the noise",
                }
                for i in range(60)
            ]
        )
        self.env.flush_all()
        spec = {
            "number": {},
            "name": {},
            "unit_id": {"fields": {"display_name": {}}},
            "complaint_severity": {},
            "complaint_emotion": {},
            "complaint_demand": {},
            "complaint_step": {},
            "date_complaint_reply_due": {},
            "user_id": {"fields": {"display_name": {}}},
            "activity_ids": {"fields": {}},
        }
        Ticket = self.Ticket.with_user(self.users["supervisor"])
        domain = [("kind", "=", "complaint")]

        def count(limit):
            self.env.invalidate_all()
            Ticket.web_search_read(domain, spec, limit=limit)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = Ticket.web_search_read(domain, spec, limit=limit)
            self.assertEqual(len(result["records"]), limit)
            return self.cr.sql_log_count - before

        self.assertEqual(count(20), count(60))
