# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import format_datetime

from .constants import GROUP_HEAD_OFFICE, GROUP_SUPERVISOR
from .property_ticket_breach import SLA_TARGETS

ESCALATION_STEPS = [
    ("warning", "Warning"),
    ("supervisor", "Supervisor"),
    ("manager", "Project Manager"),
    ("head_office", "Head Office"),
]


class PropertyTicketEscalation(models.Model):
    """A fired warning or escalation step of a ticket's target (D-7). The
    SLA pass creates each step once (unique per ticket, target and step);
    the reaction (who is told, how) is a base.automation rule on creation
    that administrators tune."""

    _name = "property.ticket.escalation"
    _description = "SLA Escalation"
    _order = "date_fired desc, id desc"

    ticket_id = fields.Many2one(
        "property.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    user_id = fields.Many2one(related="ticket_id.user_id", string="Assigned To")
    target = fields.Selection(SLA_TARGETS, required=True)
    step = fields.Selection(ESCALATION_STEPS, required=True)
    date_deadline = fields.Datetime(string="Deadline")
    date_due = fields.Datetime(required=True)
    date_fired = fields.Datetime(required=True, default=fields.Datetime.now)
    notified_user_ids = fields.Many2many("res.users", string="Notified")
    sla_cycle = fields.Integer(
        string="SLA Cycle",
        default=0,
        help="The ticket's SLA cycle (restarted on reopening).",
    )

    _sql_constraints = [
        (
            "ticket_target_step_uniq",
            "unique(ticket_id, target, step, sla_cycle)",
            "Each escalation step of a ticket fires once per SLA cycle.",
        )
    ]

    def _get_escalation_users(self):
        """The people told about this step: the assignee for a warning, the
        department leader (or the project's supervisors) for the supervisor
        step, the project manager, then head office (D-7, D-9)."""
        self.ensure_one()
        ticket = self.ticket_id
        users = self.env["res.users"]
        if self.step == "warning":
            users = ticket.user_id or ticket.department_id.leader_id
        elif self.step == "supervisor":
            users = ticket.department_id.leader_id
            if not users:
                group = self.env.ref(GROUP_SUPERVISOR, raise_if_not_found=False)
                users = (group.users if group else users).filtered(
                    lambda u: ticket.project_id in u.property_project_ids
                )
        elif self.step == "manager":
            users = ticket.project_id.manager_id
        elif self.step == "head_office":
            group = self.env.ref(GROUP_HEAD_OFFICE, raise_if_not_found=False)
            users = group.users if group else users
        return (users or ticket.project_id.manager_id).filtered("active")

    def _notify_escalation(self):
        """React to a fired step: schedule a to-do for each person to tell,
        in their language, and post an internal note on the ticket in the
        company's language; the deadline is shown in the project's time zone
        (called by the shipped base.automation rules, which run without a
        user language)."""
        for escalation in self:
            ticket = escalation.ticket_id
            users = escalation._get_escalation_users()
            company_lang = ticket.company_id._property_lang()
            for user in users:
                env, summary, deadline = escalation._escalation_texts(
                    user.lang or company_lang
                )
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    note=env._("Deadline: %(deadline)s", deadline=deadline),
                    user_id=user.id,
                )
            escalation.notified_user_ids = users
            env, summary, deadline = escalation._escalation_texts(company_lang)
            ticket.message_post(
                body=env._(
                    "%(summary)s. Deadline %(deadline)s.",
                    summary=summary,
                    deadline=deadline,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _escalation_texts(self, lang):
        """(environment in ``lang``, summary, deadline) of this step, the
        deadline in the project's time zone."""
        self.ensure_one()
        env = self.with_context(lang=lang).env
        ticket = self.ticket_id.with_env(env)
        target = dict(self._fields["target"]._description_selection(env))
        step = dict(self._fields["step"]._description_selection(env))
        deadline = format_datetime(
            env,
            self.date_deadline,
            tz=ticket.project_id.tz or env.user.tz or "UTC",
            lang_code=lang,
        )
        summary = env._(
            "SLA %(step)s: %(target)s of %(ticket)s",
            step=step[self.step],
            target=target[self.target],
            ticket=ticket.display_name,
        )
        return env, summary, deadline
