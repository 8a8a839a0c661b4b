# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# the ticket's severity class -> the defect's severity
SEVERITY_BY_CODE = {"emergency": "critical", "major": "major"}


class PropertyWarrantyHandoff(models.TransientModel):
    """Hand a repair ticket within the developer's warranty, or an owner's
    quality complaint, to the developer (D-22): staff check the text the
    developer will read (the unit and the description only, no owner
    data) and the due date; confirming creates the item linked to the
    ticket and passes it on."""

    _name = "property.warranty.handoff"
    _description = "Hand a Ticket to the Developer"

    ticket_id = fields.Many2one("property.ticket", required=True, readonly=True)
    kind = fields.Selection(
        [("defect", "Warranty Defect"), ("complaint", "Quality Complaint")],
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        required=True,
    )
    unit_id = fields.Many2one(related="ticket_id.unit_id")
    category_id = fields.Many2one(
        "property.warranty.category",
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
    )
    room = fields.Char()
    item = fields.Char(compute="_compute_from_ticket", store=True, readonly=False)
    description = fields.Text(
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        help="What the developer reads: describe the defect, without the "
        "owner's name, phone or other personal data.",
    )
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        required=True,
    )
    developer_partner_id = fields.Many2one(
        "res.partner",
        string="Developer",
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        required=True,
        domain="[('is_company', '=', True)]",
    )
    date_due = fields.Date(
        string="Repair Due",
        help="Empty: the project's days for the severity.",
    )

    @api.depends("ticket_id")
    def _compute_from_ticket(self):
        for wizard in self:
            ticket = wizard.ticket_id.sudo()
            wizard.kind = "complaint" if ticket.kind == "complaint" else "defect"
            wizard.category_id = ticket.warranty_category_id
            wizard.item = ticket.name
            wizard.description = html2plaintext(ticket.description or "").strip()
            wizard.severity = SEVERITY_BY_CODE.get(ticket.severity_id.code, "minor")
            wizard.developer_partner_id = ticket.unit_id.project_id.developer_partner_id

    def action_confirm(self):
        """Create the item on the ticket's unit and pass it on."""
        self.ensure_one()
        ticket = self.ticket_id
        if not ticket.unit_id:
            raise UserError(
                self.env._("Only a request about a unit can go to the developer.")
            )
        if self.kind == "defect" and not ticket.can_hand_to_developer:
            raise UserError(
                self.env._(
                    "This repair is not within the developer's warranty: %(status)s.",
                    status=ticket.developer_warranty_text
                    or self.env._("choose its warranty category first"),
                )
            )
        defect = self.env["property.warranty.defect"].create(
            {
                "kind": self.kind,
                "ticket_id": ticket.id,
                "unit_id": ticket.unit_id.id,
                "category_id": self.category_id.id,
                "room": self.room,
                "item": self.item,
                "description": self.description,
                "severity": self.severity,
                "developer_partner_id": self.developer_partner_id.id,
                "date_due": self.date_due,
            }
        )
        defect.action_hand_to_developer()
        return {"type": "ir.actions.act_window_close"}
