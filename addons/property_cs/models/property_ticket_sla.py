# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import HANDLED_STATES, OPEN_STATES, STAFF_GROUPS

# writes that can move a deadline, meet it, or change who answers for it
SLA_SCHEDULE_FIELDS = {
    "sla_policy_id",
    "severity_id",
    "category_id",
    "project_id",
    "date_reported",
    "date_appointment_end",
    "date_committed",
    "date_arrived",
    "stage_id",
    "user_id",
    "department_id",
}
# target -> (deadline field, field that marks the target as met)
SLA_TARGET_FIELDS = {
    "commit": ("date_commit_deadline", "date_committed"),
    "arrival": ("date_arrival_deadline", "date_arrived"),
    "close": ("date_close_deadline", False),
}
# the targets a paused stage stops (the complaint reply runs on)
SLA_TARGETS = tuple(SLA_TARGET_FIELDS)


class PropertyTicket(models.Model):
    """Service times of a ticket (D-7) on the deadline engine: the
    commitment, the arrival and the closure are ``property.deadline`` rows
    whose targets come from the most specific SLA policy; paused stages stop
    their clock, reopening starts a new cycle, reclassification moves them
    and a severity downgrade needs a reason. The ticket shows the due times
    of its current cycle; the engine's pass fires the steps."""

    _inherit = "property.ticket"

    sla_policy_id = fields.Many2one(
        "property.sla.policy",
        string="SLA Policy",
        compute="_compute_sla_policy_id",
        store=True,
        copy=False,
        groups=STAFF_GROUPS,
    )
    deadline_ids = fields.One2many(
        "property.deadline", "ticket_id", string="Deadlines", groups=STAFF_GROUPS
    )
    date_commit_deadline = fields.Datetime(
        string="Commitment Deadline",
        compute="_compute_sla_deadlines",
        store=True,
        copy=False,
        index=True,
        groups=STAFF_GROUPS,
    )
    date_arrival_deadline = fields.Datetime(
        string="Arrival Deadline",
        compute="_compute_sla_deadlines",
        store=True,
        copy=False,
        index=True,
        groups=STAFF_GROUPS,
    )
    date_close_deadline = fields.Datetime(
        string="Closure Deadline",
        compute="_compute_sla_deadlines",
        store=True,
        copy=False,
        index=True,
        groups=STAFF_GROUPS,
    )
    date_committed = fields.Datetime(
        string="Commitment Given",
        copy=False,
        tracking=True,
        help="When the agent told the owner the promised time.",
    )
    date_departed = fields.Datetime(
        string="Technician On The Way",
        copy=False,
        tracking=True,
        help="When the technician set off to the owner; the owner is told.",
    )
    date_arrived = fields.Datetime(string="Arrived On Site", copy=False, tracking=True)
    date_appointment_start = fields.Datetime(
        string="Appointment From",
        tracking=True,
        help="Slot agreed with the owner; the arrival target is its end.",
    )
    date_appointment_end = fields.Datetime(string="Appointment To", tracking=True)
    arrival_photo = fields.Image(max_width=1920, max_height=1920, copy=False)
    paused_minutes = fields.Integer(
        string="Paused Time (minutes)",
        compute="_compute_paused_minutes",
        help="Working minutes the closure clock stood still in paused stages "
        "in this cycle.",
        groups=STAFF_GROUPS,
    )
    pause_reason = fields.Text(
        copy=False,
        help="Why the ticket waits; required to enter a paused stage.",
        groups=STAFF_GROUPS,
    )
    reclassification_reason = fields.Text(
        copy=False,
        help="Required to lower the severity; logged with the change, then cleared.",
        groups=STAFF_GROUPS,
    )
    sla_pause_ids = fields.One2many(
        "property.deadline.pause",
        "ticket_id",
        string="Pauses",
        groups=STAFF_GROUPS,
    )
    sla_reclassification_ids = fields.One2many(
        "property.ticket.reclassification",
        "ticket_id",
        string="Reclassifications",
        groups=STAFF_GROUPS,
    )
    sla_escalation_ids = fields.One2many(
        "property.deadline.escalation",
        "ticket_id",
        string="Escalations",
        groups=STAFF_GROUPS,
    )
    sla_breach_ids = fields.One2many(
        "property.deadline.breach",
        "ticket_id",
        string="SLA Breaches",
        groups=STAFF_GROUPS,
    )
    date_sla_restarted = fields.Datetime(
        string="SLA Restarted",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the ticket was last reopened: the service clock counts "
        "from here instead of the date reported.",
        groups=STAFF_GROUPS,
    )
    sla_cycle = fields.Integer(
        string="SLA Cycle",
        default=0,
        readonly=True,
        copy=False,
        help="How many times the service clock restarted; escalations and "
        "breaches are recorded once per cycle.",
        groups=STAFF_GROUPS,
    )

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("company_id", "project_id", "category_id", "severity_id")
    def _compute_sla_policy_id(self):
        policy_map = self.env["property.sla.policy"].sudo()._get_policy_map(self)
        for ticket in self:
            ticket.sla_policy_id = policy_map.get(ticket.id, False)

    @api.depends(
        "sla_cycle",
        "deadline_ids.date_due",
        "deadline_ids.cycle",
        "deadline_ids.target",
    )
    def _compute_sla_deadlines(self):
        """The due times of the current cycle's deadlines, kept by the
        deadline engine (the date reported or the last restart + target +
        paused working minutes, in the project's working time)."""
        for ticket in self:
            current = {
                d.target: d
                for d in ticket.sudo().deadline_ids
                if d.cycle == ticket.sla_cycle
            }
            for target, (deadline_field, _met) in SLA_TARGET_FIELDS.items():
                ticket[deadline_field] = current.get(
                    target, self.env["property.deadline"]
                ).date_due

    @api.depends("sla_cycle", "deadline_ids.paused_minutes")
    def _compute_paused_minutes(self):
        for ticket in self:
            ticket.paused_minutes = sum(
                d.paused_minutes
                for d in ticket.sudo().deadline_ids
                if d.cycle == ticket.sla_cycle and d.target == "close"
            )

    # ------------------------------------------------------------------
    # PIPELINE HOOKS (see property_ticket.py)
    # ------------------------------------------------------------------
    def _ticket_create_hooks(self):
        return super()._ticket_create_hooks() + [
            (30, "prepare", "_sla_prepare_commitment"),
            (50, "after", "_deadline_sync_new_tickets"),
        ]

    def _ticket_write_hooks(self):
        return super()._ticket_write_hooks() + [
            (40, ("date_promised",), "_sla_on_promise"),
            (45, tuple(SLA_SCHEDULE_FIELDS), "_sla_on_schedule_change"),
            (
                46,
                ("kind", "complaint_step", "complaint_severity"),
                "_sla_on_schedule_change",
            ),
            (
                50,
                ("category_id", "severity_id", "project_id", "unit_id"),
                "_sla_on_reclassification",
            ),
            (51, ("reclassification_reason",), "_sla_on_reclassification_reason"),
        ]

    def _ticket_stage_hooks(self):
        """Paused stages stop the clock; a reopened ticket restarts it."""
        return super()._ticket_stage_hooks() + [
            (40, "leave", "paused", "_sla_end_pause"),
            (41, "enter", "paused", "_sla_start_pause"),
            (42, "reopen", None, "_sla_restart"),
        ]

    def _stage_blockers(self, state, vals=None):
        """A ticket enters a paused stage only with the reason it waits."""
        blockers = super()._stage_blockers(state, vals)
        if state == "paused":
            vals = vals or {}
            for ticket in self:
                if ticket.state != "paused" and not (
                    vals.get("pause_reason") or ticket.pause_reason
                ):
                    blockers.setdefault(ticket.id, []).append(
                        self.env._(
                            "give the reason why it must wait: the service "
                            "clock only stops with a reason"
                        )
                    )
        return blockers

    @api.model
    def _sla_prepare_commitment(self, vals_list):
        """A promised time given at intake is the commitment (D-7): it is
        recorded as given now and the received mail tells it."""
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("date_promised") and not vals.get("date_committed"):
                vals["date_committed"] = now

    def _sla_on_promise(self, vals):
        """Telling the owner a time is giving the commitment (D-7); the
        owner is told the new promised time, except for a broken promise,
        which sends its own message."""
        if not vals.get("date_promised"):
            return None
        promised = self.filtered(
            lambda t: (
                t.date_promised != fields.Datetime.to_datetime(vals["date_promised"])
            )
        )
        uncommitted = promised.filtered(lambda t: not t.date_committed)
        if uncommitted and "date_committed" not in vals:
            uncommitted._sla_write_internal({"date_committed": fields.Datetime.now()})
        if not promised or self.env.context.get("property_promise_broken"):
            return None
        return lambda: promised._sla_notify_owner(
            "property_cs.mail_template_ticket_promised"
        )

    def _sla_on_schedule_change(self, vals):
        return self._deadline_sync_tickets

    def _deadline_sync_tickets(self):
        """Keep the engine's deadlines of these tickets in line."""
        self.env["property.deadline"]._deadline_sync(self)

    def _deadline_sync_new_tickets(self):
        """Give new tickets their deadlines."""
        self.env["property.deadline"]._deadline_sync(self, created=True)

    def _deadline_step_minutes(self, policy=None):
        """Minutes of the steps of a deadline: the policy's own when it has
        them, else the company's settings (D-7)."""
        self.ensure_one()
        if not (policy and policy.custom_steps):
            source = self.company_id.sudo()
            return {
                "warning_minutes": source.property_sla_warning_minutes,
                "supervisor_minutes": source.property_sla_supervisor_delay,
                "manager_minutes": source.property_sla_manager_delay,
                "head_office_minutes": source.property_sla_head_office_delay,
            }
        return {
            "warning_minutes": policy.warning_minutes,
            "supervisor_minutes": policy.supervisor_delay,
            "manager_minutes": policy.manager_delay,
            "head_office_minutes": policy.head_office_delay,
        }

    def _deadline_common(self):
        """Values every deadline of this ticket shares."""
        self.ensure_one()
        return {
            "res_id": self.id,
            "name": self.display_name,
            "ticket_id": self.id,
            "company_id": self.company_id.id,
            "project_id": self.project_id.id,
            "user_id": self.user_id.id,
            "department_id": self.department_id.id,
        }

    def _deadline_specs(self):
        """The deadline engine's view of the service times (D-7): per
        target of the current cycle, the start (date reported or last
        restart), the policy's working minutes or the agreed appointment,
        and whether it runs, is met or no longer due. A paused ticket's new
        deadlines start paused; the reply deadline of a complaint is added
        by its own part."""
        specs = []
        for ticket in self.sudo():
            policy = ticket.sla_policy_id
            start = ticket.date_sla_restarted or ticket.date_reported
            common = dict(
                ticket._deadline_common(),
                cycle=ticket.sla_cycle,
                date_start=start,
                paused=ticket.state == "paused",
                **ticket._deadline_step_minutes(policy),
            )
            minutes = {
                "commit": policy.commit_minutes,
                "arrival": policy.arrival_minutes,
                "close": policy.close_minutes,
            }
            for target, (_field, met_field) in SLA_TARGET_FIELDS.items():
                spec = dict(common, target=target, minutes=minutes[target])
                if target == "arrival" and ticket.date_appointment_end:
                    spec["date_fixed"] = ticket.date_appointment_end
                elif not policy or not ticket.project_id or not start:
                    continue
                elif target == "arrival" and not minutes[target]:
                    continue
                else:
                    spec["date_fixed"] = False
                met = (
                    ticket[met_field]
                    if met_field
                    else (
                        ticket.state in HANDLED_STATES
                        and (ticket.date_done or ticket.date_closed)
                    )
                )
                if met:
                    spec.update(state="met", date_met=met)
                elif ticket.state not in OPEN_STATES:
                    spec["state"] = "cancelled"
                specs.append(spec)
        return specs

    def _sla_on_reclassification(self, vals):
        """Log category or severity changes after the write; a downgrade
        needs a reason."""
        old = {t.id: (t.severity_id, t.category_id) for t in self}
        reason = vals.get("reclassification_reason")
        return lambda: self._sla_log_reclassification(old, reason)

    def _sla_on_reclassification_reason(self, vals):
        """The reason is logged with the change, then cleared."""
        if not vals.get("reclassification_reason"):
            return None
        return lambda: self._sla_write_internal({"reclassification_reason": False})

    def _sla_write_internal(self, vals):
        """Bookkeeping of the service clock: written without tracking, as
        part of the change that caused it."""
        return self.with_context(tracking_disable=True).write(vals)

    # ------------------------------------------------------------------
    # PAUSE AND RECLASSIFICATION
    # ------------------------------------------------------------------
    def _sla_start_pause(self):
        """Stop the clock of the service times with the reason (D-7); the
        complaint reply deadline runs on."""
        for reason in set(self.mapped("pause_reason")):
            tickets = self.filtered(lambda t, r=reason: t.pause_reason == r)
            self.env["property.deadline"]._deadline_pause(
                tickets, reason, targets=SLA_TARGETS
            )

    def _sla_end_pause(self):
        """Restart the clock: the open deadlines are pushed by the paused
        working time and the pause records closed."""
        self.env["property.deadline"]._deadline_resume(self)
        self._sla_write_internal({"pause_reason": False})
        return True

    def _sla_restart(self):
        """A done or closed ticket that is reopened (by the owner or by an
        unsatisfied callback, D-10, D-24) is handled again: the clock
        restarts now for every target, the commitment, the departure and
        the arrival are due again (their previous values stay in the
        chatter), and a new cycle of deadlines, warnings, escalations and
        breaches begins."""
        now = fields.Datetime.now()
        for ticket in self:
            ticket._sla_write_internal(
                {
                    "date_sla_restarted": now,
                    "sla_cycle": ticket.sla_cycle + 1,
                    "date_committed": False,
                    "date_departed": False,
                    "date_arrived": False,
                    "date_appointment_start": False,
                    "date_appointment_end": False,
                }
            )
        return True

    def _sla_log_reclassification(self, old, reason):
        """Log category or severity changes; a downgrade needs a reason."""
        logs = []
        for ticket in self:
            old_severity, old_category = old[ticket.id]
            if (old_severity, old_category) == (ticket.severity_id, ticket.category_id):
                continue
            downgrade = bool(
                old_severity
                and ticket.severity_id
                and ticket.severity_id.sequence < old_severity.sequence
            )
            if downgrade and not reason:
                raise UserError(
                    self.env._(
                        "Lowering %(ticket)s from %(old)s to %(new)s needs a reason.",
                        ticket=ticket.display_name,
                        old=old_severity.name,
                        new=ticket.severity_id.name,
                    )
                )
            logs.append(
                {
                    "ticket_id": ticket.id,
                    "old_severity_id": old_severity.id,
                    "new_severity_id": ticket.severity_id.id,
                    "old_category_id": old_category.id,
                    "new_category_id": ticket.category_id.id,
                    "is_downgrade": downgrade,
                    "reason": reason or False,
                    "user_id": self.env.user.id,
                }
            )
            if reason:
                ticket.message_post(
                    body=self.env._("Reclassified: %s", reason),
                    subtype_xmlid="mail.mt_note",
                )
        if logs:
            self.env["property.ticket.reclassification"].sudo().create(logs)

    def _sla_notify_owner(self, template_xmlid):
        """Send an owner template (D-9) to the tickets that have an owner;
        the mail is owner-facing and never carries internal data, and it is
        a discussion message: the owner's portal history shows it."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not template:
            return
        # the sender may be a technician who cannot read the owner's file;
        # sudo keeps them as the author
        for ticket in self.sudo().filtered("partner_id"):
            ticket.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
