# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import inspect
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_cs.models.property_renovation_violation import (
    VIOLATION_ACTIONS,
)

from .common import GROUP, PropertyCsCommon

PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
START = date(2026, 3, 2)
T0 = datetime(2026, 3, 2, 2, 0, 0)  # 10:00 in Shanghai


class RenovationWorksCommon(PropertyCsCommon):
    """A permitted renovation of owner A's unit on project A (inspected by
    the department user), with a contractor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspector = cls.users["department"]
        cls.security = cls.env["property.department"].create(
            {
                "name": "Security OG",
                "kind": "security",
                "project_id": cls.project_a.id,
                "leader_id": cls.inspector.id,
            }
        )
        cls.project_a.write(
            {
                "renovation_inspection_department_id": cls.security.id,
                "renovation_rectification_days": 3,
                "renovation_rectification_warning_hours": 24,
                "renovation_rectification_manager_hours": 2,
            }
        )
        cls.project_b.renovation_inspector_id = cls.inspector
        cls.scope_walls = cls.env.ref("property_cs.renovation_scope_walls")
        cls.scope_waterproofing = cls.env.ref(
            "property_cs.renovation_scope_waterproofing"
        )
        cls.permit = cls._permit(cls.unit_a1, cls.owner_a)
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _permit(cls, unit, applicant, state="approved", **vals):
        values = {
            "unit_id": unit.id,
            "applicant_id": applicant.id,
            "scope_ids": [Command.set(cls.scope_walls.ids)],
            "uses_contractor": True,
            "contractor_name": "Jiahe Decoration Co.",
            "date_start": START,
            "date_end": START + timedelta(days=29),
            "state": state,
        }
        values.update(vals)
        # the application and approval are another part's: the permit is
        # created as approved by the superuser
        return cls.env["property.renovation"].sudo().create(values)

    def _violation(self, permit=None, user=None, **vals):
        values = {
            "renovation_id": (permit or self.permit).id,
            "violation_type": "waste",
            "description": "Rubble left in the stairwell",
            "attachment_ids": [Command.create({"name": "rubble.png", "raw": PHOTO})],
        }
        values.update(vals)
        Violation = self.env["property.renovation.violation"]
        return Violation.with_user(user or self.inspector).create(values)


@tagged("post_install", "-at_install")
class TestRenovationWorks(RenovationWorksCommon):
    """Patrols, violations, stop-work, extensions, acceptance and warranty
    of a renovation (D-20, domain_standards D5, D7, D8)."""

    # ------------------------------------------------------------------
    # patrols
    # ------------------------------------------------------------------
    def _run_cron_daily(self, first, last):
        Renovation = self.env["property.renovation"]
        for offset in range(first, last + 1):
            with freeze_time(T0 + timedelta(days=offset)):
                Renovation._cron_renovation_inspections()
                Renovation._cron_renovation_inspections()  # idempotent

    def _patrols(self, permit):
        return self.env["property.renovation.inspection"].search(
            [("renovation_id", "=", permit.id), ("kind", "=", "patrol")]
        )

    def test_patrols_over_a_30_day_job(self):
        """Daily on a cadence of 1, every third day on a cadence of 3, none
        before the start or after the end, none of a permit not approved;
        each patrol has the checklist and an activity for the inspector."""
        self.project_a.renovation_inspection_days = 1
        self.project_b.renovation_inspection_days = 3
        permit_b = self._permit(self.unit_b1, self.owner_b)
        draft = self._permit(self.unit_a2, self.tenant_a, state="draft")
        self._run_cron_daily(-3, 33)
        daily = self._patrols(self.permit)
        self.assertEqual(len(daily), 30)
        self.assertEqual(min(daily.mapped("date")), START)
        self.assertEqual(max(daily.mapped("date")), START + timedelta(days=29))
        every_3 = self._patrols(permit_b)
        self.assertEqual(len(every_3), 10)
        self.assertEqual(
            sorted(every_3.mapped("date")),
            [START + timedelta(days=3 * n) for n in range(10)],
        )
        self.assertFalse(self._patrols(draft))
        patrol = daily[0]
        self.assertEqual(patrol.user_id, self.inspector)
        self.assertEqual(
            patrol.line_ids.prohibition_id,
            self.env["property.renovation.prohibition"].search([]),
        )
        self.assertEqual(set(patrol.line_ids.mapped("result")), {"not_checked"})
        self.assertEqual(patrol.activity_ids.user_id, self.inspector)
        self.assertEqual(patrol.activity_ids.date_deadline, patrol.date)

    def test_patrols_go_on_while_stopped_and_follow_the_extension(self):
        """Stopped works are still patrolled (the stop-work order is
        checked); an approved extension moves the last patrol."""
        self.project_a.renovation_inspection_days = 1
        self._run_cron_daily(0, 4)
        violation = self._violation()
        violation.with_user(self.agent).action_stop_work()
        self.assertEqual(self.permit.state, "stopped")
        self._run_cron_daily(5, 9)
        self.assertEqual(len(self._patrols(self.permit)), 10)
        extension = self.permit._request_extension(
            START + timedelta(days=34), "Tiles delivered late"
        )
        extension.with_user(self.manager).action_approve()
        self._run_cron_daily(10, 40)
        patrols = self._patrols(self.permit)
        self.assertEqual(len(patrols), 35)
        self.assertEqual(max(patrols.mapped("date")), START + timedelta(days=34))

    def test_patrol_done_and_daily_list(self):
        """Today's list shows the permit with its patrol to do, then its
        result; a violation ticked on the checklist gives the result."""
        with freeze_time(T0):
            patrol = self.env["property.renovation"]._cron_renovation_inspections()
            Renovation = self.env["property.renovation"].with_user(self.agent)
            today = Renovation.search(
                [
                    ("state", "in", ("approved", "stopped")),
                    ("date_start", "<=", START),
                    ("date_end_effective", ">=", START),
                ]
            )
            self.assertEqual(today, self.permit)
            self.assertEqual(today.today_inspection, "planned")
            patrol.line_ids[0].result = "violation"
            patrol.with_user(self.inspector).action_done()
            self.assertEqual(patrol.result, "violation")
            self.assertFalse(patrol.activity_ids)
            today.invalidate_recordset(["today_inspection"])
            self.assertEqual(today.today_inspection, "violation")
        with self.assertRaises(UserError):
            patrol.with_user(self.inspector).action_done()

    # ------------------------------------------------------------------
    # violations on the deadline engine
    # ------------------------------------------------------------------
    def test_violation_needs_photos_and_reasoned_deduction(self):
        with self.assertRaises(ValidationError):
            self._violation(attachment_ids=[])
        with self.assertRaises(ValidationError):
            self._violation(deduction_amount=200.0)
        violation = self._violation(
            deduction_amount=200.0, deduction_reason="Stairwell cleaning"
        )
        self.assertEqual(violation.deduction_amount, 200.0)
        self.assertEqual(violation.attachment_ids.res_id, violation.id)

    def test_rectification_warning_breach_and_escalation(self):
        """The rectification is an obligation on the deadline engine: the
        inspector is warned 24 h before, the breach is recorded at the
        deadline (the owner is told by the rule), the project manager two
        hours after; rectifying meets it."""
        Deadline = self.env["property.deadline"]
        with freeze_time(T0):
            violation = self._violation()
        self.assertEqual(violation.date_deadline, T0 + timedelta(days=3))
        row = Deadline.search(
            [
                ("res_model", "=", violation._name),
                ("res_id", "=", violation.id),
                ("target", "=", "rectification"),
            ]
        )
        self.assertEqual(row.date_due, T0 + timedelta(days=3))
        self.assertEqual(row.date_next_step, T0 + timedelta(days=2))
        with freeze_time(T0 + timedelta(days=2) - timedelta(minutes=1)):
            Deadline._cron_deadline_pass()
        self.assertFalse(row.escalation_ids)
        with freeze_time(T0 + timedelta(days=2)):
            Deadline._cron_deadline_pass()
            self.assertFalse(violation.is_overdue)
        self.assertEqual(row.escalation_ids.mapped("step"), ["warning"])
        self.assertIn(self.inspector, violation.activity_ids.user_id)
        with freeze_time(T0 + timedelta(days=3)):
            Deadline._cron_deadline_pass()
            violation.invalidate_recordset(["is_overdue"])
            self.assertTrue(violation.is_overdue)
        self.assertEqual(len(row.breach_ids), 1)
        told = violation.message_ids.filtered(
            lambda m: "deadline has passed" in (m.body or "")
        )
        self.assertEqual(len(told), 1)
        self.assertEqual(told.message_type, "comment")
        with freeze_time(T0 + timedelta(days=3, hours=2)):
            Deadline._cron_deadline_pass()
            Deadline._cron_deadline_pass()  # nothing fires twice
        self.assertEqual(
            sorted(row.escalation_ids.mapped("step")), ["manager", "warning"]
        )
        self.assertIn(self.manager, violation.activity_ids.user_id)
        self.assertEqual(len(row.breach_ids), 1)
        violation.with_user(self.agent).action_rectified()
        self.assertEqual(row.state, "met")
        self.assertFalse(violation.is_overdue)
        violation.with_user(self.inspector).action_verify()
        self.assertEqual(violation.state, "verified")

    def test_rectification_rule_is_editable_automation(self):
        rule = self.env.ref(
            "property_cs.base_automation_renovation_rectification_overdue"
        )
        self.assertEqual(rule.model_id.model, "property.deadline.breach")
        self.assertIn("_rectification_overdue", rule.action_server_ids.code)

    def test_violation_actions_are_a_closed_list(self):
        """The violation offers exactly the closed list of actions, and
        none of them touches the unit, the applicant, their portal account
        or the workers (domain_standards D5)."""
        Violation = type(self.env["property.renovation.violation"])
        actions = {
            name
            for klass in Violation.__mro__
            if klass.__module__.startswith("odoo.addons.property_cs")
            and getattr(klass, "_name", None) == "property.renovation.violation"
            for name, member in vars(klass).items()
            if name.startswith("action_") and inspect.isfunction(member)
        }
        self.assertEqual(actions, set(VIOLATION_ACTIONS))
        self.assertEqual(
            set(VIOLATION_ACTIONS),
            {
                "action_rectified",
                "action_verify",
                "action_stop_work",
                "action_print_stop_order",
            },
        )
        worker = self.env["property.renovation.worker"].create(
            {"renovation_id": self.permit.id, "name": "Li Gong", "phone": "139"}
        )
        unit_fields = ["renovation_state", "current_renovation_id", "active", "status"]

        def snapshot():
            self.env.invalidate_all()
            return (
                self.unit_a1.read(unit_fields),
                self.owner_a.read(["active"]),
                self.portal_owner.read(["active", "groups_id"]),
                worker.read(["name", "phone"]),
            )

        self.unit_a1.sudo().write(
            {"current_renovation_id": self.permit.id, "renovation_state": "in_progress"}
        )
        before = snapshot()
        violation = self._violation(deduction_amount=100, deduction_reason="Cleaning")
        violation.with_user(self.agent).action_stop_work()
        violation.with_user(self.agent).action_print_stop_order()
        violation.with_user(self.agent).action_rectified()
        violation.with_user(self.inspector).action_verify()
        self.assertEqual(snapshot(), before)

    # ------------------------------------------------------------------
    # stop-work order
    # ------------------------------------------------------------------
    def test_stop_work_order_and_resume(self):
        violation = self._violation(
            violation_type="structural",
            description="Load-bearing wall opened in the living room",
        )
        permit = self.permit.with_env(self.env_tracking)
        action = (
            violation.with_env(self.env_tracking)
            .with_user(self.agent)
            .action_stop_work()
        )
        self.assertEqual(
            action["report_name"], "property_cs.report_renovation_stop_order"
        )
        self.assertEqual(permit.state, "stopped")
        self.assertIn("Load-bearing wall opened", permit.stop_reason)
        self.assertEqual(permit.stop_violation_id, violation)
        self.flush_tracking()
        tracked = permit.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(tracked[:1].new_value_char, "Work Stopped")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_cs.report_renovation_stop_order", violation.ids
            )[0]
            .decode()
        )
        self.assertIn("Stop-Work Order", html)
        self.assertIn(self.permit.name, html)
        self.assertIn("Load-bearing wall opened", html)
        self.assertIn(
            "Water, electricity, gas and access to the unit are not affected", html
        )
        with self.assertRaises(UserError):
            violation.with_user(self.agent).action_stop_work()
        with self.assertRaises(UserError):
            permit.with_user(self.agent).action_resume_work()
        violation.with_user(self.agent).action_rectified()
        permit.with_user(self.agent).action_resume_work()
        self.assertEqual(permit.state, "approved")
        with self.assertRaises(UserError):
            permit.with_user(self.agent).write({"state": "stopped"})

    # ------------------------------------------------------------------
    # extensions
    # ------------------------------------------------------------------
    def test_extension_from_portal_decided_by_project_manager(self):
        permit = self.permit.with_user(self.portal_owner)
        new_end = START + timedelta(days=40)
        with self.assertRaises(UserError):
            permit._portal_request_extension(self.owner_a, START, "Too early")
        extension = permit._portal_request_extension(
            self.owner_a, new_end, "Waiting for the cabinets"
        )
        self.assertEqual(extension.channel, "portal")
        self.assertEqual(extension.state, "requested")
        self.assertEqual(extension.activity_ids.user_id, self.manager)
        # another owner's permit is not theirs to extend
        with self.assertRaises(AccessError):
            self.permit.with_user(self.portal_owner_b)._portal_request_extension(
                self.owner_b, new_end, "Not mine"
            )
        with self.assertRaises(UserError):
            extension.with_user(self.agent).action_approve()
        extension.with_env(self.env_tracking).with_user(self.manager).action_approve()
        self.assertEqual(extension.state, "approved")
        self.assertEqual(self.permit.date_end_extended, new_end)
        self.assertEqual(self.permit.date_end_effective, new_end)
        self.assertEqual(self.permit.date_end, START + timedelta(days=29))
        refused = self.permit._request_extension(
            new_end + timedelta(days=10), "More tiles"
        )
        with self.assertRaises(UserError):
            refused.with_user(self.manager).action_refuse()
        refused.with_user(self.manager).write({"refuse_reason": "Neighbours' exams"})
        refused.with_user(self.manager).action_refuse()
        self.assertEqual(refused.state, "refused")
        self.assertEqual(self.permit.date_end_effective, new_end)

    # ------------------------------------------------------------------
    # completion, acceptance and warranty
    # ------------------------------------------------------------------
    def _accept(self, permit, day):
        with freeze_time(
            datetime.combine(day, datetime.min.time()) + timedelta(hours=2)
        ):
            acceptance = permit._request_acceptance()
            acceptance.line_ids.write({"result": "ok"})
            acceptance.with_user(self.inspector).action_pass()
        return acceptance

    def test_acceptance_refused_while_a_violation_is_open(self):
        violation = self._violation()
        with self.assertRaises(UserError):
            self.permit.with_user(self.agent).action_request_acceptance()
        violation.with_user(self.agent).action_rectified()
        self.permit.with_user(self.agent).action_request_acceptance()
        self.assertEqual(self.permit.state, "completion")
        acceptance = self.permit.inspection_ids.filtered(
            lambda i: i.kind == "acceptance"
        )
        prohibitions = self.env["property.renovation.prohibition"].search([])
        self.assertEqual(len(acceptance.line_ids), len(prohibitions) + 6)
        self.assertEqual(len(acceptance.line_ids.filtered("common_area_item")), 6)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_owner_asks_for_acceptance_in_portal(self):
        """The owner hands in the finished works from the portal; another
        owner cannot, and the permit's page offers what is possible."""
        values = self.permit._portal_works_values()
        self.assertTrue(values["can_request_acceptance"])
        with self.assertRaises(AccessError):
            self.permit.with_user(self.portal_owner_b)._portal_request_acceptance(
                self.owner_b
            )
        acceptance = self.permit.with_user(
            self.portal_owner
        )._portal_request_acceptance(self.owner_a)
        self.assertEqual(self.permit.state, "completion")
        self.assertEqual(acceptance.kind, "acceptance")
        self.assertEqual(acceptance.user_id, self.inspector)
        self.assertEqual(acceptance.activity_ids.user_id, self.inspector)
        self.assertFalse(self.permit._portal_works_values()["can_request_acceptance"])

    def test_acceptance_pass_sets_two_year_warranty(self):
        self.unit_a1.sudo().write(
            {"current_renovation_id": self.permit.id, "renovation_state": "in_progress"}
        )
        acceptance = self._accept(self.permit, date(2026, 4, 10))
        self.assertEqual(acceptance.result, "passed")
        self.assertEqual(self.permit.state, "accepted")
        self.assertEqual(self.permit.date_completed, date(2026, 4, 10))
        unit = self.unit_a1
        self.assertEqual(unit.renovation_date_completed, date(2026, 4, 10))
        self.assertEqual(unit.renovation_warranty_until, date(2028, 4, 10))
        self.assertFalse(unit.renovation_waterproof_warranty_until)
        self.assertEqual(unit.renovation_contractor, "Jiahe Decoration Co.")
        self.assertFalse(unit.current_renovation_id)
        self.assertEqual(unit.renovation_state, "none")
        self.assertEqual(unit.renovation_last_id, self.permit)

    def test_acceptance_pass_with_waterproofing_five_years(self):
        self.project_a.renovation_warranty_years = 3
        self.permit.sudo().scope_ids = [Command.link(self.scope_waterproofing.id)]
        self._accept(self.permit, date(2026, 4, 10))
        self.assertEqual(self.unit_a1.renovation_warranty_until, date(2029, 4, 10))
        self.assertEqual(
            self.unit_a1.renovation_waterproof_warranty_until, date(2031, 4, 10)
        )

    def test_acceptance_fail_back_to_works_and_reinspection(self):
        acceptance = self.permit._request_acceptance()
        acceptance.line_ids[-1].result = "violation"
        with self.assertRaises(UserError):
            acceptance.with_user(self.inspector).action_pass()
        with self.assertRaises(UserError):
            acceptance.with_user(self.inspector).action_fail()
        acceptance.with_user(self.inspector).note = "Waste still in the corridor"
        acceptance.with_user(self.inspector).action_fail()
        self.assertEqual(acceptance.result, "failed")
        self.assertEqual(self.permit.state, "approved")
        self.assertIn("Waste still in the corridor", self.permit.message_ids[0].body)
        again = self.permit._request_acceptance()
        self.assertNotEqual(again, acceptance)
        self.assertEqual(again.state, "planned")

    def test_ticket_shows_renovation_warranty(self):
        """A repair ticket of the unit shows the warranty and the
        contractor, to every role that reads the ticket."""
        self.permit.sudo().scope_ids = [Command.link(self.scope_waterproofing.id)]
        self._accept(self.permit, date(2026, 4, 10))
        Ticket = self.env["property.ticket"]
        with freeze_time("2027-05-01 02:00:00"):
            ticket = Ticket.create(
                {"name": "Bathroom tiles cracked", "unit_id": self.unit_a1.id}
            )
        for user in (self.agent, self.inspector, self.users["finance"]):
            text = ticket.with_user(user).renovation_warranty_text
            self.assertIn("Within renovation warranty until", text)
            self.assertIn("Jiahe Decoration Co.", text)
        with freeze_time("2029-05-01 02:00:00"):
            late = Ticket.create(
                {"name": "Leak under shower", "unit_id": self.unit_a1.id}
            )
        self.assertIn(
            "Within waterproofing warranty until", late.renovation_warranty_text
        )
        with freeze_time("2032-05-01 02:00:00"):
            later = Ticket.create({"name": "Leak again", "unit_id": self.unit_a1.id})
        self.assertFalse(later.renovation_warranty_text)
        other = Ticket.create({"name": "Door", "unit_id": self.unit_a2.id})
        self.assertFalse(other.renovation_warranty_text)

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_violation_access_per_role(self):
        violation = self._violation()
        Violation = self.env["property.renovation.violation"]
        domain = [("id", "=", violation.id)]
        other_agent = new_test_user(
            self.env, login="pcs_agent_b", groups=GROUP % "agent", name="Agent B"
        )
        other_agent.property_project_ids = [Command.link(self.project_b.id)]
        for user in (
            self.agent,
            self.inspector,
            self.users["finance"],
            self.users["head_office"],
            self.portal_owner,
        ):
            self.assertEqual(
                Violation.with_user(user).search(domain), violation, user.login
            )
        for user in (other_agent, self.portal_owner_b, self.portal_tenant):
            self.assertFalse(Violation.with_user(user).search(domain), user.login)
            with self.assertRaises(AccessError):
                violation.with_user(user).read(["description"])
        with self.assertRaises(AccessError):
            violation.with_user(self.portal_owner).write({"description": "Nothing"})
        with self.assertRaises(AccessError):
            violation.with_user(self.users["finance"]).action_rectified()
        with self.assertRaises(UserError):
            violation.with_user(self.agent).write({"state": "verified"})
        # the owner answers over the model method as the controller does
        with self.assertRaises(AccessError):
            violation.with_user(self.portal_owner_b)._portal_answer("Not mine")
        violation.with_user(self.portal_owner)._portal_answer(
            "Cleaned this morning", [("clean.png", PHOTO)]
        )
        self.assertEqual(violation.state, "answered")
        self.assertEqual(violation.answer, "Cleaned this morning")
        message = violation.message_ids.filtered(lambda m: m.author_id == self.owner_a)
        self.assertEqual(message.attachment_ids.name, "clean.png")
        with self.assertRaises(UserError):
            violation.with_user(self.portal_owner)._portal_answer(
                "A text file", [("notes.txt", b"plain text, not a photo")]
            )
        # inspections are internal
        patrol = self.env["property.renovation"]._cron_renovation_inspections(START)
        with self.assertRaises(AccessError):
            patrol.with_user(self.portal_owner).read(["note"])
        self.assertEqual(
            patrol.with_user(self.inspector).search([("id", "=", patrol.id)]), patrol
        )
