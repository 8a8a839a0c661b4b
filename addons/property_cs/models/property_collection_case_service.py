# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_amount

from .constants import HANDLED_STATES


class PropertyCollectionCase(models.Model):
    """Service first in collection (D-21, D-17): a case shows the unit's
    open complaints, repairs and overdue requests; escalating past the
    written notice needs them acknowledged by the agent, and a project may
    hold escalation while a complaint about the service is open (the case
    says why). An owner who withholds fees with a complaint open is a
    signal for customer service, not only for finance."""

    _inherit = "property.collection.case"

    service_ticket_ids = fields.Many2many(
        "property.ticket",
        compute="_compute_service_tickets",
        string="Open Service Matters",
        help="Open complaints and repairs of the unit and its overdue requests.",
    )
    complaint_count = fields.Integer(compute="_compute_service_tickets")
    service_summary = fields.Text(
        string="Open Service Matters Summary",
        compute="_compute_service_tickets",
        help="Number, kind, status and handler of each open matter (the "
        "content of a complaint stays with its handlers).",
    )
    service_ack_ticket_ids = fields.Many2many(
        "property.ticket",
        "property_collection_case_ack_rel",
        "case_id",
        "ticket_id",
        string="Acknowledged Service Matters",
    )
    service_ack_needed = fields.Boolean(
        compute="_compute_service_tickets",
        help="Open service matters the agent has not acknowledged yet.",
    )
    hold_reason = fields.Char(
        compute="_compute_service_tickets",
        help="Why escalation past the written notice is held.",
    )

    @api.depends(
        "service_ack_ticket_ids", "unit_id", "project_id.collection_hold_on_complaint"
    )
    def _compute_service_tickets(self):
        """The unit's open complaints and repairs and its overdue requests
        (one search for all cases), whether some are not acknowledged yet,
        and why escalation is held (a complaint open, where the project
        holds escalation for it)."""
        Ticket = self.env["property.ticket"].sudo()
        tickets = Ticket.search(
            [
                ("unit_id", "in", self.unit_id.ids),
                ("state", "not in", HANDLED_STATES),
                "|",
                ("kind", "in", ("complaint", "repair")),
                ("is_overdue", "=", True),
            ]
        )
        for case in self:
            mine = tickets.filtered(lambda t, unit=case.unit_id: t.unit_id == unit)
            complaints = mine.filtered(lambda t: t.kind == "complaint")
            case.service_ticket_ids = mine
            case.complaint_count = len(complaints)
            case.service_ack_needed = bool(mine - case.service_ack_ticket_ids)
            case.hold_reason = (
                self.env._(
                    "Escalation is held while the owner's complaint is open: %s",
                    ", ".join(complaints.mapped("number")),
                )
                if complaints and case.project_id.collection_hold_on_complaint
                else False
            )
            case.service_summary = "\n".join(
                case._service_line(ticket) for ticket in mine
            )

    def _service_line(self, ticket):
        """One open matter as the collection agent may read it: number,
        kind, status, handler, overdue; never a complaint's content."""
        env = self.env
        kinds = dict(ticket._fields["kind"]._description_selection(env))
        states = dict(ticket._fields["state"]._description_selection(env))
        parts = [
            ticket.number,
            kinds.get(ticket.kind),
            states.get(ticket.state),
            ticket.user_id.name,
            env._("overdue") if ticket.is_overdue else False,
        ]
        return " · ".join(part for part in parts if part)

    def _service_numbers(self, tickets):
        return ", ".join(tickets.mapped("number"))

    def action_acknowledge_service(self):
        """The agent has read the unit's open complaints, repairs and
        overdue requests: they are acknowledged on the case (a new one
        later needs a new acknowledgement)."""
        for case in self:
            matters = case.service_ticket_ids
            case._workflow_write(
                {"service_ack_ticket_ids": [fields.Command.set(matters.ids)]}
            )
            case.message_post(
                body=self.env._(
                    "Open service matters acknowledged: %s",
                    self._service_numbers(matters) or self.env._("none"),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _signal_complaints(self):
        """A new case on a unit whose complaint is open: the complaint's
        handlers are told in its chatter, in the company's language (the
        fees may be withheld because of it)."""
        for case in self.filtered("complaint_count"):
            env = case.with_context(lang=case.company_id._property_lang()).env
            complaints = case.service_ticket_ids.filtered(
                lambda t: t.kind == "complaint"
            )
            for complaint in complaints:
                complaint.sudo().message_post(
                    body=env._(
                        "The owner also has fees outstanding (%(amount)s, collection "
                        "case %(case)s): the fees may be withheld because of this "
                        "complaint.",
                        amount=format_amount(env, case.amount_due, case.currency_id),
                        case=case.display_name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
