# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

REGISTRATION_CHANNELS = [
    ("portal", "Portal"),
    ("phone", "Phone Booking"),
    ("walk_in", "Walk-In"),
    ("staff", "Registered by Staff"),
]


class EventRegistration(models.Model):
    """A place at a community event for one person of a household (D-30):
    the attendee is the registration's partner, the household is the unit,
    and the person who booked is the owner or tenant who registered the
    household's members."""

    _inherit = "event.registration"

    property_unit_id = fields.Many2one(
        "property.unit", string="Unit", index=True, tracking=True
    )
    property_booked_by_id = fields.Many2one(
        "res.partner",
        string="Booked By",
        index=True,
        help="The owner or tenant who booked this place for a member of "
        "their household.",
    )
    property_project_id = fields.Many2one(
        related="event_id.property_project_id", store=True, index=True
    )
    property_channel = fields.Selection(
        REGISTRATION_CHANNELS, string="Booked Through", default="staff"
    )
    property_is_waitlist = fields.Boolean(
        string="On Waiting List",
        tracking=True,
        help="No place was free when booked: the first place freed goes to "
        "the earliest booking on the waiting list.",
    )
    property_no_show = fields.Boolean(
        string="No-Show",
        tracking=True,
        help="Booked a place but did not come.",
    )
    property_feedback_rating = fields.Selection(
        [
            ("1", "Very Poor"),
            ("2", "Poor"),
            ("3", "Fair"),
            ("4", "Good"),
            ("5", "Very Good"),
        ],
        string="Feedback Rating",
    )
    property_feedback_comment = fields.Text(string="Feedback Comment")
    property_date_feedback = fields.Datetime(string="Feedback Date")
