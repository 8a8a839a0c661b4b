# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

HANDOVER_STATES = [
    ("draft", "To Notify"),
    ("notified", "Notified"),
    ("booked", "Booked"),
    ("in_progress", "Handover Under Way"),
    ("done", "Handed Over"),
    ("cancelled", "Cancelled"),
]


class PropertyHandover(models.Model):
    """The handover of one unit to its owner at move-in (D-19, seed book
    ch.2): the move-in notice, the owner's appointment, and on the day the
    document checklist, the joint inspection with its defect list, keys,
    access cards and meter readings handed over and the owner's signature;
    signing sets the unit's handover date, from which fees are billed.

    The batch and the appointment slots are in property_movein_batch.py and
    property_movein_slot.py, the booking in property_handover_booking.py;
    defects found in the inspection are warranty defects
    (property.warranty.defect) passed to the developer."""

    _name = "property.handover"
    _description = "Unit Handover"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    batch_id = fields.Many2one(
        "property.movein.batch",
        string="Move-in Batch",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        index=True,
        tracking=True,
        help="The owner who receives the unit.",
    )
    state = fields.Selection(
        HANDOVER_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_handover = fields.Date(
        string="Handover Date",
        readonly=True,
        tracking=True,
        help="Set when the owner signs the handover record; the unit is "
        "billed from this day.",
    )
    defect_ids = fields.One2many(
        "property.warranty.defect", "handover_id", string="Defects Found"
    )
