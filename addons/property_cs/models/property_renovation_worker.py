# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyRenovationWorker(models.Model):
    """A worker of a renovation, who gets a worker pass. The identity
    number is kept like the owner file's: masked for everyone, the full
    number for the identity group only (domain_standards C5)."""

    _name = "property.renovation.worker"
    _description = "Renovation Worker"
    _order = "renovation_id, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    name = fields.Char(required=True)
    phone = fields.Char()
    trade = fields.Char(help="Bricklayer, electrician, plumber, ...")
    id_number_masked = fields.Char(string="ID Number (Masked)", readonly=True)
