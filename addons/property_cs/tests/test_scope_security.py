# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP
from .test_property_callback import PropertyCallbackCommon


@tagged("post_install", "-at_install", "security")
class TestDepartmentProjectScope(PropertyCallbackCommon):
    """Department staff see the work of their department in their own
    projects only: a department serving several projects (or without a
    project) does not open the other projects' tickets, callbacks and
    recovery tasks to its members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.users["department"]  # project A only
        cls.staff_b = new_test_user(
            cls.env, login="pcs_department_b", groups=GROUP % "department"
        )
        cls.staff_b.property_project_ids = [Command.link(cls.project_b.id)]
        cls.shared = cls.env["property.department"].create(
            {
                "name": "Shared Engineering",
                "kind": "engineering",
                "member_ids": [
                    Command.link(cls.staff.id),
                    Command.link(cls.staff_b.id),
                ],
            }
        )
        cls.ticket_a = cls._ticket_in(cls.unit_a1, cls.owner_a)
        cls.ticket_b = cls._ticket_in(cls.unit_b1, cls.owner_b)
        for ticket in cls.ticket_a | cls.ticket_b:
            ticket.action_done()
            ticket.action_close()
        cls.cb_a = cls.Callback.search([("ticket_id", "=", cls.ticket_a.id)])
        cls.cb_b = cls.Callback.search([("ticket_id", "=", cls.ticket_b.id)])
        cls.cb_b._record_unreachable("no_answer")
        cls.attempt_b = cls.cb_b.attempt_ids
        cls.complaint_b = cls.Ticket.create(
            {
                "name": "Noisy pump room",
                "kind": "complaint",
                "unit_id": cls.unit_b1.id,
                "partner_id": cls.owner_b.id,
            }
        )
        Task = cls.env["property.complaint.task"]
        cls.task_b = Task.create(
            {
                "ticket_id": cls.complaint_b.id,
                "name": "Insulate the pump room",
                "department_id": cls.shared.id,
                "user_id": cls.staff_b.id,
                "date_deadline": datetime.now() + timedelta(days=3),
            }
        )

    @classmethod
    def _ticket_in(cls, unit, partner):
        return cls.Ticket.create(
            {
                "name": "Lift stuck",
                "unit_id": unit.id,
                "partner_id": partner.id,
                "department_id": cls.shared.id,
            }
        )

    def test_setup(self):
        self.assertTrue(self.cb_a)
        self.assertTrue(self.cb_b)
        self.assertTrue(self.attempt_b)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_ticket_of_other_project_hidden(self):
        """The shared department's ticket of the own project is visible,
        the other project's is not (search and read)."""
        Ticket = self.Ticket.with_user(self.staff)
        ids = (self.ticket_a | self.ticket_b).ids
        self.assertEqual(Ticket.search([("id", "in", ids)]), self.ticket_a)
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.staff).read(["name"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_callback_of_other_project_hidden(self):
        Callback = self.Callback.with_user(self.staff)
        ids = (self.cb_a | self.cb_b).ids
        self.assertEqual(Callback.search([("id", "in", ids)]), self.cb_a)
        with self.assertRaises(AccessError):
            self.cb_b.with_user(self.staff).read(["comment"])
        Attempt = self.env["property.callback.attempt"].with_user(self.staff)
        self.assertFalse(Attempt.search([("id", "in", self.attempt_b.ids)]))
        with self.assertRaises(AccessError):
            self.attempt_b.with_user(self.staff).read(["callback_id"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_task_of_other_project_hidden(self):
        Task = self.env["property.complaint.task"].with_user(self.staff)
        self.assertFalse(Task.search([("id", "=", self.task_b.id)]))
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.staff).read(["name"])


@tagged("post_install", "-at_install", "security")
class TestComplaintRelatedRecords(PropertyCallbackCommon):
    """Records hanging off a complaint (callbacks, call attempts, recovery
    tasks, broken promises, SLA records) are confidential like the
    complaint (D-18): whoever may not open the complaint does not read
    them either."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_2 = new_test_user(
            cls.env, login="pcs_agent_2", groups=GROUP % "agent", name="Agent 2"
        )
        cls.agent_2.property_project_ids = [Command.link(cls.project_a.id)]
        cls.complaint = cls.Ticket.create(
            {
                "name": "Rude guard",
                "kind": "complaint",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "user_id": cls.manager.id,
            }
        )
        cls.task = cls.env["property.complaint.task"].create(
            {
                "ticket_id": cls.complaint.id,
                "name": "Retrain the guard",
                "instructions": "Courtesy training",
                "department_id": cls.department.id,
                "user_id": cls.users["department"].id,
                "date_deadline": datetime.now() + timedelta(days=3),
            }
        )
        cls.promise = cls.env["property.ticket.promise"].create(
            {
                "ticket_id": cls.complaint.id,
                "date_new": datetime.now() + timedelta(days=1),
                "apology": "We are sorry",
                "reason": "The guard was rude",
                "remedy": "A visit by the manager",
            }
        )
        cls.escalation = cls.env["property.deadline.escalation"].create(
            {
                "deadline_id": cls.complaint.deadline_ids.filtered(
                    lambda d: d.target == "reply"
                ).id,
                "step": "warning",
                "date_due": datetime.now(),
            }
        )
        cls.complaint.action_done()
        cls.callback = cls.Callback.search([("ticket_id", "=", cls.complaint.id)])
        cls.callback._record_unreachable("no_answer")
        cls.attempt = cls.callback.attempt_ids
        cls.caller = cls.callback.user_id
        cls.other = (cls.agent | cls.agent_2) - cls.caller

    def _sees(self, user, record):
        return bool(record.with_user(user).search([("id", "=", record.id)]))

    def test_setup(self):
        self.assertTrue(self.callback)
        self.assertTrue(self.attempt)
        self.assertEqual(len(self.other), 1)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_agent_reads_nothing(self):
        """An agent of the project who may not open the complaint reads
        none of its related records."""
        self.assertFalse(self._sees(self.other, self.complaint))
        related = (
            self.callback,
            self.attempt,
            self.task,
            self.promise,
            self.escalation,
        )
        leaks = [r._name for r in related if self._sees(self.other, r)]
        self.assertEqual(leaks, [])
        for record in related:
            with self.assertRaises(AccessError):
                record.with_user(self.other).read(["display_name"])

    def test_handlers_read_everything(self):
        """The caller, the supervisor and head office read the complaint's
        related records."""
        for user in (self.supervisor, self.head_office):
            for record in (
                self.callback,
                self.attempt,
                self.task,
                self.promise,
                self.escalation,
            ):
                self.assertTrue(self._sees(user, record), (user.login, record._name))
        for record in (self.callback, self.attempt):
            self.assertTrue(self._sees(self.caller, record), record._name)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_roles_read_nothing(self):
        """Finance, surveyors and special-needs officers of the project do
        not open complaints, nor their promises and SLA records; department
        staff get their recovery tasks only."""
        leaks = []
        for role in ("finance", "surveyor", "special_needs", "department"):
            user = self.users[role]
            self.assertFalse(self._sees(user, self.complaint), role)
            leaks += [
                (role, record._name)
                for record in (self.promise, self.escalation)
                if self._sees(user, record)
            ]
        self.assertEqual(leaks, [])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_reclassified_complaint_callback_hidden_from_department(self):
        """A repair reclassified as a complaint keeps its callback's kind;
        the department no longer reads that callback."""
        staff = self.users["department"]
        repair = self._ticket(department_id=self.department.id, user_id=staff.id)
        self._close(repair)
        callback = self._callback(repair)
        self.assertTrue(self._sees(staff, callback))
        repair.sudo().write({"kind": "complaint"})
        self.assertEqual(callback.kind, "repair")
        self.assertFalse(self._sees(staff, callback))
