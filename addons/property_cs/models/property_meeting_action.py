# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

ACTION_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class PropertyMeetingAction(models.Model):
    """An action item decided in a meeting (D-23, D-22): what, who (a staff
    user, a committee member or a free text such as "the developer"), by
    when; open → done or cancelled through the action methods. A staff
    assignee gets a to-do activity due on the due date; an item past its
    due date and still open is overdue."""

    _name = "property.meeting.action"
    _description = "Meeting Action Item"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "state, date_due, id"
    _workflow_fields = ("state",)

    name = fields.Char(string="Action", required=True, tracking=True)
    meeting_id = fields.Many2one(
        "property.meeting", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(related="meeting_id.kind", store=True)
    project_id = fields.Many2one(
        related="meeting_id.project_id", store=True, index=True
    )
    committee_id = fields.Many2one(
        related="meeting_id.committee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    description = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        domain=[("share", "=", False)],
        help="A staff member: gets a to-do activity due on the due date.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Committee Member",
        tracking=True,
        help="A member of the committee who takes the action; they can mark "
        "it done in the portal.",
    )
    assignee_text = fields.Char(
        string="Other Assignee", help="e.g. the developer, the sub-district office."
    )
    assignee_display = fields.Char(
        string="Assignee", compute="_compute_assignee_display", compute_sudo=True
    )
    date_due = fields.Date(string="Due Date", tracking=True, index=True)
    state = fields.Selection(
        ACTION_STATES,
        default="open",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_done = fields.Date(readonly=True, copy=False)
    result = fields.Text(help="What was done.")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("user_id", "partner_id", "assignee_text")
    def _compute_assignee_display(self):
        for action in self:
            names = [
                name
                for name in (
                    action.user_id.name,
                    action.partner_id.name,
                    action.assignee_text,
                )
                if name
            ]
            action.assignee_display = ", ".join(names)

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = self.env["property.committee"]._today()
        for action in self:
            action.is_overdue = bool(
                action.state == "open" and action.date_due and action.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'Overdue'."))
        today = self.env["property.committee"]._today()
        overdue = [("state", "=", "open"), ("date_due", "<", today)]
        if (operator == "=") == value:
            return overdue
        return ["!", "&", *overdue]

    # ------------------------------------------------------------------
    # ORM: the assignee's to-do
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._sync_todo()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "date_due", "name"} & set(vals):
            self._sync_todo()
        return res

    def _todo_activities(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        return self.activity_ids.filtered(lambda a: a.activity_type_id == todo)

    def _sync_todo(self):
        """One to-do activity for the staff assignee of an open item, due on
        the due date (today when none), written in the company's language."""
        for action in self:
            todos = action._todo_activities()
            if action.state != "open" or not action.user_id:
                todos.unlink()
                continue
            deadline = action.date_due or fields.Date.context_today(action)
            env = action._company_env()
            summary = env._("Meeting action: %(action)s", action=action.name)
            if todos:
                todos[1:].unlink()
                todos[:1].write(
                    {
                        "user_id": action.user_id.id,
                        "date_deadline": deadline,
                        "summary": summary,
                    }
                )
            else:
                action.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=summary,
                    note=action.description or False,
                    user_id=action.user_id.id,
                )

    def _company_env(self):
        """The environment in the company's language, for the activities."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        if self.filtered(lambda a: a.state != "open"):
            raise UserError(self.env._("Only an open action item can be done."))
        self._workflow_write(
            {"state": "done", "date_done": self.env["property.committee"]._today()}
        )
        for action in self:
            action._todo_activities().action_feedback(feedback=action.result or False)
        return True

    def action_cancel(self):
        if self.filtered(lambda a: a.state != "open"):
            raise UserError(self.env._("Only an open action item can be cancelled."))
        self._workflow_write({"state": "cancelled"})
        self._todo_activities().unlink()
        return True

    def action_reopen(self):
        if self.filtered(lambda a: a.state == "open"):
            raise UserError(self.env._("The action item is already open."))
        self._workflow_write({"state": "open", "date_done": False})
        self._sync_todo()
        return True

    def _portal_mark_done(self, partner, result=None):
        """A committee member marks the item assigned to them done in the
        portal, with what they did."""
        self.ensure_one()
        if self.partner_id != partner:
            raise AccessError(
                self.env._("Only the member the action is assigned to marks it done.")
            )
        if self.state != "open":
            raise UserError(self.env._("This action item is no longer open."))
        action = self.sudo()
        if result:
            action.result = result
        action.action_done()
        action.message_post(
            body=self.env._(
                "Marked done in the portal by %(name)s.", name=partner.name
            ),
            author_id=partner.id,
        )
        return True
