# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_datetime, html2plaintext

from .common import PropertyCsCommon

T0 = datetime(2026, 3, 2, 2, 0, 0)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


@tagged("post_install", "-at_install")
class TestPropertyTicketSla(PropertyCsCommon):
    """Service-time engine (D-7): deadlines, working time, pauses,
    reclassification, escalation steps and breaches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # demo data may staff the departments; these tests use their own people
        cls.env["property.department"].search([]).write({"leader_id": False})
        ref = cls.env.ref
        cls.cat_general = ref("property_cs.property_ticket_category_cleaning")
        cls.cat_major = ref("property_cs.property_ticket_category_water_leak")
        cls.cat_emergency = ref("property_cs.property_ticket_category_power_outage")
        cls.sev_general = ref("property_cs.property_ticket_severity_general")
        cls.sev_emergency = ref("property_cs.property_ticket_severity_emergency")
        cls.stage_waiting = ref("property_cs.property_ticket_stage_waiting_owner")
        cls.stage_progress = ref("property_cs.property_ticket_stage_in_progress")
        cls.Ticket = cls.env["property.ticket"]
        cls.Escalation = cls.env["property.deadline.escalation"]
        cls.Breach = cls.env["property.deadline.breach"]
        cls.company.write(
            {
                "property_sla_warning_minutes": 5,
                "property_sla_supervisor_delay": 0,
                "property_sla_manager_delay": 60,
                "property_sla_head_office_delay": 240,
            }
        )

    def _ticket(self, category, **vals):
        return self.Ticket.create(
            dict(
                {
                    "name": "Leak",
                    "unit_id": self.unit_a1.id,
                    "category_id": category.id,
                },
                **vals,
            )
        )

    def _cron(self):
        self.env["property.deadline"]._cron_deadline_pass()

    def _steps(self, ticket):
        return sorted(
            (e.target, e.step)
            for e in self.Escalation.search([("ticket_id", "=", ticket.id)])
        )

    # ------------------------------------------------------------------
    # deadlines
    # ------------------------------------------------------------------
    @freeze_time(T0)
    def test_new_ticket_wakes_the_cron_at_its_first_warning(self):
        """Minute precision (D-7): creating a ticket or moving its deadline
        schedules the SLA pass at the first future step, not the next
        periodic run."""
        cron = self.env.ref("property_cs.ir_cron_property_deadline")
        Trigger = self.env["ir.cron.trigger"].sudo()
        Trigger.search([("cron_id", "=", cron.id)]).unlink()
        ticket = self._ticket(self.cat_general)
        # commitment due at +10 min, warned 5 min before
        self.assertEqual(
            Trigger.search([("cron_id", "=", cron.id)]).mapped("call_at"), [at(5)]
        )
        ticket.date_committed = at(1)
        ticket.action_open_assign()  # no write: nothing scheduled
        ticket.date_reported = at(2)
        # commitment met: the closure (+30 min from the new report) is next
        self.assertIn(
            at(2 + 30 - 5),
            Trigger.search([("cron_id", "=", cron.id)]).mapped("call_at"),
        )

    @freeze_time(T0)
    def test_deadlines_per_class_24_7(self):
        general = self._ticket(self.cat_general)
        major = self._ticket(self.cat_major)
        emergency = self._ticket(self.cat_emergency)
        self.assertEqual(general.date_commit_deadline, at(10))
        self.assertEqual(general.date_close_deadline, at(30))
        self.assertFalse(general.date_arrival_deadline)
        self.assertEqual(major.date_commit_deadline, at(10))
        self.assertEqual(major.date_close_deadline, at(360))
        self.assertFalse(major.date_arrival_deadline)
        self.assertEqual(emergency.date_arrival_deadline, at(30))
        self.assertEqual(emergency.date_close_deadline, at(360))

    @freeze_time(T0)
    def test_most_specific_policy_wins(self):
        Policy = self.env["property.sla.policy"]
        Policy.create(
            {
                "severity_id": self.sev_general.id,
                "category_id": self.cat_general.id,
                "commit_minutes": 5,
                "close_minutes": 45,
            }
        )
        project_policy = Policy.create(
            {
                "severity_id": self.sev_general.id,
                "project_id": self.project_a.id,
                "commit_minutes": 5,
                "close_minutes": 60,
            }
        )
        both = Policy.create(
            {
                "severity_id": self.sev_general.id,
                "project_id": self.project_a.id,
                "category_id": self.cat_general.id,
                "commit_minutes": 5,
                "close_minutes": 90,
            }
        )
        ticket = self._ticket(self.cat_general)
        self.assertEqual(ticket.sla_policy_id, both)
        self.assertEqual(ticket.date_close_deadline, at(90))
        other = self._ticket(self.env.ref("property_cs.property_ticket_category_noise"))
        self.assertEqual(other.sla_policy_id, project_policy)
        self.assertEqual(other.date_close_deadline, at(60))

    def test_deadlines_national_day_calendar(self):
        """Mon-Fri 9-12, 13-18 in Shanghai; 2026-10-01..07 off; Saturday
        2026-10-10 is a make-up working day (调休)."""
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Service centre office hours",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {hour_from}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": "morning" if hour_from < 12 else "afternoon",
                        }
                    )
                    for day in range(5)
                    for hour_from, hour_to in ((9, 12), (13, 18))
                ],
            }
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "National Day",
                "calendar_id": calendar.id,
                "date_from": datetime(2026, 9, 30, 16, 0),
                "date_to": datetime(2026, 10, 7, 15, 59, 59),
            }
        )
        self.env["property.calendar.makeup"].create(
            {
                "name": "National Day make-up",
                "calendar_id": calendar.id,
                "date": "2026-10-10",
            }
        )
        self.project_a.sla_calendar_id = calendar
        # Wednesday 30 September 17:50 Shanghai
        before = self._ticket(
            self.cat_general, date_reported=datetime(2026, 9, 30, 9, 50)
        )
        self.assertEqual(before.date_commit_deadline, datetime(2026, 9, 30, 10, 0))
        # 10 minutes on the 30th, the holiday week skipped, 20 on Thursday 8th
        self.assertEqual(before.date_close_deadline, datetime(2026, 10, 8, 1, 20))
        # Friday 9 October 17:50: the make-up Saturday counts
        friday = self._ticket(
            self.cat_general, date_reported=datetime(2026, 10, 9, 9, 50)
        )
        self.assertEqual(friday.date_close_deadline, datetime(2026, 10, 10, 1, 20))
        # a major request: 10 min Friday, Saturday 9-12 and 13-18 (8 h)
        major = self._ticket(self.cat_major, date_reported=datetime(2026, 10, 9, 9, 50))
        self.assertEqual(major.date_close_deadline, datetime(2026, 10, 10, 7, 50))
        self.assertEqual(
            self.project_a._sla_working_minutes(
                datetime(2026, 9, 30, 9, 0), datetime(2026, 10, 8, 2, 0)
            ),
            60 + 60,
        )

    # ------------------------------------------------------------------
    # pause and reclassification
    # ------------------------------------------------------------------
    def test_pause_resume_shifts_deadlines(self):
        with freeze_time(T0):
            ticket = self._ticket(self.cat_general)
        with freeze_time(at(5)):
            with self.assertRaises(UserError):
                ticket.write({"stage_id": self.stage_waiting.id})
            ticket.write(
                {"stage_id": self.stage_waiting.id, "pause_reason": "Owner away"}
            )
            self.assertEqual(ticket.state, "paused")
            self.assertEqual(len(ticket.sla_pause_ids), 1)
            self.assertFalse(ticket.sla_pause_ids.date_end)
        with freeze_time(at(25)):
            ticket.write({"stage_id": self.stage_progress.id})
        self.assertEqual(ticket.sla_pause_ids.date_end, at(25))
        self.assertEqual(ticket.sla_pause_ids.paused_minutes, 20)
        self.assertEqual(ticket.sla_pause_ids.reason, "Owner away")
        self.assertEqual(ticket.paused_minutes, 20)
        self.assertFalse(ticket.pause_reason)
        self.assertEqual(ticket.date_commit_deadline, at(30))
        self.assertEqual(ticket.date_close_deadline, at(50))
        # a second pause needs a new reason
        with freeze_time(at(30)), self.assertRaises(UserError):
            ticket.write({"stage_id": self.stage_waiting.id})

    @freeze_time(T0)
    def test_pause_keeps_met_commitment(self):
        ticket = self._ticket(self.cat_general)
        ticket.date_committed = at(0)
        ticket.write({"stage_id": self.stage_waiting.id, "pause_reason": "Parts"})
        with freeze_time(at(10)):
            ticket.write({"stage_id": self.stage_progress.id})
        self.assertEqual(ticket.date_commit_deadline, at(10))
        self.assertEqual(ticket.date_close_deadline, at(40))

    @freeze_time(T0)
    def test_reclassification(self):
        ticket = self._ticket(self.cat_major)
        self.assertEqual(ticket.date_close_deadline, at(360))
        with self.assertRaises(UserError):
            ticket.write({"severity_id": self.sev_general.id})
        self.assertEqual(ticket.severity_id, self.cat_major.severity_id)
        ticket.write(
            {
                "severity_id": self.sev_general.id,
                "reclassification_reason": "Only a dripping tap",
            }
        )
        self.assertEqual(ticket.date_close_deadline, at(30))
        self.assertFalse(ticket.reclassification_reason)
        log = ticket.sla_reclassification_ids
        self.assertEqual(len(log), 1)
        self.assertTrue(log.is_downgrade)
        self.assertEqual(log.reason, "Only a dripping tap")
        self.assertEqual(log.old_severity_id, self.cat_major.severity_id)
        self.assertEqual(log.new_severity_id, self.sev_general)
        # an upgrade needs no reason and is logged too
        ticket.write({"severity_id": self.sev_emergency.id})
        self.assertEqual(ticket.date_arrival_deadline, at(30))
        self.assertEqual(len(ticket.sla_reclassification_ids), 2)
        # reclassifying the category recomputes the policy
        ticket.write({"category_id": self.cat_emergency.id})
        self.assertEqual(ticket.sla_policy_id.severity_id, self.sev_emergency)

    # ------------------------------------------------------------------
    # escalation pass
    # ------------------------------------------------------------------
    def test_escalation_steps_fire_once(self):
        with freeze_time(T0):
            ticket = self._ticket(self.cat_general)
        expected = []
        for minutes, new in (
            (4, []),
            (5, [("commit", "warning")]),
            (10, [("commit", "supervisor")]),
        ):
            with freeze_time(at(minutes)):
                self._cron()
                self._cron()
            expected = sorted(expected + new)
            self.assertEqual(self._steps(ticket), expected, minutes)
        self.assertEqual(ticket.sla_breach_ids.mapped("target"), ["commit"])
        ticket.date_committed = at(11)
        for minutes, new in (
            (24, []),
            (25, [("close", "warning")]),
            (30, [("close", "supervisor")]),
            (89, []),
            (90, [("close", "manager")]),
            (270, [("close", "head_office")]),
            (600, []),
        ):
            with freeze_time(at(minutes)):
                self._cron()
                self._cron()
            expected = sorted(expected + new)
            self.assertEqual(self._steps(ticket), expected, minutes)
        breaches = ticket.sla_breach_ids
        self.assertEqual(sorted(breaches.mapped("target")), ["close", "commit"])
        close_breach = breaches.filtered(lambda b: b.target == "close")
        self.assertEqual(close_breach.date_deadline, at(30))
        self.assertEqual(close_breach.date_breached, at(30))
        # the reactions (base.automation rules) told the right people
        manager_step = ticket.sla_escalation_ids.filtered(lambda e: e.step == "manager")
        self.assertEqual(manager_step.notified_user_ids, self.manager)
        supervisor_step = ticket.sla_escalation_ids.filtered(
            lambda e: e.step == "supervisor" and e.target == "close"
        )
        self.assertIn(self.users["supervisor"], supervisor_step.notified_user_ids)
        self.assertTrue(
            ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        )
        # the breach cause is editable by a supervisor
        close_breach.with_user(self.users["supervisor"]).cause = "Cleaner off sick"

    def test_escalation_in_chinese_and_local_time(self):
        """The SLA cron runs without a language: the to-do is written in the
        assignee's language and the chatter note in the company's, with the
        deadline in the project's time zone, never in UTC."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.company.partner_id.lang = "zh_CN"
        # nobody is assigned: the warning goes to the project manager
        self.manager.lang = "zh_CN"
        self.assertEqual(self.project_a.tz, "Asia/Shanghai")
        with freeze_time(T0):
            ticket = self._ticket(self.cat_general)
        with freeze_time(at(5)):
            self.env["property.deadline"].with_context(lang=None)._cron_deadline_pass()
        warning = ticket.sla_escalation_ids
        self.assertEqual((warning.target, warning.step), ("commit", "warning"))
        self.assertEqual(warning.notified_user_ids, self.manager)
        zh = self.env(context={"lang": "zh_CN"})
        # 02:10 UTC is 10:10 in Shanghai
        deadline = format_datetime(zh, at(10), tz="Asia/Shanghai", lang_code="zh_CN")
        self.assertIn("10:10", deadline)
        summary = zh._(
            "SLA %(step)s: %(target)s of %(ticket)s",
            step="预警",
            target="承诺",
            ticket=ticket.with_env(zh).display_name,
        )
        self.assertIn("服务时限", summary)
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(activity.summary, summary)
        self.assertEqual(
            html2plaintext(activity.note),
            zh._("Deadline: %(deadline)s", deadline=deadline),
        )
        note = ticket.message_ids.filtered(lambda m: summary in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(deadline, note.body)
        for text in (activity.summary, activity.note, note.body):
            self.assertNotIn("UTC", text)
            self.assertNotIn("02:10", text)
            self.assertNotIn("Commitment", text)

    def test_escalation_after_deadline_moves(self):
        with freeze_time(T0):
            ticket = self._ticket(self.cat_general, date_committed=T0)
        with freeze_time(at(25)):
            self._cron()
        self.assertEqual(self._steps(ticket), [("close", "warning")])
        with freeze_time(at(26)):
            ticket.write(
                {"stage_id": self.stage_waiting.id, "pause_reason": "Owner away"}
            )
        with freeze_time(at(30)):
            self._cron()  # paused: the clock stands still
        with freeze_time(at(56)):
            ticket.write({"stage_id": self.stage_progress.id})
        self.assertEqual(ticket.date_close_deadline, at(60))
        with freeze_time(at(59)):
            self._cron()
        self.assertEqual(self._steps(ticket), [("close", "warning")])
        self.assertFalse(ticket.sla_breach_ids)
        with freeze_time(at(60)):
            self._cron()
            self._cron()
        self.assertEqual(
            self._steps(ticket), [("close", "supervisor"), ("close", "warning")]
        )
        supervisor = ticket.sla_escalation_ids.filtered(
            lambda e: e.step == "supervisor"
        )
        self.assertEqual(supervisor.date_deadline, at(60))
        self.assertEqual(ticket.sla_breach_ids.date_deadline, at(60))
        # a reclassification moves the deadline too: the manager step follows
        ticket.write(
            {
                "severity_id": self.env.ref(
                    "property_cs.property_ticket_severity_major"
                ).id
            }
        )
        self.assertEqual(ticket.date_close_deadline, at(390))
        with freeze_time(at(120)):
            self._cron()
        self.assertNotIn(("close", "manager"), self._steps(ticket))
        with freeze_time(at(450)):
            self._cron()
        self.assertIn(("close", "manager"), self._steps(ticket))

    def test_sla_records_follow_ticket_access(self):
        with freeze_time(T0):
            ticket = self._ticket(self.cat_general)
        with freeze_time(at(30)):
            self._cron()
        self.assertTrue(ticket.sla_escalation_ids)
        agent_b = self.users["agent"].copy({"login": "pcs_agent_b"})
        agent_b.property_project_ids = [Command.set(self.project_b.ids)]
        for user, visible in (
            (self.agent, True),
            (agent_b, False),
            (self.users["head_office"], True),
        ):
            for model in ("property.deadline.escalation", "property.deadline.breach"):
                records = (
                    self.env[model]
                    .with_user(user)
                    .search([("ticket_id", "=", ticket.id)])
                )
                self.assertEqual(bool(records), visible, (user.login, model))

    def _bulk_tickets(self, number):
        return self.Ticket.create(
            [
                {
                    "name": f"Noise {i}",
                    "unit_id": self.unit_a1.id,
                    "category_id": self.cat_general.id,
                }
                for i in range(number)
            ]
        )

    def _measure_pass(self, number, start):
        """Ten tickets with a due warning among ``number`` open ones; return
        the queries of the SLA pass."""
        with freeze_time(start):
            due = self._bulk_tickets(10)
        with freeze_time(start + timedelta(minutes=5)):
            not_due = self._bulk_tickets(number - 10)
        with freeze_time(start + timedelta(minutes=6)):
            self.env.flush_all()
            self.env.invalidate_all()
            self.env.registry.clear_all_caches()
            before = self.cr.sql_log_count
            self._cron()
            self.env.flush_all()
            count = self.cr.sql_log_count - before
        self.assertEqual(
            self.Escalation.search_count([("ticket_id", "in", due.ids)]), 10
        )
        self.assertFalse(self.Escalation.search([("ticket_id", "in", not_due.ids)]))
        (due | not_due).action_cancel()
        return count

    def test_sla_pass_query_count_constant(self):
        """The pass costs the same number of queries for 100 and 1,000 open
        tickets (ten steps due in each case; reactions switched off: they
        are administrators' per-record rules)."""
        # the reactions are per fired step: switched off by a no-op, not by
        # deactivating the rules (that would unpatch the model for later tests)
        self.patch(type(self.Escalation), "_notify_escalation", lambda self: None)
        self.patch(type(self.Escalation), "_wecom_notify", lambda self: None)
        self._measure_pass(20, T0)  # warm the caches
        count_100 = self._measure_pass(100, at(1000))
        count_1000 = self._measure_pass(1000, at(2000))
        self.assertEqual(count_100, count_1000)
        with freeze_time(at(3000)):
            self._bulk_tickets(10)
        with freeze_time(at(3005)):
            self._bulk_tickets(990)
        with freeze_time(at(3006)):
            self.env.flush_all()
            self.env.invalidate_all()
            # the pass, the reactions' rule lookups and the cron's re-arming
            with self.assertQueryCount(20):
                self._cron()

    def test_policy_name_in_reader_language(self):
        """Policy names follow the reader's language (severity names)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        ticket = self._ticket(self.cat_major)
        policy = ticket.sla_policy_id.with_context(lang="zh_CN")
        self.assertEqual(policy.name, policy.severity_id.name)
        self.assertNotEqual(
            policy.name, ticket.sla_policy_id.with_context(lang="en_US").name
        )
