# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    """Value-added opportunities found in service tickets keep their unit."""

    _inherit = "crm.lead"

    property_unit_id = fields.Many2one("property.unit", string="Unit", index=True)
    property_ticket_id = fields.Many2one(
        "property.ticket", string="Service Ticket", index=True
    )
