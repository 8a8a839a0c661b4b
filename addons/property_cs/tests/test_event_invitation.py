# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invitations to community events: targeting rules in order, key customers
first with their head start, consent, sending and reminders, participation
on the owner file and the key-customer ledger, access."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import format_datetime, mute_logger

from .common import PropertyCsCommon

# the event starts 2027-09-20 18:00 in Shanghai; booking opens for everyone
# on 2027-09-10 10:00 there, for key customers three days earlier
DATE_BEGIN = datetime(2027, 9, 20, 10, 0)
DATE_END = datetime(2027, 9, 20, 13, 0)
OPEN_ALL = datetime(2027, 9, 10, 2, 0)
OPEN_KEY = datetime(2027, 9, 7, 2, 0)


class EventInvitationCommon(PropertyCsCommon):
    """Project A: building B1 of the common fixture (unit 101 owned by Zhang
    Wei and his wife, unit 102 rented to Wang Fang) and a building B2 with a
    business owner, a family with a child, an elderly owner, a key customer
    and a let flat whose tenant lives with a child."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building_a2 = cls.env["property.building"].create(
            {"name": "B2", "project_id": cls.project_a.id}
        )
        names = ("201", "202", "203", "204", "205")
        cls.u_business, cls.u_family, cls.u_elderly, cls.u_key, cls.u_let = cls.env[
            "property.unit"
        ].create(
            [
                {"name": name, "building_id": cls.building_a2.id, "area": 100.0}
                for name in names
            ]
        )
        Partner = cls.env["res.partner"]
        cls.p_business = Partner.create(
            {
                "name": "Owner Business",
                "email": "business@example.com",
                "owner_group": "business",
            }
        )
        cls.p_family = Partner.create(
            {"name": "Owner Family", "email": "family@example.com"}
        )
        cls.p_child = Partner.create(
            {"name": "Family Child", "date_birth": "2019-05-01"}
        )
        cls.p_elderly = Partner.create(
            {
                "name": "Owner Elderly",
                "email": "elderly@example.com",
                "date_birth": "1950-03-01",
                "lang": "en_US",
            }
        )
        cls.p_key = Partner.create(
            {
                "name": "Owner Key",
                "email": "key@example.com",
                "is_influential": True,
            }
        )
        cls.p_landlord = Partner.create({"name": "Landlord", "owner_group": "business"})
        cls.p_renter = Partner.create({"name": "Renter"})
        cls.p_renter_child = Partner.create(
            {"name": "Renter Child", "date_birth": "2020-01-01"}
        )
        link = {"role": "owner", "date_start": "2020-01-01"}
        cls.env["property.unit.partner"].create(
            [
                dict(link, unit_id=cls.u_business.id, partner_id=cls.p_business.id),
                dict(link, unit_id=cls.u_family.id, partner_id=cls.p_family.id),
                dict(
                    link,
                    unit_id=cls.u_family.id,
                    partner_id=cls.p_child.id,
                    role="household",
                ),
                dict(link, unit_id=cls.u_elderly.id, partner_id=cls.p_elderly.id),
                dict(link, unit_id=cls.u_key.id, partner_id=cls.p_key.id),
                dict(link, unit_id=cls.u_let.id, partner_id=cls.p_landlord.id),
                dict(
                    link,
                    unit_id=cls.u_let.id,
                    partner_id=cls.p_renter.id,
                    role="tenant",
                ),
                dict(
                    link,
                    unit_id=cls.u_let.id,
                    partner_id=cls.p_renter_child.id,
                    role="household",
                ),
            ]
        )
        cls.event = cls._event()

    @classmethod
    def _event(cls, project=None, **vals):
        values = {
            "name": "Mid-Autumn Party",
            "date_begin": DATE_BEGIN,
            "date_end": DATE_END,
            "property_project_id": (project or cls.project_a).id,
            "property_date_open_all": OPEN_ALL,
            "event_mail_ids": [Command.clear()],
        }
        values.update(vals)
        return cls.env["event.event"].create(values)

    def _invitations(self, event=None):
        return (event or self.event).property_invitation_ids.sorted()

    def _recipients(self, event=None, wave=None):
        invitations = self._invitations(event)
        if wave:
            invitations = invitations.filtered(lambda i: i.wave == wave)
        return invitations.partner_id

    def _mails(self, partner):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "property.event.invitation"),
                ("recipient_ids", "in", partner.ids),
            ]
        )


@tagged("post_install", "-at_install")
class TestEventInvitation(EventInvitationCommon):
    def test_key_customer_days_from_project(self):
        """The head start is proposed from the project (3 days by default)
        and the key-customer opening follows the opening for everyone."""
        self.assertEqual(self.project_a.event_key_customer_days, 3)
        self.assertEqual(self.event.property_key_customer_days, 3)
        self.assertEqual(self.event.property_date_open_key, OPEN_KEY)
        self.project_a.event_key_customer_days = 5
        self.assertEqual(self.event.property_key_customer_days, 3, "kept")
        event = self._event()
        self.assertEqual(event.property_key_customer_days, 5)
        self.assertEqual(event.property_date_open_key, datetime(2027, 9, 5, 2, 0))

    def test_targeting_order_key_customers_first(self):
        """Key customers first, in their own earlier wave; then one
        invitation per household to its recipient: the tenant who lives
        there, else the first owner."""
        self.event.action_property_build_invitations()
        invitations = self._invitations()
        self.assertEqual(invitations[0].partner_id, self.p_key)
        self.assertEqual(invitations[0].wave, "key_customer")
        self.assertEqual(invitations[0].rule, "key_customer")
        self.assertEqual(invitations[0].date_scheduled, OPEN_KEY)
        general = invitations[1:]
        self.assertEqual(set(general.mapped("wave")), {"general"})
        self.assertEqual(set(general.mapped("date_scheduled")), {OPEN_ALL})
        self.assertEqual(
            general.partner_id,
            self.owner_a
            | self.tenant_a
            | self.p_business
            | self.p_family
            | self.p_elderly
            | self.p_renter,
        )
        by_unit = {i.unit_id: i.partner_id for i in invitations}
        self.assertEqual(by_unit[self.unit_a1], self.owner_a, "not his co-owner too")
        self.assertEqual(
            by_unit[self.u_let], self.p_renter, "the tenant who lives there"
        )
        self.assertNotIn(self.p_landlord, invitations.partner_id)
        self.assertNotIn(
            self.u_key, general.unit_id, "the key customer is invited once"
        )
        self.assertEqual(set(general.mapped("rule")), {"building"})

    def test_buildings_owner_groups_and_household_rules(self):
        """The households of the chosen buildings, then the owner group, then
        children or elderly members (by birthday on the event's day; ages
        14 and 60); key customers of other buildings are still invited."""
        self.owner_a.is_influential = True  # a key customer in building B1
        self.event.property_building_ids = self.building_a2
        self.event.action_property_build_invitations()
        self.assertEqual(
            self._recipients(wave="key_customer"), self.p_key | self.owner_a
        )
        self.assertEqual(
            self._recipients(wave="general"),
            self.p_business | self.p_family | self.p_elderly | self.p_renter,
            "building B1's other households are left out",
        )
        groups = self._event(property_target_owner_group="business")
        groups.action_property_build_invitations()
        self.assertEqual(self._recipients(groups, "general"), self.p_business)
        self.assertEqual(self._invitations(groups)[-1:].rule, "owner_group")
        children = self._event(
            property_target_household="children", property_invite_key_customers=False
        )
        children.action_property_build_invitations()
        self.assertEqual(self._recipients(children), self.p_family | self.p_renter)
        self.assertEqual(set(self._invitations(children).mapped("rule")), {"household"})
        elderly = self._event(
            property_target_household="elderly", property_invite_key_customers=False
        )
        elderly.action_property_build_invitations()
        self.assertEqual(self._recipients(elderly), self.p_elderly)
        # the child of 2019 is 14 on 2033-06-01: no longer a child
        later = self._event(
            date_begin=datetime(2033, 6, 1, 2, 0),
            date_end=datetime(2033, 6, 1, 5, 0),
            property_target_household="children",
            property_invite_key_customers=False,
        )
        later.action_property_build_invitations()
        self.assertEqual(self._recipients(later), self.p_renter)

    def test_household_rule_from_event_type(self):
        """A children's activity proposes to invite the households with
        children."""
        event = self._event(
            event_type_id=self.env.ref("property_cs.event_type_children").id
        )
        self.assertEqual(event.property_target_household, "children")

    def test_no_duplicates_on_rerun(self):
        """Running the targeting again adds only who is new."""
        self.event.action_property_build_invitations()
        first = self._invitations()
        self.event.action_property_build_invitations()
        self.assertEqual(self._invitations(), first)
        newcomer = self.env["res.partner"].create({"name": "Newcomer"})
        self.env["property.unit.partner"].create(
            {"unit_id": self.unit_a3.id, "partner_id": newcomer.id, "role": "owner"}
        )
        self.event.action_property_build_invitations()
        self.assertEqual(
            self._invitations() - first,
            self._invitations().filtered(lambda i: i.partner_id == newcomer),
        )
        self.assertEqual(len(self._invitations()), len(first) + 1)

    def test_consent_withdrawn_skipped(self):
        """A person whose latest consent to event invitations is withdrawn
        is listed as skipped with the reason and never mailed; a new
        consent schedules the invitation again."""
        Consent = self.env["property.consent"]
        Consent.create(
            {
                "partner_id": self.p_elderly.id,
                "scope": "events",
                "date": "2026-01-05",
                "purpose": "Event invitations",
                "date_withdrawn": "2026-06-01",
            }
        )
        self.event.action_property_build_invitations()
        skipped = self._invitations().filtered(lambda i: i.partner_id == self.p_elderly)
        self.assertEqual(skipped.state, "skipped")
        self.assertEqual(skipped.skip_reason, "consent")
        with freeze_time("2027-09-10 03:00:00"):
            self.env["property.event.invitation"]._cron_send_invitations()
        self.assertEqual(skipped.state, "skipped")
        self.assertFalse(self._mails(self.p_elderly))
        self.assertTrue(self._mails(self.p_business))
        Consent.create(
            {
                "partner_id": self.p_elderly.id,
                "scope": "events",
                "date": "2026-09-01",
                "purpose": "Event invitations",
            }
        )
        event = self._event()
        event.action_property_build_invitations()
        self.assertEqual(
            self._invitations(event)
            .filtered(lambda i: i.partner_id == self.p_elderly)
            .state,
            "scheduled",
        )

    def test_consent_withdrawn_after_scheduling(self):
        """Withdrawing the consent after the list was built stops the mail."""
        self.event.action_property_build_invitations()
        self.env["property.consent"].create(
            {
                "partner_id": self.p_business.id,
                "scope": "events",
                "date": "2026-01-05",
                "purpose": "Event invitations",
                "date_withdrawn": "2026-06-01",
            }
        )
        with freeze_time("2027-09-10 03:00:00"):
            self.env["property.event.invitation"]._cron_send_invitations()
        invitation = self._invitations().filtered(
            lambda i: i.partner_id == self.p_business
        )
        self.assertEqual(
            (invitation.state, invitation.skip_reason), ("skipped", "consent")
        )
        self.assertFalse(self._mails(self.p_business))

    def test_key_customer_head_start(self):
        """A key customer may book from the key-customer opening, N days
        before a regular owner; the reason gives the date in the project's
        time zone and the reader's language, and never says why."""
        self.event.action_property_build_invitations()
        event = self.event.with_context(lang="en_US")
        tz = "Asia/Shanghai"
        with freeze_time("2027-09-06 12:00:00"):
            allowed, reason = event._property_booking_open_for(self.p_key)
            self.assertFalse(allowed)
            opens = format_datetime(event.env, OPEN_KEY, tz=tz, dt_format="short")
            self.assertEqual(reason, f"Booking for this event opens on {opens}.")
            self.assertIn("10:00", reason)  # 02:00 UTC is 10:00 in Shanghai
        with freeze_time("2027-09-07 02:00:00"):
            self.assertEqual(event._property_booking_open_for(self.p_key), (True, ""))
            allowed, reason = event._property_booking_open_for(self.p_business)
            self.assertFalse(allowed)
            self.assertIn(
                format_datetime(event.env, OPEN_ALL, tz=tz, dt_format="short"), reason
            )
            self.assertNotIn("key", reason.lower())
            zh_reason = event.with_context(lang="zh_CN")._property_booking_open_for(
                self.p_business
            )[1]
            self.assertIn(
                format_datetime(
                    event.with_context(lang="zh_CN").env,
                    OPEN_ALL,
                    tz=tz,
                    dt_format="short",
                ),
                zh_reason,
            )
            # a key customer flagged after the list was built books early too
            self.owner_a.is_prejudiced = True
            self.assertTrue(event._property_booking_open_for(self.owner_a)[0])
        with freeze_time("2027-09-10 01:59:00"):
            self.assertFalse(event._property_booking_open_for(self.p_business)[0])
        with freeze_time("2027-09-10 02:00:00"):
            self.assertEqual(
                event._property_booking_open_for(self.p_business), (True, "")
            )

    def test_booking_open_without_opening_or_project(self):
        """No opening date or no project: booking is open."""
        event = self._event(property_date_open_all=False)
        self.assertEqual(event._property_booking_open_for(self.p_business), (True, ""))
        plain = self._event(property_project_id=False)
        self.assertEqual(plain._property_booking_open_for(self.p_business), (True, ""))

    @freeze_time("2027-09-01 00:00:00")
    def test_build_sets_opening(self):
        """Built without an opening date, booking opens for everyone after
        the head start: the key customers may book from now."""
        event = self._event(property_date_open_all=False)
        event.action_property_build_invitations()
        self.assertEqual(event.property_date_open_all, datetime(2027, 9, 4, 0, 0))
        self.assertEqual(event.property_date_open_key, datetime(2027, 9, 1, 0, 0))

    def test_sending_cron_waves_once(self):
        """The cron sends the key-customer wave on its date, the others on
        theirs, each once; in the recipient's language with the event's
        date in the project's time zone; without an email address the
        invitation is in the portal only; no chatter post."""
        self.p_elderly.lang = "zh_CN"
        self.event.action_property_build_invitations()
        Invitation = self.env["property.event.invitation"]
        key = self._invitations().filtered(lambda i: i.wave == "key_customer")
        general = self._invitations() - key
        partner_messages = self.env["mail.message"].search_count(
            [("model", "=", "res.partner"), ("res_id", "in", general.partner_id.ids)]
        )
        with freeze_time("2027-09-06 23:00:00"):
            Invitation._cron_send_invitations()
            self.assertEqual(key.state, "scheduled")
        with freeze_time("2027-09-07 03:00:00"):
            Invitation._cron_send_invitations()
            Invitation._cron_send_invitations()
        self.assertEqual(
            (key.state, key.date_sent), ("sent", datetime(2027, 9, 7, 3, 0))
        )
        self.assertEqual(len(self._mails(self.p_key)), 1)
        self.assertEqual(set(general.mapped("state")), {"scheduled"})
        self.assertFalse(self._mails(self.p_business))
        with freeze_time("2027-09-10 03:00:00"):
            Invitation._cron_send_invitations()
            Invitation._cron_send_invitations()
        self.assertEqual(set(general.mapped("state")), {"sent"})
        self.assertEqual(len(self._mails(self.p_key)), 1, "not sent again")
        self.assertEqual(len(self._mails(self.p_business)), 1)
        renter = general.filtered(lambda i: i.partner_id == self.p_renter)
        self.assertEqual(renter.channel, "portal")
        self.assertFalse(self._mails(self.p_renter))
        mail = self._mails(self.p_elderly)
        self.assertIn("Mid-Autumn Party", mail.subject)
        self.assertIn(
            format_datetime(
                self.env(context={"lang": "zh_CN"}),
                DATE_BEGIN,
                tz="Asia/Shanghai",
                dt_format="short",
            ),
            mail.body_html,
        )
        self.assertIn("18:00", mail.body_html)  # 10:00 UTC in Shanghai
        self.assertIn(
            format_datetime(
                self.env(context={"lang": "en_US"}),
                DATE_BEGIN,
                tz="Asia/Shanghai",
                dt_format="short",
            ),
            self._mails(self.p_business).body_html,
        )
        self.assertNotIn("key customer", self._mails(self.p_key).body_html.lower())
        # nothing in a chatter owners or other staff read
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "in", general.partner_id.ids),
                ]
            ),
            partner_messages,
        )
        self.assertFalse(
            self.event.message_ids.filtered(
                lambda m: "Owner Business" in (m.body or "")
            )
        )

    def test_event_over_skipped(self):
        """An invitation still due after the event is never sent."""
        self.event.action_property_build_invitations()
        with freeze_time("2027-09-21 00:00:00"):
            self.env["property.event.invitation"]._cron_send_invitations()
        self.assertEqual(set(self._invitations().mapped("skip_reason")), {"event_over"})
        self.assertFalse(self._mails(self.p_key))


@tagged("post_install", "-at_install")
class TestEventReminder(EventInvitationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Registration = cls.env["event.registration"]
        place = {
            "event_id": cls.event.id,
            "property_unit_id": cls.unit_a1.id,
            "property_booked_by_id": cls.owner_a.id,
            "property_channel": "portal",
            "state": "open",
        }
        cls.places = Registration.create(
            [
                dict(place, partner_id=cls.owner_a.id, name="Zhang Wei"),
                dict(place, partner_id=cls.owner_a_spouse.id, name="Li Na"),
            ]
        )
        cls.waiting = Registration.create(
            {
                "event_id": cls.event.id,
                "partner_id": cls.p_business.id,
                "property_unit_id": cls.u_business.id,
                "property_is_waitlist": True,
                "state": "open",
            }
        )

    def _reminders(self):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "event.registration"),
                ("res_id", "in", (self.places | self.waiting).ids),
            ]
        )

    def test_reminder_once(self):
        """One reminder per household and event, the project's hours before
        (24 by default), listing the places; each place reminded once; the
        waiting list is not reminded."""
        Registration = self.env["event.registration"]
        with freeze_time("2027-09-19 09:00:00"):  # 25 h before
            Registration._cron_property_send_reminders()
        self.assertFalse(self._reminders())
        with freeze_time("2027-09-19 11:00:00"):  # 23 h before
            Registration._cron_property_send_reminders()
            Registration._cron_property_send_reminders()
        mail = self._reminders()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.owner_a)
        self.assertIn("Zhang Wei, Li Na", mail.body_html)
        self.assertIn("6:00", mail.body_html)  # 18:00 in Shanghai
        self.assertEqual(
            set(self.places.mapped("property_date_reminder")),
            {datetime(2027, 9, 19, 11, 0)},
        )
        self.assertFalse(self.waiting.property_date_reminder)
        with freeze_time("2027-09-20 09:00:00"):
            Registration._cron_property_send_reminders()
        self.assertEqual(len(self._reminders()), 1, "exactly once")

    def test_reminder_hours_setting(self):
        """The project sets how many hours before."""
        self.project_a.event_reminder_hours = 48
        with freeze_time("2027-09-18 12:00:00"):  # 46 h before
            self.env["event.registration"]._cron_property_send_reminders()
        self.assertEqual(len(self._reminders()), 1)


@tagged("post_install", "-at_install")
class TestEventParticipation(EventInvitationCommon):
    def test_participation_counts(self):
        """Invited and attended per person (with their household, every
        project) and per unit link (its project); attended = a place
        attended by the person or booked for their household; skipped
        invitations do not count."""
        self.event.action_property_build_invitations()
        Registration = self.env["event.registration"]
        Registration.create(
            {
                "event_id": self.event.id,
                "partner_id": self.owner_a_spouse.id,
                "property_unit_id": self.unit_a1.id,
                "state": "done",
            }
        )
        other = self._event(name="Sports Day")
        Registration.create(
            {"event_id": other.id, "partner_id": self.owner_a.id, "state": "done"}
        )
        Registration.create(
            {
                "event_id": other.id,
                "partner_id": self.owner_a_spouse.id,
                "state": "open",
            }
        )
        building_b = self._event(project=self.project_b, name="River Walk")
        Registration.create(
            {"event_id": building_b.id, "partner_id": self.owner_a.id, "state": "done"}
        )
        self.env["property.consent"].create(
            {
                "partner_id": self.tenant_a.id,
                "scope": "events",
                "date": "2026-01-05",
                "purpose": "Event invitations",
                "date_withdrawn": "2026-06-01",
            }
        )
        self._event(name="Tea Party").action_property_build_invitations()
        self.assertEqual(self.owner_a.property_event_invited_count, 2)
        self.assertEqual(self.owner_a.property_event_attended_count, 3)
        self.assertEqual(
            self.owner_a._property_event_participation(), {"invited": 2, "attended": 3}
        )
        # the spouse's household was invited through Zhang Wei
        self.assertEqual(self.owner_a_spouse.property_event_invited_count, 2)
        self.assertEqual(self.owner_a_spouse.property_event_attended_count, 1)
        # the tenant withdrew her consent before the second list
        self.assertEqual(self.tenant_a.property_event_invited_count, 1)
        link = self.unit_a1.partner_link_ids.filtered(
            lambda link: link.partner_id == self.owner_a
        )
        self.assertEqual(link.property_event_invited_count, 2)
        self.assertEqual(link.property_event_attended_count, 2, "project A only")
        self.assertEqual(self.no_unit_partner.property_event_invited_count, 0)
        action = self.owner_a.action_view_property_event_registrations()
        self.assertEqual(
            Registration.search(action["domain"]).event_id,
            self.event | other | building_b,
        )

    def test_portal_invitations_method(self):
        """The portal pages ask the person's invitations (their household's
        included, skipped ones not)."""
        self.event.action_property_build_invitations()
        invitations = self.owner_a_spouse._property_event_invitations()
        self.assertEqual(invitations.partner_id, self.owner_a)
        self.assertEqual(invitations.event_id, self.event)
        self.assertFalse(
            self.owner_a_spouse._property_event_invitations(
                events=self._event(name="Other")
            )
        )


@tagged("post_install", "-at_install")
class TestEventInvitationAccess(EventInvitationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_b = new_test_user(
            cls.env,
            login="pcs_agent_b_events",
            groups="property_cs.group_property_cs_agent",
            name="Agent B",
        )
        cls.agent_b.property_project_ids = [Command.link(cls.project_b.id)]
        cls.event.action_property_build_invitations()
        cls.invitation = cls.event.property_invitation_ids[:1]

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_agent_of_another_project(self):
        """An agent of project B neither finds nor reads project A's
        invitations; the agent of project A reads them but cannot change
        them."""
        Invitation = self.env["property.event.invitation"]
        self.assertFalse(Invitation.with_user(self.agent_b).search([]))
        with self.assertRaises(AccessError):
            self.invitation.with_user(self.agent_b).read(["partner_id"])
        self.assertEqual(
            Invitation.with_user(self.agent).search([("event_id", "=", self.event.id)]),
            self.event.property_invitation_ids,
        )
        with self.assertRaises(AccessError):
            self.invitation.with_user(self.agent).write({"state": "sent"})
        with self.assertRaises(AccessError):
            self.event.with_user(self.agent_b).action_property_build_invitations()
        head_office = Invitation.with_user(self.users["head_office"])
        self.assertEqual(
            head_office.search([("event_id", "=", self.event.id)]),
            self.event.property_invitation_ids,
        )

    def test_agent_builds_the_list(self):
        """The project's agent runs the targeting of the project's events."""
        event = self._event(name="Agent's event")
        event.with_user(self.agent).action_property_build_invitations()
        self.assertTrue(event.property_invitation_ids)
        self.assertEqual(
            self.owner_a.with_user(self.agent).property_event_invited_count, 2
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_portal_cannot_read_invitations(self):
        """Owners read no invitation record directly, not even their own,
        nor the participation counts of the owner file."""
        own = self.event.property_invitation_ids.filtered(
            lambda i: i.partner_id == self.owner_a
        )
        self.assertTrue(own)
        Invitation = self.env["property.event.invitation"].with_user(self.portal_owner)
        with self.assertRaises(AccessError):
            Invitation.search([])
        with self.assertRaises(AccessError):
            own.with_user(self.portal_owner).read(["event_id"])
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.portal_owner).read(
                ["property_event_invited_count"]
            )
        with self.assertRaises(AccessError):
            self.event.with_user(self.portal_owner).action_property_build_invitations()


@tagged("post_install", "-at_install")
class TestEventInvitationPerformance(EventInvitationCommon):
    def test_targeting_query_count_constant(self):
        """Building the list of a project of 40 households takes as many
        queries as for one of 10."""
        projects = self.env["property.project"].create(
            [{"name": "Small", "code": "SM"}, {"name": "Large", "code": "LG"}]
        )
        for project, count in zip(projects, (10, 40), strict=True):
            building = self.env["property.building"].create(
                {"name": "T1", "project_id": project.id}
            )
            units = self.env["property.unit"].create(
                [
                    {"name": f"{i}", "building_id": building.id, "area": 80}
                    for i in range(count)
                ]
            )
            owners = self.env["res.partner"].create(
                [
                    {"name": f"Owner {project.code}{i}", "email": "o@example.com"}
                    for i in range(count)
                ]
            )
            self.env["property.unit.partner"].create(
                [
                    {"unit_id": u.id, "partner_id": p.id, "role": "owner"}
                    for u, p in zip(units, owners, strict=True)
                ]
            )
        warm = self._event(project=self.project_b)
        small, large = (self._event(project=project) for project in projects)
        warm.action_property_build_invitations()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        small.action_property_build_invitations()
        self.env.flush_all()
        queries = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            large.action_property_build_invitations()
            self.env.flush_all()
        self.assertEqual(len(small.property_invitation_ids), 10)
        self.assertEqual(len(large.property_invitation_ids), 40)
