# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

BOOKED_STATES = ("draft", "open")


class EventRegistration(models.Model):
    """The reminder of a booked place at a community event (D-30): sent
    once per place, the project's number of hours before the event, to the
    person who booked for the household."""

    _inherit = "event.registration"

    property_date_reminder = fields.Datetime(
        string="Reminder Sent On",
        readonly=True,
        copy=False,
        help="When the household was reminded of this place; a place is reminded once.",
    )

    def _property_reminder_recipient(self):
        self.ensure_one()
        return self.property_booked_by_id or self.partner_id

    @api.model
    def _cron_property_send_reminders(self):
        """Remind the households with booked places (not on the waiting
        list) of the events starting within their project's reminder hours:
        one mail per household and event, in the recipient's language with
        the event's date in the project's time zone, listing the places;
        every place is marked, so that none is reminded twice."""
        now = fields.Datetime.now()
        hours = (
            self.env["property.project"]
            .sudo()
            .search([])
            .mapped("event_reminder_hours")
        )
        horizon = now + timedelta(hours=max(hours or [24]))
        candidates = self.sudo().search(
            [
                ("state", "in", BOOKED_STATES),
                ("property_is_waitlist", "=", False),
                ("property_date_reminder", "=", False),
                ("property_project_id", "!=", False),
                ("event_id.date_begin", ">", now),
                ("event_id.date_begin", "<=", horizon),
            ],
            order="event_id, id",
        )
        due = candidates.filtered(
            lambda r: (
                r.event_id.date_begin
                <= now + timedelta(hours=r.property_project_id.event_reminder_hours)
            )
        )
        template = self.env.ref(
            "property_cs.mail_template_event_reminder", raise_if_not_found=False
        )
        groups = {}
        for registration in due:
            key = (registration.event_id, registration._property_reminder_recipient())
            groups.setdefault(key, self.sudo().browse())
            groups[key] |= registration
        for (_event, recipient), places in groups.items():
            if template and recipient.email:
                names = ", ".join(
                    place.name or place.partner_id.name or "" for place in places
                )
                template.sudo().with_context(property_attendee_names=names).send_mail(
                    places[0].id
                )
        due.write({"property_date_reminder": now})
        return due
