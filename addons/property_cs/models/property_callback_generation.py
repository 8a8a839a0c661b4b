# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from .constants import (
    GROUP_AGENT,
    GROUP_HEAD_OFFICE,
    GROUP_SUPERVISOR,
    OPEN_CALLBACK_STATES,
)


class PropertyCallback(models.Model):
    """How callbacks come about (D-24, D-5): generated from done or closed
    tickets by the callback rules with the choice of the caller, and
    recorded from key-customer care contacts."""

    _inherit = "property.callback"

    # ------------------------------------------------------------------
    # KEY-CUSTOMER CARE (D-5)
    # ------------------------------------------------------------------
    @api.model
    def _record_care_contact(self, partner, result, unsatisfied_reason, comment):
        """The manager contacted a key customer (D-5): complete the open
        recurring contact activity (its chaining plans the next one), which
        records the care callback with the answer; without an open activity
        the care callback is recorded directly. Returns the callback."""
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact"
        )
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", activity_type.id),
            ],
            order="date_deadline",
            limit=1,
        )
        answer = {"result": result, "unsatisfied_reason": unsatisfied_reason}
        if activity:
            activity.with_context(property_care_answer=answer).action_feedback(
                feedback=comment
            )
        else:
            self._create_care_callbacks(
                [
                    {
                        "partner_id": partner.id,
                        "user_id": self.env.user.id,
                        "comment": comment,
                        **answer,
                    }
                ]
            )
        return self.search(
            [("partner_id", "=", partner.id), ("kind", "=", "care")],
            order="id desc",
            limit=1,
        )

    @api.model
    def _create_care_callbacks(self, values_list):
        """Record done care contacts with key customers (D-5): one callback
        of kind care per contact, in the customer's current project."""
        Partner = self.env["res.partner"].sudo()
        now = fields.Datetime.now()
        vals_list = []
        for values in values_list:
            partner = Partner.browse(values["partner_id"])
            links = partner.unit_link_ids.filtered("is_current") or (
                partner.parent_id.unit_link_ids.filtered("is_current")
            )
            due = values.get("date_due") or now
            vals_list.append(
                dict(
                    values,
                    name=self.env._("Care contact %(partner)s", partner=partner.name),
                    kind="care",
                    project_id=links.project_id[:1].id,
                    company_id=links.project_id[:1].company_id.id
                    or self.env.company.id,
                    date_due=fields.Datetime.to_datetime(due),
                    state="done",
                    date_done=now,
                )
            )
        callbacks = self.sudo().create(vals_list)
        self.env["property.callback.attempt"].sudo().create(
            [
                {
                    "callback_id": callback.id,
                    "outcome": "reached",
                    "user_id": callback.user_id.id or self.env.user.id,
                    "note": callback.comment,
                }
                for callback in callbacks
            ]
        )
        return callbacks

    # ------------------------------------------------------------------
    # GENERATION (called when tickets are done or closed)
    # ------------------------------------------------------------------
    @api.model
    def _generate_for_tickets(self, tickets):
        """Create the callbacks that the rules ask for (D-24), set-based:
        one rule search, one search of the tickets' handling history, one
        count of open callbacks per caller, one create. Tickets with an open
        callback get no second one; a ticket without requester gets none,
        except a complaint (its caller's phone is called)."""
        tickets = tickets.sudo().filtered(
            lambda t: t.partner_id or t.kind == "complaint"
        )
        if not tickets:
            return self.browse()
        existing = self.sudo().search_fetch(
            [("ticket_id", "in", tickets.ids), ("state", "in", OPEN_CALLBACK_STATES)],
            ["ticket_id"],
        )
        tickets -= existing.ticket_id
        Rule = self.env["property.callback.rule"].sudo()
        rules = Rule._get_rules_for(tickets)
        selected = tickets.browse(
            [t.id for t in tickets if t.kind == "complaint" or rules.get(t.id)]
        )
        selected = selected.filtered(
            lambda t: t.kind == "complaint" or rules[t.id]._sample_accepts(t)
        )
        if not selected:
            return self.browse()
        callers = self._choose_callers(selected)
        scripts = self.env["property.callback.script"].sudo()._get_scripts()
        now = fields.Datetime.now()
        vals_list = []
        for ticket in selected:
            rule = rules.get(ticket.id) or Rule
            company = ticket.company_id
            delay = rule.delay_days if rule else company.property_callback_delay_days
            attempts = rule.max_attempts if rule else 0
            user, exception = callers[ticket.id]
            vals_list.append(
                {
                    "name": self.env._(
                        "Callback %(ticket)s", ticket=ticket.display_name
                    ),
                    "company_id": company.id,
                    "ticket_id": ticket.id,
                    "project_id": ticket.project_id.id,
                    "partner_id": ticket.partner_id.id,
                    "kind": ticket.kind,
                    "handler_id": ticket.user_id.id,
                    "rule_id": rule.id,
                    "script_id": (rule.script_id or scripts.get(ticket.kind)).id,
                    "user_id": user.id,
                    "caller_exception": exception,
                    "date_due": now + timedelta(days=delay),
                    "max_attempts": attempts
                    or company.property_callback_max_attempts
                    or 3,
                    "is_satisfaction_contact": ticket._claim_satisfaction_contact(
                        "callback"
                    ),
                }
            )
        callbacks = self.sudo().create(vals_list)
        for callback in callbacks.filtered("caller_exception"):
            callback.ticket_id.message_post(
                body=callback.caller_exception, subtype_xmlid="mail.mt_note"
            )
        return callbacks

    @api.model
    def _choose_callers(self, tickets):
        """Who calls back (D-24): an agent of the project who did not handle
        the ticket (neither assignee, intake agent, dispatcher nor earlier
        assignee), the least loaded first; if the project has none, one of
        its supervisors, else head office, who did not handle it either;
        such an exception is logged. Nobody who handled the ticket is ever
        chosen: without any other caller a supervisor assigns one.
        Return {ticket id: (user, exception text or False)}."""
        handlers = self._get_handlers(tickets)
        agent_group = self.env.ref(GROUP_AGENT)
        supervisor_group = self.env.ref(GROUP_SUPERVISOR)
        head_office_group = self.env.ref(GROUP_HEAD_OFFICE)
        loads = dict(
            self.sudo()._read_group(
                [("state", "in", OPEN_CALLBACK_STATES), ("user_id", "!=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        result = {}
        for ticket in tickets:
            staff = self._callers_who_can_open(
                ticket.project_id.user_ids, ticket, agent_group, head_office_group
            )
            head_office = self._callers_who_can_open(
                head_office_group.users, ticket, agent_group, head_office_group
            )
            supervisors = staff.filtered(lambda u: supervisor_group in u.groups_id)
            agents = staff.filtered(lambda u: agent_group in u.groups_id) - supervisors
            busy = handlers.get(ticket.id, self.env["res.users"])
            exception = False
            candidates = agents - busy
            if not candidates:
                candidates = supervisors - busy
                exception = self.env._(
                    "No agent of %(project)s who did not handle %(ticket)s: the "
                    "callback goes to a supervisor.",
                    project=ticket.project_id.name,
                    ticket=ticket.display_name,
                )
            if not candidates:
                candidates = head_office - busy
                exception = self.env._(
                    "No agent or supervisor of %(project)s who did not handle "
                    "%(ticket)s: the callback goes to head office.",
                    project=ticket.project_id.name,
                    ticket=ticket.display_name,
                )
            if not candidates:
                result[ticket.id] = (
                    self.env["res.users"],
                    self.env._(
                        "Nobody can call back %(ticket)s: assign a caller.",
                        ticket=ticket.display_name,
                    ),
                )
                continue
            user = min(candidates, key=lambda u: (loads.get(u, 0), u.id))
            loads[user] = loads.get(user, 0) + 1
            result[ticket.id] = (user, exception)
        return result

    @api.model
    def _callers_who_can_open(self, users, ticket, agent_group, head_office_group):
        """The users who may open the callback of ``ticket`` and the ticket
        (record rules): active staff allowed in the ticket's company, and
        head office or an agent assigned to the ticket's project (the caller
        of a complaint reads it as its caller, D-18)."""
        return users.filtered(
            lambda u: (
                u.active
                and not u.share
                and ticket.company_id in u.company_ids
                and (
                    head_office_group in u.groups_id
                    or (
                        agent_group in u.groups_id
                        and ticket.project_id in u.property_project_ids
                    )
                )
            )
        )

    @api.model
    def _get_handlers(self, tickets):
        """{ticket id: users who handled it}: the assignee, the intake agent,
        and who dispatched or was assigned before (chatter tracking)."""
        handlers = {ticket.id: ticket.user_id | ticket.create_uid for ticket in tickets}
        Fields = self.env["ir.model.fields"]
        field_ids = [
            Fields._get("property.ticket", "user_id").id,
            Fields._get("property.ticket", "stage_id").id,
        ]
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search_fetch(
                [
                    ("field_id", "in", field_ids),
                    ("mail_message_id.model", "=", "property.ticket"),
                    ("mail_message_id.res_id", "in", tickets.ids),
                ],
                ["field_id", "old_value_integer", "mail_message_id"],
            )
        )
        user_field = field_ids[0]
        Users = self.env["res.users"].sudo()
        for tracking in trackings:
            message = tracking.mail_message_id
            users = message.author_id.user_ids
            if tracking.field_id.id == user_field and tracking.old_value_integer:
                users |= Users.browse(tracking.old_value_integer)
            handlers[message.res_id] = handlers.get(message.res_id, Users) | users
        return handlers
