# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from .constants import CLOCK_STATES, REPLY_PENDING_STEPS, STAFF_GROUPS
from .property_ticket_sla import SLA_TARGET_FIELDS

# "due soon" means due within this time from now
DUE_SOON = timedelta(hours=1)


class PropertyTicket(models.Model):
    """The next deadline of a ticket for the lists and the kanban: the
    earliest open target of the current service cycle (commitment, arrival,
    closure, D-7) and, for a complaint not yet replied to, its reply
    deadline (domain_standards A5). Stored, so that lists sort and filter
    on it without extra queries; "overdue" and "due soon" compare it with
    the time of the search."""

    _inherit = "property.ticket"

    next_deadline = fields.Datetime(
        compute="_compute_next_deadline",
        store=True,
        index=True,
        help="The earliest deadline still open: commitment, arrival, closure "
        "or, for a complaint, the reply to the owner.",
        groups=STAFF_GROUPS,
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_deadline_status",
        search="_search_is_overdue",
        help="The next deadline has passed.",
    )
    is_due_soon = fields.Boolean(
        string="Due Within 1 Hour",
        compute="_compute_deadline_status",
        search="_search_is_due_soon",
        help="The next deadline falls within the coming hour.",
    )

    @api.depends(
        "state",
        "kind",
        "date_commit_deadline",
        "date_arrival_deadline",
        "date_close_deadline",
        "date_committed",
        "date_arrived",
        "complaint_step",
        "date_complaint_reply_due",
    )
    def _compute_next_deadline(self):
        """SLA targets count while the service clock runs (not when paused,
        done or closed) and until met; the complaint reply deadline counts
        until the reply, like the reply escalation pass."""
        for ticket in self:
            deadlines = []
            if ticket.state in CLOCK_STATES:
                for deadline_field, met_field in SLA_TARGET_FIELDS.values():
                    if ticket[deadline_field] and not (met_field and ticket[met_field]):
                        deadlines.append(ticket[deadline_field])
            if (
                ticket.kind == "complaint"
                and ticket.complaint_step in REPLY_PENDING_STEPS
                and ticket.date_complaint_reply_due
                and ticket.state not in ("closed", "cancelled")
            ):
                deadlines.append(ticket.date_complaint_reply_due)
            ticket.next_deadline = min(deadlines) if deadlines else False

    @api.depends("next_deadline")
    def _compute_deadline_status(self):
        """Only whether the deadline passed or is near shows (row colours of
        the lists); the deadline itself is staff data: read as superuser."""
        now = fields.Datetime.now()
        for ticket in self:
            deadline = ticket.sudo().next_deadline
            ticket.is_overdue = bool(deadline and deadline <= now)
            ticket.is_due_soon = bool(deadline and now < deadline <= now + DUE_SOON)

    def _search_deadline_window(self, operator, value, start, end):
        """Tickets whose next deadline is in (start, end] (start False: any
        time up to end), or with the opposite operator those whose next
        deadline is outside it or who have none."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError("Unsupported search on a deadline.")
        if (operator == "=") == value:
            if not start:
                return [("next_deadline", "<=", end)]
            return [("next_deadline", ">", start), ("next_deadline", "<=", end)]
        if not start:
            return ["|", ("next_deadline", "=", False), ("next_deadline", ">", end)]
        return [
            "|",
            "|",
            ("next_deadline", "=", False),
            ("next_deadline", "<=", start),
            ("next_deadline", ">", end),
        ]

    def _search_is_overdue(self, operator, value):
        now = fields.Datetime.now()
        return self._search_deadline_window(operator, value, False, now)

    def _search_is_due_soon(self, operator, value):
        now = fields.Datetime.now()
        return self._search_deadline_window(operator, value, now, now + DUE_SOON)
