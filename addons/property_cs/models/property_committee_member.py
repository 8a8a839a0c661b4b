# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyCommitteeMember(models.Model):
    """A member of an owners' committee for a term (D-23); current
    membership makes the owner a key customer (D-5)."""

    _name = "property.committee.member"
    _description = "Committee Member"
    _order = "committee_id, sequence, id"

    committee_id = fields.Many2one(
        "property.committee", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="committee_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="Until")
