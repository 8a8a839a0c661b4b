# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from .test_movein import MoveinCommon


@tagged("post_install", "-at_install")
class TestMoveinPortal(MoveinCommon, HttpCase):
    """The move-in pages of the portal: each owner lists and opens only
    their own handovers, books a time, is refused a full one; another
    owner's page and actions redirect (D-19)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch.action_open()
        cls.batch.action_send_notice()
        cls.mine = cls.batch.handover_ids.filtered(lambda h: h.unit_id == cls.unit_a1)
        cls.theirs = cls.batch.handover_ids.filtered(lambda h: h.unit_id == cls.unit_a3)
        cls.draft = cls.batch.handover_ids.filtered(lambda h: h.unit_id == cls.unit_a2)
        today = fields.Date.context_today(cls.env.user)
        cls.slot_full = cls._slot(today + timedelta(days=5), 9.0, 10.0, capacity=1)
        cls.slot_free = cls._slot(today + timedelta(days=5), 10.0, 11.0, capacity=2)
        cls.theirs.action_book_slot(cls.slot_full.id)

    def _csrf(self):
        return http.Request.csrf_token(self)

    def _listed(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/movein")
        self.assertEqual(response.status_code, 200)
        return {int(i) for i in re.findall(r'data-handover-id="(\d+)"', response.text)}

    def _assert_redirected(self, url, data=None):
        response = self.url_open(url, data=data, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303), url)
        self.assertTrue(response.headers["Location"].endswith("/my"), url)

    def test_portal_isolation(self):
        """Each owner lists their own handover; the page of another's, and
        its actions, redirect; a handover not notified yet is not shown."""
        self.assertEqual(self._listed("pcs_owner_a"), {self.mine.id})
        self._assert_redirected(f"/my/movein/{self.theirs.id}")
        self._assert_redirected(
            f"/my/movein/{self.theirs.id}/cancel", data={"csrf_token": self._csrf()}
        )
        self._assert_redirected(
            f"/my/movein/{self.theirs.id}/book",
            data={"csrf_token": self._csrf(), "slot_id": str(self.slot_free.id)},
        )
        self.assertEqual(self.theirs.slot_id, self.slot_full)
        self.assertEqual(self._listed("pcs_owner_b"), {self.theirs.id})
        self._assert_redirected(f"/my/movein/{self.mine.id}")
        self.assertEqual(self._listed("pcs_tenant_a"), set())
        self.draft.partner_id = self.tenant_a
        self._assert_redirected(f"/my/movein/{self.draft.id}")
        self.assertNotIn("access_token", self.mine.get_portal_url())
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_movein_count"]}
        )
        self.assertEqual(counters["property_movein_count"], 0)

    def test_notice_page_and_booking(self):
        """The page shows the notice (documents, fees) and the times, a full
        one disabled; booking it is refused, a free one booked; the booked
        owner's page does not show who else booked."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/movein/{self.mine.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Purchase contract", page.text)
        self.assertIn("840.00", page.text)
        self.assertIn('id="movein_handover_record"', page.text)
        self.assertRegex(
            page.text,
            rf'data-slot-id="{self.slot_full.id}" disabled="disabled"',
        )
        self.assertNotIn(self.owner_b.name, page.text)
        refused = self.url_open(
            f"/my/movein/{self.mine.id}/book",
            data={"csrf_token": self._csrf(), "slot_id": str(self.slot_full.id)},
        )
        self.assertIn("o_property_cs_movein_error", refused.text)
        self.assertEqual(self.mine.state, "notified")
        response = self.url_open(
            f"/my/movein/{self.mine.id}/book",
            data={"csrf_token": self._csrf(), "slot_id": str(self.slot_free.id)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_movein_success", response.text)
        self.env.invalidate_all()
        self.assertEqual(self.mine.state, "booked")
        self.assertEqual(self.mine.slot_id, self.slot_free)
        self.assertEqual(self.mine.booking_channel, "portal")
        self.assertEqual(self.mine.calendar_event_id.user_id, self.agent)
        self.assertIn(self.owner_a, self.mine.calendar_event_id.partner_ids)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_movein_count"]}
        )
        self.assertEqual(counters["property_movein_count"], 1)
        # a slot id that is no slot
        response = self.url_open(
            f"/my/movein/{self.mine.id}/book",
            data={"csrf_token": self._csrf(), "slot_id": "x"},
        )
        self.assertIn("o_property_cs_movein_error", response.text)
        # cancel
        self.url_open(
            f"/my/movein/{self.mine.id}/cancel", data={"csrf_token": self._csrf()}
        )
        self.env.invalidate_all()
        self.assertEqual(self.mine.state, "notified")


@tagged("post_install", "-at_install")
class TestMoveinTour(HttpCase):
    """The shipped demo owner (owner1, portal, Chinese) opens the move-in
    notice of the new building and books a time of the demo batch."""

    def test_owner_books_a_slot(self):
        owner = self.env.ref("property_cs.demo_user_owner1")
        handover = self.env.ref("property_cs.demo_handover_ghy_6_302")
        self.assertEqual(handover.partner_id, owner.partner_id)
        self.assertEqual(handover.state, "notified")
        # times that are open whenever the test runs
        today = fields.Date.context_today(self.env.user)
        slots = self.env["property.movein.slot"].create(
            [
                {
                    "batch_id": handover.batch_id.id,
                    "date": today + timedelta(days=days),
                    "time_start": 8.0,
                    "time_end": 8.5,
                    "capacity": 1,
                    "user_id": self.env.ref("property_cs.demo_user_care").id,
                }
                for days in (3, 4)
            ]
        )
        told = handover.message_ids.filtered(
            lambda m: owner.partner_id in m.partner_ids
        )
        self.start_tour("/my", "property_cs_movein_book_tour", login="owner1")
        handover.invalidate_recordset()
        # booked, then moved: the owner is told twice
        self.assertEqual(
            len(
                handover.message_ids.filtered(
                    lambda m: owner.partner_id in m.partner_ids
                )
                - told
            ),
            2,
        )
        self.assertEqual(handover.state, "booked")
        self.assertEqual(handover.booking_channel, "portal")
        self.assertTrue(handover.slot_id)
        self.assertIn(handover.slot_id, slots | handover.batch_id.slot_ids)
        event = handover.calendar_event_id
        self.assertEqual(event.user_id, handover.slot_id.user_id)
        self.assertIn(owner.partner_id, event.partner_ids)
        self.assertEqual(event.start, handover.slot_id.datetime_start)
