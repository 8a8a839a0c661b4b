# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PropertyCsCommon


class CommitteeCommon(PropertyCsCommon):
    """A committee of project A (2025-2027) with owner A as chair, and one of
    project B with its owner."""

    @contextmanager
    def _raises(self, exception, regex):
        """assertRaisesRegex that rolls back what the failed call wrote."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Committee = cls.env["property.committee"]
        cls.committee_a = Committee.create(
            {
                "name": "Second Committee",
                "project_id": cls.project_a.id,
                "date_start": "2025-01-01",
                "date_end": "2027-12-31",
            }
        )
        cls.member_a = cls.env["property.committee.member"].create(
            {
                "committee_id": cls.committee_a.id,
                "partner_id": cls.owner_a.id,
                "role": "chair",
            }
        )
        cls.committee_b = Committee.create(
            {
                "name": "River View Committee",
                "project_id": cls.project_b.id,
                "date_start": "2025-01-01",
            }
        )
        cls.member_b = cls.env["property.committee.member"].create(
            {"committee_id": cls.committee_b.id, "partner_id": cls.owner_b.id}
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-05-10 04:00:00")
class TestCommitteeMembership(CommitteeCommon):
    def test_current_member_is_key_customer(self):
        """Current membership computes the committee criterion and makes the
        owner a key customer, explained."""
        self.assertTrue(self.member_a.is_current)
        self.assertTrue(self.owner_a.is_committee_member)
        self.assertTrue(self.owner_a.is_key_customer)
        self.assertIn("owners' committee", self.owner_a.key_customer_reasons)
        self.assertFalse(self.owner_a_spouse.is_committee_member)
        self.assertEqual(
            self.env["res.partner"].search(
                [("is_committee_member", "=", True), ("id", "=", self.owner_a.id)]
            ),
            self.owner_a,
            "the stored flag is searchable",
        )

    def test_resignation_ends_membership(self):
        """A member's own end date ends the criterion at once."""
        self.member_a.date_end = "2026-03-31"
        self.assertFalse(self.member_a.is_current)
        self.assertFalse(self.owner_a.is_committee_member)
        self.assertFalse(self.owner_a.is_key_customer)

    def test_archived_member_or_committee(self):
        self.member_a.active = False
        self.assertFalse(self.owner_a.is_committee_member)
        self.member_a.active = True
        self.assertTrue(self.owner_a.is_committee_member)
        self.committee_a.active = False
        self.assertFalse(self.owner_a.is_committee_member)

    def test_term_end_refreshed_by_daily_cron(self):
        """The term ends with time alone: the daily pass drops the flag
        (and the key-customer reason) the day after the last day."""
        Partner = self.env["res.partner"]
        with freeze_time("2027-12-31 10:00:00"):
            self.assertFalse(Partner._cron_refresh_committee_members())
            self.assertTrue(self.owner_a.is_committee_member)
        with freeze_time("2028-01-01 10:00:00"):
            stale = Partner._cron_refresh_committee_members()
            self.assertEqual(stale, self.owner_a)
            self.assertFalse(self.owner_a.is_committee_member)
            self.assertFalse(self.owner_a.is_key_customer)
            self.assertFalse(
                Partner.search(
                    [("is_committee_member", "=", True), ("id", "=", self.owner_a.id)]
                )
            )

    def test_term_start_refreshed_by_daily_cron(self):
        """A membership that starts later turns the flag on that day."""
        self.member_a.date_start = "2026-06-01"
        self.assertFalse(self.owner_a.is_committee_member)
        with freeze_time("2026-06-01 01:00:00"):
            # 09:00 in China: the day has started there
            self.env["res.partner"]._cron_refresh_committee_members()
            self.assertTrue(self.owner_a.is_committee_member)
            self.assertTrue(self.owner_a.is_key_customer)

    def test_current_domain_and_projects(self):
        Member = self.env["property.committee.member"]
        self.assertEqual(
            Member.search(Member._current_domain()) & (self.member_a | self.member_b),
            self.member_a | self.member_b,
        )
        self.assertFalse(
            Member.search(Member._current_domain(date(2028, 1, 1))) & self.member_a
        )
        self.assertEqual(self.owner_a._property_committee_projects(), self.project_a)
        self.assertEqual(
            (self.owner_a | self.owner_b)._property_committee_projects(),
            self.project_a | self.project_b,
        )
        self.assertFalse(self.tenant_a._property_committee_projects())
        self.assertEqual(
            self.env["property.committee"].search(
                [("is_current", "=", True), ("project_id", "=", self.project_a.id)]
            ),
            self.committee_a,
        )
        self.assertEqual(self.project_a.current_committee_id, self.committee_a)

    def test_members_are_owners_of_the_project(self):
        Member = self.env["property.committee.member"]
        with self._raises(ValidationError, "does not own a unit"):
            Member.create(
                {"committee_id": self.committee_a.id, "partner_id": self.tenant_a.id}
            )
        with self._raises(ValidationError, "does not own a unit"):
            Member.create(
                {"committee_id": self.committee_a.id, "partner_id": self.owner_b.id}
            )
        # a co-owner is an owner
        spouse = Member.create(
            {
                "committee_id": self.committee_a.id,
                "partner_id": self.owner_a_spouse.id,
                "role": "secretary",
            }
        )
        self.assertTrue(self.owner_a_spouse.is_committee_member)
        self.assertTrue(spouse.is_current)

    def test_one_chair_one_seat_and_terms(self):
        Member = self.env["property.committee.member"]
        with self._raises(ValidationError, "already has a chair"):
            Member.create(
                {
                    "committee_id": self.committee_a.id,
                    "partner_id": self.owner_a_spouse.id,
                    "role": "chair",
                }
            )
        with self._raises(ValidationError, "already a member"):
            Member.create(
                {"committee_id": self.committee_a.id, "partner_id": self.owner_a.id}
            )
        # a new chair once the first one resigned
        self.member_a.date_end = "2026-04-30"
        Member.create(
            {
                "committee_id": self.committee_a.id,
                "partner_id": self.owner_a_spouse.id,
                "role": "chair",
                "date_start": "2026-05-01",
            }
        )
        with self._raises(ValidationError, "starts before the term"):
            self.member_a.date_start = "2024-06-01"
        with self._raises(ValidationError, "ends after the term"):
            self.committee_a.date_end = "2026-01-31"
        with self._raises(ValidationError, "overlaps"):
            self.env["property.committee"].create(
                {
                    "name": "Overlapping",
                    "project_id": self.project_a.id,
                    "date_start": "2027-06-01",
                }
            )
        # the next term follows the first one
        self.env["property.committee"].create(
            {
                "name": "Third Committee",
                "project_id": self.project_a.id,
                "date_start": "2028-01-01",
            }
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-05-10 04:00:00")
class TestCommitteeMeeting(CommitteeCommon):
    def _meeting(self, **vals):
        return self.env["property.meeting"].create(
            dict(
                {
                    "name": "Quarterly meeting",
                    "project_id": self.project_a.id,
                    "date": "2026-05-20 06:00:00",
                },
                **vals,
            )
        )

    def test_meeting_committee_and_minutes(self):
        """A committee meeting gets the project's current committee; it is
        recorded as held only with its minutes; the state changes only
        through the buttons."""
        meeting = self._meeting()
        self.assertEqual(meeting.committee_id, self.committee_a)
        self.assertEqual(meeting.state, "planned")
        with self._raises(UserError, "minutes"):
            meeting.action_held()
        meeting.minutes = "<p>Mr Zhang (13912345678) will collect the quotes.</p>"
        with self._raises(UserError, "phone number"):
            meeting.action_held()
        meeting.minutes = "<p>Lift quotes to be compared.</p>"
        meeting.action_held()
        self.assertEqual(meeting.state, "held")
        self.assertEqual(meeting.date_held, date(2026, 5, 20))
        with self.assertRaises(UserError):
            meeting.with_user(self.agent).write({"state": "planned"})
        with self._raises(ValidationError, "needs the committee"):
            self.env["property.meeting"].create(
                {
                    "name": "No committee",
                    "project_id": self.project_a.id,
                    "date": "2030-01-10 06:00:00",
                }
            )

    def test_developer_meeting(self):
        """A coordination meeting with the developer needs no committee and
        takes the project's developer."""
        developer = self.env["res.partner"].create(
            {"name": "Osmanthus Real Estate", "is_company": True}
        )
        self.project_a.developer_partner_id = developer
        meeting = self._meeting(kind="developer")
        self.assertFalse(meeting.committee_id)
        self.assertEqual(meeting.developer_partner_id, developer)

    def test_action_items_todo_overdue_done(self):
        """A staff assignee gets a to-do due on the due date; past the date
        an open item is overdue; done closes the to-do."""
        meeting = self._meeting()
        Action = self.env["property.meeting.action"]
        action = Action.create(
            {
                "meeting_id": meeting.id,
                "name": "Collect three lift quotes",
                "user_id": self.manager.id,
                "date_due": "2026-05-31",
            }
        )
        todo = action.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.manager)
        self.assertEqual(str(todo.date_deadline), "2026-05-31")
        self.assertIn("Collect three lift quotes", todo.summary)
        action.write({"user_id": self.agent.id, "date_due": "2026-06-05"})
        self.assertEqual(len(action.activity_ids), 1)
        self.assertEqual(action.activity_ids.user_id, self.agent)
        self.assertEqual(str(action.activity_ids.date_deadline), "2026-06-05")
        self.assertFalse(action.is_overdue)
        self.assertNotIn(action, Action.search([("is_overdue", "=", True)]))
        with freeze_time("2026-06-06 04:00:00"):
            action.invalidate_recordset(["is_overdue"])
            self.assertTrue(action.is_overdue)
            self.assertIn(action, Action.search([("is_overdue", "=", True)]))
            self.assertEqual(meeting.open_action_count, 1)
            action.with_user(self.agent).action_done()
            self.assertEqual(action.state, "done")
            self.assertEqual(action.date_done, date(2026, 6, 6))
            self.assertFalse(action.activity_ids)
            self.assertFalse(action.is_overdue)
        with self.assertRaises(UserError):
            action.with_user(self.agent).write({"state": "open"})
        action.action_reopen()
        self.assertEqual(len(action.activity_ids), 1)

    def test_department_closes_its_action_items(self):
        """Department staff read the meetings of their project and close
        the action items given to them; they do not edit meetings."""
        engineer = self.users["department"]
        meeting = self._meeting()
        action = self.env["property.meeting.action"].create(
            {
                "meeting_id": meeting.id,
                "name": "Replace the lobby lights",
                "user_id": engineer.id,
                "date_due": "2026-05-31",
            }
        )
        self.assertEqual(
            self.env["property.meeting"]
            .with_user(engineer)
            .search([("id", "=", meeting.id)]),
            meeting,
        )
        with self.assertRaises(AccessError):
            meeting.with_user(engineer).write({"location": "Lobby"})
        action.with_user(engineer).action_done()
        self.assertEqual(action.state, "done")
        self.assertFalse(action.activity_ids)

    def test_cancel_meeting_cancels_open_items(self):
        meeting = self._meeting()
        action = self.env["property.meeting.action"].create(
            {
                "meeting_id": meeting.id,
                "name": "Post the parking notice",
                "user_id": self.agent.id,
            }
        )
        self.assertEqual(
            action.activity_ids.date_deadline, date(2026, 5, 10), "due today"
        )
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        self.assertEqual(action.state, "cancelled")
        self.assertFalse(action.activity_ids)

    def test_calendar_event(self):
        meeting = self._meeting(
            staff_user_ids=[(6, 0, self.manager.ids)],
            attendee_partner_ids=[(6, 0, self.owner_a.ids)],
            duration=2.0,
        )
        meeting.action_schedule_calendar()
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.partner_ids, self.manager.partner_id | self.owner_a)
        self.assertEqual(str(event.stop), "2026-05-20 08:00:00")
        meeting.date = "2026-05-21 06:00:00"
        self.assertEqual(str(event.start), "2026-05-21 06:00:00")

    def test_meeting_form(self):
        """The form proposes the project's current committee."""
        form = Form(self.env["property.meeting"].with_user(self.agent))
        form.name = "Spring meeting"
        form.project_id = self.project_a
        form.date = datetime(2026, 5, 25, 6, 0)
        self.assertEqual(form.committee_id, self.committee_a)
        meeting = form.save()
        self.assertEqual(meeting.kind, "committee")


@tagged("post_install", "-at_install")
@freeze_time("2026-05-10 04:00:00")
class TestCommitteeAccess(CommitteeCommon):
    def test_staff_see_their_projects(self):
        """Staff of project A see its committee, never project B's; head
        office sees both; department and finance only read."""
        committees = self.committee_a | self.committee_b
        Committee = self.env["property.committee"]
        for role in ("agent", "department", "finance", "manager"):
            user = self.users[role]
            self.assertEqual(
                Committee.with_user(user).search([("id", "in", committees.ids)]),
                self.committee_a,
                role,
            )
            with self.assertRaises(AccessError, msg=role):
                self.committee_b.with_user(user).read(["name"])
        head_office = self.users["head_office"]
        self.assertEqual(
            Committee.with_user(head_office).search([("id", "in", committees.ids)]),
            committees,
        )
        for role in ("department", "finance"):
            with self.assertRaises(AccessError, msg=role):
                self.committee_a.with_user(self.users[role]).write({"name": "X"})
        with self.assertRaises(AccessError):
            self.committee_a.with_user(head_office).write({"name": "X"})
        self.committee_a.with_user(self.agent).write({"note": "<p>Office hours</p>"})
        self.env["property.committee.member"].with_user(self.agent).create(
            {"committee_id": self.committee_a.id, "partner_id": self.owner_a_spouse.id}
        )
        with self.assertRaises(AccessError):
            self.env["property.committee.member"].with_user(self.agent).create(
                {"committee_id": self.committee_b.id, "partner_id": self.owner_b.id}
            )

    def test_portal_owner_not_member_sees_nothing(self):
        """An owner who is not a member (and a tenant) read no committee
        record over RPC."""
        for user in (self.portal_tenant,):
            for model in (
                "property.committee",
                "property.meeting",
                "property.meeting.action",
                "property.committee.report",
            ):
                self.assertFalse(self.env[model].with_user(user).search([]), model)
        with self.assertRaises(AccessError):
            self.env["property.committee.member"].with_user(self.portal_owner).search(
                []
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-05-10 04:00:00")
class TestCommitteeOwnership(CommitteeCommon):
    def test_member_who_sold_gets_manager_todo(self):
        """A member who sold their unit stays a member until the manager
        ends the membership: the daily pass asks them to, once."""
        link = self.unit_a1.partner_link_ids.filtered(
            lambda link: link.partner_id == self.owner_a
        )
        Member = self.env["property.committee.member"]
        self.assertFalse(Member._cron_check_members_still_owners())
        link.date_end = "2026-04-30"
        self.env["res.partner"]._cron_refresh_committee_members()
        todo = self.committee_a.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.manager)
        self.assertIn("Zhang Wei no longer owns a unit", todo.summary)
        self.assertFalse(Member._cron_check_members_still_owners(), "once")
        self.member_a.date_end = "2026-05-09"
        self.assertFalse(self.owner_a.is_committee_member)
        self.assertFalse(Member._cron_check_members_still_owners())

    def test_grant_portal_access(self):
        """The member line opens Odoo's portal wizard for the owner."""
        action = self.member_a.action_grant_portal()
        self.assertEqual(action["res_model"], "portal.wizard")
        self.assertEqual(action["context"]["active_ids"], self.owner_a.ids)
        self.assertTrue(self.member_a.has_portal_access, "pcs_owner_a")
        spouse = self.env["property.committee.member"].create(
            {"committee_id": self.committee_a.id, "partner_id": self.owner_a_spouse.id}
        )
        self.assertFalse(spouse.has_portal_access)
