# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyMeeting(models.Model):
    """A meeting with the owners' committee (D-23) or a coordination meeting
    with the developer (D-22): agenda, minutes and action items."""

    _name = "property.meeting"
    _description = "Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("committee", "Owners' Committee"), ("developer", "Developer")],
        required=True,
        default="committee",
        tracking=True,
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    committee_id = fields.Many2one("property.committee", index=True)
    developer_partner_id = fields.Many2one("res.partner", string="Developer")
    date = fields.Datetime(required=True, tracking=True)
    agenda = fields.Html()
    minutes = fields.Html()
