# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from freezegun import freeze_time

from odoo import http
from odoo.tests import HttpCase, tagged

from .test_event_registration import NEXT_DAY, EventCommon


@tagged("post_install", "-at_install")
class TestEventPortal(EventCommon, HttpCase):
    """/my/events over HTTP: owners and tenants list and open the events of
    their project, register members of their own household and cancel;
    another household's names, registrations and actions stay out of
    reach, whatever the URL or the form sends."""

    def _csrf(self):
        return http.Request.csrf_token(self)

    def _listed(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/events")
        self.assertEqual(response.status_code, 200)
        return {int(i) for i in re.findall(r'data-event-id="(\d+)"', response.text)}

    def test_list_and_page(self):
        """The owner lists the event and reads date (project time), places
        and the household members to register; owners of another project
        are sent back to their list."""
        self.assertEqual(self._listed("pcs_owner_a"), {self.event.id})
        page = self.url_open(f"/my/events/{self.event.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("2030-06-15 09:00-11:30", page.text)
        self.assertIn('data-places-left="3"', page.text)
        for member in self.household_a:
            self.assertIn(f'name="member_ids" value="{member.id}"', page.text)
        self.assertNotIn(self.resident_t.name, page.text)
        self.assertEqual(self._listed("pcs_owner_b"), set())
        response = self.url_open(f"/my/events/{self.event.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/events"))

    def test_register_and_cancel(self):
        """Registering two members takes two places; the household sees
        its own registrations, another household only the counts."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(
            f"/my/events/{self.event.id}/register",
            data={
                "csrf_token": self._csrf(),
                "member_ids": [str(self.owner_a.id), str(self.child_a.id)],
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_event_booked", response.text)
        self.assertIn('data-places-left="1"', response.text)
        self.env.invalidate_all()
        registrations = self.event.registration_ids
        self.assertEqual(registrations.partner_id, self.owner_a | self.child_a)
        self.assertIn("Zhang Xiaoming", response.text)
        # the tenant sees counts, never the owner's household
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        page = self.url_open(f"/my/events/{self.event.id}")
        self.assertIn('data-places-left="1"', page.text)
        for name in ("Zhang Wei", "Zhang Xiaoming", "Li Na"):
            self.assertNotIn(name, page.text)
        self.assertNotIn("data-registration-id", page.text)
        # the tenant cannot cancel the owner's place
        child = registrations.filtered(lambda reg: reg.partner_id == self.child_a)
        response = self.url_open(
            f"/my/events/{self.event.id}/cancel/{child.id}",
            data={"csrf_token": self._csrf()},
        )
        self.assertIn("o_property_cs_event_error", response.text)
        self.env.invalidate_all()
        self.assertEqual(child.state, "open")
        # the owner can
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(
            f"/my/events/{self.event.id}/cancel/{child.id}",
            data={"csrf_token": self._csrf()},
        )
        self.assertIn("o_property_cs_event_cancelled", response.text)
        self.env.invalidate_all()
        self.assertEqual(child.state, "cancel")
        self.assertIn('data-places-left="2"', response.text)

    def test_foreign_member_refused(self):
        """A member id of another household sent by a crafted form books
        nobody."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(
            f"/my/events/{self.event.id}/register",
            data={
                "csrf_token": self._csrf(),
                "member_ids": [str(self.owner_a.id), str(self.resident_t.id)],
            },
        )
        self.assertIn("o_property_cs_event_error", response.text)
        self.env.invalidate_all()
        self.assertFalse(self.event.registration_ids)
        # full: the next booking goes to the waiting list
        self.event.seats_max = 1
        self.env.flush_all()
        response = self.url_open(
            f"/my/events/{self.event.id}/register",
            data={
                "csrf_token": self._csrf(),
                "member_ids": [str(self.owner_a.id), str(self.child_a.id)],
            },
        )
        self.assertIn("o_property_cs_event_waiting", response.text)
        self.assertIn("o_property_cs_event_waitlist_count", response.text)

    def test_home_counter(self):
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_event_count"]}
        )
        self.assertEqual(counters["property_event_count"], 1)
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_event_count"]}
        )
        self.assertEqual(counters["property_event_count"], 0)

    def test_feedback_page(self):
        """After the event, the household that attended rates it once on
        its feedback page; another household gets no form."""
        owner, child = self.event.with_user(self.portal_owner)._property_portal_book(
            self.owner_a, self.owner_a | self.child_a
        )
        (owner | child).action_property_present()
        self.env.flush_all()
        with freeze_time(NEXT_DAY):
            self.authenticate("pcs_owner_a", "pcs_owner_a")
            page = self.url_open(f"/my/events/{self.event.id}/feedback")
            self.assertIn("o_property_cs_event_feedback_form", page.text)
            response = self.url_open(
                f"/my/events/{self.event.id}/feedback",
                data={"csrf_token": self._csrf(), "rating": "5", "comment": "Great"},
            )
            self.assertIn("o_property_cs_event_feedback_given", response.text)
            self.assertNotIn("o_property_cs_event_feedback_form", response.text)
            self.env.invalidate_all()
            self.assertEqual(owner.property_feedback_rating, "5")
            self.assertEqual(child.property_feedback_comment, "Great")
            response = self.url_open(
                f"/my/events/{self.event.id}/feedback",
                data={"csrf_token": self._csrf(), "rating": "1", "comment": "x"},
            )
            self.assertIn("o_property_cs_event_error", response.text)
            self.env.invalidate_all()
            self.assertEqual(owner.property_feedback_rating, "5")
            # the tenant's household did not register: the event is not theirs
            self.authenticate("pcs_tenant_a", "pcs_tenant_a")
            response = self.url_open(
                f"/my/events/{self.event.id}/feedback",
                data={"csrf_token": self._csrf(), "rating": "1"},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303)
            self.env.invalidate_all()
            self.assertEqual(owner.property_feedback_rating, "5")
