# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyComplaintRecourse(models.Model):
    """An external channel an owner who does not accept our answer may turn
    to: street office, housing authority, government hotline (12345 on the
    mainland, 1999 in Taipei), mediation, court (ISO 10002 closing; Hangzhou
    rule, domain_standards A5)."""

    _name = "property.complaint.recourse"
    _description = "Complaint Recourse"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text(translate=True, help="How to reach it.")
    is_government_hotline = fields.Boolean(
        string="Government Hotline",
        help="Shown with the government hotline number of the complaint's "
        "project (12345, 1999...).",
    )

    @api.depends("name", "is_government_hotline")
    @api.depends_context("property_hotline_name")
    def _compute_display_name(self):
        """The government hotline reads with the number of the project in
        the context key ``property_hotline_name``."""
        number = self.env.context.get("property_hotline_name")
        for recourse in self:
            recourse.display_name = recourse._label(number)

    def _label(self, number):
        self.ensure_one()
        if self.is_government_hotline and number:
            return f"{self.name} {number}"
        return self.name or ""

    def _labels_for_project(self, project):
        """Names as told to an owner of ``project``: the government hotline
        with that project's number."""
        number = project.sudo().government_hotline_name
        return [recourse._label(number) for recourse in self]
