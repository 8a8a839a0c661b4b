# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyMoveinBatch(models.Model):
    """A move-in batch (集中入伙): the project opens handover for a set of
    units; their owners get the move-in notice with the documents to bring
    and the fees to settle, and book a slot (D-19)."""

    _name = "property.movein.batch"
    _description = "Move-in Batch"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    date_start = fields.Date(string="Handover From", tracking=True)
    date_end = fields.Date(string="Handover Until", tracking=True)
    handover_ids = fields.One2many("property.handover", "batch_id", string="Handovers")
