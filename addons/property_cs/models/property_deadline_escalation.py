# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import format_datetime

from .constants import DEADLINE_STEPS, GROUP_HEAD_OFFICE, GROUP_SUPERVISOR


class PropertyDeadlineEscalation(models.Model):
    """A fired warning or escalation step of a deadline (D-7). The deadline
    pass creates each step once per deadline (a deadline is one cycle of
    one target of one record); the reaction (who is told, how) is a
    ``base.automation`` rule on creation that administrators tune."""

    _name = "property.deadline.escalation"
    _description = "Deadline Escalation"
    _order = "date_fired desc, id desc"

    deadline_id = fields.Many2one(
        "property.deadline", required=True, index=True, ondelete="cascade"
    )
    res_model = fields.Char(related="deadline_id.res_model", string="Model", store=True)
    res_id = fields.Many2oneReference(
        related="deadline_id.res_id",
        string="Record ID",
        model_field="res_model",
        store=True,
    )
    record_name = fields.Char(related="deadline_id.name", string="Record")
    ticket_id = fields.Many2one(related="deadline_id.ticket_id", store=True, index=True)
    project_id = fields.Many2one(related="deadline_id.project_id", store=True)
    company_id = fields.Many2one(related="deadline_id.company_id", store=True)
    user_id = fields.Many2one(related="deadline_id.user_id", string="Responsible")
    department_id = fields.Many2one(related="deadline_id.department_id", store=True)
    target = fields.Selection(related="deadline_id.target", store=True)
    cycle = fields.Integer(related="deadline_id.cycle", store=True)
    step = fields.Selection(DEADLINE_STEPS, required=True)
    date_deadline = fields.Datetime(string="Due At")
    date_due = fields.Datetime(required=True)
    date_fired = fields.Datetime(required=True, default=fields.Datetime.now)
    notified_user_ids = fields.Many2many("res.users", string="Notified")

    _sql_constraints = [
        (
            "deadline_step_uniq",
            "unique(deadline_id, step)",
            "Each step of a deadline fires once.",
        )
    ]

    def _get_escalation_users(self):
        """The people told about this step: the responsible for a warning,
        the department leader (or the project's supervisors) for the
        supervisor step, the project manager, then head office (D-7, D-9)."""
        self.ensure_one()
        deadline = self.deadline_id
        project = deadline.project_id
        users = self.env["res.users"]
        if self.step == "warning":
            users = deadline.user_id or deadline.department_id.leader_id
        elif self.step == "supervisor":
            users = deadline.department_id.leader_id
            if not users:
                group = self.env.ref(GROUP_SUPERVISOR, raise_if_not_found=False)
                users = (group.users if group else users).filtered(
                    lambda u: project in u.property_project_ids
                )
        elif self.step == "manager":
            users = project.manager_id
        elif self.step == "head_office":
            group = self.env.ref(GROUP_HEAD_OFFICE, raise_if_not_found=False)
            users = group.users if group else users
        return (users or project.manager_id).filtered("active")

    def _notify_escalation(self):
        """React to a fired step: schedule a to-do on the record for each
        person to tell, in their language, and post an internal note on it
        in the company's language; the deadline is shown in the project's
        time zone (called by the shipped base.automation rules, which run
        without a user language)."""
        for escalation in self:
            record = escalation.deadline_id.sudo()._deadline_record()
            record = record._deadline_notify_record()
            users = escalation._get_escalation_users()
            company_lang = escalation.company_id._property_lang()
            for user in users:
                env, summary, deadline = escalation._escalation_texts(
                    user.lang or company_lang
                )
                record.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    note=env._("Deadline: %(deadline)s", deadline=deadline),
                    user_id=user.id,
                )
            escalation.notified_user_ids = users
            env, summary, deadline = escalation._escalation_texts(company_lang)
            record.message_post(
                body=env._(
                    "%(summary)s. Deadline %(deadline)s.",
                    summary=summary,
                    deadline=deadline,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _wecom_notify(self):
        """React to a fired step in WeCom too: a card with the step, the
        record and its deadline, and a link to the record, for each person
        told who has a WeCom user ID, when the company has WeCom set up
        (called by a shipped base.automation rule)."""
        Outbox = self.env["property.wechat.outbox"]
        for escalation in self:
            company = escalation.company_id or self.env.company
            if not company._wecom_enabled():
                continue
            record = escalation.deadline_id.sudo()._deadline_record()
            url = f"{record.get_base_url()}/odoo/{record._name}/{record.id}"
            company_lang = company._property_lang()
            for user in escalation._get_escalation_users():
                env, summary, deadline = escalation._escalation_texts(
                    user.lang or company_lang
                )
                Outbox._queue_wecom(
                    company,
                    user,
                    summary,
                    env._("Deadline: %(deadline)s", deadline=deadline),
                    url,
                )

    def _escalation_texts(self, lang):
        """(environment in ``lang``, summary, deadline) of this step, the
        deadline in the project's time zone."""
        self.ensure_one()
        env = self.with_context(lang=lang).env
        target = dict(self._fields["target"]._description_selection(env))
        step = dict(self._fields["step"]._description_selection(env))
        deadline = format_datetime(
            env,
            self.date_deadline,
            tz=self.project_id.tz or env.user.tz or "UTC",
            lang_code=lang,
        )
        record = self.deadline_id.sudo()._deadline_record().with_env(env)
        summary = env._(
            "SLA %(step)s: %(target)s of %(ticket)s",
            step=step[self.step],
            target=target[self.target],
            ticket=record.display_name,
        )
        return env, summary, deadline

    def action_open_record(self):
        """Open the record that owes the deadline."""
        self.ensure_one()
        return self.deadline_id.action_open_record()
