# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import CLOCK_STATES, STAFF_GROUPS

# writes that can move a deadline or the next SLA step
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
}
# target -> (deadline field, field that marks the target as met,
#            paused working minutes that push it)
SLA_TARGET_FIELDS = {
    "commit": ("date_commit_deadline", "date_committed", "commit_paused_minutes"),
    "arrival": ("date_arrival_deadline", "date_arrived", "arrival_paused_minutes"),
    "close": ("date_close_deadline", False, "paused_minutes"),
}


class PropertyTicket(models.Model):
    """Service-time engine of a ticket (D-7): stored deadlines for the
    commitment, the arrival and the closure, computed from the most specific
    SLA policy in the project's working time; paused stages stop the clock;
    reclassification recomputes the deadlines and a severity downgrade needs
    a reason; one set-based cron pass records warnings, escalation steps and
    breaches once each."""

    _inherit = "property.ticket"

    sla_policy_id = fields.Many2one(
        "property.sla.policy",
        string="SLA Policy",
        compute="_compute_sla_policy_id",
        store=True,
        copy=False,
        groups=STAFF_GROUPS,
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
        readonly=True,
        copy=False,
        help="Working minutes the SLA clock stood still in paused stages.",
        groups=STAFF_GROUPS,
    )
    commit_paused_minutes = fields.Integer(
        readonly=True,
        copy=False,
        help="Paused working minutes before the commitment was given.",
        groups=STAFF_GROUPS,
    )
    arrival_paused_minutes = fields.Integer(
        readonly=True,
        copy=False,
        help="Paused working minutes before the arrival on site.",
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
        "property.ticket.pause",
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
        "property.ticket.escalation",
        "ticket_id",
        string="Escalations",
        groups=STAFF_GROUPS,
    )
    sla_breach_ids = fields.One2many(
        "property.ticket.breach",
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
        "sla_policy_id",
        "date_reported",
        "date_sla_restarted",
        "paused_minutes",
        "commit_paused_minutes",
        "arrival_paused_minutes",
        "project_id.sla_calendar_id",
        "project_id.tz",
        "date_appointment_end",
    )
    def _compute_sla_deadlines(self):
        """Deadline = date reported (or the last restart on reopening) +
        target + the working minutes paused while that target was still
        open, in the project's working time."""
        for ticket in self:
            start = ticket.date_sla_restarted or ticket.date_reported
            policy = ticket.sla_policy_id.sudo()
            project = ticket.project_id.sudo()
            targets = {
                "commit": policy.commit_minutes,
                "arrival": policy.arrival_minutes,
                "close": policy.close_minutes,
            }
            for target, (
                deadline_field,
                _met,
                paused_field,
            ) in SLA_TARGET_FIELDS.items():
                minutes = targets[target]
                if target == "arrival" and ticket.date_appointment_end:
                    # an agreed appointment: arrive by the end of the slot
                    ticket[deadline_field] = ticket.date_appointment_end
                    continue
                if (
                    not policy
                    or not project
                    or not start
                    or (target == "arrival" and not minutes)
                ):
                    ticket[deadline_field] = False
                    continue
                ticket[deadline_field] = project._sla_add_minutes(
                    start, minutes + ticket[paused_field]
                )

    # ------------------------------------------------------------------
    # PIPELINE HOOKS (see property_ticket.py)
    # ------------------------------------------------------------------
    def _ticket_create_hooks(self):
        return super()._ticket_create_hooks() + [
            (30, "prepare", "_sla_prepare_commitment"),
            (50, "after", "_sla_schedule_next_pass"),
        ]

    def _ticket_write_hooks(self):
        return super()._ticket_write_hooks() + [
            (40, ("date_promised",), "_sla_on_promise"),
            (45, tuple(SLA_SCHEDULE_FIELDS), "_sla_on_schedule_change"),
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
        return self._sla_schedule_next_pass

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
        """Open a pause record: the clock stops (D-7)."""
        now = fields.Datetime.now()
        self.env["property.ticket.pause"].sudo().create(
            [
                {"ticket_id": t.id, "date_start": now, "reason": t.pause_reason}
                for t in self
            ]
        )

    def _sla_end_pause(self):
        """Close the open pause records and push the open deadlines by the
        paused working time."""
        now = fields.Datetime.now()
        pauses = (
            self.env["property.ticket.pause"]
            .sudo()
            .search([("ticket_id", "in", self.ids), ("date_end", "=", False)])
        )
        added = dict.fromkeys(self.ids, 0)
        for pause in pauses:
            minutes = pause.ticket_id.project_id._sla_working_minutes(
                pause.date_start, now
            )
            pause.write({"date_end": now, "paused_minutes": minutes})
            added[pause.ticket_id.id] += minutes
        for ticket in self:
            minutes = added[ticket.id]
            vals = {
                "paused_minutes": ticket.paused_minutes + minutes,
                "pause_reason": False,
            }
            if not ticket.date_committed:
                vals["commit_paused_minutes"] = ticket.commit_paused_minutes + minutes
            if not ticket.date_arrived:
                vals["arrival_paused_minutes"] = ticket.arrival_paused_minutes + minutes
            ticket._sla_write_internal(vals)
        return True

    def _sla_restart(self):
        """A done or closed ticket that is reopened (by the owner or by an
        unsatisfied callback, D-10, D-24) is handled again: the clock
        restarts now for every target, the commitment, the departure and
        the arrival are due again (their previous values stay in the chatter), and a new
        cycle of warnings, escalations and breaches begins."""
        now = fields.Datetime.now()
        for ticket in self:
            ticket._sla_write_internal(
                {
                    "date_sla_restarted": now,
                    "sla_cycle": ticket.sla_cycle + 1,
                    "paused_minutes": 0,
                    "commit_paused_minutes": 0,
                    "arrival_paused_minutes": 0,
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

    # ------------------------------------------------------------------
    # SLA PASS (cron)
    # ------------------------------------------------------------------
    @api.model
    def _sla_due_steps(self, company, deadline):
        """Return [(step, date_due)] of a deadline under the company's
        warning and escalation delays (D-7)."""
        return [
            (
                "warning",
                deadline - timedelta(minutes=company.property_sla_warning_minutes),
            ),
            (
                "supervisor",
                deadline + timedelta(minutes=company.property_sla_supervisor_delay),
            ),
            (
                "manager",
                deadline + timedelta(minutes=company.property_sla_manager_delay),
            ),
            (
                "head_office",
                deadline + timedelta(minutes=company.property_sla_head_office_delay),
            ),
        ]

    @api.model
    def _cron_sla_escalation(self):
        """Set-based SLA pass (D-7): one search for the running tickets with
        deadlines, one for the steps and breaches already recorded, the due
        steps computed in Python, one bulk create of each; then the cron is
        triggered at the next due step for minute precision. Reruns create
        nothing twice; moved deadlines are read as they are now."""
        now = fields.Datetime.now()
        tickets = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("state", "in", CLOCK_STATES),
                    "|",
                    "|",
                    ("date_commit_deadline", "!=", False),
                    ("date_arrival_deadline", "!=", False),
                    ("date_close_deadline", "!=", False),
                ],
                [
                    "company_id",
                    "date_commit_deadline",
                    "date_arrival_deadline",
                    "date_close_deadline",
                    "date_committed",
                    "date_arrived",
                    "sla_cycle",
                ],
            )
        )
        if not tickets:
            return
        Escalation = self.env["property.ticket.escalation"].sudo()
        Breach = self.env["property.ticket.breach"].sudo()
        fired = {
            (e.ticket_id.id, e.target, e.step, e.sla_cycle)
            for e in Escalation.search_fetch(
                [("ticket_id", "in", tickets.ids)],
                ["ticket_id", "target", "step", "sla_cycle"],
            )
        }
        breached = {
            (b.ticket_id.id, b.target, b.sla_cycle)
            for b in Breach.search_fetch(
                [("ticket_id", "in", tickets.ids)], ["ticket_id", "target", "sla_cycle"]
            )
        }
        escalation_vals, breach_vals, next_due = [], [], None
        for ticket in tickets:
            for target, (
                deadline_field,
                met_field,
                _paused,
            ) in SLA_TARGET_FIELDS.items():
                deadline = ticket[deadline_field]
                if not deadline or (met_field and ticket[met_field]):
                    continue
                cycle = ticket.sla_cycle
                if deadline <= now and (ticket.id, target, cycle) not in breached:
                    breach_vals.append(
                        {
                            "ticket_id": ticket.id,
                            "target": target,
                            "date_deadline": deadline,
                            "date_breached": now,
                            "sla_cycle": cycle,
                        }
                    )
                for step, date_due in self._sla_due_steps(ticket.company_id, deadline):
                    if (ticket.id, target, step, cycle) in fired:
                        continue
                    if date_due <= now:
                        escalation_vals.append(
                            {
                                "ticket_id": ticket.id,
                                "target": target,
                                "step": step,
                                "date_deadline": deadline,
                                "date_due": date_due,
                                "date_fired": now,
                                "sla_cycle": cycle,
                            }
                        )
                    elif next_due is None or date_due < next_due:
                        next_due = date_due
        if breach_vals:
            Breach.create(breach_vals)
        if escalation_vals:
            Escalation.create(escalation_vals)
        cron = self.env.ref(
            "property_cs.ir_cron_property_sla_escalation", raise_if_not_found=False
        )
        if cron and next_due:
            cron.sudo()._trigger(at=next_due)

    def _sla_schedule_next_pass(self):
        """Wake the SLA cron at the first future step of these tickets, so a
        new or moved deadline is warned about to the minute (D-7), not at the
        next periodic run."""
        now = fields.Datetime.now()
        next_due = None
        for ticket in self:
            if ticket.state not in CLOCK_STATES:
                continue
            for deadline_field, met_field, _p in SLA_TARGET_FIELDS.values():
                deadline = ticket[deadline_field]
                if not deadline or (met_field and ticket[met_field]):
                    continue
                for _step, date_due in self._sla_due_steps(ticket.company_id, deadline):
                    if date_due > now and (next_due is None or date_due < next_due):
                        next_due = date_due
                        break
        cron = self.env.ref(
            "property_cs.ir_cron_property_sla_escalation", raise_if_not_found=False
        )
        if cron and next_due:
            cron.sudo()._trigger(at=next_due)

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
