# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class EventEvent(models.Model):
    """Booking places for households at community events (D-30): the
    event's conditions, places and waiting list, the one booking method of
    the portal and of the staff (phone and walk-in), and the promotion of
    the waiting list when places free up."""

    _inherit = "event.event"

    # ------------------------------------------------------------------
    # CONDITIONS
    # ------------------------------------------------------------------
    def _property_condition_labels(self):
        """The event's conditions as sentences for the portal page."""
        self.ensure_one()
        labels = []
        min_age, max_age = self.property_min_age, self.property_max_age
        if min_age and max_age:
            labels.append(
                self.env._("Ages %(min)s to %(max)s", min=min_age, max=max_age)
            )
        elif min_age:
            labels.append(self.env._("Ages %(min)s and over", min=min_age))
        elif max_age:
            labels.append(self.env._("Ages up to %(max)s", max=max_age))
        condition = self.property_household_condition
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

    def _property_check_conditions(self, members):
        """Each attendee meets the event's age range and household condition
        (``_property_attendee_issue``, the one rule of the event form, the
        staff wizard and the portal); the first problem is the refusal."""
        self.ensure_one()
        for member in members:
            issue = self._property_attendee_issue(member)
            if issue:
                raise UserError(issue)

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
        self._property_check_conditions(members)
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
