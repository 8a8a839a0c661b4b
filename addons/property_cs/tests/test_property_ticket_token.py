# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyTicketToken(PropertyCsCommon):
    """The ticket's portal token opens it in the requester's name: staff
    must not read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Kitchen tap leaks",
                "project_id": cls.project_a.id,
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "channel": "phone",
            }
        )
        cls.token = cls.ticket._portal_ensure_token()

    def test_staff_cannot_read_token(self):
        """Staff of the ticket's project read the ticket, not its token,
        neither directly nor through its public portal link method."""
        for user in (self.agent, self.manager):
            ticket = self.ticket.with_user(user)
            ticket.invalidate_recordset()
            self.assertEqual(ticket.name, "Kitchen tap leaks")
            with self.assertRaises(AccessError):
                ticket.read(["access_token"])
            ticket.invalidate_recordset()
            with self.assertRaises(AccessError):
                self.assertFalse(ticket.access_token)
            url = ticket.get_portal_url()
            self.assertNotIn(self.token, url)
            self.assertTrue(url.startswith(f"/my/tickets/{self.ticket.id}"))

    def test_links_for_the_requester_keep_the_token(self):
        """The link built for the requester (as superuser) still carries
        the token; a staff action still notifies the owner."""
        self.assertIn(self.token, self.ticket.sudo().get_portal_url())
        self.assertEqual(
            self.ticket.with_user(self.agent)._portal_ensure_token(), self.token
        )
        self.ticket.with_user(self.agent).message_post(
            body="We come tomorrow morning.",
            partner_ids=self.owner_a.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )


@tagged("post_install", "-at_install")
class TestPropertyTicketConfirmLink(PropertyCsCommon, HttpCase):
    """The done mail's confirmation link: single-use, expiring; the
    ticket's reading token does not let anyone answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["property.ticket"]._portal_create_ticket(
            cls.owner_a,
            {"unit_id": cls.unit_a1.id, "kind": "repair", "name": "Kitchen tap"},
        )
        cls.ticket.action_done()

    def _post(self, url, data=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def _state(self):
        self.ticket.invalidate_recordset()
        return self.ticket.state

    def test_fresh_link_works_once(self):
        url = self.ticket._confirm_link_url()
        path = url[len(self.ticket.get_base_url()) :]
        self.authenticate(None, None)
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_property_cs_ticket_confirm", page.text)
        response = self._post(f"{path}/confirm")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._state(), "closed")
        self.assertTrue(
            self.ticket.message_ids.filtered(
                lambda m: "email link" in (m.body or "") and m.author_id == self.owner_a
            )
        )
        # used: refused with a clear page
        for response in (
            self.url_open(path),
            self._post(f"{path}/reopen", {"reason": "x"}),
        ):
            self.assertIn("o_property_cs_ticket_link_refused", response.text)
            self.assertIn("already been used", response.text)
        self.assertEqual(self._state(), "closed")

    def test_expired_link_refused(self):
        self.company.property_confirm_link_days = 2
        url = self.ticket._confirm_link_url()
        path = url[len(self.ticket.get_base_url()) :]
        expiry = self.ticket.sudo().confirm_link_expiry
        self.assertAlmostEqual(
            expiry,
            fields.Datetime.now() + timedelta(days=2),
            delta=timedelta(minutes=5),
        )
        self.ticket.sudo().confirm_link_expiry = fields.Datetime.now() - timedelta(
            minutes=1
        )
        self.authenticate(None, None)
        page = self.url_open(path)
        self.assertIn("o_property_cs_ticket_link_refused", page.text)
        self.assertIn("has expired", page.text)
        self.assertNotIn("o_property_cs_ticket_confirm", page.text)
        self._post(f"{path}/confirm")
        self.assertEqual(self._state(), "done")
        # a wrong token is refused too
        page = self.url_open(f"/my/tickets/{self.ticket.id}/answer/not-a-token")
        self.assertIn("not valid", page.text)

    def test_reading_token_does_not_answer(self):
        """The ticket's reading token opens the page but answers nothing."""
        token = self.ticket._portal_ensure_token()
        url = f"/my/tickets/{self.ticket.id}"
        self.authenticate(None, None)
        page = self.url_open(f"{url}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("o_property_cs_ticket_confirm", page.text.split("<main")[-1])
        for route, data in (("confirm", {}), ("reopen", {"reason": "Not solved"})):
            self._post(f"{url}/{route}", dict(data, access_token=token))
            self.assertEqual(self._state(), "done", route)

    def test_done_mail_carries_the_link(self):
        """The done mail gives the requester the confirmation link."""
        ticket = (
            self.env["property.ticket"]
            .with_env(self.env_tracking)
            ._portal_create_ticket(
                self.owner_a,
                {"unit_id": self.unit_a1.id, "kind": "repair", "name": "Door bell"},
            )
        )
        self.flush_tracking()
        ticket.with_user(self.agent).action_done()
        self.flush_tracking()
        message = ticket.message_ids.filtered(
            lambda m: "please confirm" in (m.subject or "")
        )
        self.assertEqual(len(message), 1)
        match = re.search(rf"/my/tickets/{ticket.id}/answer/([\w-]+)", message.body)
        self.assertTrue(match)
        self.assertEqual(ticket._confirm_link_check(match.group(1)), ticket.partner_id)
