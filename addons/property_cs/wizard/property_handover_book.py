# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyHandoverBook(models.TransientModel):
    """The desk books, or moves, an owner's move-in appointment (on the
    phone or at the counter): the slots of the handover's batch that still
    have a place."""

    _name = "property.handover.book"
    _description = "Book a Move-in Appointment"

    handover_id = fields.Many2one("property.handover", required=True)
    batch_id = fields.Many2one(related="handover_id.batch_id")
    current_slot_id = fields.Many2one(
        related="handover_id.slot_id", string="Current Appointment"
    )
    slot_id = fields.Many2one(
        "property.movein.slot",
        string="Appointment",
        required=True,
        domain="[('batch_id', '=', batch_id), ('is_full', '=', False), "
        "('datetime_start', '>', now), ('id', '!=', current_slot_id)]",
    )
    now = fields.Datetime(compute="_compute_now")

    @api.depends("handover_id")
    def _compute_now(self):
        for wizard in self:
            wizard.now = fields.Datetime.now()

    def action_confirm(self):
        self.ensure_one()
        self.handover_id.action_book_slot(self.slot_id.id)
        return {"type": "ir.actions.act_window_close"}
