# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager, nullcontext
from datetime import datetime
from unittest.mock import patch

import psycopg2.errors
from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP, PropertyCsCommon

# the events of the tests: 15 June 2030, 09:00-11:30 in Shanghai (UTC+8)
EVENT_BEGIN = datetime(2030, 6, 15, 1, 0)
EVENT_END = datetime(2030, 6, 15, 3, 30)
# the evening of the event, and 10:00 the next day (Shanghai)
EVENING = "2030-06-15 12:00:00"
NEXT_DAY = "2030-06-16 02:00:00"


class EventCommon(PropertyCsCommon):
    """Project A: unit 101 (owner Zhang Wei, co-owner Li Na, their child),
    unit 102 rented out (tenant Wang Fang with her flatmate Wang Lei; the
    landlord Liu Yang), and a published event with 3 places."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a.tz = "Asia/Shanghai"
        Partner = cls.env["res.partner"]
        cls.child_a = Partner.create(
            {"name": "Zhang Xiaoming", "date_birth": "2021-03-01"}
        )
        cls.resident_t = Partner.create(
            {"name": "Wang Lei", "date_birth": "1990-01-01"}
        )
        cls.landlord = Partner.create(
            {"name": "Liu Yang", "email": "liu.yang@example.com"}
        )
        cls.env["property.unit.partner"].create(
            [
                {
                    "unit_id": cls.unit_a1.id,
                    "partner_id": cls.child_a.id,
                    "role": "household",
                    "date_start": "2021-03-01",
                },
                {
                    "unit_id": cls.unit_a2.id,
                    "partner_id": cls.resident_t.id,
                    "role": "resident",
                    "date_start": "2023-01-01",
                },
                {
                    "unit_id": cls.unit_a2.id,
                    "partner_id": cls.landlord.id,
                    "role": "owner",
                    "date_start": "2019-01-01",
                },
            ]
        )
        cls.owner_a.date_birth = "1985-05-05"
        cls.household_a = cls.owner_a | cls.owner_a_spouse | cls.child_a
        cls.household_t = cls.tenant_a | cls.resident_t
        cls.department = cls.users["department"]
        cls.event = cls._event()
        cls.env.flush_all()

    @classmethod
    def _event(cls, **values):
        vals = {
            "name": "Dragon Boat Festival",
            "property_project_id": cls.project_a.id,
            "date_begin": EVENT_BEGIN,
            "date_end": EVENT_END,
            "date_tz": "Asia/Shanghai",
            "seats_limited": True,
            "seats_max": 3,
            "property_is_published": True,
            "event_mail_ids": [Command.clear()],
        }
        vals.update(values)
        return cls.env["event.event"].create(vals)

    def _book(self, portal_user, members, event=None):
        """Book as the portal pages do: the signed-in user's environment."""
        event = event or self.event
        return event.with_user(portal_user)._property_portal_book(
            portal_user.partner_id, members
        )

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception), regex)


@tagged("post_install", "-at_install")
class TestEventRegistration(EventCommon):
    """Places, the waiting list and its promotion, households, staff
    bookings, attendance, no-shows and feedback of community events."""

    def test_no_default_mail_schedulers(self):
        """Community events (without a type or of a community type) schedule
        none of Odoo's mails, so households are not told twice; an event
        of no project keeps Odoo's defaults."""
        values = {
            "name": "Lantern Riddles",
            "date_begin": EVENT_BEGIN,
            "date_end": EVENT_END,
        }
        Event = self.env["event.event"]
        untyped = Event.create(dict(values, property_project_id=self.project_a.id))
        typed = Event.create(
            dict(
                values,
                property_project_id=self.project_a.id,
                event_type_id=self.env.ref("property_cs.event_type_festival").id,
            )
        )
        self.assertFalse(untyped.event_mail_ids)
        self.assertFalse(typed.event_mail_ids)
        self.assertTrue(Event.create(values).event_mail_ids)

    def test_households(self):
        """An owner books their co-owner and household; a tenant their own
        tenancy's household; the landlord of a rented unit only its owners;
        household members and residents book for nobody."""
        households = self.env["event.registration"]._property_households
        self.assertEqual(households(self.owner_a), {self.unit_a1: self.household_a})
        self.assertEqual(households(self.tenant_a), {self.unit_a2: self.household_t})
        self.assertEqual(households(self.landlord), {self.unit_a2: self.landlord})
        self.assertEqual(households(self.child_a), {})
        self.assertEqual(households(self.owner_b), {self.unit_b1: self.owner_b})

    def test_capacity_and_waiting_list(self):
        """Places are taken in the order chosen; when none is left the
        bookings go to the waiting list without taking a place."""
        registrations = self._book(
            self.portal_owner, self.owner_a | self.owner_a_spouse
        )
        self.assertEqual(registrations.mapped("state"), ["open", "open"])
        self.assertEqual(registrations.property_unit_id, self.unit_a1)
        self.assertEqual(registrations.property_booked_by_id, self.owner_a)
        self.assertEqual(set(registrations.mapped("property_channel")), {"portal"})
        self.assertEqual(self.event.seats_available, 1)
        waiting = self._book(self.portal_tenant, self.tenant_a | self.resident_t)
        self.assertEqual(waiting.mapped("state"), ["open", "draft"])
        self.assertEqual(waiting.mapped("property_is_waitlist"), [False, True])
        self.event.invalidate_recordset()
        self.assertEqual(self.event.seats_available, 0)
        self.assertEqual(self.event.seats_taken, 3)
        self.assertEqual(self.event.property_waitlist_count, 1)
        # the child goes to the waiting list too
        child = self._book(self.portal_owner, self.child_a)
        self.assertEqual((child.state, child.property_is_waitlist), ("draft", True))
        self.event.invalidate_recordset()
        self.assertEqual(self.event.property_waitlist_count, 2)
        # registered once only
        with self.assertRaisesRegex(UserError, "Already registered"):
            self._book(self.portal_owner, self.owner_a)

    def test_cancellation_promotes_the_earliest(self):
        """Cancelling a place gives it to the earliest booking on the
        waiting list, whose booker is told; cancelling a waiting booking
        promotes nobody."""
        self.event.seats_max = 2
        mine = self._book(self.portal_owner, self.owner_a | self.owner_a_spouse)
        first = self._book(self.portal_tenant, self.tenant_a)
        second = self._book(self.portal_tenant, self.resident_t)
        self.assertTrue(first.property_is_waitlist and second.property_is_waitlist)
        # a waiting booking cancelled: no place freed
        second.with_user(self.portal_tenant)._property_portal_cancel(self.tenant_a)
        self.assertEqual(second.state, "cancel")
        self.assertEqual(first.state, "draft")
        second = self._book(self.portal_tenant, self.resident_t)
        spouse = mine.filtered(lambda reg: reg.partner_id == self.owner_a_spouse)
        spouse.with_user(self.portal_owner)._property_portal_cancel(self.owner_a)
        self.assertEqual(spouse.state, "cancel")
        self.assertEqual((first.state, first.property_is_waitlist), ("open", False))
        self.assertEqual((second.state, second.property_is_waitlist), ("draft", True))
        told = first.message_ids.filtered(lambda m: self.tenant_a in m.partner_ids)
        self.assertEqual(len(told), 1)
        self.assertIn("Dragon Boat Festival", told.subject)
        self.assertIn("2030-06-15 09:00-11:30", told.body)
        # staff cancel at the desk: the next one is promoted as well
        owner = mine - spouse
        owner.with_user(self.agent).action_cancel()
        self.assertEqual((second.state, second.property_is_waitlist), ("open", False))
        self.event.invalidate_recordset()
        self.assertEqual(self.event.seats_available, 0)
        # a place set back to unconfirmed at the desk is freed as well
        third = self._book(self.portal_owner, self.child_a)
        self.assertTrue(third.property_is_waitlist)
        first.with_user(self.agent).action_set_draft()
        self.assertEqual((third.state, third.property_is_waitlist), ("open", False))
        # a place archived at the desk is freed as well
        fourth = self._book(self.portal_owner, self.owner_a)
        self.assertTrue(fourth.property_is_waitlist)
        third.with_user(self.agent).action_archive()
        self.assertEqual((fourth.state, fourth.property_is_waitlist), ("open", False))

    def test_household_isolation(self):
        """Only members of the booker's own household: another household's
        member, the landlord's tenant, the tenant's landlord are refused,
        whatever ids the form sends; cancelling another household's place
        is refused."""
        cases = [
            (self.portal_owner, self.resident_t),
            (self.portal_owner, self.owner_a | self.tenant_a),
            (self.portal_tenant, self.landlord),
            (self.portal_tenant, self.owner_a_spouse),
            (self.portal_owner_b, self.owner_b),  # project B: not offered
        ]
        for user, members in cases:
            with self.subTest(user=user.login, members=members.mapped("name")):
                with self.assertRaises(AccessError):
                    self._book(user, members)
        self.assertFalse(self.event.registration_ids)
        landlord_user = new_test_user(
            self.env,
            login="pcs_landlord",
            groups="base.group_portal",
            partner_id=self.landlord.id,
        )
        with self.assertRaises(AccessError):
            self._book(landlord_user, self.resident_t)
        self.assertEqual(
            self._book(landlord_user, self.landlord).partner_id, self.landlord
        )
        mine = self._book(self.portal_owner, self.owner_a)
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_tenant)._property_portal_cancel(self.tenant_a)
        self.assertEqual(mine.state, "open")

    def test_portal_cannot_read_registrations(self):
        """Portal users read no registration and no event over RPC, their
        own household's included; staff read their projects' only."""
        mine = self._book(self.portal_owner, self.owner_a)
        theirs = self._book(self.portal_tenant, self.tenant_a)
        other_event = self._event(
            name="River party", property_project_id=self.project_b.id
        )
        other = self._book(self.portal_owner_b, self.owner_b, event=other_event)
        for user in (self.portal_owner, self.portal_tenant):
            Registration = self.env["event.registration"].with_user(user)
            with self.assertRaises(AccessError):
                Registration.search([])
            with self.assertRaises(AccessError):
                theirs.with_user(user).read(["name", "partner_id"])
            with self.assertRaises(AccessError):
                mine.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["event.event"].with_user(user).search([])
            with self.assertRaises(AccessError):
                theirs.with_user(user).write({"state": "cancel"})
        self.assertEqual(theirs.state, "open")
        for user in (self.agent, self.department):
            seen = self.env["event.registration"].with_user(user).search([])
            self.assertIn(mine, seen)
            self.assertNotIn(other, seen)
        seen = (
            self.env["event.registration"]
            .with_user(self.users["head_office"])
            .search([])
        )
        self.assertIn(other, seen)

    def test_booking_rules(self):
        """Refused: before booking opens for the partner (with its reason),
        an unpublished event, a started one, and nobody chosen."""
        Event = type(self.env["event.event"])
        with patch.object(
            Event,
            "_property_booking_open_for",
            lambda event, partner: (False, "Key customers book first until 1 June."),
        ):
            with self.assertRaisesRegex(UserError, "Key customers book first"):
                self._book(self.portal_owner, self.owner_a)
        with self.assertRaisesRegex(UserError, "Choose who will attend"):
            self._book(self.portal_owner, self.env["res.partner"])
        hidden = self._event(property_is_published=False)
        with self.assertRaises(AccessError):
            self._book(self.portal_owner, self.owner_a, event=hidden)
        other_building = self.env["property.building"].create(
            {"name": "B2", "project_id": self.project_a.id}
        )
        elsewhere = self._event(property_building_ids=[Command.set(other_building.ids)])
        with self.assertRaises(AccessError):
            self._book(self.portal_owner, self.owner_a, event=elsewhere)
        with freeze_time("2030-06-15 01:30:00"):
            with self.assertRaisesRegex(UserError, "has closed"):
                self._book(self.portal_owner, self.owner_a)
        self.assertFalse(self.event.registration_ids)

    def _set_conditions(self, event, min_age=0, max_age=0, household="none"):
        """The event's age range and household condition."""
        event.write(
            {
                "property_min_age": min_age,
                "property_max_age": max_age,
                "property_household_condition": household,
            }
        )
        return nullcontext()

    def test_conditions(self):
        """An age range refuses members whose recorded age is outside it
        (an unknown birthday is let through); a household condition
        refuses households without a child (or an elderly member)."""
        with self._set_conditions(self.event, min_age=3, max_age=12):
            self.assertIn("Ages 3 to 12", self.event._property_condition_labels())
            with self.assertRaisesRegex(UserError, "Zhang Wei is older than 12"):
                self._book(self.portal_owner, self.owner_a | self.child_a)
            # the co-owner's birthday is not on record
            booked = self._book(self.portal_owner, self.child_a | self.owner_a_spouse)
            self.assertEqual(len(booked), 2)
        with self._set_conditions(self.event, household="children"):
            with self.assertRaisesRegex(UserError, "households with children"):
                self._book(self.portal_tenant, self.tenant_a)
            self.assertEqual(len(self._book(self.portal_owner, self.owner_a)), 1)
        with self._set_conditions(self.event, household="elderly"):
            with self.assertRaisesRegex(UserError, "households with elderly members"):
                self._book(self.portal_tenant, self.tenant_a)

    def test_booking_locks_the_event_row(self):
        """The event's row is updated (locked) before the places are
        counted and the registrations inserted."""
        queries = []
        cursor = self.env.cr
        execute = cursor.execute

        def spy(query, params=None, log_exceptions=True):
            queries.append(getattr(query, "code", query))
            return execute(query, params, log_exceptions)

        with patch.object(cursor, "execute", spy):
            self._book(self.portal_owner, self.owner_a)
        lock = next(
            i
            for i, query in enumerate(queries)
            if query.startswith("UPDATE event_event SET write_date = write_date")
        )
        count = next(
            i
            for i, query in enumerate(queries)
            if "FROM event_registration" in query
            and "GROUP BY event_id, state" in query
        )
        insert = next(
            i
            for i, query in enumerate(queries)
            if query.startswith('INSERT INTO "event_registration"')
        )
        self.assertLess(lock, count)
        self.assertLess(count, insert)

    def test_staff_book_by_phone_and_walk_in(self):
        """The desk registers a household from its unit (phone booking or
        walk-in), the waiting list when full; a member of another household
        is refused; staff of another project do not reach the event."""
        self.event.seats_max = 2
        wizard = Form(
            self.env["property.event.register"]
            .with_user(self.department)
            .with_context(default_event_id=self.event.id)
        )
        wizard.unit_id = self.unit_a1
        self.assertEqual(wizard.booker_id, self.owner_a)
        self.assertEqual(wizard.places_left, "2")
        wizard.channel = "walk_in"
        wizard.member_ids.add(self.child_a)
        wizard.member_ids.add(self.owner_a)
        wizard.save().action_confirm()
        booked = self.event.registration_ids
        self.assertEqual(len(booked), 2)
        self.assertEqual(set(booked.mapped("property_channel")), {"walk_in"})
        self.assertEqual(booked.property_booked_by_id, self.owner_a)
        self.assertEqual(booked.create_uid, self.department)
        # full: by phone, to the waiting list
        wizard = Form(
            self.env["property.event.register"]
            .with_user(self.agent)
            .with_context(default_event_id=self.event.id)
        )
        wizard.unit_id = self.unit_a2
        # the landlord comes first; the tenant books for the tenancy
        self.assertEqual(wizard.booker_id, self.landlord)
        wizard.booker_id = self.tenant_a
        wizard.member_ids.add(self.resident_t)
        result = wizard.save().action_confirm()
        self.assertEqual(result["params"]["type"], "warning")
        waiting = self.event.registration_ids - booked
        self.assertEqual((waiting.state, waiting.property_is_waitlist), ("draft", True))
        self.assertEqual(waiting.property_channel, "phone")
        Event = self.event.with_user(self.agent)
        with self.assertRaises(AccessError):
            Event._property_staff_book(
                self.owner_a, self.unit_a1, self.resident_t, "phone"
            )
        with self.assertRaisesRegex(UserError, "does not currently own or rent"):
            Event._property_staff_book(
                self.owner_a, self.unit_a2, self.owner_a, "phone"
            )
        stranger = new_test_user(
            self.env, login="pcs_agent_b", groups=GROUP % "agent", name="Agent B"
        )
        stranger.property_project_ids = [Command.link(self.project_b.id)]
        with self.assertRaises(AccessError):
            self.event.with_user(stranger)._property_staff_book(
                self.landlord, self.unit_a2, self.landlord, "phone"
            )

    def test_attendance_and_no_shows(self):
        """At the door: one tap present (attended, tracked), one tap
        no-show; after the event the bookings not marked present become
        no-shows (the waiting list does not)."""
        self.event.seats_max = 3
        owner, spouse, child = self._book(
            self.portal_owner, self.owner_a | self.owner_a_spouse | self.child_a
        )
        waiting = self._book(self.portal_tenant, self.tenant_a)
        self.flush_tracking()
        owner.with_user(self.department).with_context(
            tracking_disable=False, mail_notrack=False
        ).action_property_present()
        self.flush_tracking()
        self.assertEqual(owner.state, "done")
        tracked = owner.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(tracked[:1].new_value_char, "Attended")
        spouse.with_user(self.department).action_property_no_show()
        self.assertTrue(spouse.property_no_show)
        # marked present by mistake, then no-show, then present again
        spouse.with_user(self.department).action_property_present()
        self.assertEqual((spouse.state, spouse.property_no_show), ("done", False))
        with self.assertRaisesRegex(UserError, "waiting list"):
            waiting.with_user(self.department).action_property_no_show()
        with self.assertRaises(AccessError):
            child.with_user(self.portal_owner).action_property_present()
        with self.assertRaisesRegex(UserError, "cannot be edited directly"):
            child.with_user(self.agent).write({"property_no_show": True})
        with self.assertRaisesRegex(UserError, "once the event has ended"):
            self.event.with_user(self.agent).action_property_mark_no_shows()
        with freeze_time(EVENING):
            self.env["event.event"]._cron_property_mark_no_shows()
            self.assertFalse(child.property_no_show)
        with freeze_time(NEXT_DAY):
            self.env["event.event"]._cron_property_mark_no_shows()
        self.assertTrue(child.property_no_show)
        self.assertEqual(child.state, "open")
        self.assertFalse(waiting.property_no_show)
        self.assertFalse(owner.property_no_show)
        self.event.invalidate_recordset()
        self.assertEqual(self.event.property_no_show_count, 1)

    def test_feedback_once_and_only_attendees(self):
        """The day after, each household that attended is asked once, in
        its language; only its owners or tenants answer, once; the average
        shows on the event."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner_a.lang = "zh_CN"
        self.event.with_context(lang="zh_CN").name = "端午节包粽子"
        owner, child = self._book(self.portal_owner, self.owner_a | self.child_a)
        tenant = self._book(self.portal_tenant, self.tenant_a)
        (owner | child | tenant).with_user(self.department).action_property_present()
        Registration = self.env["event.registration"]
        with freeze_time(EVENING):
            Registration._cron_property_event_feedback()
        self.assertFalse(owner.property_date_feedback_request)
        with freeze_time(NEXT_DAY):
            Registration._cron_property_event_feedback()
            Registration._cron_property_event_feedback()
        self.assertTrue(owner.property_date_feedback_request)
        asked = (owner | child).message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids
        )
        self.assertEqual(len(asked), 1, "one request per household, sent once")
        self.assertIn("端午节包粽子", asked.subject)
        self.assertIn(f"/my/events/{self.event.id}/feedback", asked.body)
        self.assertIn("Zhang Xiaoming", asked.body)
        asked_tenant = tenant.message_ids.filtered(
            lambda m: self.tenant_a in m.partner_ids
        )
        self.assertEqual(len(asked_tenant), 1)
        self.assertIn("Dragon Boat Festival", asked_tenant.subject)
        # only the attendee's household, only attendees
        with self.assertRaises(AccessError):
            owner.with_user(self.portal_tenant)._property_portal_feedback(
                self.tenant_a, "1", "Bad"
            )
        with self.assertRaisesRegex(UserError, "1 to 5"):
            self.event.with_user(self.portal_owner)._property_portal_feedback(
                self.owner_a, "9", ""
            )
        self.event.with_user(self.portal_owner)._property_portal_feedback(
            self.owner_a, "4", "  Lovely afternoon  "
        )
        self.assertEqual((owner | child).mapped("property_feedback_rating"), ["4", "4"])
        self.assertEqual(owner.property_feedback_comment, "Lovely afternoon")
        self.assertTrue(owner.property_date_feedback)
        with self.assertRaisesRegex(UserError, "only members|already"):
            self.event.with_user(self.portal_owner)._property_portal_feedback(
                self.owner_a, "5", ""
            )
        self.event.with_user(self.portal_tenant)._property_portal_feedback(
            self.tenant_a, "1", ""
        )
        self.event.invalidate_recordset()
        self.assertEqual(self.event.property_feedback_count, 3)
        self.assertEqual(self.event.property_feedback_avg, 3.0)
        # a household that booked but did not come has nothing to rate
        no_show_event = self._event(name="Safety drill")
        no_show = self._book(self.portal_owner, self.owner_a, event=no_show_event)
        with self.assertRaisesRegex(UserError, "attended"):
            no_show_event.with_user(self.portal_owner)._property_portal_feedback(
                self.owner_a, "5", ""
            )
        self.assertFalse(no_show.property_feedback_rating)

    def test_feedback_taken_by_phone(self):
        """Staff record the feedback a household gives by phone: it applies
        to the household's attendees, once, and the chatter says who took
        it; a portal user cannot use the staff entry."""
        owner, child = self._book(self.portal_owner, self.owner_a | self.child_a)
        tenant = self._book(self.portal_tenant, self.tenant_a)
        (owner | child | tenant).with_user(self.department).action_property_present()
        with self.assertRaises(AccessError):
            owner.with_user(self.portal_owner)._property_staff_feedback("5", "")
        wizard = (
            self.env["property.event.feedback"]
            .with_user(self.agent)
            .create({"registration_id": child.id, "rating": "2", "comment": "Too loud"})
        )
        wizard.action_record()
        self.assertEqual((owner | child).mapped("property_feedback_rating"), ["2", "2"])
        self.assertEqual(child.property_feedback_comment, "Too loud")
        self.assertFalse(tenant.property_feedback_rating, "another household")
        self.assertIn(self.agent.name, owner.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "already"):
            owner.with_user(self.agent)._property_staff_feedback("4", "")

    def test_portal_lists(self):
        """Upcoming published events of the partner's project and buildings,
        and past events the household registered for."""
        hidden = self._event(name="Draft", property_is_published=False)
        other_project = self._event(name="River", property_project_id=self.project_b.id)
        past = self._event(
            name="Spring Festival",
            date_begin=datetime(2025, 2, 1, 2, 0),
            date_end=datetime(2025, 2, 1, 4, 0),
        )
        past_registration = self.env["event.registration"].create(
            {
                "event_id": past.id,
                "partner_id": self.child_a.id,
                "property_unit_id": self.unit_a1.id,
                "state": "done",
            }
        )
        Event = self.env["event.event"]
        upcoming, past_events = Event._property_portal_events(self.owner_a)
        self.assertIn(self.event, upcoming)
        self.assertNotIn(hidden, upcoming)
        self.assertNotIn(other_project, upcoming)
        self.assertEqual(past_events, past)
        upcoming_t, past_t = Event._property_portal_events(self.tenant_a)
        self.assertIn(self.event, upcoming_t)
        self.assertFalse(past_t)
        self.assertEqual(Event._property_portal_events(self.owner_b)[0], other_project)
        self.assertEqual(
            Event._property_portal_events(self.no_unit_partner), (Event, Event)
        )
        values = self.event.with_user(self.portal_tenant)._property_portal_values(
            self.tenant_a
        )
        self.assertEqual(values["date_label"], "2030-06-15 09:00-11:30")
        self.assertEqual(
            {c["partner"] for c in values["candidates"]},
            set(self.household_t),
        )
        with self.assertRaises(AccessError):
            past.with_user(self.portal_tenant)._property_portal_values(self.tenant_a)
        self.assertEqual(past_registration.property_project_id, self.project_a)

    def test_event_form_and_actions(self):
        """Staff open the event form with its booking buttons and figures;
        publishing needs a project; the attendance list is the event's."""
        form = Form(self.event.with_user(self.agent))
        self.assertTrue(form.property_is_published)
        self.event.with_user(self.agent).action_property_unpublish()
        self.assertFalse(self.event.property_is_published)
        self.event.with_user(self.agent).action_property_publish()
        self.assertTrue(self.event.property_is_published)
        plain = self.env["event.event"].create(
            {"name": "Plain", "date_begin": EVENT_BEGIN, "date_end": EVENT_END}
        )
        with self.assertRaisesRegex(UserError, "project"):
            plain.action_property_publish()
        with self.assertRaises(AccessError):
            self.event.with_user(self.department).action_property_publish()
        action = self.event.with_user(self.department).action_property_attendance()
        self.assertEqual(action["domain"], [("event_id", "=", self.event.id)])
        self.assertEqual(action["res_model"], "event.registration")
        action = self.event.with_user(self.department).action_property_register()
        self.assertEqual(action["context"], {"default_event_id": self.event.id})

    def test_guarded_and_validated(self):
        """Waiting-list and feedback fields change only through the action
        methods; Odoo's seat check still holds."""
        self.event.seats_max = 1
        self._book(self.portal_owner, self.owner_a)
        with self.assertRaisesRegex(UserError, "cannot be edited directly"):
            self.env["event.registration"].with_user(self.agent).create(
                {
                    "event_id": self.event.id,
                    "partner_id": self.tenant_a.id,
                    "property_is_waitlist": True,
                }
            )
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self.env["event.registration"].with_user(self.agent).create(
                {"event_id": self.event.id, "partner_id": self.tenant_a.id}
            )


@tagged("post_install", "-at_install")
class TestEventConcurrentBooking(TransactionCase):
    """Two households take the last place at the same time, each in its own
    transaction (Odoo runs them in repeatable read). Without the row update
    of ``_property_lock_seats`` the second one takes a place that is gone;
    with it, the second booking fails with a serialisation error (Odoo
    retries the request) and its retry goes to the waiting list. Runs on
    committed demo data (owner1's household and another owner of
    绿城·桂花苑) and removes the events it created."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def _committed_event(self, name):
        with self.registry.cursor() as cr:
            event_id = (
                self._env(cr)["event.event"]
                .create(
                    {
                        "name": name,
                        "property_project_id": self.project.id,
                        "date_begin": EVENT_BEGIN,
                        "date_end": EVENT_END,
                        "seats_limited": True,
                        "seats_max": 1,
                        "property_is_published": True,
                        "event_mail_ids": [Command.clear()],
                    }
                )
                .id
            )
        self.addCleanup(self._remove_event, event_id)
        return event_id

    def _remove_event(self, event_id):
        with self.registry.cursor() as cr:
            event = self._env(cr)["event.event"].browse(event_id)
            event.registration_ids.unlink()
            event.unlink()

    def _race(self, event_id):
        """Household A books the last place and commits while household B's
        request is under way; returns B's booking (not committed)."""
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            for cr in (cr_a, cr_b):
                cr.execute("SET LOCAL lock_timeout = '10s'")
            cr_b.execute("SELECT 1")  # B's snapshot is taken
            booked = (
                self._env(cr_a)["event.event"]
                .browse(event_id)
                ._property_portal_book(self.owner1, self.owner1)
            )
            self.assertEqual(booked.state, "open")
            cr_a.commit()
            try:
                other = (
                    self._env(cr_b)["event.event"]
                    .browse(event_id)
                    ._property_portal_book(self.other, self.other)
                )
                return other.state, other.property_is_waitlist
            finally:
                cr_b.rollback()

    def test_two_last_place_bookings(self):
        self.project = self.env.ref("property_cs.demo_project_ghy")
        self.owner1 = self.env.ref("property_cs.demo_user_owner1").partner_id
        self.other = self.env.ref("property_cs.demo_partner_committee_1")
        self.assertTrue(self.env["event.registration"]._property_households(self.other))
        # without the row update, B takes the place A took (overbooked)
        Event = type(self.env["event.event"])
        unlocked = self._committed_event("Booking race without lock")
        with patch.object(
            Event,
            "_property_lock_seats",
            lambda event: event.invalidate_recordset(["seats_available"]),
        ):
            self.assertEqual(self._race(unlocked), ("open", False))
        # with it, B fails and Odoo retries B's request
        locked = self._committed_event("Booking race")
        with (
            self.assertRaises(psycopg2.errors.SerializationFailure),
            mute_logger("odoo.sql_db"),
        ):
            self._race(locked)
        with self.registry.cursor() as cr_retry:
            retried = (
                self._env(cr_retry)["event.event"]
                .browse(locked)
                ._property_portal_book(self.other, self.other)
            )
            self.assertEqual(
                (retried.state, retried.property_is_waitlist), ("draft", True)
            )
            cr_retry.rollback()
