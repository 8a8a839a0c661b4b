# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .constants import RENOVATION_DOCUMENT_TYPES


class PropertyRenovationDocument(models.Model):
    """A document attached to a renovation application, by type: the
    required types follow from the scope, the contractor and the applicant
    (D-20, domain_standards D3)."""

    _name = "property.renovation.document"
    _description = "Renovation Document"
    _order = "renovation_id, document_type, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    document_type = fields.Selection(
        RENOVATION_DOCUMENT_TYPES, string="Document", required=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Files",
    )
    note = fields.Char()
