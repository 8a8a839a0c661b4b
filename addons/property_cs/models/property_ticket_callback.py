# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import (
    GROUP_AGENT,
    GROUP_DEPARTMENT,
    GROUP_HEAD_OFFICE,
    OPEN_CALLBACK_STATES,
)


class PropertyTicket(models.Model):
    """Callbacks of a ticket (回访, D-24).

    When they are created: a ticket gets its callback (if the callback rules
    select it) when it is closed, once the owner confirmed or the
    auto-confirmation ran. A complaint is different: it gets its callback as
    soon as it is done (a complaint never goes straight from handling to
    closed) and it cannot be closed until that callback is completed with a
    satisfied or basically satisfied answer, or failed after every allowed
    attempt to reach the owner. The auto-confirmation skips complaints still
    waiting for their callback.

    An unsatisfied callback reopens the ticket through ``action_reopen``,
    which restarts the SLA clock (see property_ticket_sla.py); reopening a ticket for
    any other reason cancels its callbacks still open, since the matter is
    handled again and will be called back after the next closure."""

    _inherit = "property.ticket"

    callback_ids = fields.One2many("property.callback", "ticket_id", string="Callbacks")
    # the roles that may read callbacks (finance and surveyors may not)
    callback_count = fields.Integer(
        compute="_compute_callback_count",
        groups=f"{GROUP_AGENT},{GROUP_DEPARTMENT},{GROUP_HEAD_OFFICE}",
    )
    is_awaiting_callback = fields.Boolean(
        compute="_compute_is_awaiting_callback",
        search="_search_is_awaiting_callback",
        help="A done complaint whose callback is not completed yet.",
    )

    @api.depends("kind", "state", "callback_ids.state", "callback_ids.result")
    def _compute_is_awaiting_callback(self):
        for ticket in self:
            ticket.is_awaiting_callback = (
                ticket.kind == "complaint"
                and ticket.state == "done"
                and not ticket._callback_allows_close()
            )

    def _search_is_awaiting_callback(self, operator, value):
        """Done complaints are few: the exact rule (the latest callback
        decides) is applied to them in Python."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on awaiting callbacks."))
        done = self.search([("kind", "=", "complaint"), ("state", "=", "done")])
        waiting = done.filtered(lambda t: not t._callback_allows_close())
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", waiting.ids)]

    def _compute_callback_count(self):
        data = dict(
            self.env["property.callback"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.callback_count = data.get(ticket, 0)

    # ------------------------------------------------------------------
    # PIPELINE HOOKS (see property_ticket.py)
    # ------------------------------------------------------------------
    def _ticket_stage_hooks(self):
        """A reopened ticket cancels its open callbacks; a done complaint
        and any other closed ticket get their callback (D-24)."""
        return super()._ticket_stage_hooks() + [
            (20, "reopen", None, "_cancel_open_callbacks"),
            (30, "enter", "done", "_callback_generate_done_complaints"),
            (30, "enter", "closed", "_callback_generate_closed_tickets"),
        ]

    def _stage_blockers(self, state, vals=None):
        """A complaint closes only after its callback (D-24)."""
        blockers = super()._stage_blockers(state, vals)
        if state == "closed":
            for ticket in self.filtered(lambda t: not t._callback_allows_close()):
                blockers.setdefault(ticket.id, []).append(
                    self.env._(
                        "the owner has not been called back yet (a complaint "
                        "closes after its callback)"
                    )
                )
        return blockers

    def _callback_generate_done_complaints(self):
        self.env["property.callback"]._generate_for_tickets(
            self.filtered(lambda t: t.kind == "complaint")
        )

    def _callback_generate_closed_tickets(self):
        self.env["property.callback"]._generate_for_tickets(
            self.filtered(lambda t: t.kind != "complaint")
        )

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    def _callback_allows_close(self):
        """A complaint closes only after its latest callback is done with a
        satisfied or basically satisfied answer, or failed (D-24)."""
        self.ensure_one()
        if self.kind != "complaint":
            return True
        callbacks = self.sudo().callback_ids.filtered(lambda c: c.state != "cancelled")
        latest = callbacks.sorted("id")[-1:]
        return bool(
            latest
            and (
                latest.state == "failed"
                or (latest.state == "done" and latest.result in ("satisfied", "basic"))
            )
        )

    def _cancel_open_callbacks(self):
        callbacks = (
            self.env["property.callback"]
            .sudo()
            .search(
                [("ticket_id", "in", self.ids), ("state", "in", OPEN_CALLBACK_STATES)]
            )
        )
        if callbacks:
            callbacks.write({"state": "cancelled"})
            for callback in callbacks:
                callback.message_post(
                    body=self.env._("Cancelled: the ticket was reopened."),
                    subtype_xmlid="mail.mt_note",
                )

    # ------------------------------------------------------------------
    # COMPLAINT STEPS AND THE CALLBACK (D-16, D-24)
    # ------------------------------------------------------------------
    def _complaint_callback_completed(self):
        """A completed callback moves its recovered complaint to the
        callback step (D-16); called by the callback when it ends."""
        ready = self.filtered(
            lambda t: (
                t.kind == "complaint"
                and t.complaint_step == "recovered"
                and t._callback_allows_close()
            )
        )
        if ready:
            ready.action_complaint_callback_done()

    @api.model
    def _auto_confirm_domain(self):
        return super()._auto_confirm_domain() + self._callback_auto_confirm_domain()

    @api.model
    def _callback_auto_confirm_domain(self):
        """Complaints waiting for their callback are not confirmed
        automatically."""
        return [
            "|",
            ("kind", "!=", "complaint"),
            (
                "callback_ids",
                "any",
                [("state", "in", ("done", "failed")), ("result", "!=", "unsatisfied")],
            ),
        ]

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_callback_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
