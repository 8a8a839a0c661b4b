# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyFapiaoRecord(models.TransientModel):
    """Finance records the fapiao issued for a bill (number and date)."""

    _name = "property.fapiao.record"
    _description = "Record a Fapiao"

    move_id = fields.Many2one("account.move", required=True, readonly=True)
    title = fields.Char(related="move_id.property_fapiao_title")
    tax_number = fields.Char(related="move_id.property_fapiao_tax_number")
    number = fields.Char(
        string="Fapiao Number",
        required=True,
        help="20 digits for a digital fapiao, 8 for a paper one.",
    )
    date = fields.Date(
        string="Fapiao Date", required=True, default=fields.Date.context_today
    )

    def action_confirm(self):
        self.ensure_one()
        self.move_id._property_record_fapiao(self.number, self.date)
        return {"type": "ir.actions.act_window_close"}
