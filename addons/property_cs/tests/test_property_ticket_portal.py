# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import INTERNAL_MARKERS, PropertyCsCommon

PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPropertyTicketPortal(PropertyCsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()
        cls.leak = cls.env.ref("property_cs.property_ticket_category_water_leak")
        Ticket = cls.env["property.ticket"]
        cls.ticket_a = Ticket._portal_create_ticket(
            cls.owner_a,
            {
                "unit_id": cls.unit_a1.id,
                "kind": "repair",
                "category_id": cls.leak.id,
                "name": "Bathroom ceiling drips",
            },
        )
        cls.ticket_b = Ticket._portal_create_ticket(
            cls.owner_b,
            {"unit_id": cls.unit_b1.id, "kind": "complaint", "name": "Noisy pump"},
        )
        # a phone ticket on the rented unit, reported by someone else
        cls.ticket_a2_other = Ticket.create(
            {
                "name": "Landlord asks about the boiler",
                "project_id": cls.project_a.id,
                "unit_id": cls.unit_a2.id,
                "partner_id": cls.no_unit_partner.id,
                "channel": "phone",
            }
        )
        for ticket in (cls.ticket_a, cls.ticket_b):
            ticket._portal_ensure_token()

    # helpers
    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def _assert_redirect_home(self, response):
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))

    def _assert_no_internal_data(self, html, where):
        for marker in INTERNAL_MARKERS:
            self.assertNotIn(marker, html, f"{marker!r} leaked in {where}")

    def _submit(self, unit, name, photos=None, **extra):
        data = {
            "unit_id": unit.id,
            "kind": "repair",
            "category_id": self.leak.id,
            "name": name,
            "description": "Water under the sink.",
            **extra,
        }
        return self._post("/my/tickets/new", data, files=photos)

    def _set_done(self, ticket):
        ticket.invalidate_recordset()
        ticket.action_done()
        self.assertEqual(ticket.state, "done")

    # submission
    def test_upload_policy_from_settings(self):
        """The portal request form and the public complaint form check
        uploads with one routine and the company's settings: photos only,
        10 files of 10 MB by default in the portal; photos and PDF on the
        public form; the settings change the count, size and types."""
        company = self.unit_a1.company_id or self.env.company
        pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
        values = {"unit_id": self.unit_a1.id, "kind": "repair", "name": "Tap"}
        Ticket = self.env["property.ticket"]
        self.assertEqual(
            (
                company.property_portal_upload_max_files,
                company.property_portal_upload_max_mb,
                company.property_portal_upload_types,
                company.property_complaint_upload_types,
            ),
            (10, 10, "images", "images_pdf"),
        )
        with self.assertRaisesRegex(UserError, "not a photo"):
            Ticket._portal_create_ticket(self.owner_a, values, [("l.pdf", pdf)])
        self.assertTrue(
            company._property_check_uploads([("l.pdf", pdf)], "public_complaint")
        )
        with self.assertRaisesRegex(UserError, "at most 10"):
            Ticket._portal_create_ticket(self.owner_a, values, [("p.png", PHOTO)] * 11)
        company.write(
            {
                "property_portal_upload_max_files": 1,
                "property_portal_upload_types": "images_pdf",
                "property_complaint_upload_types": "images",
            }
        )
        with self.assertRaisesRegex(UserError, "at most 1 "):
            Ticket._portal_create_ticket(self.owner_a, values, [("p.png", PHOTO)] * 2)
        ticket = Ticket._portal_create_ticket(self.owner_a, values, [("l.pdf", pdf)])
        self.assertEqual(
            ticket.message_ids.attachment_ids.mapped("mimetype"), ["application/pdf"]
        )
        with self.assertRaisesRegex(UserError, "not a photo"):
            company._property_check_uploads([("l.pdf", pdf)], "public_complaint")
        company.property_portal_upload_max_mb = 0
        with self.assertRaisesRegex(UserError, "larger"):
            Ticket._portal_create_ticket(self.owner_a, values, [("p.png", PHOTO)])

    def test_owner_submits_with_photo(self):
        """An owner submits a repair with a photo; the photo is attached."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self._submit(
            self.unit_a1,
            "Kitchen tap leaking",
            photos=[
                ("photos", ("tap.png", PHOTO, "image/png")),
                ("photos", ("tap2.png", PHOTO, "image/png")),
            ],
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Kitchen tap leaking")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/tickets/{ticket.id}", response.headers["Location"])
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertEqual(ticket.category_id, self.leak)
        self.assertIn(self.owner_a, ticket.message_partner_ids)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(sorted(photos.mapped("name")), ["tap.png", "tap2.png"])
        self.assertEqual(set(photos.mapped("mimetype")), {"image/png"})
        message = ticket.message_ids.filtered("attachment_ids")
        self.assertEqual(message.author_id, self.owner_a)
        html = self.url_open(f"/my/tickets/{ticket.id}").text
        self.assertIn("Kitchen tap leaking", html)
        self.assertIn(ticket.number, html)

    def test_submission_refuses_non_photo(self):
        """Only images are accepted as photos; nothing is created otherwise."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self._submit(
            self.unit_a1,
            "Script upload",
            photos=[("photos", ("x.html", b"<html><script></script>", "image/png"))],
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_ticket_error", response.text)
        self.assertFalse(
            self.env["property.ticket"].search([("name", "=", "Script upload")])
        )

    def test_submission_query_count(self):
        """The portal submission runs a bounded number of queries."""
        Ticket = self.env["property.ticket"].with_user(self.portal_owner)
        values = {
            "unit_id": self.unit_a1.id,
            "kind": "repair",
            "category_id": self.leak.id,
            "name": "Warm-up",
            "description": "First call fills the caches.",
        }
        Ticket._portal_create_ticket(self.owner_a, values, [("p.png", PHOTO)])
        self.env.invalidate_all()
        # measured with the deadlines created on the deadline engine (one
        # insert, one read back for the ticket's deadline fields), billing
        # computed at creation and the deadline cron woken at the first
        # warning (one trigger insert), the unit's current links by the
        # company's calendar day (one read of its time zone)
        with self.assertQueryCount(__system__=41):
            Ticket._portal_create_ticket(
                self.owner_a, dict(values, name="Measured"), [("p.png", PHOTO)]
            )

    # isolation
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_owner_cannot_read_other_ticket(self):
        """Owner A cannot open owner B's ticket by id nor with a wrong token."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        url = f"/my/tickets/{self.ticket_b.id}"
        self._assert_redirect_home(self.url_open(url, allow_redirects=False))
        for token in (self.ticket_a.access_token, "not-a-token"):
            self._assert_redirect_home(
                self.url_open(f"{url}?access_token={token}", allow_redirects=False)
            )
        self.assertNotIn("Noisy pump", self.url_open("/my/tickets").text)
        self.assertIn("Bathroom ceiling drips", self.url_open("/my/tickets").text)
        # nor act on it
        self._set_done(self.ticket_b)
        self._assert_redirect_home(
            self._post(f"{url}/confirm", {"access_token": self.ticket_a.access_token})
        )
        self.ticket_b.invalidate_recordset()
        self.assertEqual(self.ticket_b.state, "done")

    def test_owner_cannot_submit_for_other_unit(self):
        """The model refuses a unit the partner has no current role in."""
        Ticket = self.env["property.ticket"].with_user(self.portal_owner)
        with self.assertRaises(AccessError):
            Ticket._portal_create_ticket(
                self.owner_a, {"unit_id": self.unit_b1.id, "name": "Not mine"}
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_token_link_logged_out(self):
        """The emailed token opens the right ticket without login, only it."""
        self.authenticate(None, None)
        url = f"/my/tickets/{self.ticket_a.id}"
        response = self.url_open(f"{url}?access_token={self.ticket_a.access_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Bathroom ceiling drips", response.text)
        self._assert_no_internal_data(response.text, "token page")
        for suffix in ("", f"?access_token={self.ticket_b.access_token}"):
            response = self.url_open(url + suffix, allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertNotIn("Bathroom ceiling drips", response.text)

    def test_owner_sees_promise_and_technician_on_the_way(self):
        """The portal page shows the promised time and the technician's
        departure until arrival, both in the owner's own page."""
        self.ticket_a.write(
            {
                "date_promised": "2026-11-22 08:00:00",
                "date_departed": "2026-11-22 06:00:00",
            }
        )
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/tickets/{self.ticket_a.id}").text
        self.assertIn("o_property_cs_ticket_promised", page)
        self.assertIn("o_property_cs_ticket_on_the_way", page)
        self.ticket_a.date_arrived = "2026-11-22 06:30:00"
        page = self.url_open(f"/my/tickets/{self.ticket_a.id}").text
        self.assertNotIn("o_property_cs_ticket_on_the_way", page)

    # tenants
    def test_tenant_submits_for_rented_unit_only(self):
        """A tenant submits for the rented unit, not another; sees only theirs."""
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        form = self.url_open("/my/tickets/new").text
        self.assertIn("B1-102", form)
        self.assertNotIn("B1-101", form)
        response = self._submit(self.unit_a2, "Heating does not work")
        self.assertEqual(response.status_code, 303)
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Heating does not work")]
        )
        self.assertEqual(ticket.partner_id, self.tenant_a)
        self.assertEqual(ticket.unit_id, self.unit_a2)
        response = self._submit(self.unit_a1, "Not my flat")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_ticket_error", response.text)
        self.assertFalse(
            self.env["property.ticket"].search([("name", "=", "Not my flat")])
        )
        listing = self.url_open("/my/tickets").text
        self.assertIn("Heating does not work", listing)
        self.assertIn("B1-102", listing)
        for other in ("Landlord asks", "Bathroom ceiling drips", "Noisy pump"):
            self.assertNotIn(other, listing)
        response = self.url_open(
            f"/my/tickets/{self.ticket_a2_other.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_ticket_count"]}
        )
        self.assertEqual(counters["property_ticket_count"], 1)

    # closure feedback (D-10)
    def test_reopen_then_confirm(self):
        """The requester reopens with a reason, then confirms the closure."""
        self._set_done(self.ticket_a)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/tickets/{self.ticket_a.id}").text
        self.assertIn("o_property_cs_ticket_confirm", page)
        url = f"/my/tickets/{self.ticket_a.id}"
        # a reason is required
        response = self._post(f"{url}/reopen", {"reason": " "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_ticket_error", response.text)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "done")
        response = self._post(f"{url}/reopen", {"reason": "Still dripping"})
        self.assertEqual(response.status_code, 303)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "in_progress")
        self.assertEqual(self.ticket_a.reopen_count, 1)
        self.assertTrue(
            self.ticket_a.message_ids.filtered(
                lambda m: "Still dripping" in m.body and m.author_id == self.owner_a
            )
        )
        # not waiting for confirmation: no buttons, confirm refused
        self.assertNotIn(
            "o_property_cs_ticket_confirm", self.url_open(url).text.split("<main")[-1]
        )
        self._post(f"{url}/confirm")
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "in_progress")
        self._set_done(self.ticket_a)
        response = self._post(f"{url}/confirm")
        self.assertEqual(response.status_code, 303)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "closed")
        self.assertTrue(self.ticket_a.date_closed)

    def test_confirm_with_token_logged_out(self):
        """The email link confirms the closure without login."""
        self._set_done(self.ticket_a)
        link = self.ticket_a._confirm_link_url()
        link = link[len(self.ticket_a.get_base_url()) :]
        self.authenticate(None, None)
        page = self.url_open(link).text
        self.assertIn("o_property_cs_ticket_confirm", page)
        self.assertIn(f'action="{link}/confirm"', page)
        response = self._post(f"{link}/confirm")
        self.assertEqual(response.status_code, 303)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "closed")
        self.assertTrue(
            self.ticket_a.message_ids.filtered(
                lambda m: "email link" in m.body and m.author_id == self.owner_a
            )
        )

    def test_follower_cannot_confirm(self):
        """A follower who is not the requester cannot confirm the closure."""
        self._set_done(self.ticket_b)
        self.ticket_b.message_subscribe(partner_ids=self.owner_a.ids)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        url = f"/my/tickets/{self.ticket_b.id}"
        self.assertNotIn("o_property_cs_ticket_answer", self.url_open(url).text)
        response = self._post(f"{url}/confirm")
        self.assertEqual(response.status_code, 200)
        self.ticket_b.invalidate_recordset()
        self.assertEqual(self.ticket_b.state, "done")

    # confidentiality
    def test_no_internal_data_in_ticket_pages(self):
        """Ticket pages never show handling tips, key-customer data or IDs."""
        self.ticket_a.sudo().write({"user_id": False})
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        for url in (
            "/my",
            "/my/tickets",
            "/my/tickets?filterby=open&sortby=stage",
            "/my/tickets?filterby=closed",
            "/my/tickets/new",
            f"/my/tickets/{self.ticket_a.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self._assert_no_internal_data(response.text, url)

    # tours
    def test_ticket_tours(self):
        """Tours: the owner submits a request with a photo, then confirms."""
        self.start_tour(
            "/my/tickets/new", "property_cs_ticket_submit_tour", login="pcs_owner_a"
        )
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Kitchen tap leaking in tour")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertTrue(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", ticket._name), ("res_id", "=", ticket.id)]
            )
        )
        self._set_done(ticket)
        self.start_tour(
            f"/my/tickets/{ticket.id}",
            "property_cs_ticket_confirm_tour",
            login="pcs_owner_a",
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.state, "closed")

    def test_portal_login_confirms_emailed_request(self):
        """An emailed request is confirmed when its owner opens it logged in."""
        ticket = self.env["property.ticket"].message_new(
            {"subject": "Garage door", "email_from": "someone@example.org"},
            {"project_id": self.project_a.id},
        )
        ticket.write({"partner_id": self.owner_a.id, "unit_id": self.unit_a1.id})
        self.assertTrue(ticket.is_sender_unverified)
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        self.url_open(f"/my/tickets/{ticket.id}", allow_redirects=False)
        ticket.invalidate_recordset(["is_sender_unverified"])
        self.assertTrue(ticket.is_sender_unverified)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(f"/my/tickets/{ticket.id}")
        self.assertEqual(response.status_code, 200)
        ticket.invalidate_recordset(["is_sender_unverified"])
        self.assertFalse(ticket.is_sender_unverified)

    def test_other_owner_with_token_cannot_act(self):
        """Owner B, logged in and holding owner A's ticket link, may read
        the ticket but neither confirm nor reopen it in A's name."""
        self._set_done(self.ticket_a)
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        url = f"/my/tickets/{self.ticket_a.id}"
        token = self.ticket_a.access_token
        page = self.url_open(f"{url}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Bathroom ceiling drips", page.text)
        main = page.text.split("<main")[-1]
        self.assertNotIn("o_property_cs_ticket_confirm", main)
        self.assertNotIn("o_property_cs_ticket_answer", main)
        for route, data in (
            ("confirm", {}),
            ("reopen", {"reason": "Not solved"}),
        ):
            response = self._post(f"{url}/{route}", dict(data, access_token=token))
            self.assertNotEqual(response.status_code, 303, route)
            self.ticket_a.invalidate_recordset()
            self.assertEqual(self.ticket_a.state, "done", route)
        self.assertFalse(
            self.ticket_a.message_ids.filtered(
                lambda m: m.author_id == self.owner_a and "email link" in (m.body or "")
            )
        )

    def test_token_answer_needs_requester_session(self):
        """At model level, a signed-in user cannot answer in the requester's
        name: the partner answering must be the user's own."""
        self._set_done(self.ticket_a)
        ticket = self.ticket_a.with_user(self.portal_owner_b).sudo()
        with self.assertRaises(AccessError):
            ticket._portal_confirm(self.owner_a, via_token=True)
        with self.assertRaises(AccessError):
            ticket._portal_reopen(self.owner_a, "Not solved", via_token=True)
        self.ticket_a.invalidate_recordset()
        self.assertEqual(self.ticket_a.state, "done")
        # the requester's own session still answers
        self.ticket_a.with_user(self.portal_owner).sudo()._portal_confirm(
            self.owner_a, via_token=True
        )
        self.assertEqual(self.ticket_a.state, "closed")
