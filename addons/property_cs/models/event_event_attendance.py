# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .event_registration import PLACE_STATES

# how far back the no-shows cron looks for events that ended (a missed run
# catches up)
CRON_LOOKBACK_DAYS = 30


class EventEvent(models.Model):
    """Attendance at community events (D-30): the list to tick at the door,
    no-shows recorded after the event, and the counts of the waiting list,
    no-shows and the attendees' ratings."""

    _inherit = "event.event"

    property_waitlist_count = fields.Integer(
        string="On Waiting List",
        compute="_compute_property_registration_stats",
        compute_sudo=True,
    )
    property_no_show_count = fields.Integer(
        string="No-Shows",
        compute="_compute_property_registration_stats",
        compute_sudo=True,
    )
    property_feedback_count = fields.Integer(
        string="Number of Ratings",
        compute="_compute_property_registration_stats",
        compute_sudo=True,
    )
    property_feedback_avg = fields.Float(
        string="Average Rating",
        digits=(3, 1),
        compute="_compute_property_registration_stats",
        compute_sudo=True,
        help="Average of the attendees' ratings, from 1 (very poor) to 5 (very good).",
    )

    @api.depends(
        "registration_ids.state",
        "registration_ids.property_is_waitlist",
        "registration_ids.property_no_show",
        "registration_ids.property_feedback_rating",
    )
    def _compute_property_registration_stats(self):
        Registration = self.env["event.registration"]
        stats = {event.id: {"wait": 0, "noshow": 0, "ratings": []} for event in self}
        if self.ids:
            for event, count in Registration._read_group(
                [
                    ("event_id", "in", self.ids),
                    ("state", "=", "draft"),
                    ("property_is_waitlist", "=", True),
                ],
                ["event_id"],
                ["__count"],
            ):
                stats[event.id]["wait"] = count
            for event, count in Registration._read_group(
                [
                    ("event_id", "in", self.ids),
                    ("state", "in", PLACE_STATES),
                    ("property_no_show", "=", True),
                ],
                ["event_id"],
                ["__count"],
            ):
                stats[event.id]["noshow"] = count
            for event, rating, count in Registration._read_group(
                [
                    ("event_id", "in", self.ids),
                    ("property_feedback_rating", "!=", False),
                ],
                ["event_id", "property_feedback_rating"],
                ["__count"],
            ):
                stats[event.id]["ratings"] += [int(rating)] * count
        for event in self:
            values = stats.get(event.id) or {"wait": 0, "noshow": 0, "ratings": []}
            ratings = values["ratings"]
            event.property_waitlist_count = values["wait"]
            event.property_no_show_count = values["noshow"]
            event.property_feedback_count = len(ratings)
            event.property_feedback_avg = (
                round(sum(ratings) / len(ratings), 1) if ratings else 0.0
            )

    def action_property_attendance(self):
        """The list of the event's bookings to take attendance at the door
        (cards on a phone)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.event_registration_action_attendance"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "search_default_filter_expected": True,
        }
        action["display_name"] = self.name
        return action

    def action_property_mark_no_shows(self):
        """After the event: the bookings with a place that were not marked
        present are no-shows."""
        self.env["event.registration"]._property_check_desk_user()
        if any(event.date_end > fields.Datetime.now() for event in self):
            raise UserError(
                self.env._("No-shows are recorded once the event has ended.")
            )
        self._property_mark_no_shows()
        return True

    def _property_mark_no_shows(self):
        registrations = self.env["event.registration"].search(
            [
                ("event_id", "in", self.ids),
                ("state", "=", "open"),
                ("property_is_waitlist", "=", False),
                ("property_no_show", "=", False),
            ]
        )
        registrations._workflow_write({"property_no_show": True})
        return registrations

    @api.model
    def _cron_property_mark_no_shows(self):
        """The day after a community event, its bookings with a place that
        nobody marked present are recorded as no-shows."""
        now = fields.Datetime.now()
        events = self.search(
            [
                ("property_project_id", "!=", False),
                ("date_end", "<", now),
                ("date_end", ">", now - timedelta(days=CRON_LOOKBACK_DAYS)),
            ]
        )
        events.filtered(
            lambda ev: ev._property_ended_before_today()
        )._property_mark_no_shows()
        return True
