# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

WARRANTY_DEFECT_STATES = [
    ("draft", "Recorded"),
    ("handed", "Passed to Developer"),
    ("fixed", "Fixed, to Verify"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


class PropertyWarrantyDefect(models.Model):
    """A defect under the developer's warranty (D-19, D-22): found in the
    joint inspection at handover or reported later by the owner, passed to
    the developer with a due date (an obligation on the deadline engine,
    target "warranty"), followed until fixed and verified; the owner is
    told of each step."""

    _name = "property.warranty.defect"
    _description = "Warranty Defect"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    handover_id = fields.Many2one(
        "property.handover", index=True, ondelete="set null", readonly=True
    )
    ticket_id = fields.Many2one(
        "property.ticket", string="Request", index=True, ondelete="set null"
    )
    category_id = fields.Many2one("property.warranty.category", tracking=True)
    room = fields.Char()
    item = fields.Char(required=True)
    description = fields.Text()
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        default="minor",
        required=True,
        tracking=True,
    )
    developer_partner_id = fields.Many2one(
        "res.partner", string="Developer", index=True, tracking=True
    )
    state = fields.Selection(
        WARRANTY_DEFECT_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_due = fields.Date(string="Repair Due", tracking=True)
