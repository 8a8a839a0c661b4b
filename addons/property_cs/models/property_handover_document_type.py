# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyHandoverDocumentType(models.Model):
    """A document the owner brings to the handover (入伙资料): the purchase
    contract, the identity card, the move-in notice... The handover's
    checklist is made of the project's document types, else of every
    active one (D-19)."""

    _name = "property.handover.document.type"
    _description = "Handover Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_required = fields.Boolean(
        string="Required to Sign",
        default=True,
        help="The owner signs the handover record only once this document "
        "was presented.",
    )
    description = fields.Text(
        translate=True, help="What the staff checks, shown on the checklist."
    )
