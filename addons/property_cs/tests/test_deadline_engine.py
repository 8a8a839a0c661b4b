# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_property_complaint import PropertyComplaintCommon

T0 = datetime(2026, 3, 2, 2, 0, 0)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


@tagged("post_install", "-at_install")
class TestDeadlineEngine(PropertyComplaintCommon):
    """The one deadline engine (D-7, A5, D-16): every timed obligation is a
    row of ``property.deadline``; one pass fires the steps of all kinds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.department"].search([]).write({"leader_id": False})
        cls.department.leader_id = cls.users["supervisor"]
        cls.Deadline = cls.env["property.deadline"]
        cls.Escalation = cls.env["property.deadline.escalation"]
        cls.cat_general = cls.env.ref("property_cs.property_ticket_category_cleaning")
        cls.cat_major = cls.env.ref("property_cs.property_ticket_category_water_leak")
        cls.stage_waiting = cls.env.ref(
            "property_cs.property_ticket_stage_waiting_owner"
        )
        cls.company.write(
            {
                "property_sla_warning_minutes": 5,
                "property_sla_supervisor_delay": 0,
                "property_sla_manager_delay": 60,
                "property_sla_head_office_delay": 240,
                "property_complaint_reply_warning_days": 2,
            }
        )

    def _ticket(self, category=None, **vals):
        values = {
            "name": "Leak",
            "unit_id": self.unit_a1.id,
            "category_id": (category or self.cat_general).id,
        }
        values.update(vals)
        return self.env["property.ticket"].create(values)

    def _task(self, ticket, deadline, **vals):
        values = {
            "ticket_id": ticket.id,
            "name": "Replace lift door sensor",
            "department_id": self.department.id,
            "user_id": self.users["department"].id,
            "date_deadline": deadline,
        }
        values.update(vals)
        return self.env["property.complaint.task"].create(values)

    def _rows(self, record):
        return self.Deadline.search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )

    def _pass(self):
        self.Deadline._cron_deadline_pass()

    # ------------------------------------------------------------------
    # due times
    # ------------------------------------------------------------------
    def test_ticket_and_complaint_rows_with_exact_due_times(self):
        """A request owes a commitment (10 min) and a closure (30 min); a
        complaint also its reply on the tenth calendar day, to the minute."""
        with freeze_time(T0):
            ticket = self._ticket()
            complaint = self._complaint()
        rows = {d.target: d for d in self._rows(ticket)}
        self.assertEqual(set(rows), {"commit", "close"})
        self.assertEqual(rows["commit"].date_due, at(10))
        self.assertEqual(rows["close"].date_due, at(30))
        self.assertEqual(rows["close"].date_next_step, at(25))
        self.assertEqual(ticket.date_close_deadline, at(30))
        reply = self._rows(complaint).filtered(lambda d: d.target == "reply")
        self.assertEqual(reply.date_due, T0 + timedelta(days=10))
        self.assertEqual(reply.date_next_step, T0 + timedelta(days=8))
        self.assertEqual(reply.name, complaint.display_name)
        self.assertEqual(reply.ticket_id, complaint)

    def test_pause_stops_service_times_not_the_reply(self):
        """Waiting for the owner stops the commitment and closure clocks
        with the reason; the complaint's reply deadline runs on (A5)."""
        with freeze_time(T0):
            complaint = self._complaint()
        with freeze_time(at(5)):
            complaint.write(
                {"stage_id": self.stage_waiting.id, "pause_reason": "Owner away"}
            )
        states = {d.target: d.state for d in self._rows(complaint)}
        self.assertEqual(states["reply"], "running")
        self.assertEqual(states["close"], "paused")
        with freeze_time(at(65)):
            self._pass()  # nothing fires on a paused clock
        self.assertFalse(
            complaint.sla_escalation_ids.filtered(lambda e: e.target == "close")
        )
        with freeze_time(at(125)):
            complaint.action_start()
        close = self._rows(complaint).filtered(lambda d: d.target == "close")
        self.assertEqual(close.state, "running")
        self.assertEqual(close.paused_minutes, 120)
        self.assertEqual(close.date_due, at(150))
        pause = complaint.sla_pause_ids
        self.assertEqual((pause.date_start, pause.date_end), (at(5), at(125)))
        self.assertEqual(pause.reason, "Owner away")

    def test_reclassification_moves_the_same_row(self):
        """A higher severity moves the open deadline in place: the row, its
        fired steps and its cycle stay."""
        with freeze_time(T0):
            ticket = self._ticket()
        with freeze_time(at(26)):
            self._pass()
        close = self._rows(ticket).filtered(lambda d: d.target == "close")
        self.assertEqual(close.escalation_ids.mapped("step"), ["warning"])
        with freeze_time(at(27)):
            ticket.category_id = self.cat_major
        self.assertEqual(close.date_due, at(360))
        self.assertEqual(
            self._rows(ticket).filtered(lambda d: d.target == "close"), close
        )
        with freeze_time(at(361)):
            self._pass()
        # the warning fired once in this cycle: it does not fire again
        self.assertEqual(
            sorted(close.escalation_ids.mapped("step")), ["supervisor", "warning"]
        )
        self.assertEqual(close.breach_ids.date_deadline, at(360))

    def test_steps_fire_once_and_the_constraint_holds(self):
        """Reruns fire nothing twice; the database refuses a second copy."""
        with freeze_time(T0):
            ticket = self._ticket()
        for minute in (6, 6, 31, 31, 300, 300):
            with freeze_time(at(minute)):
                self._pass()
        steps = sorted(ticket.sla_escalation_ids.mapped(lambda e: (e.target, e.step)))
        self.assertEqual(
            steps,
            sorted(
                (target, step)
                for target in ("commit", "close")
                for step in ("warning", "supervisor", "manager", "head_office")
            ),
        )
        self.assertEqual(len(ticket.sla_breach_ids), 2)
        close = self._rows(ticket).filtered(lambda d: d.target == "close")
        self.assertFalse(close.date_next_step)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.Escalation.create(
                    {"deadline_id": close.id, "step": "warning", "date_due": at(25)}
                )

    def test_reopened_ticket_starts_a_new_cycle(self):
        """Reopening keeps the first cycle's rows as history (met) and
        creates new ones from the reopening time."""
        with freeze_time(T0):
            ticket = self._ticket()
            ticket.date_promised = at(20)
        with freeze_time(at(20)):
            ticket.action_done()
        first = self._rows(ticket)
        self.assertEqual(set(first.mapped("state")), {"met"})
        with freeze_time(at(100)):
            ticket.action_reopen()
        second = self._rows(ticket) - first
        self.assertEqual(set(second.mapped("cycle")), {1})
        self.assertEqual(
            {d.target: d.date_due for d in second},
            {"commit": at(110), "close": at(130)},
        )
        self.assertEqual(ticket.date_close_deadline, at(130))
        self.assertEqual(set(first.mapped("state")), {"met"})

    def test_policy_with_own_escalation_times(self):
        """A class may have its own warning and ladder (per project,
        category and severity); the others keep the company's."""
        policy = self.env.ref("property_cs.property_sla_policy_general")
        policy.write(
            {
                "custom_steps": True,
                "warning_minutes": 15,
                "supervisor_delay": 10,
                "manager_delay": 20,
                "head_office_delay": 30,
            }
        )
        with freeze_time(T0):
            ticket = self._ticket()
        close = self._rows(ticket).filtered(lambda d: d.target == "close")
        self.assertEqual(
            [when for _step, when in close._step_times()],
            [at(15), at(30), at(40), at(50), at(60)],
        )

    # ------------------------------------------------------------------
    # a second kind: recovery tasks
    # ------------------------------------------------------------------
    def test_recovery_task_is_an_obligation(self):
        """A complaint's recovery task is warned before its deadline, its
        department leader is told at the breach, and it is met when done."""
        with freeze_time(T0):
            complaint = self._complaint()
            task = self._task(complaint, T0 + timedelta(days=2))
        row = self._rows(task)
        self.assertEqual(row.target, "task")
        self.assertEqual(row.date_due, T0 + timedelta(days=2))
        # the warning comes at half the time given (two days at most)
        self.assertEqual(row.date_next_step, T0 + timedelta(days=1))
        self.assertFalse(row.ticket_id, "task rows never expose the complaint")
        with freeze_time(T0 + timedelta(days=2, minutes=1)):
            self._pass()
        self.assertEqual(
            sorted(row.escalation_ids.mapped("step")), ["supervisor", "warning"]
        )
        supervisor = row.escalation_ids.filtered(lambda e: e.step == "supervisor")
        self.assertEqual(supervisor.notified_user_ids, self.users["supervisor"])
        activity = task.activity_ids.filtered(
            lambda a: a.user_id == self.users["supervisor"]
        )
        self.assertTrue(activity)
        task.with_user(self.users["department"]).write({"result": "Sensor replaced"})
        with freeze_time(T0 + timedelta(days=2, minutes=5)):
            task.with_user(self.users["department"]).action_done()
        self.assertEqual(row.state, "met")
        self.assertEqual(row.date_met, T0 + timedelta(days=2, minutes=5))
        self.assertFalse(row.date_next_step)

    # ------------------------------------------------------------------
    # the one pass: queries do not grow with open deadlines
    # ------------------------------------------------------------------
    def _open_rows(self, number, start, models):
        """``number`` open deadlines not due for long, spread over models."""
        self.Deadline.sudo().create(
            [
                {
                    "res_model": models[i % len(models)],
                    "res_id": 10_000_000 + number * 10_000 + i,
                    "target": "task" if i % 2 else "close",
                    "name": f"Open {i}",
                    "company_id": self.company.id,
                    "project_id": self.project_a.id,
                    "date_start": start,
                    "date_fixed": start + timedelta(days=30),
                    "warning_minutes": 60,
                }
                for i in range(number)
            ]
        )

    def _measure(self, number, start):
        """Queries of a pass with two due steps per kind among ``number``
        open deadlines of two models."""
        with freeze_time(start):
            complaints = self._complaint() | self._complaint(name="Noise")
            tasks = self._task(complaints[0], start + timedelta(minutes=20))
            tasks |= self._task(complaints[1], start + timedelta(minutes=20))
            self._ticket()
            self._ticket(name="Lift")
            self._open_rows(
                number, start, ["property.ticket", "property.complaint.task"]
            )
        with freeze_time(start + timedelta(minutes=7)):
            self._pass()  # warm-up: the commitment warnings fire here
        with freeze_time(start + timedelta(minutes=12)):
            self.env.flush_all()
            self.env.invalidate_all()
            # cold caches in every run: only the data differs
            self.env.registry.clear_all_caches()
            before = self.cr.sql_log_count
            self._pass()
            self.env.flush_all()
            count = self.cr.sql_log_count - before
        fired = self.Escalation.search(
            [("date_fired", "=", start + timedelta(minutes=12))]
        )
        # steps of both models fired in this pass, the same in every run
        self.assertEqual(
            set(fired.mapped("res_model")),
            {"property.ticket", "property.complaint.task"},
        )
        self._fired_kinds.append(sorted(fired.mapped(lambda e: (e.target, e.step))))
        self._stop_all()
        return count

    def _stop_all(self):
        self.Deadline.search([("state", "in", ("running", "paused"))]).write(
            {"state": "cancelled"}
        )

    def test_one_pass_queries_do_not_grow(self):
        """The pass costs the same for 100 and for 1,000 open deadlines of
        tickets and recovery tasks, with the same steps due in both (their
        reactions included)."""
        self._fired_kinds = []
        self._stop_all()
        self._measure(20, T0)
        count_100 = self._measure(100, at(1000))
        count_1000 = self._measure(1000, at(3000))
        self.assertEqual(count_100, count_1000)
        self.assertEqual(self._fired_kinds[1], self._fired_kinds[2])

    # ------------------------------------------------------------------
    # the supervisors' list and access
    # ------------------------------------------------------------------
    def test_deadlines_list_overdue_first_and_access(self):
        """The Deadlines list shows every kind, overdue first; department
        staff see their tasks' deadlines, never the complaint's; nobody but
        the engine writes a deadline, also over RPC."""
        with freeze_time(T0):
            complaint = self._complaint()
            task = self._task(complaint, T0 + timedelta(days=3))
            ticket = self._ticket()
        with freeze_time(at(40)):
            supervisor = self.users["supervisor"]
            action = self.env.ref("property_cs.property_deadline_action")
            self.assertIn("search_default_open", action.context)
            rows = self.Deadline.with_user(supervisor).search(
                [("state", "in", ("running", "paused"))]
            )
            self.assertTrue(
                {"commit", "close", "reply", "task"} <= set(rows.mapped("target"))
            )
            overdue = rows.filtered("is_overdue")
            self.assertTrue(overdue)
            self.assertEqual(rows[: len(overdue)], overdue)
            self.assertEqual(
                self.Deadline.with_user(supervisor).search([("is_overdue", "=", True)]),
                overdue,
            )
            staff = self.users["department"]
            visible = self.Deadline.with_user(staff).search([])
            self.assertIn(self._rows(task), visible)
            self.assertFalse(visible & self._rows(complaint))
            self.assertFalse(visible & self._rows(ticket))
            opened = self._rows(task).with_user(staff).action_open_record()
            self.assertEqual(
                (opened["res_model"], opened["res_id"]),
                ("property.complaint.task", task.id),
            )
            for user in (self.agent, supervisor, self.users["head_office"]):
                with self.assertRaises(AccessError):
                    self._rows(ticket).with_user(user).write({"minutes": 999})
            with self.assertRaises(AccessError):
                self.Deadline.with_user(self.portal_owner).search([])

    def test_reassignment_follows_to_the_deadline(self):
        """Warnings go to whoever has the request now."""
        with freeze_time(T0):
            ticket = self._ticket()
        staff = self.users["department"]
        ticket.write({"department_id": self.department.id, "user_id": staff.id})
        rows = self._rows(ticket)
        self.assertEqual(set(rows.mapped("user_id")), {staff})
        self.assertEqual(set(rows.mapped("department_id")), {self.department})
