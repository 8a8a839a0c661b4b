# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP, PropertyCsCommon

# the slots of the tests are on these days (Asia/Shanghai, UTC+8)
DAY_1 = date(2030, 3, 5)
DAY_2 = date(2030, 3, 6)


class MoveinCommon(PropertyCsCommon):
    """Project A's units 101 (owner Zhang Wei with a co-owner), 102 (only a
    tenant: no owner yet) and 103 (owner Chen Jie), in one move-in batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a.write(
            {
                "tz": "Asia/Shanghai",
                "movein_booking_cutoff_hours": 24,
                "movein_documents": "ID card\nPurchase contract",
                "movein_location": "Lobby of B1",
            }
        )
        cls.env["property.unit.partner"].create(
            {
                "unit_id": cls.unit_a3.id,
                "partner_id": cls.owner_b.id,
                "role": "owner",
                "date_start": "2025-06-01",
            }
        )
        cls.engineer = cls.users["department"]
        # the demo staff have no email address: the move-in works without
        cls.agent.partner_id.email = False
        cls.batch = cls.env["property.movein.batch"].create(
            {
                "name": "B1 first move-in",
                "project_id": cls.project_a.id,
                "date_start": DAY_1,
                "date_end": date(2030, 3, 20),
                "unit_ids": [
                    Command.set((cls.unit_a1 | cls.unit_a2 | cls.unit_a3).ids)
                ],
                "fee_ids": [
                    Command.create({"name": "Service fee, 3 months", "amount": 840.0}),
                    Command.create({"name": "Access cards", "amount": 60.0}),
                ],
            }
        )

    @classmethod
    def _slot(cls, day, start, end, capacity=1, user=None, batch=None):
        return cls.env["property.movein.slot"].create(
            {
                "batch_id": (batch or cls.batch).id,
                "date": day,
                "time_start": start,
                "time_end": end,
                "capacity": capacity,
                "user_id": (user or cls.agent).id,
            }
        )

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """As assertRaises (in a savepoint, rolled back), with the message."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception), regex)

    def _open_and_notify(self):
        self.batch.with_user(self.agent).action_open()
        self.batch.with_user(self.agent).action_send_notice()
        return {h.unit_id: h for h in self.batch.handover_ids}


@tagged("post_install", "-at_install")
class TestMoveinBatch(MoveinCommon):
    """Move-in batches: opening creates the handovers with the current
    owners, the notice by mail and portal, the slot generation helper."""

    def test_open_creates_handovers_with_current_owners(self):
        """One handover per unit, to its owner (not the co-owner), none for
        a unit without owner; opening twice is refused."""
        self.assertEqual(self.batch.location, "Lobby of B1")
        self.assertEqual(self.batch.documents_to_bring, "ID card\nPurchase contract")
        self.batch.with_user(self.agent).action_open()
        self.assertEqual(self.batch.state, "open")
        handovers = {h.unit_id: h for h in self.batch.handover_ids}
        self.assertEqual(set(handovers), {self.unit_a1, self.unit_a2, self.unit_a3})
        self.assertEqual(handovers[self.unit_a1].partner_id, self.owner_a)
        self.assertEqual(handovers[self.unit_a3].partner_id, self.owner_b)
        self.assertFalse(handovers[self.unit_a2].partner_id)
        self.assertTrue(all(h.state == "draft" for h in handovers.values()))
        self.assertEqual(self.batch.no_owner_count, 1)
        self.assertIn("102", self.batch.message_ids[0].body)
        with self.assertRaises(UserError):
            self.batch.with_user(self.agent).action_open()

    def test_units_handed_over_once(self):
        """A unit already handed over, or under way in another batch, is
        refused; a unit of another project is refused."""
        self.batch.action_open()
        other = self.env["property.movein.batch"].create(
            {
                "name": "Second",
                "project_id": self.project_a.id,
                "date_start": DAY_1,
                "date_end": DAY_2,
                "unit_ids": [Command.set(self.unit_a1.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "another batch"):
            other.action_open()
        self.unit_a1.date_handover = "2020-01-01"
        with self.assertRaisesRegex(UserError, "already handed over"):
            other.action_open()
        with self.assertRaises(ValidationError):
            other.unit_ids = [Command.link(self.unit_b1.id)]

    def test_open_needs_units_and_period(self):
        batch = self.env["property.movein.batch"].create(
            {"name": "Empty", "project_id": self.project_a.id}
        )
        with self.assertRaisesRegex(UserError, "units"):
            batch.action_open()
        batch.unit_ids = [Command.set(self.unit_a1.ids)]
        with self.assertRaisesRegex(UserError, "period"):
            batch.action_open()

    def test_notice_by_mail_and_portal(self):
        """The notice goes to the owners with a partner (mail, posted on the
        handover the owner reads in the portal), with the documents, the
        fees and the link; the handover without an owner waits."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        self.assertEqual(mine.state, "notified")
        self.assertTrue(mine.date_notified)
        self.assertEqual(handovers[self.unit_a2].state, "draft")
        notice = mine.message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids and m.message_type == "comment"
        )
        self.assertEqual(len(notice), 1)
        self.assertIn("Move-in notice", notice.subject)
        self.assertIn("Purchase contract", notice.body)
        self.assertIn("840.00", notice.body)
        self.assertIn("900.00", notice.body)
        self.assertIn(f"/my/movein/{mine.id}", notice.body)
        self.assertNotIn("access_token", notice.body)
        self.assertEqual(self.batch.draft_count, 1)
        self.assertEqual(self.batch.notified_count, 2)
        self.assertIn("Still without an owner", self.batch.message_ids[0].body)
        # once an owner is entered, the notice goes to them too
        handovers[self.unit_a2].partner_id = self.tenant_a
        self.batch.with_user(self.agent).action_send_notice()
        self.assertEqual(handovers[self.unit_a2].state, "notified")
        with self.assertRaises(UserError):
            self.batch.with_user(self.agent).action_send_notice()

    def test_remind_owners_not_booked(self):
        """The owners notified but not booked get a reminder; once all have
        booked there is nobody to remind."""
        handovers = self._open_and_notify()
        slot = self._slot(DAY_1, 9.0, 10.0, capacity=2)
        handovers[self.unit_a1].with_user(self.agent).action_book_slot(slot.id)
        waiting = handovers[self.unit_a3]
        before = waiting.message_ids
        self.batch.with_user(self.agent).action_remind_not_booked()
        reminder = waiting.message_ids - before
        self.assertEqual(len(reminder), 1)
        self.assertIn(self.owner_b, reminder.partner_ids)
        self.assertIn("2030-03-20", reminder.body)
        self.assertFalse(
            handovers[self.unit_a1].message_ids.filtered(
                lambda m: "handover period ends on" in (m.body or "")
            )
        )
        self.assertIn(
            "Reminder to book sent to 1 owners", self.batch.message_ids[0].body
        )
        waiting.with_user(self.agent).action_book_slot(slot.id)
        with self.assertRaisesRegex(UserError, "has booked"):
            self.batch.with_user(self.agent).action_remind_not_booked()

    def test_generate_slots(self):
        """Days x times x staff, in the project's time zone, without the
        break and the days not chosen; existing slots are not doubled."""
        wizard_form = Form(
            self.env["property.movein.slot.generate"]
            .with_user(self.agent)
            .with_context(default_batch_id=self.batch.id)
        )
        wizard_form.date_from = DAY_1  # a Tuesday
        wizard_form.date_to = date(2030, 3, 11)  # the next Monday
        wizard_form.sun = False
        wizard_form.time_start = 9.0
        wizard_form.time_end = 15.0
        wizard_form.duration = 1.5
        wizard_form.break_start = 12.0
        wizard_form.break_end = 13.5
        wizard_form.capacity = 3
        wizard_form.user_ids.add(self.agent)
        wizard_form.user_ids.add(self.engineer)
        # 6 days x (9:00, 10:30, 13:30) x 2 staff
        self.assertEqual(wizard_form.slot_count, 36)
        wizard = wizard_form.save()
        wizard.action_generate()
        slots = self.batch.slot_ids
        self.assertEqual(len(slots), 36)
        self.assertNotIn(date(2030, 3, 10), slots.mapped("date"))
        self.assertEqual(sorted(set(slots.mapped("time_start"))), [9.0, 10.5, 13.5])
        first = slots.sorted(lambda s: (s.date, s.time_start))[0]
        self.assertEqual(first.datetime_start, datetime(2030, 3, 5, 1, 0))
        self.assertEqual(first.datetime_end, datetime(2030, 3, 5, 2, 30))
        self.assertEqual(first.capacity, 3)
        self.assertEqual(first.location, "Lobby of B1")
        self.assertEqual(self.batch.seats_total, 108)
        wizard.action_generate()
        self.assertEqual(len(self.batch.slot_ids), 36)

    def test_slot_rules(self):
        """A staff member holds one slot at a time; a slot ends after it
        starts and takes at least one owner."""
        self._slot(DAY_1, 9.0, 10.0)
        with self.assertRaisesRegex(ValidationError, "another slot"):
            self._slot(DAY_1, 9.5, 10.5)
        self._slot(DAY_1, 9.5, 10.5, user=self.engineer)
        with self.assertRaises(ValidationError):
            self._slot(DAY_1, 11.0, 10.0)
        with self.assertRaises(ValidationError):
            self._slot(DAY_1, 14.0, 15.0, capacity=0)


@tagged("post_install", "-at_install")
class TestMoveinBooking(MoveinCommon):
    """Booking a slot: capacity, the staff member's calendar event, moving
    and cancelling, the cut-off in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.slot_1 = cls._slot(DAY_1, 9.0, 10.0, capacity=1)
        cls.slot_2 = cls._slot(
            DAY_1, 10.0, 11.0, capacity=2, user=cls.users["department"]
        )
        cls.slot_3 = cls._slot(DAY_2, 9.0, 10.0, capacity=1)

    def test_book_full_move_cancel(self):
        """The booking makes the staff member's event with the owner; a full
        slot is refused; moving moves the event; cancelling archives it."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        other = handovers[self.unit_a3]
        mine.with_user(self.agent).action_book_slot(self.slot_1.id)
        self.assertEqual(mine.state, "booked")
        self.assertEqual(mine.slot_id, self.slot_1)
        self.assertEqual(mine.booking_channel, "desk")
        self.assertTrue(self.slot_1.is_full)
        self.assertEqual(self.slot_1.seats_left, 0)
        event = mine.calendar_event_id
        self.assertEqual(event.user_id, self.agent)
        self.assertEqual(event.partner_ids, self.agent.partner_id | self.owner_a)
        self.assertEqual(event.start, datetime(2030, 3, 5, 1, 0))
        self.assertEqual(event.stop, datetime(2030, 3, 5, 2, 0))
        self.assertEqual(event.res_id, mine.id)
        self.assertIn("101", event.name)
        self.assertIn("booked", mine.message_ids[0].body)
        self.assertEqual(self.batch.booked_count, 1)
        # full
        with self.assertRaisesRegex(UserError, "full"):
            other.with_user(self.agent).action_book_slot(self.slot_1.id)
        self.assertEqual(other.state, "notified")
        # move: the same event follows, with the new staff member
        mine.with_user(self.agent).action_book_slot(self.slot_2.id)
        self.assertEqual(mine.slot_id, self.slot_2)
        self.assertEqual(mine.calendar_event_id, event)
        self.assertEqual(event.user_id, self.users["department"])
        self.assertEqual(event.start, datetime(2030, 3, 5, 2, 0))
        self.assertFalse(self.slot_1.is_full)
        self.assertIn("moved", mine.message_ids[0].body)
        other.with_user(self.agent).action_book_slot(self.slot_1.id)
        # cancel
        mine.with_user(self.agent).action_cancel_booking()
        self.assertEqual(mine.state, "notified")
        self.assertFalse(mine.slot_id)
        self.assertFalse(event.active)
        self.assertEqual(self.slot_2.booked_count, 0)
        # booked again: the archived event comes back
        mine.with_user(self.agent).action_book_slot(self.slot_3.id)
        self.assertTrue(event.active)
        self.assertEqual(event.start, datetime(2030, 3, 6, 1, 0))

    def test_desk_books_with_wizard(self):
        """The desk books and moves with the wizard; a cancelled handover
        leaves no event in the staff member's calendar."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        action = mine.with_user(self.agent).action_open_book_wizard()
        Wizard = self.env[action["res_model"]].with_user(self.agent)
        wizard_form = Form(Wizard.with_context(**action["context"]))
        wizard_form.slot_id = self.slot_2
        wizard_form.save().action_confirm()
        self.assertEqual(mine.slot_id, self.slot_2)
        self.assertEqual(mine.booking_channel, "desk")
        wizard_form = Form(Wizard.with_context(**action["context"]))
        self.assertEqual(wizard_form.current_slot_id, self.slot_2)
        wizard_form.slot_id = self.slot_3
        wizard_form.save().action_confirm()
        self.assertEqual(mine.slot_id, self.slot_3)
        event = mine.calendar_event_id
        self.assertTrue(event.active)
        mine._workflow_write({"state": "cancelled"})
        self.assertFalse(event.active)
        self.assertFalse(self.slot_3.is_full)

    def test_book_refusals(self):
        """A draft handover (no notice yet), a slot of another batch, a past
        slot and the same slot again are refused; only the desk books."""
        self.batch.action_open()
        handovers = {h.unit_id: h for h in self.batch.handover_ids}
        with self.assertRaisesRegex(UserError, "not possible"):
            handovers[self.unit_a1].action_book_slot(self.slot_1.id)
        self.batch.action_send_notice()
        mine = handovers[self.unit_a1]
        other_batch = self.env["property.movein.batch"].create(
            {"name": "Other", "project_id": self.project_a.id}
        )
        foreign = self._slot(DAY_1, 9.0, 10.0, batch=other_batch, user=self.manager)
        with self.assertRaisesRegex(UserError, "not offered"):
            mine.action_book_slot(foreign.id)
        past = self._slot(date(2020, 1, 1), 9.0, 10.0)
        with self.assertRaisesRegex(UserError, "past"):
            mine.action_book_slot(past.id)
        mine.action_book_slot(self.slot_1.id)
        with self.assertRaisesRegex(UserError, "already"):
            mine.action_book_slot(self.slot_1.id)
        with self.assertRaises(AccessError):
            mine.with_user(self.users["department"]).action_book_slot(self.slot_3.id)

    def test_workflow_fields_only_through_actions(self):
        """The status and the appointment are not written directly."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1].with_user(self.agent)
        with self.assertRaises(UserError):
            mine.write({"slot_id": self.slot_1.id})
        with self.assertRaises(UserError):
            mine.write({"state": "booked"})
        with self.assertRaises(UserError):
            self.batch.with_user(self.agent).write({"state": "closed"})

    def test_portal_cutoff(self):
        """In the portal an appointment is booked, moved or cancelled only up
        to the project's cut-off before it starts; the desk still can."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        slot_0 = self._slot(DAY_1, 8.0, 8.5, user=self.manager)
        # slot_0 starts 2030-03-05 00:00 UTC, slot_1 01:00 UTC
        with freeze_time("2030-03-04 00:30:00"):
            mine._portal_book(self.owner_a, self.slot_1.id)
            self.assertEqual(mine.booking_channel, "portal")
            self.assertEqual(mine.booking_deadline, datetime(2030, 3, 4, 1, 0))
            values = mine._portal_movein_values(self.owner_a)
            self.assertTrue(values["can_change"])
            # the deadline in the owner's (here the project's) time zone
            self.assertIn("9:00", values["texts"]["deadline"])
            self.assertIn("24 hours", values["texts"]["cutoff"])
            # slot_0 starts within the cut-off: not offered, refused
            offered = [s for __, slots in values["slot_days"] for s in slots]
            self.assertNotIn(slot_0, offered)
            self.assertIn(self.slot_2, offered)
            self.assertIn(self.slot_3, offered)
            with self.assertRaisesRegex(UserError, "too close"):
                mine._portal_book(self.owner_a, slot_0.id)
            # the desk may still book it
            handovers[self.unit_a3].with_user(self.agent).action_book_slot(slot_0.id)
        with freeze_time("2030-03-04 01:30:00"):
            self.assertFalse(mine._portal_movein_values(self.owner_a)["can_change"])
            with self.assertRaisesRegex(UserError, "no longer be changed online"):
                mine._portal_book(self.owner_a, self.slot_3.id)
            with self.assertRaisesRegex(UserError, "no longer be changed online"):
                mine._portal_cancel_booking(self.owner_a)
            self.assertEqual(mine.slot_id, self.slot_1)
            # the desk moves it
            mine.with_user(self.agent).action_book_slot(self.slot_3.id)
            self.assertEqual(mine.slot_id, self.slot_3)
        # a longer cut-off set on the project applies at once
        self.project_a.movein_booking_cutoff_hours = 72
        with freeze_time("2030-03-03 12:00:00"):
            with self.assertRaisesRegex(UserError, "no longer be changed online"):
                mine._portal_cancel_booking(self.owner_a)
        with freeze_time("2030-03-02 12:00:00"):
            mine._portal_cancel_booking(self.owner_a)
            self.assertEqual(mine.state, "notified")

    def test_portal_only_own_handover(self):
        """The portal methods act only for the handover's owner."""
        handovers = self._open_and_notify()
        with self.assertRaises(AccessError):
            handovers[self.unit_a1]._portal_book(self.owner_b, self.slot_1.id)
        with self.assertRaises(AccessError):
            handovers[self.unit_a2]._portal_book(self.tenant_a, self.slot_1.id)
        self.assertEqual(handovers[self.unit_a1].state, "notified")

    def test_slot_changes_follow_bookings(self):
        """Moving a booked slot moves its events and tells the owners; a
        slot with appointments is not archived, deleted or shrunk below its
        bookings."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        mine.action_book_slot(self.slot_2.id)
        handovers[self.unit_a3].action_book_slot(self.slot_2.id)
        self.assertTrue(self.slot_2.is_full)
        self.slot_2.write({"time_start": 15.0, "time_end": 16.0})
        self.assertEqual(mine.calendar_event_id.start, datetime(2030, 3, 5, 7, 0))
        self.assertIn("15:00-16:00", mine.message_ids[0].body)
        with self.assertRaises(ValidationError):
            self.slot_2.capacity = 1
        with self.assertRaises(UserError):
            self.slot_2.active = False
        with self.assertRaises(UserError):
            self.slot_2.unlink()

    def test_close_and_units_taken_out(self):
        """Closing waits for the appointments; a unit taken out of the batch
        has its handover cancelled unless it is booked."""
        handovers = self._open_and_notify()
        mine = handovers[self.unit_a1]
        mine.action_book_slot(self.slot_1.id)
        with self.assertRaisesRegex(UserError, "appointment"):
            self.batch.unit_ids = [Command.unlink(self.unit_a1.id)]
        self.batch.unit_ids = [Command.unlink(self.unit_a3.id)]
        self.assertEqual(handovers[self.unit_a3].state, "cancelled")
        self.batch.unit_ids = [Command.link(self.unit_a3.id)]
        fresh = self.batch.handover_ids.filtered(
            lambda h: h.unit_id == self.unit_a3 and h.state == "draft"
        )
        self.assertEqual(fresh.partner_id, self.owner_b)
        with self.assertRaisesRegex(UserError, "still to be held"):
            self.batch.action_close()
        mine.action_cancel_booking()
        self.batch.action_close()
        self.assertEqual(self.batch.state, "closed")
        with self.assertRaisesRegex(UserError, "closed"):
            mine._portal_book(self.owner_a, self.slot_3.id)
        self.assertFalse(mine._portal_movein_values(self.owner_a)["slot_days"])
        self.batch.action_reopen()
        mine._portal_book(self.owner_a, self.slot_3.id)
        self.assertEqual(mine.state, "booked")


@tagged("post_install", "-at_install")
class TestMoveinSecurity(MoveinCommon):
    """Who sees and does what: the project's staff, other projects' staff,
    head office, finance, the portal owners."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_agent = new_test_user(
            cls.env, login="pcs_agent_b", groups=GROUP % "agent", name="Agent B"
        )
        cls.other_agent.property_project_ids = [Command.link(cls.project_b.id)]
        cls.slot = cls._slot(DAY_1, 9.0, 10.0, capacity=2)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_staff_groups(self):
        self.batch.action_open()
        Batch = self.env["property.movein.batch"]
        Handover = self.env["property.handover"]
        Slot = self.env["property.movein.slot"]
        # the project's agent creates and runs batches
        self.assertEqual(Batch.with_user(self.agent).search([]), self.batch)
        # another project's agent sees nothing of it
        self.assertFalse(Batch.with_user(self.other_agent).search([]))
        self.assertFalse(Handover.with_user(self.other_agent).search([]))
        self.assertFalse(Slot.with_user(self.other_agent).search([]))
        with self.assertRaises(AccessError):
            self.batch.with_user(self.other_agent).read(["name"])
        # head office reads every project, changes nothing
        head_office = self.users["head_office"]
        self.assertIn(self.batch, Batch.with_user(head_office).search([]))
        with self.assertRaises(AccessError):
            self.batch.with_user(head_office).write({"name": "x"})
        # department (the day's inspectors) read; finance reads the fees
        for role in ("department", "finance"):
            user = self.users[role]
            self.assertEqual(Batch.with_user(user).search([]), self.batch)
            self.assertEqual(len(Handover.with_user(user).search([])), 3)
            self.assertTrue(self.batch.with_user(user).fee_ids.read(["amount"]))
            with self.assertRaises(AccessError):
                self.batch.with_user(user).action_close()
            with self.assertRaises(AccessError):
                Slot.with_user(user).create(
                    {
                        "batch_id": self.batch.id,
                        "date": DAY_2,
                        "time_start": 9.0,
                        "time_end": 10.0,
                        "user_id": user.id,
                    }
                )
        # the department cannot send notices or book (customer service does)
        with self.assertRaises(AccessError):
            self.batch.handover_ids[:1].with_user(
                self.users["department"]
            ).action_send_notice()

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_portal_users(self):
        """An owner reads only their own handover, once notified, and
        nothing of batches or slots."""
        self.batch.action_open()
        Handover = self.env["property.handover"]
        listed = Handover._portal_movein_domain(self.owner_a)
        self.assertFalse(Handover.with_user(self.portal_owner).search(listed))
        self.batch.action_send_notice()
        mine = Handover.with_user(self.portal_owner).search([])
        self.assertEqual(mine.unit_id, self.unit_a1)
        self.assertEqual(
            Handover.with_user(self.portal_owner_b).search([]).unit_id, self.unit_a3
        )
        self.assertFalse(Handover.with_user(self.portal_tenant).search([]))
        theirs = self.batch.handover_ids.filtered(lambda h: h.unit_id == self.unit_a3)
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_owner).read(["partner_id"])
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_owner).write({"partner_id": self.owner_b.id})
        with self.assertRaises(AccessError):
            self.batch.with_user(self.portal_owner).read(["name"])
        with self.assertRaises(AccessError):
            self.slot.with_user(self.portal_owner).read(["capacity"])
