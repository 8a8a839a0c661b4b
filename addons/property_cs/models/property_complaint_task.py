# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .constants import GROUP_AGENT, GROUP_HEAD_OFFICE


class PropertyComplaintTask(models.Model):
    """A service-recovery task of a complaint for one department (D-16):
    an own record with a responsible person and a deadline, so department
    staff work on it without reading the complaint (D-18 confidentiality).
    The task carries only what they need: what to do, where, by when."""

    _name = "property.complaint.task"
    _description = "Complaint Recovery Task"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True

    name = fields.Char(string="Task", required=True, tracking=True)
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('kind', '=', 'complaint')]",
        groups=f"{GROUP_AGENT},{GROUP_HEAD_OFFICE}",
    )
    complaint_number = fields.Char(
        string="Reference", readonly=True, help="Number of the complaint."
    )
    project_id = fields.Many2one("property.project", readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    location = fields.Char(help="Where the work takes place.")
    instructions = fields.Text(help="What the department does, for its staff.")
    department_id = fields.Many2one(
        "property.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", required=True, index=True, tracking=True
    )
    date_deadline = fields.Datetime(string="Deadline", required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="open",
        tracking=True,
    )
    result = fields.Text(help="What was done.")
    date_done = fields.Datetime(readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.model_create_multi
    def create(self, vals_list):
        """Copy from the complaint only what the department needs."""
        Ticket = self.env["property.ticket"].sudo()
        for vals in vals_list:
            ticket = Ticket.browse(vals.get("ticket_id"))
            vals.setdefault("complaint_number", ticket.number)
            vals.setdefault("project_id", ticket.project_id.id)
            vals.setdefault("company_id", ticket.company_id.id)
            vals.setdefault(
                "location", ticket.unit_id.complete_name or ticket.common_area or False
            )
        tasks = super().create(vals_list)
        for task in tasks:
            task.message_subscribe(partner_ids=task.user_id.partner_id.ids)
        self.env["property.deadline"]._deadline_sync(tasks, created=True)
        return tasks

    def write(self, vals):
        """A moved deadline, a new responsible or a finished task reaches
        the deadline engine."""
        res = super().write(vals)
        if {"date_deadline", "state", "user_id", "department_id"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return res

    def _deadline_specs(self):
        """The recovery task on the deadline engine (D-16): due at its
        deadline, met when done; warned the company's complaint-reply
        warning days before (at most half the time given), then its
        department leader, the project manager and head office as for the
        service times (D-7)."""
        specs = []
        now = fields.Datetime.now()
        for task in self.sudo():
            company = task.company_id
            start = min(task.create_date or now, now)
            span = max(int((task.date_deadline - start).total_seconds() // 60), 0)
            state = {"open": "running", "done": "met"}.get(task.state, "cancelled")
            specs.append(
                {
                    "res_id": task.id,
                    "target": "task",
                    "name": task.display_name,
                    "company_id": company.id,
                    "project_id": task.project_id.id,
                    "user_id": task.user_id.id,
                    "department_id": task.department_id.id,
                    "date_start": start,
                    "date_fixed": task.date_deadline,
                    "state": state,
                    "date_met": task.date_done,
                    "warning_minutes": min(
                        company.property_complaint_reply_warning_days * 1440,
                        span // 2,
                    ),
                    "supervisor_minutes": company.property_sla_supervisor_delay,
                    "manager_minutes": company.property_sla_manager_delay,
                    "head_office_minutes": company.property_sla_head_office_delay,
                }
            )
        return specs

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for task in self:
            task.is_overdue = bool(
                task.state == "open" and task.date_deadline and task.date_deadline < now
            )

    @api.constrains("user_id", "department_id")
    def _check_user_in_department(self):
        """The task lands on a named member of the department (D-8)."""
        for task in self:
            if task.user_id not in task.department_id._get_dispatchable_users():
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(department)s.",
                        user=task.user_id.name,
                        department=task.department_id.display_name,
                    )
                )

    def action_done(self):
        """The department reports the task done; the complaint's handler
        reads the result on the complaint."""
        for task in self:
            if task.state != "open":
                raise UserError(self.env._("Only open tasks can be done."))
            if not task.result:
                raise UserError(
                    self.env._("Describe what was done for task %s.", task.name)
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        for task in self.sudo():
            task.ticket_id.message_post(
                body=self.env._(
                    "Recovery task %(task)s done by %(user)s: %(result)s",
                    task=task.name,
                    user=self.env.user.name,
                    result=task.result,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_reopen(self):
        self.write({"state": "open", "date_done": False})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._("Recovery tasks stay on record: cancel the task instead.")
        )
