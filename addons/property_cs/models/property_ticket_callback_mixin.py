# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_callback_generation_mixin import OPEN_CALLBACK_STATES

# ticket states that end the handling
HANDLED_STATES = ("done", "closed")


class PropertyTicketCallbackMixin(models.AbstractModel):
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
    which restarts the SLA clock (see the SLA mixin); reopening a ticket for
    any other reason cancels its callbacks still open, since the matter is
    handled again and will be called back after the next closure."""

    _name = "property.ticket.callback.mixin"
    _description = "Ticket Callbacks"

    callback_ids = fields.One2many("property.callback", "ticket_id", string="Callbacks")
    # the roles that may read callbacks (finance and surveyors may not)
    callback_count = fields.Integer(
        compute="_compute_callback_count",
        groups="property_cs.group_property_cs_agent,"
        "property_cs.group_property_cs_department,"
        "property_cs.group_property_cs_head_office",
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
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        stage = reopened = self.browse()
        if "stage_id" in vals:
            stage = self.env["property.ticket.stage"].browse(vals["stage_id"])
            if stage.state == "closed":
                self._check_callback_before_close()
            elif stage.state not in HANDLED_STATES + ("cancelled",):
                reopened = self.filtered(lambda t: t.state in HANDLED_STATES)
        res = super().write(vals)
        if reopened:
            reopened._cancel_open_callbacks()
            reopened._complaint_back_to_plan()
        if stage.state == "done":
            self.env["property.callback"]._generate_for_tickets(
                self.filtered(lambda t: t.kind == "complaint")
            )
        elif stage.state == "closed":
            self.env["property.callback"]._generate_for_tickets(
                self.filtered(lambda t: t.kind != "complaint")
            )
        return res

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

    def _check_callback_before_close(self):
        blocked = self.filtered(lambda t: not t._callback_allows_close())
        if blocked:
            raise UserError(
                self.env._(
                    "A complaint closes only after its callback: call "
                    "the owner back on %(tickets)s first.",
                    tickets=", ".join(blocked.mapped("display_name")),
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
    def action_complaint_recovered(self):
        """Recovery done: the complaint is done and its callback is created
        (D-16, D-24); the callback step follows from that call."""
        res = super().action_complaint_recovered()
        self.filtered(lambda t: t.state not in HANDLED_STATES).action_done()
        return res

    def action_complaint_callback_done(self):
        """The callback step is the completed callback itself: satisfied or
        basically satisfied, or failed after every attempt (D-24)."""
        blocked = self.filtered(lambda t: not t._callback_allows_close())
        if blocked:
            raise UserError(
                self.env._(
                    "The owner has not been called back on %(tickets)s yet: "
                    "the callback queue records the call.",
                    tickets=", ".join(blocked.mapped("display_name")),
                )
            )
        return super().action_complaint_callback_done()

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

    def _complaint_back_to_plan(self):
        """A reopened complaint (the owner was unsatisfied at the callback)
        needs a new recovery plan, told to the owner again (D-16)."""
        complaints = self.filtered(
            lambda t: (
                t.kind == "complaint"
                and t.complaint_step in ("recovered", "callback", "summarized")
            )
        )
        if complaints:
            complaints._complaint_advance(
                "investigated",
                self.env._(
                    "Reopened: a new service-recovery plan is needed and must "
                    "be told to the owner again."
                ),
            )

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
