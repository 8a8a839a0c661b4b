# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyProject(models.Model):
    """The project's handover settings: the documents owners bring to the
    handover (D-19)."""

    _inherit = "property.project"

    handover_document_type_ids = fields.Many2many(
        "property.handover.document.type",
        string="Handover Documents",
        help="The documents checked at this project's handovers. Leave empty "
        "to check every active handover document.",
    )

    def _handover_document_types(self):
        """The document types of this project's handover checklist."""
        self.ensure_one()
        return self.handover_document_type_ids.filtered("active") or self.env[
            "property.handover.document.type"
        ].search([])
