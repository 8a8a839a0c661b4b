# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyCommittee(models.Model):
    """The owners' committee (业主委员会) of a project, term by term (D-23,
    domain_standards G4): its members, meetings, report packs and requests."""

    _name = "property.committee"
    _description = "Owners' Committee"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date_start = fields.Date(string="Term From", required=True, tracking=True)
    date_end = fields.Date(string="Term Until", tracking=True)
    member_ids = fields.One2many(
        "property.committee.member", "committee_id", string="Members"
    )
