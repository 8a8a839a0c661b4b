# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_date

DEVELOPER_WARRANTY_STATES = [
    ("not_handed", "Not Handed Over Yet"),
    ("within", "Within Warranty"),
    ("expired", "Warranty Ended"),
]


class PropertyTicket(models.Model):
    """A repair ticket of a unit shows whether the unit is within the
    developer's warranty for the ticket's warranty category, counted from
    the unit's handover (domain_standards D8), and can be handed to the
    developer as a warranty defect; an owner's quality complaint can be
    handed to the developer too, whose answer is recorded on it (D-22)."""

    _inherit = "property.ticket"

    warranty_category_id = fields.Many2one(
        "property.warranty.category",
        compute="_compute_warranty_category_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The building work the repair concerns; its warranty period "
        "decides whether the repair is the developer's.",
    )
    developer_warranty_state = fields.Selection(
        DEVELOPER_WARRANTY_STATES,
        string="Developer's Warranty",
        compute="_compute_developer_warranty",
        compute_sudo=True,
    )
    developer_warranty_until = fields.Date(
        string="Developer's Warranty Until",
        compute="_compute_developer_warranty",
        compute_sudo=True,
    )
    developer_warranty_text = fields.Char(
        string="Developer's Warranty Status",
        compute="_compute_developer_warranty",
        compute_sudo=True,
    )
    warranty_defect_ids = fields.One2many(
        "property.warranty.defect",
        "ticket_id",
        string="Passed to Developer",
        groups="base.group_user",
    )
    warranty_defect_count = fields.Integer(
        string="Developer Items",
        compute="_compute_warranty_defect_count",
        compute_sudo=True,
    )
    can_hand_to_developer = fields.Boolean(
        compute="_compute_developer_warranty", compute_sudo=True
    )

    @api.depends("category_id")
    def _compute_warranty_category_id(self):
        """The warranty category listing the ticket's category (the first
        by sequence), unless staff chose one; no query (cached mapping)."""
        Category = self.env["property.warranty.category"]
        mapping = Category._ticket_category_map()
        for ticket in self:
            category_id = mapping.get(ticket.category_id.id)
            ticket.warranty_category_id = (
                Category.browse(category_id)
                if category_id
                else ticket.warranty_category_id
            )

    @api.depends(
        "kind",
        "unit_id.date_handover",
        "unit_id.project_id.developer_partner_id",
        "warranty_category_id.months",
        "date_reported",
    )
    @api.depends_context("lang")
    def _compute_developer_warranty(self):
        """Within the developer's warranty on the day the request was
        reported: before the unit's handover always (the developer still
        holds it), after it until the end of the category's period."""
        env = self.env
        for ticket in self:
            unit, category = ticket.unit_id, ticket.warranty_category_id
            state = until = text = False
            if unit and category and ticket.kind == "repair":
                day = (
                    ticket.date_reported.date()
                    if ticket.date_reported
                    else fields.Date.context_today(ticket)
                )
                until = category._warranty_until(unit.date_handover)
                if not unit.date_handover:
                    state = "not_handed"
                    text = env._(
                        "Not handed over yet: %(category)s is the developer's",
                        category=category.name,
                    )
                elif category._is_within_warranty(unit.date_handover, day):
                    state = "within"
                    text = env._(
                        "Within the developer's warranty for %(category)s "
                        "until %(date)s",
                        category=category.name,
                        date=format_date(env, until),
                    )
                else:
                    state = "expired"
                    text = env._(
                        "The developer's warranty for %(category)s ended on %(date)s",
                        category=category.name,
                        date=format_date(env, until),
                    )
            ticket.developer_warranty_state = state
            ticket.developer_warranty_until = until
            ticket.developer_warranty_text = text
            ticket.can_hand_to_developer = bool(
                unit
                and unit.project_id.developer_partner_id
                and (
                    (ticket.kind == "repair" and state in ("within", "not_handed"))
                    or ticket.kind == "complaint"
                )
            )

    @api.depends("warranty_defect_ids")
    def _compute_warranty_defect_count(self):
        """Counted as superuser: a number, whoever reads the ticket."""
        for ticket in self:
            ticket.warranty_defect_count = len(ticket.warranty_defect_ids)

    def action_open_warranty_handoff(self):
        """Open the hand-off to the developer, the text to check first."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand to Developer"),
            "res_model": "property.warranty.handoff",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_view_warranty_defects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_warranty_defect_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action
