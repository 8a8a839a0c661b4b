# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .constants import RENOVATION_CHECK_RESULTS, RENOVATION_COMMON_AREA_ITEMS


class PropertyRenovationInspectionLine(models.Model):
    """One item of an inspection's checklist: a prohibited work or, at
    acceptance, a common area, found OK, in violation or not checked."""

    _name = "property.renovation.inspection.line"
    _description = "Renovation Inspection Item"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one(
        "property.renovation.inspection",
        required=True,
        index=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(related="inspection_id.project_id", store=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    prohibition_id = fields.Many2one(
        "property.renovation.prohibition", string="Prohibited Work", readonly=True
    )
    common_area_item = fields.Selection(
        RENOVATION_COMMON_AREA_ITEMS, string="Common Area", readonly=True
    )
    name = fields.Char(string="Item", compute="_compute_name")
    result = fields.Selection(
        RENOVATION_CHECK_RESULTS, default="not_checked", required=True
    )
    note = fields.Char()

    @api.depends("prohibition_id", "common_area_item")
    def _compute_name(self):
        items = dict(self._fields["common_area_item"]._description_selection(self.env))
        for line in self:
            line.name = (
                line.prohibition_id.sudo().name
                if line.prohibition_id
                else items.get(line.common_area_item, "")
            )
