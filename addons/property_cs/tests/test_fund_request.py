# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .fundreg_common import T0, FundregCommon, at


@tagged("post_install", "-at_install")
class TestFundRequest(FundregCommon):
    """Maintenance fund requests (G1, G2): quotations, the committee's
    decision, works and publication; the emergency decision deadline on the
    deadline engine."""

    def _request(self, user=None, quotations=True, **vals):
        values = {
            "project_id": self.project_a.id,
            "purpose": "Replace the water pump of B1",
            "common_part": "water_supply",
            "committee_id": self.committee_a.id,
            "building_ids": [Command.set(self.building_a.ids)],
        }
        if quotations:
            values["quotation_ids"] = [
                Command.create(self._quotation_vals(18000.0)),
                Command.create(self._quotation_vals(21000.0, selected=False)),
            ]
        if vals.get("is_emergency"):
            values["document_ids"] = [Command.set(self._attachment("report.pdf").ids)]
        values.update(vals)
        Request = self.env["property.fund.request"].with_user(user or self.agent)
        return Request.create(values)

    def _rows(self, request):
        return self.env["property.deadline"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )

    def _decide(self, request, **vals):
        values = {"date_decision": date(2026, 3, 5), "decision_ref": "Res. 2026-3"}
        values.update(vals)
        request.write(values)

    # ------------------------------------------------------------------
    # the normal path
    # ------------------------------------------------------------------
    def test_states_through_publication(self):
        """Draft → submitted → approved → works → done → published, each
        step with its checks; the chosen quotation sets amount and vendor;
        no decision deadline without the emergency flag."""
        request = self._request(document_ids=[Command.set(self._attachment().ids)])
        self.assertTrue(request.name.startswith("WXZJ"))
        self.assertEqual(request.document_ids.res_id, request.id)
        self.assertEqual(
            set(request.quotation_ids.attachment_ids.mapped("res_model")),
            {"property.fund.request"},
        )
        self.assertEqual(request.amount, 18000.0)
        self.assertEqual(request.vendor_id, self.vendor)
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertFalse(request.date_decision_due)
        self.assertFalse(self._rows(request))
        with self.assertRaisesRegex(UserError, "resolution"):
            request.action_approve()
        self._decide(request, vote_area_pct=40.0, vote_headcount_pct=70.0)
        with self.assertRaisesRegex(UserError, "more than half"):
            request.action_approve()
        request.write({"vote_area_pct": 55.0})
        request.action_approve()
        self.assertEqual(request.state, "approved")
        request.action_start_works()
        self.assertEqual(request.state, "works")
        self.assertTrue(request.date_works_start)
        with self.assertRaisesRegex(UserError, "amount spent"):
            request.action_done()
        request.amount_spent = 17500.0
        request.action_done()
        self.assertEqual(request.state, "done")
        # the cost per m² of the buildings concerned (B1: 2000 m²)
        self.assertEqual(request.area_shared, 2000.0)
        self.assertAlmostEqual(request.amount_per_area, 8.75)
        with self.assertRaisesRegex(UserError, "published"):
            request.action_publish()
        request.publication_note = "Notice board of B1"
        request.action_publish()
        self.assertEqual(request.state, "published")
        self.assertTrue(request.date_published)
        with self.assertRaises(UserError):
            request.action_submit()

    def test_submission_lists_what_is_missing(self):
        request = self._request(
            quotations=False, committee_id=False, is_emergency=True, document_ids=[]
        )
        with self.assertRaises(UserError) as error:
            request.action_submit()
        message = str(error.exception)
        for text in ("quotation", "amount", "emergency", "committee", "safety report"):
            self.assertIn(text, message)
        request.write(
            {
                "quotation_ids": [
                    Command.create(
                        {"vendor_id": self.vendor.id, "amount": 100.0, "selected": True}
                    )
                ]
            }
        )
        with self.assertRaisesRegex(UserError, "file of every quotation"):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_rejection_and_resubmission(self):
        request = self._request()
        request.action_submit()
        self._decide(request)
        request.action_reject()
        self.assertEqual(request.state, "rejected")
        with self.assertRaises(UserError):
            request.action_start_works()
        request.action_reset_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.decision_ref)
        request.action_submit()
        self.assertEqual(request.decision_cycle, 2)

    def test_state_and_quotations_guarded(self):
        """The state changes only through the buttons; quotations of a
        submitted request are frozen; amounts and shares are checked."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "buttons"):
            request.write({"state": "approved"})
        request.action_submit()
        with self.assertRaisesRegex(UserError, "submitted request"):
            request.quotation_ids[:1].amount = 1.0
        with self.assertRaisesRegex(UserError, "submitted request"):
            request.quotation_ids[:1].unlink()
        with self.assertRaises(ValidationError):
            request.vote_area_pct = 120.0
        with self.assertRaises(ValidationError):
            self._request(
                user=self.env.user,
                quotations=False,
                building_ids=[Command.set(self.building_b.ids)],
            )

    def test_form_shows_emergency_fields(self):
        with Form(self.env["property.fund.request"].with_user(self.agent)) as form:
            form.project_id = self.project_a
            form.purpose = "Facade tiles loose"
            form.common_part = "facade"
            form.is_emergency = True
            form.emergency_reason = "falling_parts"
        self.assertTrue(form.record.is_emergency)

    # ------------------------------------------------------------------
    # the emergency path
    # ------------------------------------------------------------------
    def test_emergency_decision_deadline(self):
        """An emergency request owes the decision within the project's 7
        days: warned 48 h before, the breach at the deadline (the manager
        gets the to-do to ask the district), met when decided."""
        with freeze_time(T0):
            request = self._request(is_emergency=True, emergency_reason="water_supply")
            request.action_submit()
        self.assertEqual(request.date_decision_due, at(days=7))
        row = self._rows(request)
        self.assertEqual(row.target, "fund")
        self.assertEqual(row.date_due, at(days=7))
        self.assertEqual(row.date_next_step, at(days=5))
        Deadline = self.env["property.deadline"]
        with freeze_time(at(days=5, minutes=-1)):
            Deadline._cron_deadline_pass()
        self.assertFalse(row.escalation_ids)
        with freeze_time(at(days=5)):
            Deadline._cron_deadline_pass()
            self.assertFalse(request.is_decision_overdue)
        self.assertEqual(row.escalation_ids.mapped("step"), ["warning"])
        self.assertIn(self.agent, request.activity_ids.user_id)
        with freeze_time(at(days=7)):
            Deadline._cron_deadline_pass()
            Deadline._cron_deadline_pass()  # nothing fires twice
            request.invalidate_recordset(["is_decision_overdue"])
            self.assertTrue(request.is_decision_overdue)
            self.assertIn(
                request,
                self.env["property.fund.request"].search(
                    [("is_decision_overdue", "=", True)]
                ),
            )
        self.assertEqual(len(row.breach_ids), 1)
        told = request.message_ids.filtered(lambda m: "district" in (m.body or ""))
        self.assertEqual(len(told), 1)
        manager_todo = request.activity_ids.filtered(
            lambda a: a.user_id == self.manager
        )
        self.assertIn("district", manager_todo.summary)
        with freeze_time(at(days=8)):
            self._decide(request, date_decision=date(2026, 3, 10))
            request.action_approve()
        self.assertEqual(row.state, "met")
        self.assertFalse(request.is_decision_overdue)

    def test_emergency_days_are_a_project_setting(self):
        self.project_a.fund_emergency_decision_days = 3
        with freeze_time(T0):
            request = self._request(is_emergency=True, emergency_reason="elevator")
            request.action_submit()
        self.assertEqual(request.date_decision_due, at(days=3))
        self.assertEqual(self._rows(request).date_due, at(days=3))
        with self.assertRaises(ValidationError):
            self.project_a.fund_emergency_decision_days = 0

    def test_decided_in_time_never_breaches(self):
        with freeze_time(T0):
            request = self._request(is_emergency=True, emergency_reason="leak")
            request.action_submit()
        with freeze_time(at(days=2)):
            self._decide(request, date_decision=date(2026, 3, 4))
            request.action_reject()
        with freeze_time(at(days=8)):
            self.env["property.deadline"]._cron_deadline_pass()
        row = self._rows(request)
        self.assertEqual(row.state, "met")
        self.assertFalse(row.breach_ids)

    def test_withdrawn_then_resubmitted_new_cycle(self):
        with freeze_time(T0):
            request = self._request(is_emergency=True, emergency_reason="leak")
            request.action_submit()
            request.action_cancel()
        self.assertEqual(self._rows(request).state, "cancelled")
        with freeze_time(at(days=1)):
            request.action_reset_draft()
            request.action_submit()
        rows = self._rows(request)
        self.assertEqual(len(rows), 2)
        running = rows.filtered(lambda r: r.state == "running")
        self.assertEqual(running.cycle, 2)
        self.assertEqual(running.date_due, at(days=8))

    def test_rule_is_editable_automation(self):
        rule = self.env.ref("property_cs.base_automation_fund_decision_overdue")
        self.assertEqual(rule.model_id.model, "property.deadline.breach")
        self.assertIn("_fund_decision_overdue", rule.action_server_ids.code)

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_per_group(self):
        """The project's staff only; customer service moves requests on,
        departments and finance read (finance records amounts), head office
        reads all, owners have no access at all."""
        request = self._request()
        other = self.env["property.fund.request"].create(
            {
                "project_id": self.project_b.id,
                "purpose": "Roof RV",
                "common_part": "roof",
            }
        )
        Request = self.env["property.fund.request"]
        for role in ("agent", "supervisor", "manager", "department", "finance"):
            found = Request.with_user(self.users[role]).search([])
            self.assertIn(request, found, role)
            self.assertNotIn(other, found, role)
        self.assertIn(other, Request.with_user(self.users["head_office"]).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.users["department"]).action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.users["finance"]).action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.users["head_office"]).action_submit()
        with self.assertRaises(AccessError):
            other.with_user(self.agent).action_submit()
        request.with_user(self.users["finance"]).amount_spent = 10.0
        for portal in (self.portal_owner, self.portal_owner_b):
            with self.assertRaises(AccessError):
                Request.with_user(portal).search([])
            with self.assertRaises(AccessError):
                request.with_user(portal).read(["purpose"])
