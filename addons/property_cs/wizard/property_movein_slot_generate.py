# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

WEEKDAY_FIELDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class PropertyMoveinSlotGenerate(models.TransientModel):
    """Generate the appointment slots of a move-in batch: the days of a
    period (chosen weekdays), the times of the day (a slot length between
    the first start and the last end, without the break), the staff who hold
    them and how many owners each takes (D-19)."""

    _name = "property.movein.slot.generate"
    _description = "Generate Move-in Appointment Slots"

    batch_id = fields.Many2one("property.movein.batch", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="Until", required=True)
    mon = fields.Boolean(string="Monday", default=True)
    tue = fields.Boolean(string="Tuesday", default=True)
    wed = fields.Boolean(string="Wednesday", default=True)
    thu = fields.Boolean(string="Thursday", default=True)
    fri = fields.Boolean(string="Friday", default=True)
    sat = fields.Boolean(string="Saturday", default=True)
    sun = fields.Boolean(string="Sunday", default=True)
    time_start = fields.Float(string="First Slot Starts", default=9.0, required=True)
    time_end = fields.Float(string="Last Slot Ends", default=17.0, required=True)
    duration = fields.Float(string="Slot Length", default=1.0, required=True)
    break_start = fields.Float(string="Break From", default=12.0)
    break_end = fields.Float(string="Break Until", default=13.5)
    capacity = fields.Integer(string="Owners per Slot", default=2, required=True)
    user_ids = fields.Many2many(
        "res.users",
        string="Staff",
        domain=[("share", "=", False)],
        help="Each staff member gets their own slots.",
    )
    location = fields.Char(string="Place")
    slot_count = fields.Integer(string="Slots to Create", compute="_compute_slot_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        batch = self.env["property.movein.batch"].browse(values.get("batch_id"))
        if batch:
            values.setdefault("date_from", batch.date_start)
            values.setdefault("date_to", batch.date_end)
            values.setdefault("location", batch.location)
        return values

    def _dates(self):
        self.ensure_one()
        if not self.date_from or not self.date_to or self.date_to < self.date_from:
            return []
        if (self.date_to - self.date_from).days > 366:
            raise UserError(self.env._("Generate at most one year of slots at once."))
        weekdays = {i for i, name in enumerate(WEEKDAY_FIELDS) if self[name]}
        days = []
        day = self.date_from
        while day <= self.date_to:
            if day.weekday() in weekdays:
                days.append(day)
            day += timedelta(days=1)
        return days

    def _times(self):
        self.ensure_one()
        return self.env["property.movein.batch"]._slot_times(
            self.time_start,
            self.time_end,
            self.duration,
            self.break_start or 0.0,
            self.break_end or 0.0,
        )

    @api.depends(
        "date_from",
        "date_to",
        *WEEKDAY_FIELDS,
        "time_start",
        "time_end",
        "duration",
        "break_start",
        "break_end",
        "user_ids",
    )
    def _compute_slot_count(self):
        for wizard in self:
            try:
                wizard.slot_count = (
                    len(wizard._dates()) * len(wizard._times()) * len(wizard.user_ids)
                )
            except UserError:
                wizard.slot_count = 0

    def action_generate(self):
        self.ensure_one()
        if not self.date_from or not self.date_to or self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        slots = self.batch_id._generate_slots(
            self._dates(), self._times(), self.capacity, self.user_ids, self.location
        )
        action = self.batch_id.action_view_slots()
        action["domain"] = [("id", "in", slots.ids)]
        return action
