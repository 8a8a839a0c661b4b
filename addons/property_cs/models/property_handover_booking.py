# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime

from .property_handover import PropertyHandover as CoreHandover
from .property_movein_slot import format_hours

MOVEIN_NOTICE_TEMPLATE = "property_cs.mail_template_movein_notice"
AGENT_GROUP = "property_cs.group_property_cs_agent"


class PropertyHandover(models.Model):
    """The move-in notice and the owner's appointment of a handover (D-19):
    the notice by mail and in the portal, booking a slot of the batch, moving
    or cancelling it until the project's cut-off, the staff member's
    calendar event with the owner as attendee.

    Rules: a full slot takes nobody more; in the portal an appointment is
    booked, moved or cancelled only up to the project's cut-off hours before
    it starts (``property.project.movein_booking_cutoff_hours``); the desk
    may still change it later. The core handover is in property_handover.py.
    """

    _inherit = "property.handover"
    _workflow_fields = (*CoreHandover._workflow_fields, "slot_id")
    _mail_post_access = "read"  # owners write about their appointment

    slot_id = fields.Many2one(
        "property.movein.slot",
        string="Appointment",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        readonly=True,
    )
    appointment_start = fields.Datetime(
        related="slot_id.datetime_start", store=True, string="Appointment Start"
    )
    appointment_stop = fields.Datetime(
        related="slot_id.datetime_end", store=True, string="Appointment End"
    )
    staff_user_id = fields.Many2one(
        related="slot_id.user_id", store=True, string="Staff"
    )
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    date_notified = fields.Datetime(
        string="Notice Sent", readonly=True, copy=False, tracking=True
    )
    date_booked = fields.Datetime(string="Booked On", readonly=True, copy=False)
    booking_channel = fields.Selection(
        [("portal", "Portal"), ("desk", "Customer-Service Desk")],
        string="Booked Through",
        readonly=True,
        copy=False,
    )
    batch_documents = fields.Text(
        related="batch_id.documents_to_bring", string="Documents to Bring"
    )
    booking_deadline = fields.Datetime(
        string="Changes Online Until",
        compute="_compute_booking_deadline",
        help="The owner can move or cancel the appointment in the portal until then.",
    )

    @api.depends("slot_id.datetime_start", "project_id.movein_booking_cutoff_hours")
    def _compute_booking_deadline(self):
        for handover in self:
            start = handover.slot_id.datetime_start
            handover.booking_deadline = (
                start - handover._movein_cutoff() if start else False
            )

    @api.depends("name", "unit_id.complete_name")
    def _compute_display_name(self):
        for handover in self:
            unit = handover.unit_id.complete_name or ""
            if handover.name and handover.name != "/":
                handover.display_name = f"{handover.name} {unit}".strip()
            else:
                handover.display_name = unit or handover.env._("New Handover")

    def _compute_access_url(self):
        """The move-in page, unless the handover part points the handover
        to its record page (which links back to the move-in pages)."""
        result = super()._compute_access_url()
        for handover in self:
            if not handover.access_url or handover.access_url == "#":
                handover.access_url = handover._movein_portal_url()
        return result

    def _movein_portal_url(self):
        """The owner's move-in page of the handover: notice and booking."""
        self.ensure_one()
        return f"/my/movein/{self.id}"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "cancelled":
            # a cancelled handover keeps no appointment in the calendar
            self.filtered("calendar_event_id")._movein_sync_event()
        return result

    # ------------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------------
    def _movein_cutoff(self):
        self.ensure_one()
        return timedelta(hours=self.project_id.movein_booking_cutoff_hours or 0)

    def _movein_company_env(self):
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    def _movein_owner_env(self):
        """The environment in the owner's language (the company's when the
        owner has none), for what the owner reads."""
        self.ensure_one()
        lang = self.partner_id.lang or self.company_id._property_lang()
        return self.with_context(lang=lang).env

    def _movein_check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for handover in self:
            if handover.state not in states:
                raise UserError(
                    self.env._(
                        "The handover of %(unit)s is %(state)s: this step is "
                        "not possible now.",
                        unit=handover.unit_id.complete_name,
                        state=labels[handover.state],
                    )
                )

    def _movein_check_desk_user(self):
        if not self.env.su and not self.env.user.has_group(AGENT_GROUP):
            raise AccessError(
                self.env._("Only customer-service staff can book for an owner.")
            )

    # ------------------------------------------------------------------
    # NOTICE
    # ------------------------------------------------------------------
    def action_send_notice(self):
        """Send the move-in notice (documents to bring, fees to settle, how
        to book) to the owner by mail; it shows in their portal too. The
        handover becomes notified; sending again repeats the notice."""
        self._movein_check_desk_user()
        self._movein_check_state(("draft", "notified", "booked"))
        template = self.env.ref(MOVEIN_NOTICE_TEMPLATE)
        for handover in self:
            if not handover.partner_id:
                raise UserError(
                    self.env._(
                        "Enter the owner of %(unit)s before sending the notice.",
                        unit=handover.unit_id.complete_name,
                    )
                )
            if handover.batch_id.state != "open":
                raise UserError(
                    self.env._("Open the move-in batch before sending its notice.")
                )
            handover.sudo().message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=handover.partner_id.ids,
            )
            values = {"date_notified": fields.Datetime.now()}
            if handover.state == "draft":
                values["state"] = "notified"
            handover._workflow_write(values)
        return True

    def _movein_notice_documents(self):
        """The documents to bring, one per line of the batch."""
        self.ensure_one()
        text = self.batch_id.documents_to_bring or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    # ------------------------------------------------------------------
    # BOOKING
    # ------------------------------------------------------------------
    def _movein_check_slot(self, slot, channel):
        """The slot can take this owner now: the batch's, open, in the
        future (beyond the cut-off in the portal), not full."""
        self.ensure_one()
        now = fields.Datetime.now()
        if not slot.exists() or not slot.active or slot.batch_id != self.batch_id:
            raise UserError(self.env._("This time is not offered for your unit."))
        if self.batch_id.state != "open":
            raise UserError(
                self.env._("Appointments for this move-in batch are closed.")
            )
        if slot.datetime_start <= now:
            raise UserError(self.env._("This time is already past."))
        if channel == "portal" and slot.datetime_start - self._movein_cutoff() < now:
            raise UserError(
                self.env._(
                    "This time is too close: book online at least %(hours)s "
                    "hours ahead, or call the customer-service centre.",
                    hours=self.project_id.movein_booking_cutoff_hours,
                )
            )
        slot._lock_for_booking()
        if slot.is_full:
            raise UserError(
                self.env._(
                    "%(time)s is full: please choose another time.",
                    time=slot._time_label(),
                )
            )

    def _movein_check_change_allowed(self, channel):
        """In the portal, the current appointment can be moved or cancelled
        only up to the cut-off before it starts."""
        self.ensure_one()
        if channel != "portal" or not self.slot_id:
            return
        if fields.Datetime.now() > self.slot_id.datetime_start - self._movein_cutoff():
            raise UserError(
                self.env._(
                    "Your appointment starts in less than %(hours)s hours: it "
                    "can no longer be changed online.",
                    hours=self.project_id.movein_booking_cutoff_hours,
                )
                + " "
                + self._movein_call_text()
            )

    def _movein_book(self, slot, channel="desk"):
        """Book ``slot`` for the owner, or move the appointment to it: the
        staff member's calendar event is created or moved, the owner told.

        :param channel: "portal" (the cut-off applies) or "desk"
        """
        self.ensure_one()
        self._movein_check_state(("notified", "booked"))
        if slot == self.slot_id:
            raise UserError(self.env._("This is already your appointment."))
        moving = bool(self.slot_id)
        self._movein_check_change_allowed(channel)
        self._movein_check_slot(slot, channel)
        self._workflow_write(
            {
                "slot_id": slot.id,
                "state": "booked",
                "date_booked": fields.Datetime.now(),
                "booking_channel": channel,
            }
        )
        self._movein_sync_event()
        self._movein_notify_owner("moved" if moving else "booked")
        return True

    def _movein_cancel_booking(self, channel="desk"):
        """Cancel the appointment: the owner is to book again; the calendar
        event is archived."""
        self.ensure_one()
        self._movein_check_state(("booked",))
        self._movein_check_change_allowed(channel)
        self._workflow_write(
            {"slot_id": False, "state": "notified", "booking_channel": False}
        )
        self._movein_sync_event()
        self._movein_notify_owner("cancelled")
        return True

    def action_book_slot(self, slot_id):
        """The desk books or moves the appointment (wizard)."""
        self._movein_check_desk_user()
        slot = self.env["property.movein.slot"].browse(int(slot_id))
        for handover in self:
            handover._movein_book(slot, "desk")
        return True

    def action_cancel_booking(self):
        """The desk cancels the appointment on the owner's request."""
        self._movein_check_desk_user()
        for handover in self:
            handover._movein_cancel_booking("desk")
        return True

    def action_open_book_wizard(self):
        self.ensure_one()
        self._movein_check_desk_user()
        self._movein_check_state(("notified", "booked"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Book an Appointment"),
            "res_model": "property.handover.book",
            "view_mode": "form",
            "target": "new",
            "context": {"default_handover_id": self.id},
        }

    # ------------------------------------------------------------------
    # CALENDAR AND MESSAGES
    # ------------------------------------------------------------------
    def _movein_event_values(self):
        self.ensure_one()
        env = self._movein_company_env()
        slot = self.slot_id
        documents = self._movein_notice_documents()
        description = env._(
            "Handover of %(unit)s to %(owner)s.",
            unit=self.unit_id.complete_name,
            owner=self.partner_id.name or "",
        )
        if documents:
            description += "\n" + env._("Documents to bring:") + "\n- "
            description += "\n- ".join(documents)
        return {
            "name": env._(
                "Move-in handover: %(unit)s", unit=self.unit_id.complete_name
            ),
            "start": slot.datetime_start,
            "stop": slot.datetime_end,
            "user_id": slot.user_id.id,
            "partner_ids": [
                fields.Command.set((slot.user_id.partner_id | self.partner_id).ids)
            ],
            "location": slot.location or False,
            "description": description,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "privacy": "private",
            "active": True,
        }

    def _movein_sync_event(self):
        """The staff member's calendar event follows the appointment: made at
        the booking, moved with it, archived when it is cancelled. The
        owner is told by the handover's messages, not by calendar mails."""
        Event = (
            self.env["calendar.event"]
            .sudo()
            .with_context(no_mail_to_attendees=True, mail_create_nolog=True)
        )
        for handover in self.sudo():
            event = handover.calendar_event_id.with_context(
                no_mail_to_attendees=True, active_test=False
            )
            if handover.slot_id and handover.state == "booked":
                values = handover._movein_event_values()
                if event:
                    event.write(values)
                else:
                    handover.calendar_event_id = Event.create(values)
            elif event.active:
                event.active = False

    def _movein_owner_message(self, event):
        """The owner's message about ``event`` (booked, moved, changed,
        cancelled), in the current language."""
        self.ensure_one()
        slot = self.slot_id
        if event == "reminder":
            return self.env._(
                "Please book the time of the handover of %(unit)s: the handover "
                "period ends on %(date)s. Choose a time in the owners' portal, "
                "under Move-in.",
                unit=self.unit_id.complete_name,
                date=self.batch_id.date_end or "-",
            )
        if event == "cancelled":
            return self.env._(
                "Your move-in appointment for %(unit)s is cancelled. Please "
                "book a new time in the portal.",
                unit=self.unit_id.complete_name,
            )
        values = {
            "unit": self.unit_id.complete_name,
            "time": slot._time_label(),
            "place": slot.location or "-",
        }
        if event == "booked":
            return self.env._(
                "Your move-in appointment for %(unit)s is booked: %(time)s, "
                "at %(place)s.",
                **values,
            )
        if event == "moved":
            return self.env._(
                "Your move-in appointment for %(unit)s is moved to %(time)s, "
                "at %(place)s.",
                **values,
            )
        return self.env._(
            "The customer-service centre changed your move-in appointment for "
            "%(unit)s: %(time)s, at %(place)s.",
            **values,
        )

    def _movein_notify_owner(self, event):
        """Tell the owner in their language; the message shows in the
        handover's portal page."""
        for handover in self.sudo():
            if not handover.partner_id:
                continue
            env = handover._movein_owner_env()
            body = handover.with_env(env)._movein_owner_message(event)
            handover.message_post(
                body=body,
                partner_ids=handover.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    @api.model
    def _portal_movein_domain(self, partner):
        """The handovers an owner sees: their own, once notified (the
        record rules say the same)."""
        return [("partner_id", "=", partner.id), ("state", "!=", "draft")]

    def _portal_movein_check_owner(self, partner):
        self.ensure_one()
        if self.partner_id != partner or self.state == "draft":
            raise AccessError(
                self.env._("Only the owner can book the handover of this unit.")
            )

    def _portal_movein_state_label(self):
        self.ensure_one()
        labels = {
            "notified": self.env._("Please book your appointment"),
            "booked": self.env._("Appointment booked"),
            "in_progress": self.env._("Handover under way"),
            "done": self.env._("Handed over"),
            "cancelled": self.env._("Cancelled"),
        }
        return labels.get(self.state, self.state)

    def _portal_movein_slots(self):
        """The batch's times the owner may choose online, by day: future
        beyond the cut-off, full ones included (shown as full)."""
        self.ensure_one()
        if self.batch_id.state != "open" or self.state not in ("notified", "booked"):
            return []
        earliest = fields.Datetime.now() + self._movein_cutoff()
        slots = (
            self.env["property.movein.slot"]
            .sudo()
            .search(
                [
                    ("batch_id", "=", self.batch_id.id),
                    ("datetime_start", ">", earliest),
                ],
                order="date, time_start, id",
            )
        )
        days = {}
        for slot in slots:
            days.setdefault(slot.date, []).append(slot)
        return list(days.items())

    def _movein_call_text(self):
        """Please call the centre (with the project's hotline)."""
        self.ensure_one()
        if self.project_id.hotline:
            return self.env._(
                "Please call the customer-service centre (%(phone)s).",
                phone=self.project_id.hotline,
            )
        return self.env._("Please call the customer-service centre.")

    def _portal_movein_texts(self, can_change):
        """The sentences of the portal page that carry a number, a time or
        the phone, in the current language."""
        self.ensure_one()
        project = self.project_id
        call = self._movein_call_text()
        texts = {
            "cutoff": self.env._(
                "Times can be booked, moved or cancelled online until %(hours)s "
                "hours before they start.",
                hours=project.movein_booking_cutoff_hours,
            ),
            "no_slot": self.env._("No time is open for booking at the moment.")
            + " "
            + call,
            "locked": self.env._("It can no longer be changed online.") + " " + call,
            "deadline": "",
        }
        if can_change:
            tz = self.partner_id.tz or project.tz or "UTC"
            texts["deadline"] = self.env._(
                "You can move or cancel it online until %(deadline)s.",
                deadline=format_datetime(
                    self.env, self.booking_deadline, tz=tz, dt_format="short"
                ),
            )
        return texts

    def _portal_movein_values(self, partner):
        """What the owner sees of the handover: the notice, the appointment
        and the times to choose; never the staff's internal notes nor who
        else booked."""
        self.ensure_one()
        batch = self.batch_id.sudo()
        can_change = (
            self.state == "booked"
            and self.batch_id.state == "open"
            and fields.Datetime.now() <= self.booking_deadline
        )
        return {
            "handover": self,
            "batch": batch,
            "page_name": "property_movein",
            "state_label": self._portal_movein_state_label(),
            "documents": self._movein_notice_documents(),
            "fees": batch.fee_ids,
            "slot_days": self._portal_movein_slots(),
            "format_hours": format_hours,
            "can_book": self.state == "notified" and batch.state == "open",
            "can_change": can_change,
            "texts": self._portal_movein_texts(can_change),
        }

    def _portal_book(self, partner, slot_id):
        """The owner books or moves their appointment in the portal."""
        self.ensure_one()
        self._portal_movein_check_owner(partner)
        try:
            slot = self.env["property.movein.slot"].sudo().browse(int(slot_id))
        except (TypeError, ValueError):
            slot = self.env["property.movein.slot"]
        return self.sudo()._movein_book(slot, "portal")

    def _portal_cancel_booking(self, partner):
        """The owner cancels their appointment in the portal."""
        self.ensure_one()
        self._portal_movein_check_owner(partner)
        return self.sudo()._movein_cancel_booking("portal")

    def get_portal_url(
        self,
        suffix=None,
        report_type=None,
        download=None,
        query_string=None,
        anchor=None,
    ):
        """The handover's portal page, never with a token: only its owner
        opens it (record rules), so a forwarded link opens nothing for
        anybody else."""
        self.ensure_one()
        params = "".join(
            (
                f"&report_type={report_type}" if report_type else "",
                "&download=true" if download else "",
                query_string or "",
            )
        )
        if params:
            params = "?" + params.lstrip("&?")
        return (
            f"{self.access_url}{suffix or ''}{params}{'#' + anchor if anchor else ''}"
        )
