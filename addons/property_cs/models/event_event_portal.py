# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, is_html_empty

from .event_registration import BOOKED_STATES


class EventEvent(models.Model):
    """The portal pages of community events (D-30) for owners and tenants:
    the events offered to their household, an event's page with the places
    left and their own household's registrations only, booking and
    feedback, and opening an event in the portal."""

    _inherit = "event.event"

    property_is_published = fields.Boolean(
        string="Open in the Portal",
        tracking=True,
        copy=False,
        help="Owners and tenants of the project (of its buildings, when "
        "set) see the event in the portal and register their household.",
    )

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
        return self.property_venue or self.address_inline

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
