# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, is_html_empty

from .event_registration import BOOKED_STATES, PLACE_STATES

# the household conditions of an event (D-30): a child is under 18, an
# elderly person 60 or over (the age at the event's date)
CHILD_AGE = 18
ELDERLY_AGE = 60
# how far back the crons look for events that ended (a missed run catches up)
CRON_LOOKBACK_DAYS = 30


def _age_on(birthday, day):
    return (
        day.year
        - birthday.year
        - ((day.month, day.day) < (birthday.month, birthday.day))
    )


class EventEvent(models.Model):
    """Registration of households for community events (D-30): the portal
    pages of owners and tenants, places and waiting list, staff bookings,
    attendance at the door, no-shows and feedback.

    The age and household conditions (``property_min_age``,
    ``property_max_age``, ``property_household_condition``) belong to the
    event's form and are read with ``getattr``: without them, no condition
    applies."""

    _inherit = "event.event"

    property_is_published = fields.Boolean(
        string="Open in the Portal",
        tracking=True,
        copy=False,
        help="Owners and tenants of the project (of its buildings, when "
        "set) see the event in the portal and register their household.",
    )
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

    # ------------------------------------------------------------------
    # TIME
    # ------------------------------------------------------------------
    def _property_tz(self):
        self.ensure_one()
        return pytz.timezone(
            self.sudo().property_project_id.tz or self.date_tz or "Asia/Shanghai"
        )

    def _property_local(self, value):
        """A UTC datetime of the event in the project's time zone."""
        return pytz.utc.localize(value).astimezone(self._property_tz())

    def _property_date_label(self):
        """The event's date and time as owners read it, in the project's
        time zone: ``2026-12-20 09:00-11:30`` (or both days when it spans
        several)."""
        self.ensure_one()
        begin = self._property_local(self.date_begin)
        end = self._property_local(self.date_end)
        if begin.date() == end.date():
            return f"{begin:%Y-%m-%d %H:%M}-{end:%H:%M}"
        return f"{begin:%Y-%m-%d %H:%M} - {end:%Y-%m-%d %H:%M}"

    def _property_ended_before_today(self):
        """The event ended on a day before today (project's time zone)."""
        self.ensure_one()
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(self._property_tz())
        return self._property_local(self.date_end).date() < today.date()

    # ------------------------------------------------------------------
    # CONDITIONS
    # ------------------------------------------------------------------
    def _property_age_range(self):
        self.ensure_one()
        return (
            getattr(self, "property_min_age", 0) or 0,
            getattr(self, "property_max_age", 0) or 0,
        )

    def _property_household_condition(self):
        self.ensure_one()
        return getattr(self, "property_household_condition", False) or "none"

    def _property_condition_labels(self):
        """The event's conditions as sentences for the portal page."""
        self.ensure_one()
        labels = []
        min_age, max_age = self._property_age_range()
        if min_age and max_age:
            labels.append(
                self.env._("Ages %(min)s to %(max)s", min=min_age, max=max_age)
            )
        elif min_age:
            labels.append(self.env._("Ages %(min)s and over", min=min_age))
        elif max_age:
            labels.append(self.env._("Ages up to %(max)s", max=max_age))
        condition = self._property_household_condition()
        if condition == "children":
            labels.append(self.env._("For households with children"))
        elif condition == "elderly":
            labels.append(self.env._("For households with elderly members"))
        if self.property_building_ids:
            labels.append(
                self.env._(
                    "For the households of %(buildings)s",
                    buildings=", ".join(
                        self.sudo().property_building_ids.mapped("name")
                    ),
                )
            )
        return labels

    def _property_check_conditions(self, members, households):
        """The attendees meet the event's age range (when their birthday is
        recorded: staff check the others at the door) and their household
        the household condition (children under 18, or elderly members 60
        and over, by the recorded birthdays)."""
        self.ensure_one()
        day = self._property_local(self.date_begin).date()
        min_age, max_age = self._property_age_range()
        if min_age or max_age:
            for member in members.sudo():
                if not member.date_birth:
                    continue
                age = _age_on(member.date_birth, day)
                if (min_age and age < min_age) or (max_age and age > max_age):
                    raise UserError(
                        self.env._(
                            "%(name)s cannot take part: %(condition)s.",
                            name=member.name,
                            condition=self._property_condition_labels()[0],
                        )
                    )
        condition = self._property_household_condition()
        if condition not in ("children", "elderly"):
            return
        for household in households.values():
            ages = [
                _age_on(person.date_birth, day)
                for person in household.sudo()
                if person.date_birth
            ]
            if condition == "children" and not any(age < CHILD_AGE for age in ages):
                raise UserError(
                    self.env._(
                        "This event is for households with children under "
                        "%(age)s. If your household's birthdays are not on "
                        "record, please call the customer-service centre.",
                        age=CHILD_AGE,
                    )
                )
            if condition == "elderly" and not any(age >= ELDERLY_AGE for age in ages):
                raise UserError(
                    self.env._(
                        "This event is for households with members aged %(age)s "
                        "or over. If your household's birthdays are not on "
                        "record, please call the customer-service centre.",
                        age=ELDERLY_AGE,
                    )
                )

    # ------------------------------------------------------------------
    # PLACES
    # ------------------------------------------------------------------
    def _property_places_left(self):
        """Free places, or None when the event takes anyone."""
        self.ensure_one()
        if not (self.seats_limited and self.seats_max):
            return None
        return max(self.seats_available, 0)

    def _property_lock_seats(self):
        """Serialise bookings of these events until the end of the
        transaction, then count the places afresh.

        The event row is updated, not only locked: Odoo runs transactions in
        repeatable read, where a booking that waited for another one's lock
        would still count the places of its older snapshot. An update makes
        that booking fail with a serialisation error instead; Odoo retries
        the request, which then sees the places taken."""
        self.env.cr.execute(
            "UPDATE event_event SET write_date = write_date WHERE id IN %s",
            (tuple(self.ids),),
        )
        self.invalidate_recordset(
            ["seats_reserved", "seats_used", "seats_available", "seats_taken"]
        )

    def _property_book(self, booker, members, households, channel):
        """Book places for ``members`` of the ``households`` ({unit:
        members}) of ``booker``: one registration each, with a place while
        places are free (in the order given), else on the waiting list.

        Refused when the event is closed or past, when booking is not open
        to the booker yet (``_property_booking_open_for``), for anyone not
        in the households (of the event's buildings), for members already
        registered, and when the event's conditions are not met."""
        self.ensure_one()
        now = fields.Datetime.now()
        if not self.active or self.stage_id.pipe_end:
            raise UserError(self.env._("This event is closed."))
        deadline = self.date_begin if channel == "portal" else self.date_end
        if deadline <= now:
            raise UserError(self.env._("Registration for this event has closed."))
        is_open, reason = self._property_booking_open_for(booker)
        if not is_open:
            raise UserError(
                reason or self.env._("Registration for this event is not open yet.")
            )
        households = {
            unit: people
            for unit, people in households.items()
            if unit.project_id == self.property_project_id
            and (
                not self.property_building_ids
                or unit.building_id in self.property_building_ids
            )
        }
        members = members.sudo().exists()
        if not members:
            raise UserError(self.env._("Choose who will attend."))
        unit_of = {}
        for unit, people in households.items():
            for person in people:
                unit_of.setdefault(person, unit)
        if any(member not in unit_of for member in members):
            raise AccessError(
                self.env._(
                    "You can register only members of your own household living "
                    "in the project (and buildings) of the event."
                )
            )
        self._property_check_conditions(
            members,
            {unit_of[member]: households[unit_of[member]] for member in members},
        )
        Registration = self.env["event.registration"]
        already = Registration.sudo().search(
            [
                ("event_id", "=", self.id),
                ("partner_id", "in", members.ids),
                ("state", "!=", "cancel"),
            ]
        )
        if already:
            raise UserError(
                self.env._(
                    "Already registered for this event: %(names)s.",
                    names=", ".join(already.partner_id.mapped("name")),
                )
            )
        self._property_lock_seats()
        free = self._property_places_left()
        vals_list = []
        for member in members:
            has_place = free is None or free > 0
            if free:
                free -= 1
            vals_list.append(
                {
                    "event_id": self.id,
                    "partner_id": member.id,
                    "name": member.name,
                    "email": member.email or False,
                    "phone": member.phone or member.mobile or False,
                    "property_unit_id": unit_of[member].id,
                    "property_booked_by_id": booker.id,
                    "property_channel": channel,
                    "state": "open" if has_place else "draft",
                }
            )
        registrations = Registration.with_context(mail_create_nosubscribe=True).create(
            vals_list
        )
        waiting = registrations.filtered(lambda reg: reg.state == "draft")
        if waiting:
            waiting._workflow_write({"property_is_waitlist": True})
        return registrations

    def _property_promote_waitlist(self):
        """Give the free places of upcoming events to the earliest bookings
        on their waiting list, and tell their households."""
        Registration = self.env["event.registration"]
        now = fields.Datetime.now()
        promoted = Registration
        for event in self.filtered(lambda ev: ev.date_begin > now):
            event._property_lock_seats()
            waiting = Registration.search(
                [
                    ("event_id", "=", event.id),
                    ("state", "=", "draft"),
                    ("property_is_waitlist", "=", True),
                ],
                order="create_date, id",
            )
            free = event._property_places_left()
            if free is not None:
                waiting = waiting[:free]
            if waiting:
                waiting.action_confirm()
                promoted |= waiting
        promoted._property_notify_promoted()
        return promoted

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    def _property_portal_upcoming_domain(self, households):
        units = self.env["property.unit"].union(*households)
        return [
            ("property_project_id", "in", units.project_id.ids),
            ("property_is_published", "=", True),
            ("date_end", ">", fields.Datetime.now()),
            ("stage_id.pipe_end", "=", False),
            "|",
            ("property_building_ids", "=", False),
            ("property_building_ids", "in", units.building_id.ids),
        ]

    @api.model
    def _property_portal_events(self, partner):
        """What ``partner`` sees under /my/events, as superuser: the upcoming
        events open in the portal for the projects (buildings) where they own
        or rent a unit, and the past events their household registered for.
        Returns ``(upcoming, past)``."""
        households = self.env["event.registration"]._property_households(partner)
        Event = self.sudo()
        if not households:
            return Event, Event
        upcoming = Event.search(
            self._property_portal_upcoming_domain(households), order="date_begin, id"
        )
        registrations = (
            self.env["event.registration"]
            .sudo()
            .search(
                self.env["event.registration"]._property_household_domain(households)
                + [
                    ("state", "!=", "cancel"),
                    ("event_id.date_end", "<=", fields.Datetime.now()),
                ]
            )
        )
        past = registrations.event_id.sorted(lambda ev: ev.date_begin, reverse=True)
        return upcoming, past

    @api.model
    def _property_portal_list_values(self, partner, past_limit=20):
        """The /my/events page: the upcoming events, the latest past ones
        the household registered for, and how many of the household's
        members are registered for each (never anyone else's)."""
        upcoming, past = self._property_portal_events(partner)
        past = past[:past_limit]
        Registration = self.env["event.registration"]
        households = Registration._property_households(partner)
        counts = dict.fromkeys((upcoming | past).ids, 0)
        if counts:
            for event, count in Registration.sudo()._read_group(
                Registration._property_household_domain(households)
                + [("event_id", "in", list(counts)), ("state", "!=", "cancel")],
                ["event_id"],
                ["__count"],
            ):
                counts[event.id] = count
        return {
            "upcoming": upcoming,
            "past": past,
            "household_counts": counts,
            "page_name": "property_event",
            "default_url": "/my/events",
        }

    @api.model
    def _property_portal_event_count(self, partner):
        upcoming, past = self._property_portal_events(partner)
        return len(upcoming) + len(past)

    def _property_portal_check(self, partner):
        """The event as superuser, when ``partner`` may open it in the
        portal; AccessError otherwise."""
        self.ensure_one()
        upcoming, past = self._property_portal_events(partner)
        if self.id not in (upcoming | past).ids:
            raise AccessError(self.env._("This event is not offered to you."))
        return self.sudo()

    def _property_portal_registrations(self, partner, households=None):
        """The registrations of ``partner``'s household for this event, never
        another household's (as superuser, cancelled ones left out)."""
        self.ensure_one()
        Registration = self.env["event.registration"]
        if households is None:
            households = Registration._property_households(partner)
        return Registration.sudo().search(
            Registration._property_household_domain(households)
            + [("event_id", "=", self.id), ("state", "!=", "cancel")],
            order="id",
        )

    def _property_venue(self):
        """Where the event takes place: the venue of its form, else the
        address of its venue contact."""
        self.ensure_one()
        return getattr(self, "property_venue", False) or self.address_inline

    def _property_portal_description(self):
        """The event's description for owners, unless it is still Odoo's
        sample text."""
        self.ensure_one()
        if is_html_empty(self.description):
            return False
        sample = html2plaintext(self._default_description() or "").split()
        if html2plaintext(self.description).split() == sample:
            return False
        return self.description

    def _property_portal_values(self, partner):
        """What the owner or tenant reads on the event's page: date (project
        time), venue, conditions, places left and the waiting list as
        counts, their own household's registrations and the members they
        may still register. Never another household's names."""
        self.ensure_one()
        event = self._property_portal_check(partner)
        Registration = self.env["event.registration"]
        households = Registration._property_households(partner)
        mine = event._property_portal_registrations(partner, households)
        now = fields.Datetime.now()
        is_open, reason = event._property_booking_open_for(partner)
        bookable = (
            event.property_is_published
            and not event.stage_id.pipe_end
            and event.date_begin > now
        )
        candidates = []
        if bookable:
            taken = (
                Registration.sudo()
                .search([("event_id", "=", event.id), ("state", "!=", "cancel")])
                .partner_id
            )
            seen = set()
            for unit, people in households.items():
                if unit.project_id != event.property_project_id or (
                    event.property_building_ids
                    and unit.building_id not in event.property_building_ids
                ):
                    continue
                for person in people.sorted("name"):
                    if person.id in seen or person in taken:
                        continue
                    seen.add(person.id)
                    candidates.append({"partner": person, "unit": unit})
        given = mine.filtered("property_date_feedback")
        return {
            "event": event,
            "page_name": "property_event",
            "date_label": event._property_date_label(),
            "venue": event._property_venue(),
            "description": event._property_portal_description(),
            "conditions": event._property_condition_labels(),
            "places_left": event._property_places_left(),
            "waitlist_count": event.property_waitlist_count,
            "registrations": mine,
            "cancellable": mine.filtered(
                lambda reg: reg.state in BOOKED_STATES and event.date_begin > now
            ),
            "candidates": candidates,
            "can_book": bool(bookable and is_open and candidates),
            "closed_reason": (reason if bookable and not is_open else ""),
            "can_feedback": bool(
                mine.filtered(lambda reg: reg.state == "done") and not given
            ),
            "feedback": given[:1],
            "rating_choices": Registration._fields[
                "property_feedback_rating"
            ]._description_selection(self.env),
        }

    def _property_portal_book(self, partner, member_partners):
        """The owner or tenant ``partner`` registers members of their own
        household in the portal (the household is checked here, whatever
        the form sent). Returns the registrations (as superuser)."""
        self.ensure_one()
        event = self._property_portal_check(partner)
        if not event.property_is_published:
            raise UserError(self.env._("This event is not open for registration."))
        households = self.env["event.registration"]._property_households(partner)
        return event._property_book(partner, member_partners, households, "portal")

    def _property_portal_feedback(self, partner, rating, comment):
        """The household's feedback on the event (once), given by an owner
        or tenant of the household for its members who attended."""
        self.ensure_one()
        event = self._property_portal_check(partner)
        registrations = event._property_portal_registrations(partner).filtered(
            lambda reg: reg.state == "done"
        )
        return registrations._property_portal_feedback(partner, rating, comment)

    # ------------------------------------------------------------------
    # STAFF
    # ------------------------------------------------------------------
    def _property_staff_book(self, booker, unit, members, channel):
        """Staff book places for the household of ``booker`` on ``unit``,
        taken by phone or at the counter (walk-in)."""
        self.ensure_one()
        self.env["event.registration"]._property_check_desk_user()
        self.check_access("read")
        households = self.env["event.registration"]._property_households(booker)
        if unit not in households:
            raise UserError(
                self.env._(
                    "%(booker)s does not currently own or rent %(unit)s.",
                    booker=booker.name,
                    unit=unit.sudo().complete_name,
                )
            )
        return self._property_book(booker, members, {unit: households[unit]}, channel)

    def action_property_publish(self):
        """Open the event in the portal: the households of its project (or
        buildings) see it and register."""
        for event in self:
            if not event.property_project_id:
                raise UserError(
                    self.env._("Set the project of %(event)s first.", event=event.name)
                )
        self.write({"property_is_published": True})
        return True

    def action_property_unpublish(self):
        """Take the event out of the portal (registrations stay)."""
        self.write({"property_is_published": False})
        return True

    def action_property_register(self):
        """Staff register a household taken by phone or at the door."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register a Household"),
            "res_model": "property.event.register",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

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
