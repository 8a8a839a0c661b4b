# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

METER_TYPES = [
    ("water", "Water"),
    ("power", "Electricity"),
    ("gas", "Gas"),
    ("heat", "Heating"),
]


class PropertyMeterReading(models.Model):
    """A meter reading of a unit (meter, reading, date, photo): at handover
    the readings from which the owner pays their consumption (D-19); other
    readings (e.g. the evidence of a vacancy) have no handover."""

    _name = "property.meter.reading"
    _description = "Meter Reading"
    _inherit = ["property.handover.line.mixin"]
    _order = "date desc, unit_id, meter_type, id"
    _rec_name = "meter_number"

    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    handover_id = fields.Many2one("property.handover", index=True, ondelete="cascade")
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    meter_type = fields.Selection(METER_TYPES, required=True, default="water")
    meter_number = fields.Char(required=True)
    reading = fields.Float(required=True, digits=(16, 2))
    date = fields.Date(
        string="Reading Date", required=True, default=fields.Date.context_today
    )
    photo = fields.Image(
        attachment=True,
        max_width=1920,
        max_height=1920,
        help="Photo of the meter showing its number and reading.",
    )
    note = fields.Char()

    @api.depends("handover_id")
    def _compute_unit_id(self):
        for reading in self:
            reading.unit_id = reading.handover_id.unit_id or reading.unit_id

    @api.constrains("reading")
    def _check_reading(self):
        for reading in self:
            if reading.reading < 0:
                raise ValidationError(self.env._("A meter reading cannot be negative."))

    @api.constrains("unit_id", "handover_id")
    def _check_unit(self):
        for reading in self:
            if reading.handover_id and reading.handover_id.unit_id != reading.unit_id:
                raise ValidationError(
                    self.env._("A handover's meter readings are those of its unit.")
                )
