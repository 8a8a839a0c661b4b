# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCalendarMakeup(models.Model):
    """A make-up working day (调休) of a working-time calendar (D-7): a day
    that is normally off (e.g. the Saturday after the National Day week) on
    which the SLA clock runs. Holidays themselves are the calendar's global
    leaves (resource.calendar.leaves without a resource)."""

    _name = "property.calendar.makeup"
    _description = "Make-Up Working Day"
    _order = "date desc"

    name = fields.Char(required=True, translate=True)
    calendar_id = fields.Many2one(
        "resource.calendar", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True)
    full_day = fields.Boolean(
        default=True,
        help="Work the calendar's normal hours (those of its first working "
        "weekday); otherwise give the hours.",
    )
    hour_from = fields.Float(string="From")
    hour_to = fields.Float(string="To")

    _sql_constraints = [
        (
            "date_calendar_uniq",
            "unique(calendar_id, date)",
            "A calendar has one make-up entry per day.",
        )
    ]

    @api.constrains("full_day", "hour_from", "hour_to")
    def _check_hours(self):
        for makeup in self:
            if not makeup.full_day and not (
                0 <= makeup.hour_from < makeup.hour_to <= 24
            ):
                raise ValidationError(
                    self.env._("The make-up hours must lie within one day.")
                )

    def _get_hour_ranges(self):
        """Return the (hour_from, hour_to) pairs worked on this make-up day."""
        self.ensure_one()
        if not self.full_day:
            return [(self.hour_from, self.hour_to)]
        attendances = self.calendar_id.attendance_ids.filtered(
            lambda a: a.day_period != "lunch" and not a.resource_id
        )
        if not attendances:
            return []
        weekday = min(attendances.mapped("dayofweek"))
        return [
            (att.hour_from, att.hour_to)
            for att in attendances.sorted("hour_from")
            if att.dayofweek == weekday and att.week_type in (False, "0")
        ]
