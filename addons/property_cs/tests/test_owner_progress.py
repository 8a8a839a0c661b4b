# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_datetime

from .common import GROUP, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestOwnerProgress(PropertyCsCommon, HttpCase):
    """The owner sees and hears what happens to their request (D-9, D-10):
    received with its number and time, dispatched, on the way, arrived,
    done, a broken promise; staff remarks stay internal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineering = cls.env.ref("property_cs.property_department_engineering")
        cls.technician = new_test_user(
            cls.env,
            login="pcs_progress_technician",
            groups=GROUP % "department",
            name="Technician Wu",
        )
        cls.technician.property_project_ids = [Command.link(cls.project_a.id)]
        cls.engineering.member_ids = [Command.link(cls.technician.id)]
        cls.leak = cls.env.ref("property_cs.property_ticket_category_water_leak")
        cls.mt_comment = cls.env.ref("mail.mt_comment")

    # helpers
    def _portal_ticket(self, name="Bathroom ceiling drips", kind="repair"):
        ticket = (
            self.env["property.ticket"]
            .with_env(self.env_tracking)
            .with_user(self.portal_owner)
            ._portal_create_ticket(
                self.owner_a,
                {
                    "unit_id": self.unit_a1.id,
                    "kind": kind,
                    "category_id": self.leak.id if kind == "repair" else "",
                    "name": name,
                },
            )
        )
        self.flush_tracking()
        return ticket.with_env(self.env_tracking)

    def _portal_messages(self, ticket, login="pcs_owner_a"):
        """The messages the owner's portal history shows, as the portal
        chatter fetches them."""
        self.authenticate(login, login)
        result = self.make_jsonrpc_request(
            "/mail/chatter_fetch",
            {"thread_model": "property.ticket", "thread_id": ticket.id, "limit": 100},
        )
        return [message["body"] for message in result["data"]["mail.message"]]

    def _owner_comments(self, ticket):
        ticket.invalidate_recordset(["message_ids"])
        return ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.mt_comment and m.message_type == "comment"
        )

    # item 4: progress is visible in the portal and sent to the owner
    def test_progress_in_portal_history(self):
        ticket = self._portal_ticket()
        # dispatch with a promised time, on the way, arrived
        ticket.with_user(self.agent).write(
            {"date_promised": fields.Datetime.now() + timedelta(hours=4)}
        )
        ticket.with_user(self.agent).action_assign(self.engineering, self.technician)
        self.flush_tracking()
        ticket.with_user(self.technician).action_on_the_way()
        ticket.with_user(self.technician).action_arrive()
        ticket.with_user(self.agent).message_post(
            body="Staff only: owner was rude on the phone",
            subtype_xmlid="mail.mt_note",
        )
        # a broken promise: apology, reason and the new time
        ticket.with_user(self.agent)._record_broken_promise(
            "We are sorry for the delay.",
            "The spare part arrives late",
            "We fit a temporary seal",
            fields.Datetime.now() + timedelta(days=1),
        )
        ticket.with_user(self.technician).action_done()
        self.flush_tracking()
        bodies = "\n".join(self._portal_messages(ticket))
        for expected in (
            ticket.number,  # received
            "We promise to solve your request",  # promised time
            "is assigned to Technician Wu",  # dispatched
            "is on the way to you",  # on the way
            "Technician Wu has arrived on site",  # arrived
            "The spare part arrives late",  # broken promise
            "Please confirm that it is solved",  # done
        ):
            self.assertIn(expected, bodies)
        self.assertNotIn("Staff only", bodies)
        # and sent to the owner: the dispatch mail names them as recipient
        assigned = self._owner_comments(ticket).filtered(
            lambda m: "is assigned" in (m.subject or "")
        )
        self.assertEqual(len(assigned), 1)
        self.assertIn(self.owner_a, assigned.partner_ids)

    # item 5: every channel gets the received message with number and time
    def test_received_message_for_every_channel(self):
        Ticket = self.env["property.ticket"].with_env(self.env_tracking)
        promised = fields.Datetime.now() + timedelta(hours=3)
        portal = self._portal_ticket(name="Portal request")
        email = Ticket.message_new(
            {"subject": "Email request", "email_from": self.owner_a.email},
            {"project_id": self.project_a.id},
        )
        phone = Ticket.with_user(self.agent).create(
            {
                "name": "Phone request",
                "channel": "phone",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "date_promised": promised,
            }
        )
        walk_in = Ticket.with_user(self.agent).create(
            {
                "name": "Walk-in request",
                "channel": "walk_in",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        self.flush_tracking()
        for ticket in (portal, email, phone, walk_in):
            received = self._owner_comments(ticket).filtered(
                lambda m, t=ticket: m.subject == f"We received your request {t.number}"
            )
            self.assertEqual(len(received), 1, ticket.name)
            self.assertTrue(ticket.partner_id, ticket.name)
            self.assertIn(ticket.partner_id, received.partner_ids, ticket.name)
            if ticket.date_promised:
                when = ticket.date_promised
                self.assertIn("We promise to solve it by", received.body)
            else:
                when = ticket.date_commit_deadline
                self.assertIn("We will tell you by", received.body)
            self.assertIn(
                format_datetime(self.env, when, tz="Asia/Shanghai", dt_format="short"),
                received.body,
                "the time in the owner's time zone",
            )
        # the centre signs it, also when the owner's own submission sent it
        self.assertEqual(
            self._owner_comments(portal)
            .filtered(lambda m: portal.number in (m.subject or ""))
            .author_id,
            self.company.partner_id,
        )
        # the portal page says when the time will be confirmed
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/tickets/{portal.id}").text
        self.assertIn("o_property_cs_ticket_commit_deadline", page)
        # and the portal history shows the received message
        self.assertTrue(
            [b for b in self._portal_messages(portal) if portal.number in b]
        )

    def test_received_message_in_owner_language(self):
        """The received message is written in the owner's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        self.owner_a.lang = "zh_CN"
        ticket = self._portal_ticket(name="Chinese owner")
        received = self._owner_comments(ticket).filtered(
            lambda m: ticket.number in (m.subject or "")
        )
        self.assertEqual(len(received), 1)
        self.assertIn("我们已收到您的报事", received.subject)
        self.assertIn("我们将在", received.body)

    # item 6: a done complaint waits for our callback, consistently
    def test_done_complaint_waits_for_callback(self):
        complaint = self._portal_ticket(name="Noisy pump at night", kind="complaint")
        complaint.with_user(self.agent).action_done()
        self.flush_tracking()
        self.assertEqual(complaint.state, "done")
        self.assertTrue(complaint.is_awaiting_callback)
        done_mail = self._owner_comments(complaint).filtered(
            lambda m: "is done" in (m.subject or "")
        )
        self.assertEqual(len(done_mail), 1)
        self.assertIn("call you back", done_mail.subject)
        self.assertNotIn("Confirm or reopen", done_mail.body)
        self.assertNotIn("please confirm", done_mail.subject)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/tickets/{complaint.id}").text
        self.assertIn("Done, Awaiting Our Callback", page)
        self.assertNotIn("Done, Awaiting Confirmation", page)
        self.assertIn("o_property_cs_ticket_callback_pending", page)
        self.assertNotIn("o_property_cs_ticket_confirm", page)
        listing = self.url_open("/my/tickets").text
        self.assertIn("Done, Awaiting Our Callback", listing)
        # a regular ticket keeps its confirm and reopen buttons
        repair = self._portal_ticket(name="Dripping tap")
        repair.with_user(self.agent).action_done()
        page = self.url_open(f"/my/tickets/{repair.id}").text
        self.assertIn("Done, Awaiting Confirmation", page)
        self.assertIn("o_property_cs_ticket_confirm", page)
        self.assertIn("o_property_cs_ticket_reopen", page)

    # item 7: on the way and arrival of the current cycle only
    def test_on_the_way_of_current_cycle_only(self):
        ticket = self._portal_ticket(name="Boiler")
        ticket.action_assign(self.engineering, self.technician)
        ticket.with_user(self.technician).action_on_the_way()
        ticket.with_user(self.technician).action_arrive()
        ticket.action_done()
        ticket.action_reopen()
        self.assertEqual(ticket.sla_cycle, 1)
        self.assertFalse(ticket.date_departed)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        url = f"/my/tickets/{ticket.id}"
        self.assertNotIn("o_property_cs_ticket_on_the_way", self.url_open(url).text)
        # the new visit is told again
        ticket.with_user(self.technician).action_on_the_way()
        self.assertIn("o_property_cs_ticket_on_the_way", self.url_open(url).text)
        ticket.action_done()
        ticket.action_close()
        self.assertEqual(ticket.state, "closed")
        self.assertNotIn("o_property_cs_ticket_on_the_way", self.url_open(url).text)


@tagged("post_install", "-at_install")
class TestPublicComplaintContact(PropertyCsCommon, HttpCase):
    """Item 9: the public form takes a phone or an email (D-13) and greets
    the complainant by the name they gave."""

    def _values(self, **vals):
        values = {
            "contact_name": "Liu Yang",
            "email": "",
            "phone": "139 0000 1111",
            "location": "East gate",
            "name": "Gate guard rude",
            "description": "The guard shouted at my mother.",
            "remedy": "An apology",
        }
        values.update(vals)
        return values

    def _submit(self, **vals):
        return self.env["property.complaint.submission"]._submit(
            self.project_a, self._values(**vals), [], "10.9.9.9"
        )

    def test_phone_only_complaint(self):
        ticket = self._submit()
        self.assertEqual(ticket.kind, "complaint")
        self.assertFalse(ticket.email_from)
        self.assertEqual(ticket.partner_phone, "139 0000 1111")
        self.assertEqual(ticket.complaint_submitter_name, "Liu Yang")
        with self.assertRaisesRegex(UserError, "phone number or your email"):
            self._submit(phone="")
        with self.assertRaisesRegex(UserError, "not valid"):
            self._submit(phone="", email="not-an-email")
        # over http: the thanks page gives the number and the reply date
        self.authenticate(None, None)
        response = self.url_open(
            f"/complaint/{self.project_a.id}",
            data=dict(
                self._values(name="Phone only via form"),
                csrf_token=Request.csrf_token(self),
            ),
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["property.ticket"].search(
            [("name", "=", "Phone only via form")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertIn(ticket.number, response.text)
        self.assertIn("o_property_cs_complaint_reply_due", response.text)
        self.assertIn("o_property_cs_complaint_phone_only", response.text)

    def test_acknowledgement_greets_by_given_name(self):
        ticket = self._submit(email="liu.yang@example.org", phone="")
        ack = self.env["mail.mail"].search(
            [
                ("model", "=", "property.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "ilike", "received your complaint"),
            ]
        )
        self.assertEqual(len(ack), 1)
        self.assertIn("Dear Liu Yang,", ack.body_html)
