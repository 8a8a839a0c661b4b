# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

HANDOVER_KEY_TYPES = [
    ("door", "Door Key"),
    ("mailbox", "Mailbox Key"),
    ("access_card", "Access Card"),
    ("parking_card", "Parking Card"),
    ("remote", "Garage Remote"),
    ("other", "Other"),
]


class PropertyHandoverKey(models.Model):
    """Keys and access cards handed to the owner at handover, with their
    numbers (an access card's number is what the gate system knows)."""

    _name = "property.handover.key"
    _description = "Handover Key or Card"
    _inherit = ["property.handover.line.mixin"]
    _order = "handover_id, key_type, id"

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="handover_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    key_type = fields.Selection(
        HANDOVER_KEY_TYPES, string="Type", required=True, default="door"
    )
    number = fields.Char(help="Key or card number, when it has one.")
    quantity = fields.Integer(required=True, default=1)
    note = fields.Char()

    @api.constrains("quantity")
    def _check_quantity(self):
        for key in self:
            if key.quantity < 1:
                raise ValidationError(
                    self.env._(
                        "The quantity of keys or cards handed over must be at least 1."
                    )
                )
