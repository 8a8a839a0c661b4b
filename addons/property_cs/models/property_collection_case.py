# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .constants import (
    COLLECTION_STEPS,
    COLLECTION_STEPS_AFTER_NOTICE,
    COLLECTION_STEPS_MANAGER,
    GROUP_MANAGER,
)

CASE_STATES = [
    ("open", "Open"),
    ("promised", "Promise to Pay"),
    ("closed", "Closed"),
]
CLOSE_REASONS = [
    ("paid", "Paid"),
    ("court", "Decided by Court or Arbitration"),
    ("corrected", "Bill Corrected or Waived"),
]
STEP_ORDER = [key for key, _label in COLLECTION_STEPS]


class PropertyCollectionCase(models.Model):
    """The collection of one payer's arrears on one unit (D-21, E1-E3).

    A case opens by itself when the overdue balance of a unit and payer
    passes the project's threshold (daily pass) and closes by itself when
    it is paid. The agent follows the project's ladder of steps, a closed
    list in the order of the law's path (reminder, written notice, phone
    call, visit, lawyer's letter, court or arbitration, E2); each step
    comes due on the deadline engine after the reasonable period of the
    previous one, and every attempt is recorded with channel, time,
    person, outcome and evidence (E3). A promise to pay is an obligation
    on the deadline engine: kept when the promised amount arrives, broken
    at its date otherwise, and the case resumes.

    Service first: the case shows the unit's open complaints, repairs and
    overdue requests; escalating past the written notice needs them
    acknowledged, and a project may hold escalation while a complaint is
    open. Lawful means only (Civil Code Art. 944): nothing here touches
    water, power, gas, heating, elevators, gates, parking or entry, and
    the arrears are never shown to other owners."""

    _name = "property.collection.case"
    _description = "Collection Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.workflow.guard.mixin"]
    _order = "date_open desc, id desc"
    _workflow_fields = (
        "state",
        "step",
        "close_reason",
        "date_closed",
        "date_step_base",
        "service_ack_ticket_ids",
    )

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, readonly=True, tracking=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Payer",
        required=True,
        index=True,
        readonly=True,
        help="Who owes the fees of the unit.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        CASE_STATES, default="open", required=True, tracking=True, index=True
    )
    step = fields.Selection(
        COLLECTION_STEPS,
        string="Step Reached",
        tracking=True,
        help="The furthest step taken so far.",
    )
    date_open = fields.Date(
        string="Opened On",
        default=lambda self: self.env["property.unit.partner"]._property_today(),
        readonly=True,
    )
    date_closed = fields.Date(string="Closed On", tracking=True)
    close_reason = fields.Selection(CLOSE_REASONS, tracking=True)
    date_step_base = fields.Datetime(
        string="Waiting Since",
        default=fields.Datetime.now,
        help="When the period before the next step started: the last step "
        "taken, the case opened, or a promise broken.",
    )
    amount_opened = fields.Monetary(
        string="Owed When Opened", readonly=True, currency_field="currency_id"
    )
    amount_due = fields.Monetary(
        string="Owed Now",
        compute="_compute_amount_due",
        currency_field="currency_id",
        compute_sudo=True,
    )
    invoice_ids = fields.Many2many(
        "account.move",
        compute="_compute_amount_due",
        string="Unpaid Bills",
        compute_sudo=True,
    )
    aging_ids = fields.Many2many(
        "property.receivable.aging",
        compute="_compute_aging_ids",
        string="Unpaid Bills by Age",
        help="The unpaid bills of the unit and payer, aged as of today.",
    )
    attempt_ids = fields.One2many(
        "property.collection.attempt", "case_id", string="Attempts"
    )
    attempt_count = fields.Integer(compute="_compute_attempt_stats")
    date_last_demand = fields.Datetime(
        string="Last Demand",
        compute="_compute_date_last_demand",
        store=True,
        help="The last attempt that reached the payer: it interrupts the "
        "limitation period.",
    )
    promise_id = fields.Many2one(
        "property.collection.attempt",
        string="Open Promise",
        compute="_compute_attempt_stats",
    )
    next_step_id = fields.Many2one(
        "property.collection.step", compute="_compute_next_step"
    )
    date_next_step = fields.Datetime(
        string="Next Step Due", compute="_compute_next_step"
    )
    limitation_warning = fields.Boolean(
        compute="_compute_limitation_warning",
        compute_sudo=True,
        help="A bill of this case has had no demand for longer than the "
        "company's warning period: the limitation period may run out.",
    )

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("unit_id.display_name", "partner_id.name")
    def _compute_name(self):
        for case in self:
            case.name = (
                f"{case.unit_id.display_name or ''} · {case.partner_id.name or ''}"
            )

    def _receivable_domain(self):
        """Open receivable journal items of these cases' units and payers."""
        return self.env["account.move.line"]._property_open_receivable_domain(
            self.unit_id, self.partner_id
        )

    @api.depends("unit_id", "partner_id")
    def _compute_amount_due(self):
        """The balance of the unit and payer now: what they owe less what
        they paid ahead (one read of the journal items for all cases)."""
        self.env["account.move.line"].flush_model(["amount_residual", "reconciled"])
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(
                self._receivable_domain(),
                ["property_unit_id", "partner_id", "amount_residual", "move_id"],
            )
        )
        by_key = {}
        for line in lines:
            key = (line.property_unit_id.id, line.partner_id.id)
            amount, moves = by_key.get(key, (0.0, self.env["account.move"]))
            if line.amount_residual > 0:
                moves |= line.move_id
            by_key[key] = (amount + line.amount_residual, moves)
        for case in self:
            amount, moves = by_key.get(
                (case.unit_id.id, case.partner_id.commercial_partner_id.id),
                (0.0, self.env["account.move"]),
            )
            case.amount_due = (
                case.currency_id.round(amount) if case.currency_id else amount
            )
            case.invoice_ids = moves

    def _compute_aging_ids(self):
        rows = self.env["property.receivable.aging"].search(
            [
                ("unit_id", "in", self.unit_id.ids),
                ("partner_id", "in", self.partner_id.commercial_partner_id.ids),
            ]
        )
        for case in self:
            case.aging_ids = rows.filtered(
                lambda r, c=case: (
                    r.unit_id == c.unit_id
                    and r.partner_id == c.partner_id.commercial_partner_id
                )
            )

    @api.depends("attempt_ids.date", "attempt_ids.is_demand")
    def _compute_date_last_demand(self):
        for case in self:
            demands = case.attempt_ids.filtered("is_demand")
            case.date_last_demand = max(demands.mapped("date")) if demands else False

    @api.depends("attempt_ids.promise_state")
    def _compute_attempt_stats(self):
        for case in self:
            attempts = case.attempt_ids
            case.attempt_count = len(attempts)
            case.promise_id = attempts.filtered(lambda a: a.promise_state == "pending")[
                :1
            ]

    @api.depends("step", "date_step_base", "project_id", "state")
    def _compute_next_step(self):
        for case in self:
            step = case._next_step()
            case.next_step_id = step
            case.date_next_step = (
                case.date_step_base + timedelta(days=step.days_after)
                if step and case.date_step_base and case.state == "open"
                else False
            )

    def _next_step(self):
        """The first step of the project's ladder after the furthest one
        taken (the first step while none is)."""
        self.ensure_one()
        if not self.project_id:
            return self.env["property.collection.step"]
        reached = STEP_ORDER.index(self.step) if self.step else -1
        ladder = self.env["property.collection.step"]._ladder(self.project_id)
        return ladder.filtered(lambda s: STEP_ORDER.index(s.step) > reached)[:1]

    def _compute_limitation_warning(self):
        months = self.env.company.property_collection_limitation_months
        today = self.env["property.unit.partner"]._property_today()
        limit = today - relativedelta(months=months)
        for case in self:
            case.limitation_warning = bool(months) and any(
                (move.property_last_demand_date or move.invoice_date_due or limit)
                < limit
                for move in case.invoice_ids
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def init(self):
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS property_collection_case_open_uniq "
            "ON property_collection_case (unit_id, partner_id) "
            "WHERE state != 'closed'"
        )

    @api.model_create_multi
    def create(self, vals_list):
        Unit = self.env["property.unit"]
        for vals in vals_list:
            if vals.get("unit_id") and not vals.get("project_id"):
                vals["project_id"] = Unit.browse(vals["unit_id"]).project_id.id
        cases = super().create(vals_list)
        for case in cases.filtered(lambda c: not c.amount_opened):
            case.sudo().amount_opened = case.amount_due
        self.env["property.deadline"]._deadline_sync(cases, created=True)
        return cases

    def write(self, vals):
        result = super().write(vals)
        if {"state", "step", "date_step_base", "user_id"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return result

    # ------------------------------------------------------------------
    # DEADLINES: the next step comes due
    # ------------------------------------------------------------------
    def _deadline_specs(self):
        """One obligation per step: the next step of an open case is due
        after the reasonable period of the previous one; the agent is
        told when it comes due and has the step's days to take it, then
        the supervisor is told. A step taken meets its row; a promise or
        the case's end stops the clock (no row)."""
        specs = []
        for case in self:
            base = {
                "res_id": case.id,
                "company_id": case.company_id.id,
                "project_id": case.project_id.id,
            }
            if case.step:
                specs.append(
                    dict(
                        base,
                        target="collection",
                        cycle=STEP_ORDER.index(case.step) + 1,
                        state="met",
                    )
                )
            step = case.next_step_id
            if case.state != "open" or not step:
                continue
            take = step.days_to_take * 24 * 60
            specs.append(
                dict(
                    base,
                    target="collection",
                    cycle=STEP_ORDER.index(step.step) + 1,
                    name=f"{case.name} · {step._step_label()}",
                    date_start=case.date_step_base,
                    date_fixed=case.date_next_step + timedelta(minutes=take),
                    user_id=(step.user_id or case.user_id).id,
                    warning_minutes=take,
                    supervisor_minutes=0,
                    manager_minutes=-1,
                    head_office_minutes=-1,
                )
            )
        return specs

    # ------------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------------
    def _check_step_allowed(self, step):
        """May this case take ``step`` now? Refused, with every reason at
        once, when the case is closed, when the step skips the project's
        ladder, and beyond the written notice when a complaint holds the
        case, when the unit's open service matters are not acknowledged,
        or (lawyer's letter, court) when the user is not a project
        manager. Repeating a step already taken is always allowed."""
        self.ensure_one()
        reasons = []
        if self.state == "closed":
            reasons.append(self.env._("The case is closed."))
        reached = STEP_ORDER.index(self.step) if self.step else -1
        index = STEP_ORDER.index(step)
        if index > reached:
            next_step = self._next_step()
            ladder = self.env["property.collection.step"]._ladder(self.project_id)
            if step not in ladder.mapped("step"):
                reasons.append(self.env._("The project does not take this step."))
            elif next_step and index > STEP_ORDER.index(next_step.step):
                reasons.append(
                    self.env._(
                        "Take the steps in order: the next one is %s.",
                        next_step._step_label(),
                    )
                )
            if step in COLLECTION_STEPS_AFTER_NOTICE:
                if self.hold_reason:
                    reasons.append(self.hold_reason)
                if self.service_ack_needed:
                    reasons.append(
                        self.env._(
                            "Acknowledge the unit's open service matters first: %s",
                            self._service_numbers(
                                self.service_ticket_ids - self.service_ack_ticket_ids
                            ),
                        )
                    )
            if step in COLLECTION_STEPS_MANAGER and not self.env.user.has_group(
                GROUP_MANAGER
            ):
                reasons.append(
                    self.env._(
                        "Only a project manager hands a case to a lawyer or to court."
                    )
                )
        if reasons:
            raise UserError("\n".join(reasons))

    def _register_attempts(self, attempts):
        """After attempts are recorded: the furthest step moves on, the
        period before the next step restarts, each demand that reached
        the payer is noted on the unpaid bills (it interrupts the
        limitation period), and a promise to pay puts the case on hold
        until its date."""
        for attempt in attempts:
            case = attempt.case_id
            vals = {}
            reached = STEP_ORDER.index(case.step) if case.step else -1
            if STEP_ORDER.index(attempt.step) >= reached:
                vals.update(step=attempt.step, date_step_base=attempt.date)
            if attempt.outcome == "promised":
                vals["state"] = "promised"
            if vals:
                case._workflow_write(vals)
            if attempt.is_demand and case.invoice_ids:
                case.invoice_ids.sudo().write(
                    {
                        "property_last_demand_date": fields.Date.context_today(
                            case.with_context(tz=case.project_id.tz or "Asia/Shanghai"),
                            attempt.date,
                        )
                    }
                )
            case.message_post(body=attempt._summary(), subtype_xmlid="mail.mt_note")

    def _resume(self, message):
        """Back to open after a promise: the period before the next step
        restarts now."""
        for case in self.filtered(lambda c: c.state == "promised"):
            case._workflow_write(
                {"state": "open", "date_step_base": fields.Datetime.now()}
            )
            case.message_post(body=message, subtype_xmlid="mail.mt_note")

    def _close(self, reason):
        self._workflow_write(
            {
                "state": "closed",
                "close_reason": reason,
                "date_closed": self.env["property.unit.partner"]._property_today(),
            }
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_record_attempt(self):
        """Open the form that records a contact with the payer."""
        self.ensure_one()
        step = (
            self.step
            if self.state == "promised"
            else (self._next_step().step or self.step)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.collection.attempt",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_case_id": self.id, "default_step": step},
        }

    def action_send_reminder(self):
        """Send the reminder template of the project's ladder to the payer
        (email, and the portal inbox when they have an account) and record
        it as the reminder attempt with the message as evidence."""
        for case in self:
            case._check_step_allowed("reminder")
            partner = case.partner_id
            if not partner.email and not partner.user_ids:
                raise UserError(
                    self.env._(
                        "%s has no email address or portal account: send a text "
                        "message or a letter and record it as an attempt.",
                        partner.display_name,
                    )
                )
            ladder = self.env["property.collection.step"]._ladder(case.project_id)
            template = ladder.filtered(lambda s: s.step == "reminder")[:1].template_id
            template = template or self.env.ref(
                "property_cs.mail_template_collection_reminder"
            )
            message = case.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids,
            )
            self.env["property.collection.attempt"].create(
                {
                    "case_id": case.id,
                    "step": "reminder",
                    "channel": "mail" if partner.email else "portal",
                    "outcome": "delivered",
                    "evidence": self.env._("Message sent from the case."),
                    "message_id": message[:1].id,
                }
            )
        return True

    def action_print_notice(self):
        """The written notice (催缴通知书) to print, sign and deliver."""
        return self.env.ref(
            "property_cs.property_collection_case_report_notice"
        ).report_action(self)

    def _notice_period_days(self):
        """The reasonable period the written notice gives: the days before
        the step after the notice, 15 without one."""
        self.ensure_one()
        ladder = self.env["property.collection.step"]._ladder(self.project_id)
        after = ladder.filtered(
            lambda s: STEP_ORDER.index(s.step) > STEP_ORDER.index("notice")
        )[:1]
        return after.days_after if after else 15

    def action_close_paid(self):
        """Close a case whose arrears are settled."""
        for case in self:
            if case.amount_due > 0:
                raise UserError(
                    self.env._(
                        "%(case)s still owes %(amount)s: it closes when it is paid.",
                        case=case.display_name,
                        amount=case.amount_due,
                    )
                )
        self._close("paid")
        return True

    def action_close_other(self):
        """A project manager closes a case decided by court or arbitration
        or whose bills were corrected (the reason from the context)."""
        if not self.env.user.has_group(GROUP_MANAGER):
            raise AccessError(
                self.env._("Only a project manager closes an unpaid case.")
            )
        reason = self.env.context.get("close_reason")
        if reason not in dict(CLOSE_REASONS) or reason == "paid":
            raise UserError(self.env._("Choose why the case closes."))
        self._close(reason)
        return True

    def _assign_agents(self):
        """A new case goes to the assignee of the project's first step,
        else to the project manager."""
        for case in self:
            step = self.env["property.collection.step"]._ladder(case.project_id)[:1]
            user = step.user_id or case.project_id.manager_id
            if user:
                case.user_id = user
