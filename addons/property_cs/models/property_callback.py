# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .constants import (
    GROUP_AGENT,
    GROUP_HEAD_OFFICE,
    GROUP_MANAGER,
    GROUP_SUPERVISOR,
    OPEN_CALLBACK_STATES,
)
from .ticket_kinds import TICKET_KINDS

CALLBACK_KINDS = [*TICKET_KINDS, ("care", "Key-Customer Care")]
CALLBACK_RESULTS = [
    ("satisfied", "Satisfied"),
    ("basic", "Basically Satisfied"),
    ("unsatisfied", "Unsatisfied"),
]
UNSATISFIED_REASONS = [
    ("not_solved", "Problem Not Solved"),
    ("slow", "Too Slow"),
    ("quality", "Poor Workmanship"),
    ("attitude", "Staff Attitude"),
    ("communication", "Not Kept Informed"),
    ("cost", "Cost"),
    ("other", "Other"),
]


class PropertyCallback(models.Model):
    """A callback (回访, D-24): after a ticket is done or closed, someone who
    did not handle it calls the owner back, up to N attempts, and records
    the result; an unsatisfied result reopens the matter. Key-customer care
    contacts (D-5) are recorded as callbacks of kind care."""

    _name = "property.callback"
    _description = "Callback"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_due, id"
    _check_company_auto = True
    # changed only by the actions below, with their checks (D-24)
    _workflow_fields = (
        "ticket_id",
        "handler_id",
        "rule_id",
        "user_id",
        "caller_exception",
        "state",
        "result",
        "unsatisfied_reason",
        "comment",
        "date_done",
        "is_satisfaction_contact",
    )

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        index=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    project_id = fields.Many2one("property.project", index=True, check_company=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        index=True,
        help="Empty for a complaint without a known requester (e.g. from the "
        "government hotline): the caller's phone on the ticket is called.",
    )
    partner_phone = fields.Char(compute="_compute_partner_phone", string="Phone")
    kind = fields.Selection(CALLBACK_KINDS, required=True, default="repair")
    category_id = fields.Many2one(
        "property.ticket.category", related="ticket_id.category_id", store=True
    )
    department_id = fields.Many2one(
        "property.department", related="ticket_id.department_id", store=True
    )
    handler_id = fields.Many2one(
        "res.users",
        string="Handled By",
        readonly=True,
        index=True,
        help="Who handled the ticket: the person whose work is judged.",
    )
    rule_id = fields.Many2one("property.callback.rule", readonly=True)
    script_id = fields.Many2one("property.callback.script")
    script = fields.Html(related="script_id.body", string="Script Text")
    user_id = fields.Many2one(
        "res.users",
        string="Caller",
        readonly=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    caller_exception = fields.Text(
        readonly=True,
        help="Why the caller is not an agent who did not handle the ticket.",
    )
    has_caller_exception = fields.Boolean(
        compute="_compute_has_caller_exception", store=True
    )
    date_due = fields.Datetime(string="Due", required=True, tracking=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("failed", "Unreachable"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="pending",
        readonly=True,
        tracking=True,
        group_expand=True,
        index=True,
    )
    max_attempts = fields.Integer(
        default=lambda self: self.env.company.property_callback_max_attempts or 3
    )
    attempt_ids = fields.One2many("property.callback.attempt", "callback_id")
    attempt_count = fields.Integer(
        compute="_compute_attempt_count", store=True, string="Attempts"
    )
    result = fields.Selection(CALLBACK_RESULTS, readonly=True, tracking=True)
    unsatisfied_reason = fields.Selection(
        UNSATISFIED_REASONS, string="Reason Unsatisfied", readonly=True, tracking=True
    )
    comment = fields.Text(readonly=True, help="What the owner said.")
    date_done = fields.Datetime(readonly=True, copy=False)
    is_satisfaction_contact = fields.Boolean(
        readonly=True,
        help="This callback is the ticket's one satisfaction contact (company "
        "setting); otherwise the rating or the pulse survey asks and the "
        "callback only checks that the matter is solved.",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    # reporting: averaged in pivot and graph views
    completion_rate = fields.Float(
        string="Completion (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        help="Satisfied or basically satisfied, in percent of the results.",
    )
    satisfaction_score = fields.Float(
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        help="Satisfied 100, basically satisfied 60, unsatisfied 0.",
    )
    color = fields.Integer()

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("partner_id.phone", "partner_id.mobile", "ticket_id.partner_phone")
    def _compute_partner_phone(self):
        for callback in self:
            callback.partner_phone = (
                callback.ticket_id.partner_phone
                or callback.partner_id.mobile
                or callback.partner_id.phone
            )

    @api.depends("caller_exception")
    def _compute_has_caller_exception(self):
        for callback in self:
            callback.has_caller_exception = bool(callback.caller_exception)

    @api.depends("attempt_ids")
    def _compute_attempt_count(self):
        for callback in self:
            callback.attempt_count = len(callback.attempt_ids)

    @api.depends("state", "result")
    def _compute_rates(self):
        scores = {"satisfied": 100.0, "basic": 60.0, "unsatisfied": 0.0}
        for callback in self:
            callback.completion_rate = 100.0 if callback.state == "done" else 0.0
            callback.satisfaction_rate = (
                100.0 if callback.result in ("satisfied", "basic") else 0.0
            )
            callback.satisfaction_score = scores.get(callback.result, 0.0)

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for callback in self:
            callback.is_overdue = (
                callback.state in OPEN_CALLBACK_STATES and callback.date_due < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue callbacks."))
        domain = [
            ("state", "in", OPEN_CALLBACK_STATES),
            ("date_due", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------------
    @api.constrains("state", "result", "unsatisfied_reason", "kind")
    def _check_result(self):
        for callback in self:
            if (
                callback.state == "done"
                and callback.kind != "care"
                and not (callback.result)
            ):
                raise ValidationError(
                    self.env._(
                        "Record the owner's answer before completing callback "
                        "%(callback)s.",
                        callback=callback.name,
                    )
                )
            if callback.result == "unsatisfied" and not callback.unsatisfied_reason:
                raise ValidationError(
                    self.env._(
                        "Say why the owner is unsatisfied (%(callback)s).",
                        callback=callback.name,
                    )
                )

    @api.constrains("max_attempts")
    def _check_max_attempts(self):
        if any(callback.max_attempts < 1 for callback in self):
            raise ValidationError(self.env._("A callback allows at least one attempt."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._("Callbacks are evidence of the service: cancel them instead.")
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_open_call(self):
        """Open the call form: reached (result) or unreachable (reason)."""
        self.ensure_one()
        self._check_open()
        self._check_independent_caller(self.env.user)
        if self.state == "pending":
            self._workflow_write({"state": "in_progress"})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Call %(owner)s",
                owner=self.partner_id.name or self.partner_phone or "",
            ),
            "res_model": "property.callback.call",
            "view_mode": "form",
            "target": "new",
            "context": {"default_callback_id": self.id},
        }

    def _check_supervisor(self):
        if (
            not self.env.user.has_group(GROUP_SUPERVISOR)
            and not self.env.is_superuser()
        ):
            raise UserError(self.env._("Only supervisors cancel or retry callbacks."))

    def action_cancel(self):
        self._check_supervisor()
        for callback in self:
            if callback.state not in OPEN_CALLBACK_STATES:
                raise UserError(self.env._("Only pending callbacks can be cancelled."))
        self._workflow_write({"state": "cancelled"})

    def action_reset(self):
        """A failed or cancelled callback is tried again (supervisors)."""
        self._check_supervisor()
        for callback in self:
            if callback.state not in ("failed", "cancelled"):
                raise UserError(
                    self.env._("Only failed or cancelled callbacks can be retried.")
                )
        for callback in self:
            callback._workflow_write(
                {
                    "state": "pending",
                    "max_attempts": callback.attempt_count
                    + (callback.company_id.property_callback_max_attempts or 3),
                }
            )

    def action_take_over(self):
        """An agent who did not handle the ticket takes the callback."""
        return self.action_reassign(self.env.user)

    def action_open_reassign(self):
        """Supervisors hand the callback to another caller (wizard)."""
        self.ensure_one()
        self._check_open()
        self._check_supervisor_reassign()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassign %(callback)s", callback=self.name),
            "res_model": "property.callback.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_callback_id": self.id},
        }

    def action_reassign(self, user):
        """Give open callbacks to ``user``. Agents only take callbacks
        themselves; supervisors hand them to anyone. Either way the new
        caller must be allowed to open the callback and its ticket and must
        not have handled the ticket (D-24)."""
        if not isinstance(user, models.BaseModel):  # an id, over RPC
            user = self.env["res.users"].browse(user)
        user = user.exists()
        if len(user) != 1:
            raise UserError(self.env._("Choose who calls the owner back."))
        if user != self.env.user:
            self._check_supervisor_reassign()
        self._check_open()
        for callback in self:
            callback._check_independent_caller(user)
            ticket = callback.ticket_id.sudo()
            if ticket and not self._callers_who_can_open(
                user,
                ticket,
                self.env.ref(GROUP_AGENT),
                self.env.ref(GROUP_HEAD_OFFICE),
            ):
                raise UserError(
                    self.env._(
                        "%(user)s cannot open callback %(callback)s: choose staff "
                        "of its project or head office.",
                        user=user.name,
                        callback=callback.name,
                    )
                )
        self._workflow_write({"user_id": user.id, "caller_exception": False})
        return True

    def _check_supervisor_reassign(self):
        if (
            not self.env.user.has_group(GROUP_SUPERVISOR)
            and not self.env.is_superuser()
        ):
            raise UserError(
                self.env._(
                    "Only supervisors hand a callback to someone else; you can "
                    "take it yourself."
                )
            )

    def _check_independent_caller(self, user):
        """The caller did not handle the ticket (D-24): neither its intake
        agent, assignee, dispatcher nor earlier assignee, as for the
        automatic choice (_get_handlers). Checked at every assignment and
        when a call is recorded; system code (superuser) is not checked
        when it records."""
        if user == self.env.user and self.env.su:
            return
        tickets = self.ticket_id.sudo()
        handlers = self._get_handlers(tickets) if tickets else {}
        for callback in self:
            busy = handlers.get(callback.ticket_id.id, self.env["res.users"])
            if user in busy | callback.sudo().handler_id:
                raise UserError(
                    self.env._(
                        "%(user)s handled %(ticket)s: the owner is called back by "
                        "someone who did not handle the request.",
                        user=user.name,
                        ticket=callback.sudo().ticket_id.display_name,
                    )
                )

    def action_view_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    def _check_open(self):
        for callback in self:
            if callback.state not in OPEN_CALLBACK_STATES:
                raise UserError(
                    self.env._(
                        "Callback %(callback)s is already finished.",
                        callback=callback.name,
                    )
                )

    def _record_unreachable(self, reason, note=False):
        """One unreachable attempt with its reason; after the allowed number
        of attempts (default 3) the callback fails (D-24)."""
        self._check_open()
        self._check_independent_caller(self.env.user)
        self.env["property.callback.attempt"].create(
            [
                {
                    "callback_id": callback.id,
                    "outcome": "unreachable",
                    "unreachable_reason": reason,
                    "note": note,
                }
                for callback in self
            ]
        )
        for callback in self:
            if callback.attempt_count >= callback.max_attempts:
                callback._workflow_write(
                    {"state": "failed", "date_done": fields.Datetime.now()}
                )
                callback.message_post(
                    body=self.env._(
                        "The owner could not be reached after %(count)s attempts.",
                        count=callback.attempt_count,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            elif callback.state == "pending":
                callback._workflow_write({"state": "in_progress"})
        self.ticket_id.sudo()._complaint_callback_completed()
        return True

    def _record_result(self, result, unsatisfied_reason=False, comment=False):
        """The owner was reached: record the answer and finish the callback.
        An unsatisfied answer reopens the ticket, which restarts its SLA
        (D-24); telling the supervisor is the shipped automation rule
        "Callback: unsatisfied owner", calling _notify_unsatisfied."""
        self._check_open()
        self._check_independent_caller(self.env.user)
        if result == "unsatisfied" and not unsatisfied_reason:
            raise UserError(self.env._("Say why the owner is unsatisfied."))
        now = fields.Datetime.now()
        self.env["property.callback.attempt"].create(
            [
                {"callback_id": callback.id, "outcome": "reached", "note": comment}
                for callback in self
            ]
        )
        self._workflow_write(
            {
                "state": "done",
                "date_done": now,
                "result": result,
                "unsatisfied_reason": (
                    unsatisfied_reason if result == "unsatisfied" else False
                ),
                "comment": comment,
            }
        )
        if result == "unsatisfied":
            self._reopen_tickets()
        else:
            self.ticket_id.sudo()._complaint_callback_completed()
        return True

    def _reopen_tickets(self):
        """Reopen the handled tickets of unsatisfied callbacks (D-24)."""
        for callback in self:
            ticket = callback.ticket_id.sudo()
            if not ticket or ticket.state not in ("done", "closed"):
                continue
            ticket.action_reopen()
            ticket.message_post(
                body=self.env._(
                    "Reopened: the owner is unsatisfied at callback %(callback)s "
                    "(%(reason)s). %(comment)s",
                    callback=callback.name,
                    reason=dict(
                        self._fields["unsatisfied_reason"]._description_selection(
                            self.env
                        )
                    ).get(callback.unsatisfied_reason, ""),
                    comment=callback.comment or "",
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _get_supervisors(self):
        """Supervisors of the callback's project (not project managers), or
        the project manager when the project has none."""
        self.ensure_one()
        group = self.env.ref(GROUP_SUPERVISOR)
        manager_group = self.env.ref(GROUP_MANAGER)
        users = self.project_id.sudo().user_ids.filtered(
            lambda u: (
                u.active and group in u.groups_id and manager_group not in u.groups_id
            )
        )
        return users or self.project_id.sudo().manager_id

    def _notify_unsatisfied(self):
        """Tell the project's supervisors about an unsatisfied owner with a
        to-do on the callback (called by the shipped automation rule)."""
        for callback in self.filtered(lambda c: c.result == "unsatisfied"):
            for user in callback._get_supervisors():
                callback.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Unsatisfied owner: %(callback)s", callback=callback.name
                    ),
                    note=callback.comment or False,
                    user_id=user.id,
                )
        return True
