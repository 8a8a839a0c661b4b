# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyHandoverDocument(models.Model):
    """A line of the handover's document checklist: the document and
    whether the owner presented it (D-19). Locked once the owner signed."""

    _name = "property.handover.document"
    _description = "Handover Document Check"
    _inherit = ["property.handover.line.mixin"]
    _order = "handover_id, sequence, id"

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="handover_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    type_id = fields.Many2one(
        "property.handover.document.type",
        string="Document",
        required=True,
        ondelete="restrict",
    )
    name = fields.Char(related="type_id.name", string="Document Name")
    sequence = fields.Integer(related="type_id.sequence", store=True)
    is_required = fields.Boolean(
        string="Required to Sign",
        compute="_compute_is_required",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_presented = fields.Boolean(string="Presented")
    note = fields.Char()

    @api.depends("type_id")
    def _compute_is_required(self):
        for line in self:
            line.is_required = line.type_id.is_required
