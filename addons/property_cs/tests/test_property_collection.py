# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_property_billing import PropertyBillingCommon

OPEN_DAY = "2026-05-04 02:00:00"  # 10:00 in Shanghai, bills of March overdue


@tagged("post_install", "-at_install")
class TestPropertyCollection(PropertyBillingCommon):
    """Collection cases (D-21, E1-E3): opened above the threshold, steps in
    order on the deadline engine, promises kept and broken, service first,
    lawful means only, the limitation warning, access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for role in ("agent", "supervisor", "manager", "finance"):
            cls.users[role].property_project_ids = [Command.link(cls.project.id)]
        cls.project.manager_id = cls.manager
        cls.Case = cls.env["property.collection.case"]
        cls.Attempt = cls.env["property.collection.attempt"]
        cls.Deadline = cls.env["property.deadline"]
        cls.run_march = cls._run_march()

    @classmethod
    def _run_march(cls):
        run = cls.Run.create(
            {"project_id": cls.project.id, "period_start": "2026-03-01"}
        )
        run.action_queue()
        cls.Chunk._cron_process_chunks()
        return run

    def _bill(self, unit, partner):
        return self.env["account.move"].search(
            [("property_unit_id", "=", unit.id), ("partner_id", "=", partner.id)]
        )

    def _open_cases(self, day=OPEN_DAY):
        with freeze_time(day):
            self.Case._cron_collection_pass()
        return self.Case.search([("project_id", "=", self.project.id)])

    def _case(self, unit, partner):
        return self.Case.search(
            [("unit_id", "=", unit.id), ("partner_id", "=", partner.id)]
        )

    def _pay(self, moves, amount):
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"amount": amount})
        )
        return wizard._create_payments()

    def _attempt(self, case, step, user=None, **vals):
        values = {
            "case_id": case.id,
            "step": step,
            "channel": "phone",
            "outcome": "delivered",
            "evidence": "Signed receipt",
        }
        values.update(vals)
        Attempt = self.Attempt.with_user(user) if user else self.Attempt
        return Attempt.create(values)

    def _deadline(self, record, target, cycle=None):
        domain = [
            ("res_model", "=", record._name),
            ("res_id", "=", record.id),
            ("target", "=", target),
        ]
        if cycle is not None:
            domain.append(("cycle", "=", cycle))
        return self.Deadline.search(domain)

    # ------------------------------------------------------------------
    def test_pass_once_a_day_per_project(self):
        """The daily pass covers a project once a day (the day is stamped
        on the project); the next day it covers it again."""
        with freeze_time(OPEN_DAY):
            self.assertIn(self.project, self.Case._cron_collection_pass())
            self.assertEqual(self.project.collection_pass_date, date(2026, 5, 4))
            cases = self.Case.search([("project_id", "=", self.project.id)])
            self.assertTrue(cases)
            self.assertNotIn(self.project, self.Case._cron_collection_pass())
        with freeze_time("2026-05-05 02:00:00"):
            self.assertIn(self.project, self.Case._cron_collection_pass())
        self.assertEqual(
            self.Case.search([("project_id", "=", self.project.id)]), cases
        )
        self.assertEqual(self.project.collection_pass_date, date(2026, 5, 5))

    # ------------------------------------------------------------------
    def test_opens_above_threshold_closes_when_paid(self):
        """A case per unit and payer above the threshold with bills overdue
        by the grace days; none below it or before the grace ends; the
        paid case closes by itself."""
        owner = self.owners[0]
        bill = self._bill(self.u1, owner)
        self.assertTrue(bill)
        with freeze_time("2026-03-20"):
            self.Case._cron_collection_pass()
        self.assertFalse(self.Case.search([("project_id", "=", self.project.id)]))
        # the tenant's bill of unit 104 is below the threshold
        tenant_total = sum(self._bill(self.u4, self.tenant).mapped("amount_residual"))
        self.project.collection_threshold = tenant_total + 1
        cases = self._open_cases()
        self.assertFalse(self._case(self.u4, self.tenant))
        case = self._case(self.u1, owner)
        self.assertEqual(len(case), 1)
        self.assertEqual(case.amount_due, bill.amount_residual)
        self.assertEqual(case.amount_opened, bill.amount_residual)
        self.assertEqual(case.invoice_ids, bill)
        self.assertEqual(case.user_id, self.manager)
        for other in cases:
            self.assertGreater(other.amount_opened, self.project.collection_threshold)
        # the next day's pass opens nothing twice
        self._open_cases("2026-05-05 02:00:00")
        self.assertEqual(len(self._case(self.u1, owner)), 1)
        self._pay(bill, bill.amount_residual)
        self._open_cases("2026-05-06 02:00:00")
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.close_reason, "paid")
        self.assertFalse(
            self._deadline(case, "collection").filtered(
                lambda d: d.state in ("running", "paused")
            )
        )

    def test_step_timing(self):
        """Each step comes due after the reasonable period of the previous
        one: the assignee is told when it is due, the supervisor when it
        was not taken in its days; a step taken meets its deadline."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        reminder = self._deadline(case, "collection", cycle=1)
        self.assertEqual(reminder.state, "running")
        # due at opening (0 days), 3 days to take it
        self.assertEqual(reminder.date_due, datetime(2026, 5, 7, 2, 0))
        with freeze_time("2026-05-04 02:05:00"):
            self.Deadline._cron_deadline_pass()
        self.assertEqual(reminder.escalation_ids.mapped("step"), ["warning"])
        self.assertTrue(case.activity_ids)
        with freeze_time("2026-05-05 01:00:00"):
            self._attempt(case, "reminder", channel="sms", evidence=False)
        self.assertEqual(reminder.state, "met")
        self.assertFalse(reminder.breach_ids)
        self.assertEqual(case.step, "reminder")
        notice = self._deadline(case, "collection", cycle=2)
        # the notice is due 15 days after the reminder, 5 days to take it
        self.assertEqual(case.date_next_step, datetime(2026, 5, 20, 1, 0))
        self.assertEqual(notice.date_due, datetime(2026, 5, 25, 1, 0))
        with freeze_time("2026-05-19 23:00:00"):
            self.Deadline._cron_deadline_pass()
        self.assertFalse(notice.escalation_ids)
        with freeze_time("2026-05-20 01:00:00"):
            self.Deadline._cron_deadline_pass()
        self.assertEqual(notice.escalation_ids.mapped("step"), ["warning"])
        with freeze_time("2026-05-25 01:00:00"):
            self.Deadline._cron_deadline_pass()
        self.assertTrue(notice.breach_ids)
        self.assertEqual(
            sorted(notice.escalation_ids.mapped("step")), ["supervisor", "warning"]
        )
        # the escalation ladder beyond the supervisor is off for collection
        with freeze_time("2026-07-25 01:00:00"):
            self.Deadline._cron_deadline_pass()
        self.assertEqual(len(notice.escalation_ids), 2)

    def test_steps_in_order_and_who_escalates(self):
        """Steps are taken in the ladder's order; a lawyer's letter and a
        court are for a project manager; a written notice needs evidence."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        with self.assertRaisesRegex(UserError, "in order"):
            self._attempt(case, "notice", user=self.agent)
        self._attempt(case, "reminder", user=self.agent, channel="sms")
        with self.assertRaises(ValidationError):
            self._attempt(
                case, "notice", user=self.agent, channel="letter", evidence=False
            )
        self._attempt(case, "notice", user=self.agent, channel="letter")
        self._attempt(case, "call", user=self.agent)
        self._attempt(case, "visit", user=self.agent, channel="visit")
        with self.assertRaisesRegex(UserError, "project manager"):
            self._attempt(case, "lawyer", user=self.agent, channel="lawyer")
        self._attempt(case, "lawyer", user=self.manager, channel="lawyer")
        self.assertEqual(case.step, "lawyer")
        # repeating an earlier step is allowed and keeps the step reached
        self._attempt(case, "call", user=self.agent)
        self.assertEqual(case.step, "lawyer")
        # a project without the visit step goes from the call to the lawyer
        self.env["property.collection.step"].create(
            [
                {"project_id": self.project.id, "step": step, "days_after": 10}
                for step in ("reminder", "notice", "call", "lawyer", "litigation")
            ]
        )
        self.assertEqual(case.next_step_id.step, "litigation")
        # workflow fields are not written over RPC
        with self.assertRaises(UserError):
            case.with_user(self.agent).write({"step": "litigation"})
        with self.assertRaises(AccessError):
            self.Attempt.with_user(self.agent).browse(case.attempt_ids[:1].id).write(
                {"outcome": "paid"}
            )

    def test_promise_kept_on_payment(self):
        """A promise to pay holds the steps; it is kept the moment the
        promised amount is matched to the bills."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        bill = case.invoice_ids
        with freeze_time("2026-05-05 02:00:00"):
            promise = self._attempt(
                case,
                "reminder",
                channel="sms",
                outcome="promised",
                promise_date="2026-05-10",
                promise_amount=100.0,
                evidence=False,
            )
        self.assertEqual(case.state, "promised")
        self.assertEqual(case.promise_id, promise)
        deadline = self._deadline(promise, "promise")
        # the end of 10 May in Shanghai
        self.assertEqual(deadline.date_due, datetime(2026, 5, 10, 15, 59, 59))
        self.assertFalse(
            self._deadline(case, "collection", cycle=2).filtered(
                lambda d: d.state == "running"
            )
        )
        with self.assertRaisesRegex(UserError, "more than what is owed"):
            self._attempt(
                case,
                "reminder",
                channel="sms",
                outcome="promised",
                promise_date="2026-05-10",
                promise_amount=case.amount_due + 1,
            )
        self._pay(bill, 60.0)
        self.assertEqual(promise.promise_state, "pending")
        self._pay(bill, 40.0)
        self.assertEqual(promise.promise_state, "kept")
        self.assertEqual(deadline.state, "met")
        self.assertEqual(case.state, "open")
        self.assertTrue(self._deadline(case, "collection", cycle=2).state == "running")

    def test_promise_broken_resumes_case(self):
        """At the end of the promised day an unpaid promise breaks by
        itself (deadline breach and its automation rule): the case resumes
        and its assignee is told."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        with freeze_time("2026-05-05 02:00:00"):
            promise = self._attempt(
                case,
                "reminder",
                channel="phone",
                outcome="promised",
                promise_date="2026-05-10",
                promise_amount=200.0,
            )
        self._pay(case.invoice_ids, 50.0)
        with freeze_time("2026-05-10 15:00:00"):
            self.Deadline._cron_deadline_pass()
        self.assertEqual(promise.promise_state, "pending")
        with freeze_time("2026-05-10 16:05:00"):
            self.Deadline._cron_deadline_pass()
        self.assertEqual(promise.promise_state, "broken")
        self.assertEqual(case.state, "open")
        self.assertEqual(case.date_step_base, datetime(2026, 5, 10, 16, 5))
        self.assertIn("Promise to pay broken", case.activity_ids.mapped("summary"))
        self.assertEqual(self._deadline(case, "collection", cycle=2).state, "running")

    def test_service_first(self):
        """Beyond the written notice the agent must acknowledge the unit's
        open complaints and repairs; where the project says so, an open
        complaint holds the case and the case says why."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        self._attempt(case, "reminder", user=self.agent, channel="sms")
        self._attempt(case, "notice", user=self.agent, channel="letter")
        complaint = self.env["property.ticket"].create(
            {
                "name": "Nobody fixed the lift",
                "kind": "complaint",
                "unit_id": self.u1.id,
                "partner_id": self.owners[0].id,
            }
        )
        repair = self.env["property.ticket"].create(
            {"name": "Leak in the bathroom", "kind": "repair", "unit_id": self.u1.id}
        )
        case.invalidate_recordset()
        self.assertEqual(case.service_ticket_ids, complaint | repair)
        self.assertEqual(case.complaint_count, 1)
        self.assertIn(complaint.number, case.hold_reason)
        self.assertIn(complaint.number, case.service_summary)
        self.assertNotIn(complaint.name, case.service_summary)
        with self.assertRaisesRegex(UserError, "held") as caught:
            self._attempt(case, "call", user=self.agent)
        self.assertIn("Acknowledge", str(caught.exception))
        self.project.collection_hold_on_complaint = False
        case.invalidate_recordset()
        self.assertFalse(case.hold_reason)
        with self.assertRaisesRegex(UserError, "Acknowledge"):
            self._attempt(case, "call", user=self.agent)
        # steps up to the written notice stay possible
        self._attempt(case, "notice", user=self.agent, channel="post")
        case.with_user(self.agent).action_acknowledge_service()
        self.assertEqual(case.service_ack_ticket_ids, complaint | repair)
        self._attempt(case, "call", user=self.agent)
        self.assertEqual(case.step, "call")
        # a new matter needs a new acknowledgement
        self.env["property.ticket"].create(
            {"name": "Door bell", "kind": "repair", "unit_id": self.u1.id}
        )
        case.invalidate_recordset()
        self.assertTrue(case.service_ack_needed)
        with self.assertRaisesRegex(UserError, "Acknowledge"):
            self._attempt(case, "visit", user=self.agent, channel="visit")

    def test_complaint_told_of_new_case(self):
        """A case opening on a unit with an open complaint is noted on the
        complaint: withheld fees may be a sign about the service."""
        complaint = self.env["property.ticket"].create(
            {
                "name": "The lobby is never cleaned",
                "kind": "complaint",
                "unit_id": self.u1.id,
                "partner_id": self.owners[0].id,
            }
        )
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        self.assertEqual(case.complaint_count, 1)
        self.assertIn(case.display_name, complaint.message_ids[0].body)

    def test_lawful_means_only(self):
        """Escalating a case through every step changes nothing on the
        unit, the payer, their portal account, parking spaces or vehicles:
        no utility, lift, gate, parking or entry is linked to arrears."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        owner = self.owners[0]
        portal = self.env["res.users"].create(
            {
                "name": owner.name,
                "login": "collection_owner",
                "partner_id": owner.id,
                "groups_id": [Command.set([self.env.ref("base.group_portal").id])],
            }
        )
        space = self.env["property.parking.space"].search(
            [("unit_id", "=", self.u1.id)]
        )
        vehicle = self.env["property.vehicle"].create(
            {
                "name": "浙A12345",
                "partner_id": owner.id,
                "parking_space_id": space[:1].id,
            }
        )
        watched = [
            self.u1,
            owner,
            portal,
            space,
            vehicle,
        ]
        ignored = {
            "write_date",
            "write_uid",
            "__last_update",
            "message_ids",
            "message_follower_ids",
            "activity_ids",
            "website_message_ids",
            "message_partner_ids",
            "login_date",
        }

        def snapshot():
            self.env.invalidate_all()
            state = []
            for records in watched:
                names = [
                    name
                    for name, field in records._fields.items()
                    if field.store and name not in ignored and field.type != "binary"
                ]
                state.append(records.sudo().read(names))
            return state

        before = snapshot()
        for step in ("reminder", "notice", "call", "visit", "lawyer", "litigation"):
            self._attempt(case, step, user=self.manager, outcome="refused")
            self.Deadline._cron_deadline_pass()
        self.assertEqual(case.step, "litigation")
        self.assertEqual(snapshot(), before)
        # the arrears are never shown to owners: no access at all
        with self.assertRaises(AccessError):
            self.Case.with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.Attempt.with_user(portal).search([])

    def test_limitation_warning(self):
        """A bill with no demand that reached the payer for 30 months is
        flagged; a delivered demand notes its date on the bill and clears
        the warning; an attempt that did not reach the payer does not."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        bill = case.invoice_ids
        self.assertFalse(case.limitation_warning)
        with freeze_time("2028-10-01"):
            case.invalidate_recordset()
            self.assertTrue(case.limitation_warning)
            self._attempt(case, "reminder", channel="sms", outcome="no_contact")
            case.invalidate_recordset()
            self.assertTrue(case.limitation_warning)
            self.assertFalse(bill.property_last_demand_date)
            self._attempt(case, "reminder", channel="sms", outcome="delivered")
            case.invalidate_recordset()
            self.assertFalse(case.limitation_warning)
        self.assertEqual(bill.property_last_demand_date, date(2028, 10, 1))
        self.company.property_collection_limitation_months = 0
        with freeze_time("2035-01-01"):
            case.invalidate_recordset()
            self.assertFalse(case.limitation_warning)

    def test_access_per_project(self):
        """Staff see the cases of their projects only; owners none."""
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        self.assertEqual(
            case.with_user(self.agent).read(["amount_due"])[0]["id"], case.id
        )
        outsider = self.users["agent"].copy({"login": "collection_outsider"})
        outsider.property_project_ids = [Command.set([self.project_a.id])]
        self.assertFalse(self.Case.with_user(outsider).search([("id", "=", case.id)]))
        with self.assertRaises(AccessError):
            case.with_user(outsider).read(["amount_due"])
        with self.assertRaises(AccessError):
            self.Case.with_user(self.portal_owner).search([])

    def test_reminder_and_written_notice(self):
        """The reminder goes to the payer alone and is recorded with the
        message as evidence; the written notice prints the unpaid bills
        in the payer's language, saying no utility is affected."""
        owner = self.owners[0]
        owner.write({"email": "owner1@example.com", "lang": "zh_CN"})
        case = self._open_cases().filtered(lambda c: c.unit_id == self.u1)
        case.with_user(self.agent).action_send_reminder()
        attempt = case.attempt_ids
        self.assertEqual((attempt.step, attempt.channel), ("reminder", "mail"))
        self.assertEqual(attempt.message_id.partner_ids, owner)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_cs.report_collection_notice", case.ids)[0]
            .decode()
        )
        self.assertIn(case.invoice_ids.name, html)
        self.assertIn("物业费催缴通知书", html)
        self.assertIn("不受", html)
        self.assertNotIn(self.owners[1].name, html)
