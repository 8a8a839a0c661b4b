# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """The project's settings of event invitations (D-30, D-5): how many
    days earlier key customers are invited and may book, and how long
    before an event the booked households are reminded."""

    _inherit = "property.project"

    event_key_customer_days = fields.Integer(
        string="Key Customers Invited Earlier (Days)",
        default=3,
        help="Key customers are invited to community events, and may book "
        "places, this many days before booking opens for everyone else. "
        "Proposed for new events of the project.",
    )
    event_reminder_hours = fields.Integer(
        string="Event Reminder (Hours Before)",
        default=24,
        help="Households with booked places are reminded by mail this many "
        "hours before the event starts, once per booked place.",
    )

    @api.constrains("event_key_customer_days", "event_reminder_hours")
    def _check_event_invitation_settings(self):
        for project in self:
            if not 0 <= project.event_key_customer_days <= 60:
                raise ValidationError(
                    self.env._("Key customers can be invited at most 60 days earlier.")
                )
            if not 1 <= project.event_reminder_hours <= 24 * 14:
                raise ValidationError(
                    self.env._(
                        "The event reminder is sent between 1 hour and 14 days "
                        "(336 hours) before the event."
                    )
                )
