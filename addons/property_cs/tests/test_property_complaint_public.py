# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import json
from datetime import timedelta
from unittest.mock import Mock

from werkzeug.datastructures import FileStorage

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPropertyComplaintPublic(HttpCase, PropertyCsCommon):
    """Public complaint form (D-13): validation, limits, throttling and
    verification before anything joins an owner's portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Submission = cls.env["property.complaint.submission"]
        # new_test_user gave the portal owner's partner a generated email
        cls.owner_a.email = "zhang.wei@example.com"
        cls.company.write(
            {
                "property_complaint_form_ip_limit": 5,
                "property_complaint_form_email_limit": 3,
                "property_complaint_upload_max_files": 2,
                "property_complaint_upload_max_mb": 1,
            }
        )

    def _values(self, **vals):
        values = {
            "contact_name": "Someone",
            "email": "stranger@example.com",
            "phone": "",
            "location": "Building 1 lobby",
            "name": "Guard asleep at night",
            "description": "At 2 am nobody answered the gate bell.",
            "remedy": "Check the night shift",
        }
        values.update(vals)
        return values

    def _submit(self, ip="10.0.0.1", uploads=None, **vals):
        return self.Submission._submit(
            self.project_a, self._values(**vals), uploads or [], ip
        )

    def _post(self, url, data=None, files=None):
        if not getattr(self, "session", None):
            self.authenticate(None, None)
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def test_validation(self):
        """Name, valid email, description and the remedy sought are needed."""
        for field, value in (
            ("contact_name", ""),
            ("email", "not-an-email"),
            ("description", " "),
            ("remedy", ""),
        ):
            with self.assertRaises(UserError, msg=field):
                self._submit(**{field: value})
        ticket = self._submit()
        self.assertEqual(ticket.kind, "complaint")
        self.assertEqual(ticket.complaint_step, "received")
        self.assertEqual(ticket.complaint_remedy, "Check the night shift")
        self.assertIn("Building 1 lobby", ticket.description)
        self.assertFalse(ticket.partner_id)

    def test_upload_limits(self):
        """Photos or PDF only, at most the number and size set."""
        with self.assertRaisesRegex(UserError, "not a photo"):
            self._submit(uploads=[("run.sh", b"#!/bin/sh\nrm -rf /\n")])
        with self.assertRaisesRegex(UserError, "larger"):
            self._submit(uploads=[("big.png", PNG + b"\0" * (1024 * 1024))])
        with self.assertRaisesRegex(UserError, "at most"):
            self._submit(uploads=[("a.png", PNG), ("b.png", PNG), ("c.png", PNG)])
        ticket = self._submit(uploads=[("a.png", PNG)])
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
            ),
            1,
        )

    def test_throttling_per_ip_and_email(self):
        """Limits per client IP per hour and per email per day, stored in
        the database."""
        for i in range(3):
            self._submit(email=f"neighbour{i}@example.com", ip="10.0.0.9")
        self.company.property_complaint_form_ip_limit = 3
        with self.assertRaisesRegex(UserError, "connection"):
            self._submit(email="other@example.com", ip="10.0.0.9")
        self.assertEqual(
            self.Submission.search_count([("ip_address", "=", "10.0.0.9")]), 3
        )
        for i in range(3):
            self._submit(email="same@example.com", ip=f"10.1.0.{i}")
        with self.assertRaisesRegex(UserError, "email"):
            self._submit(email="same@example.com", ip="10.1.0.99")

    def test_throttle_keys_serialised_and_files_read_after(self):
        """Each submission first takes the row of its keys (address, email
        or phone), stored hashed, one row per key, that parallel posts meet
        on (the parallel test is tests/test_complaint_throttle_concurrency.py
        of the repository); idle keys are dropped. A throttled post's files
        are not read."""
        Throttle = self.env["property.complaint.throttle"]
        before = Throttle.search_count([])
        self._submit(email="keys@example.com", ip="10.2.0.1")
        self._submit(email="", phone="021-5555 1234", ip="10.2.0.1")
        # 10.2.0.1, the email and the phone
        self.assertEqual(Throttle.search_count([]), before + 3)
        keys = Throttle.search([]).mapped("key")
        self.assertFalse([k for k in keys if "10.2.0.1" in k or "keys@" in k])
        self.assertTrue(all(len(k) == 64 for k in keys))
        self.env.cr.execute(
            "UPDATE property_complaint_throttle SET write_date = %s",
            (fields.Datetime.now() - timedelta(days=3),),
        )
        Throttle._gc_idle_keys()
        self.assertFalse(Throttle.search_count([]))

        unread = Mock(filename="big.png")
        self.company.property_complaint_form_ip_limit = 1
        self._submit(email="first@example.com", ip="10.2.0.2")
        with self.assertRaisesRegex(UserError, "connection"):
            self._submit(email="second@example.com", ip="10.2.0.2", uploads=[unread])
        unread.read.assert_not_called()
        upload = FileStorage(io.BytesIO(PNG), filename="a.png")
        ticket = self._submit(email="third@example.com", uploads=[upload])
        self.assertEqual(
            self.env["ir.attachment"]
            .sudo()
            .search_count(
                [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
            ),
            1,
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_verification_before_portal(self):
        """Typing an owner's email does not put the complaint into their
        portal; the owner on file gets a link, and only opening it links
        the complaint."""
        ticket = self._submit(email="Zhang.Wei@example.com")
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.complaint_verify_partner_id, self.owner_a)
        Ticket = self.env["property.ticket"].with_user(self.portal_owner)
        self.assertFalse(Ticket.search([("id", "=", ticket.id)]))
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "property.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", "yours"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("zhang.wei@example.com", mail.email_to)
        token = ticket.sudo().complaint_verify_token
        self.assertIn(f"/complaint/verify/{ticket.id}/{token}", mail.body_html)
        with self.assertRaises(AccessError):
            ticket._complaint_verify("wrong")
        # over http: a wrong token changes nothing, the right one links
        response = self.url_open(f"/complaint/verify/{ticket.id}/wrong-token")
        self.assertIn("not valid", response.text)
        self.assertFalse(ticket.partner_id)
        response = self._post(f"/complaint/verify/{ticket.id}/{token}")
        self.assertEqual(response.status_code, 200)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertTrue(Ticket.search([("id", "=", ticket.id)]))
        self.assertFalse(ticket.sudo().complaint_verify_token)
        # the link works once
        response = self.url_open(f"/complaint/verify/{ticket.id}/{token}")
        self.assertIn("not valid", response.text)
        response = self._post(f"/complaint/verify/{ticket.id}/{token}")
        self.assertIn("not valid", response.text)

    def test_unknown_email_gets_tracking_link_only(self):
        """A stranger gets the acknowledgement with the tokenised tracking
        link; no owner is asked to verify."""
        ticket = self._submit()
        self.assertFalse(ticket.complaint_verify_partner_id)
        ack = self.env["mail.mail"].search(
            [("model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(len(ack), 1)
        self.assertIn("stranger@example.com", ack.email_to)
        self.assertIn(f"access_token={ticket.access_token}", ack.body_html)
        self.authenticate(None, None)
        response = self.url_open(ticket.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Guard asleep at night", response.text)

    def test_http_form_and_ip_throttle(self):
        """The form posts without login; the client address is throttled."""
        self.company.property_complaint_form_ip_limit = 1
        url = f"/complaint/{self.project_a.id}"
        self.assertTrue(self.project_a.complaint_form_url.endswith(url))
        self.assertIn(self.project_a.name, self.url_open(url).text)
        response = self._post(
            url, self._values(), files={"attachments": ("a.png", PNG, "image/png")}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_complaint_track", response.text)
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Guard asleep at night")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(
            self.Submission.search([("ticket_id", "=", ticket.id)]).ip_address,
            "127.0.0.1",
        )
        response = self._post(url, self._values(email="another@example.com"))
        self.assertIn("o_property_cs_complaint_error", response.text)
        self.assertEqual(
            self.env["property.ticket"].search_count(
                [("name", "=", "Guard asleep at night")]
            ),
            1,
        )

    def test_tracking_page_posts_and_uploads_limited(self):
        """Through the tracking link of a complaint not yet verified, files
        follow the public form's upload rules, and messages and files are
        limited per hour (counted before the file is read). A verified
        complaint is not limited."""
        self.company.property_complaint_tracking_post_limit = 3
        ticket = self._submit()
        token = ticket.sudo()._portal_ensure_token()
        self.authenticate(None, None)

        def upload(name, content):
            response = self._post(
                "/mail/attachment/upload",
                {
                    "thread_id": ticket.id,
                    "thread_model": "property.ticket",
                    "token": token,
                    "is_pending": "true",
                },
                files={"ufile": (name, content)},
            )
            return response.json()

        def post(body):
            response = self.url_open(
                "/mail/message/post",
                json.dumps(
                    {
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {
                            "thread_model": "property.ticket",
                            "thread_id": ticket.id,
                            "post_data": {"body": body, "message_type": "comment"},
                            "token": token,
                        },
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
            reply = response.json()
            return reply.get("error", {}).get("data", {}).get("message", "")

        with mute_logger("odoo.http"):
            result = upload("run.sh", b"#!/bin/sh\nrm -rf /\n")
        self.assertIn("not a photo", result.get("error", ""))
        result = upload("lobby.png", PNG)
        self.assertNotIn("error", result)
        self.assertFalse(post("Any news?"))
        with mute_logger("odoo.http"):
            self.assertIn("Too many", post("Hello?"))
        with mute_logger("odoo.http"):
            result = upload("lobby2.png", PNG)
        self.assertIn("Too many", result.get("error", ""))
        self.assertEqual(
            ticket.message_ids.filtered(lambda m: m.message_type == "comment")
            .mapped("body")
            .count("<p>Any news?</p>"),
            1,
        )
        ticket.sudo().is_sender_unverified = False
        self.assertFalse(post("Verified now"))
        self.assertIn("Verified now", ticket.message_ids[0].body)

    def test_public_complaint_tour(self):
        """Tour: someone files on the public form, the owner verifies and
        follows the complaint in the portal."""
        self.start_tour(
            f"/complaint/{self.project_a.id}", "property_cs_complaint_public_tour"
        )
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Water in the garage")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.complaint_verify_partner_id, self.owner_a)
        token = ticket.sudo().complaint_verify_token
        self.start_tour(
            f"/complaint/verify/{ticket.id}/{token}",
            "property_cs_complaint_verify_tour",
            login="pcs_owner_a",
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.partner_id, self.owner_a)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_verification_link_get_does_not_verify(self):
        """Opening the verification link (as mail link scanners do) only
        shows a page with a button; the button's POST verifies."""
        ticket = self._submit(email="Zhang.Wei@example.com")
        token = ticket.sudo().complaint_verify_token
        url = f"/complaint/verify/{ticket.id}/{token}"
        self.authenticate(None, None)
        for _i in range(2):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_property_cs_complaint_verify_button", response.text)
            ticket.invalidate_recordset()
            self.assertFalse(ticket.partner_id)
            self.assertTrue(ticket.is_sender_unverified)
            self.assertEqual(ticket.sudo().complaint_verify_token, token)
        # a POST without the CSRF token is refused
        response = self.url_open(url, data={"verify": "1"}, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        ticket.invalidate_recordset()
        self.assertFalse(ticket.partner_id)
        response = self._post(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_complaint_verified", response.text)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertFalse(ticket.sudo().complaint_verify_token)
