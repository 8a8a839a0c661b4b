# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import INTERNAL_MARKERS
from .fundreg_common import T0, FundregCommon, at

# 2 March 2026 + 15 days, end of the day in Shanghai (UTC+8)
DUE = datetime(2026, 3, 17, 15, 59, 59)


class RegisterCommon(FundregCommon):
    def _entry(self, user=None, register=True, **vals):
        values = {
            "project_id": self.project_a.id,
            "direction": "in",
            "counterpart_type": "committee",
            "subject": "Parking on the fire lane",
            "date": date(2026, 3, 2),
            "reply_required": True,
            "attachment_ids": [Command.set(self._attachment("letter.pdf").ids)],
        }
        values.update(vals)
        entry = (
            self.env["property.register.entry"]
            .with_user(user or self.agent)
            .create(values)
        )
        if register:
            entry.action_register()
        return entry

    def _row(self, entry):
        return self.env["property.deadline"].search(
            [
                ("res_model", "=", entry._name),
                ("res_id", "=", entry.id),
                ("target", "=", "register"),
            ]
        )


@tagged("post_install", "-at_install")
class TestRegister(RegisterCommon):
    """The document register (文件收发, D-23): letters in writing, their
    reply deadlines on the deadline engine, escalation and filing."""

    def test_register_in_writing_with_numbers(self):
        """An entry is registered only with its document; incoming and
        outgoing letters are numbered in their own series."""
        entry = self._entry(register=False, attachment_ids=[])
        with self.assertRaisesRegex(UserError, "in writing"):
            entry.action_register()
        self.assertEqual(entry.state, "draft")
        self.assertFalse(self._row(entry))
        entry.attachment_ids = [Command.set(self._attachment().ids)]
        entry.action_register()
        self.assertEqual(entry.state, "open")
        self.assertTrue(entry.name.startswith("SW2026") or entry.name.startswith("SW"))
        self.assertEqual(entry.attachment_ids.res_id, entry.id)
        out = self._entry(direction="out", reply_required=False)
        self.assertTrue(out.name.startswith("FW"))
        self.assertEqual(entry.committee_id, self.committee_a)
        self.assertTrue(entry.addressed_to_committee)
        with self.assertRaisesRegex(UserError, "buttons"):
            entry.write({"state": "filed"})

    def test_reply_deadline_end_of_day_in_project_time(self):
        """The reply is due the project's 15 days after the letter, at the
        end of that day in the project's time zone."""
        self.project_a.tz = "Asia/Shanghai"
        with freeze_time(T0):
            entry = self._entry()
        self.assertEqual(entry.date_reply_due, date(2026, 3, 17))
        row = self._row(entry)
        self.assertEqual(row.date_due, DUE)
        self.assertEqual(row.state, "running")
        self.project_a.register_reply_days = 5
        with freeze_time(T0):
            short = self._entry()
        self.assertEqual(short.date_reply_due, date(2026, 3, 7))
        with self.assertRaises(ValidationError):
            self._entry(date_reply_due=date(2026, 3, 1))

    def test_overdue_reply_escalates(self):
        """Warned two days before; the breach at the end of the reply day
        escalates to the project manager (rule) and shows as overdue; the
        registered reply meets it and lets the letter be filed."""
        self.project_a.tz = "Asia/Shanghai"
        Deadline = self.env["property.deadline"]
        with freeze_time(T0):
            entry = self._entry(user_id=self.users["supervisor"].id)
        row = self._row(entry)
        with freeze_time(DUE - timedelta(days=2, minutes=1)):
            Deadline._cron_deadline_pass()
        self.assertFalse(row.escalation_ids)
        with freeze_time(DUE - timedelta(days=2)):
            Deadline._cron_deadline_pass()
        self.assertEqual(row.escalation_ids.mapped("step"), ["warning"])
        self.assertIn(self.users["supervisor"], entry.activity_ids.user_id)
        self.assertNotIn(self.manager, entry.activity_ids.user_id)
        with freeze_time(DUE):
            Deadline._cron_deadline_pass()
            Deadline._cron_deadline_pass()
            entry.invalidate_recordset(["is_overdue"])
            self.assertTrue(entry.is_overdue)
            overdue = self.env["property.register.entry"].search(
                [("is_overdue", "=", True)]
            )
            self.assertIn(entry, overdue)
        self.assertEqual(len(row.breach_ids), 1)
        self.assertIn(self.manager, entry.activity_ids.user_id)
        notes = entry.message_ids.filtered(lambda m: "overdue" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        with self.assertRaisesRegex(UserError, "awaits its reply"):
            entry.action_file()
        with freeze_time(at(days=16)):
            reply = self._entry(
                direction="out",
                reply_required=False,
                reply_to_id=entry.id,
                date=date(2026, 3, 18),
            )
        self.assertEqual(entry.state, "replied")
        self.assertEqual(entry.date_replied, date(2026, 3, 18))
        self.assertEqual(row.state, "met")
        self.assertEqual(entry.reply_ids, reply)
        with self.assertRaisesRegex(UserError, "filed"):
            entry.action_file()
        entry.file_location = "Committee binder 2026"
        entry.action_file()
        self.assertEqual(entry.state, "filed")

    def test_their_reply_to_our_letter(self):
        """An outgoing letter expecting an answer is followed up; their
        letter registered in reply meets it."""
        ours = self._entry(
            direction="out", counterpart_type="developer", subject="Leaking roof"
        )
        self.assertEqual(self._row(ours).state, "running")
        theirs = self._entry(
            counterpart_type="developer",
            subject="Re: leaking roof",
            reply_required=False,
            reply_to_id=ours.id,
            date=date(2026, 3, 9),
        )
        self.assertEqual(ours.state, "replied")
        self.assertEqual(ours.date_replied, date(2026, 3, 9))
        self.assertEqual(self._row(ours).state, "met")
        self.assertEqual(theirs.state, "open")

    def test_no_reply_needed_no_deadline(self):
        entry = self._entry(reply_required=False, file_location="Binder 1")
        self.assertFalse(entry.date_reply_due)
        self.assertFalse(self._row(entry))
        with self.assertRaises(UserError):
            entry.action_mark_replied()
        entry.action_file()
        self.assertEqual(entry.state, "filed")

    def test_cancel_stops_the_clock(self):
        entry = self._entry()
        entry.action_cancel()
        self.assertEqual(self._row(entry).state, "cancelled")

    def test_links_to_ticket_and_complaint(self):
        ticket = self.env["property.ticket"].create(
            {"name": "Leak", "unit_id": self.unit_a1.id}
        )
        complaint = self.env["property.ticket"].create(
            {"name": "Noise", "unit_id": self.unit_a1.id, "kind": "complaint"}
        )
        entry = self._entry(ticket_id=ticket.id, complaint_id=complaint.id)
        self.assertEqual(entry.ticket_id, ticket)
        self.assertEqual(ticket.register_entry_count, 1)
        self.assertEqual(complaint.register_entry_count, 1)
        action = complaint.action_view_register_entries()
        self.assertEqual(
            self.env["property.register.entry"].search(action["domain"]), entry
        )
        with self.assertRaises(ValidationError):
            self._entry(ticket_id=complaint.id)
        other = self.env["property.ticket"].create(
            {"name": "RV leak", "unit_id": self.unit_b1.id}
        )
        with self.assertRaises(ValidationError):
            self._entry(ticket_id=other.id)
        with self.assertRaises(ValidationError):
            self._entry(committee_id=self.committee_b.id)

    def test_rule_is_editable_automation(self):
        rule = self.env.ref("property_cs.base_automation_register_reply_overdue")
        self.assertEqual(rule.model_id.model, "property.deadline.breach")
        self.assertIn("_register_reply_overdue", rule.action_server_ids.code)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_per_group(self):
        """Customer service and departments keep the register of their
        projects; finance reads; head office reads all; portal users have
        no access."""
        entry = self._entry()
        other = self.env["property.register.entry"].create(
            {
                "project_id": self.project_b.id,
                "counterpart_type": "government",
                "subject": "RV letter",
            }
        )
        Entry = self.env["property.register.entry"]
        for role in ("agent", "department", "finance", "manager"):
            found = Entry.with_user(self.users[role]).search([])
            self.assertIn(entry, found, role)
            self.assertNotIn(other, found, role)
        self.assertIn(other, Entry.with_user(self.users["head_office"]).search([]))
        dept = self._entry(user=self.users["department"], subject="From engineering")
        self.assertEqual(dept.state, "open")
        with self.assertRaises(AccessError):
            entry.with_user(self.users["finance"]).action_file()
        with self.assertRaises(AccessError):
            Entry.with_user(self.users["finance"]).create(
                {"project_id": self.project_a.id, "subject": "x"}
            )
        with self.assertRaises(AccessError):
            other.with_user(self.agent).write({"subject": "y"})
        # the complaint link is for customer service
        with self.assertRaises(AccessError):
            entry.with_user(self.users["department"]).read(["complaint_id"])
        for portal in (self.portal_owner, self.portal_tenant):
            with self.assertRaises(AccessError):
                Entry.with_user(portal).search([])
            with self.assertRaises(AccessError):
                entry.with_user(portal).read(["subject"])


@tagged("post_install", "-at_install")
class TestRegisterPortalLetters(RegisterCommon):
    """Committee members read the entries shared with their committee: the
    current members of the project's current committee only."""

    def test_letters_of_current_members_only(self):
        shared = self._entry(subject="Parking letter")
        draft = self._entry(register=False, subject="Draft letter")
        internal = self._entry(counterpart_type="government", subject="Fire check")
        shared_gov = self._entry(
            counterpart_type="government",
            subject="Street office copy",
            addressed_to_committee=True,
        )
        other = self.env["property.register.entry"].create(
            {
                "project_id": self.project_b.id,
                "subject": "RV letter",
                "attachment_ids": [Command.set(self._attachment().ids)],
            }
        )
        other.action_register()
        Entry = self.env["property.register.entry"]
        with freeze_time(T0):
            letters = Entry._portal_letters(self.owner_a)
            self.assertEqual(set(letters.ids), {shared.id, shared_gov.id})
            self.assertNotIn(draft, letters)
            self.assertNotIn(internal, letters)
            # a former member, a member of another project's committee
            self.assertFalse(Entry._portal_letters(self.tenant_a))
            self.assertEqual(Entry._portal_letters(self.owner_b), other)
            with self.assertRaises(MissingError):
                Entry._portal_letter(self.owner_a, other.id)
            with self.assertRaises(MissingError):
                Entry._portal_letter(self.owner_a, internal.id)
            values = Entry._portal_letter(
                self.owner_a, shared.id
            )._portal_letter_values()
            self.assertTrue(values["documents"].access_token)
        # the committee's term ended: its members read nothing any more
        with freeze_time(datetime(2029, 1, 2, 2, 0)):
            self.assertFalse(Entry._portal_letters(self.owner_a))


@tagged("post_install", "-at_install")
class TestRegisterForm(RegisterCommon):
    def test_form_committee_and_sharing(self):
        """The committee of the project is proposed for a committee letter
        and the entry is shared with it; another counterpart is not shared
        unless ticked."""
        with Form(self.env["property.register.entry"].with_user(self.agent)) as form:
            form.project_id = self.project_a
            form.subject = "Parking"
            self.assertEqual(form.committee_id, self.committee_a)
            self.assertTrue(form.addressed_to_committee)
            form.counterpart_type = "government"
            self.assertFalse(form.addressed_to_committee)
            form.reply_required = True
            self.assertTrue(form.date_reply_due)
        self.assertEqual(form.record.state, "draft")

    def test_letters_list_queries_do_not_grow(self):
        """The committee's letter list costs the same number of queries
        for 2 letters as for 12."""
        Entry = self.env["property.register.entry"]

        def count():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            letters = Entry._portal_letters(self.owner_a, limit=20)
            shown = [
                (letter.name, letter.date, letter.direction, letter.subject)
                + (letter.reply_required, letter.date_reply_due, letter.state)
                for letter in letters
            ]
            return len(shown), self.env.cr.sql_log_count - before

        for _i in range(2):
            self._entry()
        few, few_queries = count()
        for _i in range(10):
            self._entry()
        many, many_queries = count()
        self.assertEqual((few, many), (2, 12))
        self.assertEqual(few_queries, many_queries)


@tagged("post_install", "-at_install")
class TestRegisterPortalHttp(RegisterCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()

    def test_my_letters_pages(self):
        shared = self._entry(subject="Parking letter", summary="Please answer")
        internal = self._entry(counterpart_type="government", subject="Fire check")
        self.authenticate(self.portal_owner.login, self.portal_owner.login)
        page = self.url_open("/my/letters")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Parking letter", page.text)
        self.assertNotIn("Fire check", page.text)
        page = self.url_open(f"/my/letters/{shared.id}")
        self.assertIn("Please answer", page.text)
        self.assertIn("access_token=", page.text)
        for url in ("/my", "/my/letters", f"/my/letters/{shared.id}"):
            html = self.url_open(url).text
            for marker in INTERNAL_MARKERS:
                self.assertNotIn(marker, html, f"{marker!r} leaked in {url}")
        page = self.url_open(f"/my/letters/{internal.id}")
        self.assertTrue(page.url.endswith("/my/letters"))
        self.assertNotIn("Fire check", page.text)
        self.authenticate(self.portal_tenant.login, self.portal_tenant.login)
        page = self.url_open("/my/letters")
        self.assertNotIn("Parking letter", page.text)
        page = self.url_open(f"/my/letters/{shared.id}")
        self.assertNotIn("Please answer", page.text)
