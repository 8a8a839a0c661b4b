# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.event_registration import FEEDBACK_RATINGS


class PropertyEventFeedback(models.TransientModel):
    """Feedback on a community event given by phone or at the desk (D-30):
    staff type the household's rating and comment, which count as those
    given in the portal (once per household, attendees only)."""

    _name = "property.event.feedback"
    _description = "Record Event Feedback"

    registration_id = fields.Many2one(
        "event.registration", string="Attendee", required=True, readonly=True
    )
    event_id = fields.Many2one(related="registration_id.event_id")
    unit_id = fields.Many2one(related="registration_id.property_unit_id")
    rating = fields.Selection(FEEDBACK_RATINGS, required=True)
    comment = fields.Text()

    def action_record(self):
        self.ensure_one()
        self.registration_id._property_staff_feedback(self.rating, self.comment)
        return {"type": "ir.actions.act_window_close"}
