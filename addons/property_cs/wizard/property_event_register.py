# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.event_registration import BOOKER_ROLES


class PropertyEventRegister(models.TransientModel):
    """Staff register a household for a community event (D-30): a booking
    taken on the phone or a walk-in at the door. The unit gives its owners
    or tenants and the household members they may book for; when the event
    is full the bookings go to the waiting list."""

    _name = "property.event.register"
    _description = "Register a Household for an Event"

    event_id = fields.Many2one("event.event", required=True, readonly=True)
    project_id = fields.Many2one(related="event_id.property_project_id")
    places_left = fields.Char(compute="_compute_places_left")
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        domain="[('project_id', '=', project_id)]",
    )
    booker_ids = fields.Many2many(
        "res.partner",
        relation="property_event_register_booker_rel",
        column1="wizard_id",
        column2="partner_id",
        compute="_compute_booker_ids",
    )
    booker_id = fields.Many2one(
        "res.partner",
        string="Booked By",
        required=True,
        compute="_compute_booker_id",
        store=True,
        readonly=False,
        domain="[('id', 'in', booker_ids)]",
        help="The owner or tenant of the unit who books for their household.",
    )
    household_ids = fields.Many2many(
        "res.partner",
        relation="property_event_register_household_rel",
        column1="wizard_id",
        column2="partner_id",
        compute="_compute_household_ids",
    )
    member_ids = fields.Many2many(
        "res.partner",
        relation="property_event_register_member_rel",
        column1="wizard_id",
        column2="partner_id",
        string="Attendees",
        required=True,
        domain="[('id', 'in', household_ids)]",
        help="The members of the household who will attend.",
    )
    channel = fields.Selection(
        [("phone", "Phone Booking"), ("walk_in", "Walk-In")],
        string="Booked Through",
        required=True,
        default="phone",
    )

    @api.depends("event_id")
    def _compute_places_left(self):
        for wizard in self:
            left = wizard.event_id._property_places_left() if wizard.event_id else None
            if left is None:
                wizard.places_left = self.env._("No limit")
            elif left:
                wizard.places_left = str(left)
            else:
                wizard.places_left = self.env._(
                    "Full: new bookings go to the waiting list"
                )

    def _unit_bookers(self):
        """The unit's current owners, co-owners and tenants."""
        self.ensure_one()
        return (
            self.unit_id.sudo()
            .current_link_ids.filtered(lambda link: link.role in BOOKER_ROLES)
            .partner_id
        )

    @api.depends("unit_id")
    def _compute_booker_ids(self):
        for wizard in self:
            wizard.booker_ids = wizard._unit_bookers()

    @api.depends("unit_id")
    def _compute_booker_id(self):
        for wizard in self:
            bookers = wizard._unit_bookers()
            if wizard.booker_id not in bookers:
                wizard.booker_id = bookers[:1]

    @api.depends("unit_id", "booker_id")
    def _compute_household_ids(self):
        Registration = self.env["event.registration"]
        for wizard in self:
            households = (
                Registration._property_households(wizard.booker_id)
                if wizard.booker_id
                else {}
            )
            wizard.household_ids = households.get(wizard.unit_id.sudo()) or False

    def action_confirm(self):
        self.ensure_one()
        registrations = self.event_id._property_staff_book(
            self.booker_id, self.unit_id, self.member_ids, self.channel
        )
        waiting = registrations.filtered("property_is_waitlist")
        if waiting:
            message = self.env._(
                "%(booked)s booked, %(waiting)s on the waiting list.",
                booked=len(registrations - waiting),
                waiting=len(waiting),
            )
        else:
            message = self.env._("%(booked)s booked.", booked=len(registrations))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if waiting else "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
