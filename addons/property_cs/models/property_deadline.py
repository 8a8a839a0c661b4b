# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import DEADLINE_STATES, DEADLINE_TARGETS

# the fields a model's deadline specification may set on its obligations
STEP_FIELDS = (
    "warning_minutes",
    "supervisor_minutes",
    "manager_minutes",
    "head_office_minutes",
)
SPEC_FIELDS = (
    "name",
    "date_start",
    "minutes",
    "date_fixed",
    "company_id",
    "project_id",
    "user_id",
    "department_id",
    "ticket_id",
    *STEP_FIELDS,
)
ACTIVE_STATES = ("running", "paused")


class PropertyDeadline(models.Model):
    """One timed obligation of a record: the one deadline engine of the
    service centre (D-7, domain_standards A5).

    Any model with something due (a ticket's commitment, arrival and
    closure, a complaint's reply, a recovery task, and next renovation
    rectifications, promises to pay, register replies, warranty defects)
    describes its obligations in ``_deadline_specs()`` and calls
    ``_deadline_sync(records)`` when they may have changed; the engine keeps
    one row per record, target and cycle (like ``mail.activity``: model
    name and id). The row holds the due time in the project's working
    calendar (or a fixed time), its pauses, and the minutes of its steps:
    a warning before, the breach at the deadline, then the escalation
    ladder to the supervisor, the project manager and head office. One cron
    pass over this one table fires each due step once per row (a row is
    one cycle: reopening a ticket starts new rows); the reaction to a fired
    step is a ``base.automation`` rule on ``property.deadline.escalation``
    and each breach is a ``property.deadline.breach`` for reporting."""

    _name = "property.deadline"
    _description = "Deadline"
    _order = "date_due, id"
    _rec_name = "name"

    name = fields.Char(string="Record", readonly=True, help="What is due.")
    res_model = fields.Char(string="Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True
    )
    target = fields.Selection(DEADLINE_TARGETS, required=True, readonly=True)
    cycle = fields.Integer(
        default=0,
        readonly=True,
        help="Handling cycle of the record: a reopened request starts a new "
        "cycle with new deadlines; the steps fire once per cycle.",
    )
    state = fields.Selection(
        DEADLINE_STATES, required=True, default="running", index=True, readonly=True
    )
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    project_id = fields.Many2one("property.project", index=True, readonly=True)
    ticket_id = fields.Many2one(
        "property.ticket", index=True, readonly=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    department_id = fields.Many2one("property.department", readonly=True)
    date_start = fields.Datetime(string="Clock Started", readonly=True)
    minutes = fields.Integer(
        string="Target (working minutes)",
        readonly=True,
        help="Working minutes from the start in the project's calendar.",
    )
    date_fixed = fields.Datetime(
        string="Agreed Time",
        readonly=True,
        help="A time agreed or set by rule; it replaces the target minutes.",
    )
    paused_minutes = fields.Integer(
        readonly=True, help="Working minutes the clock stood still."
    )
    date_paused = fields.Datetime(string="Paused Since", readonly=True)
    date_due = fields.Datetime(
        string="Due",
        compute="_compute_date_due",
        store=True,
        index=True,
        readonly=True,
    )
    date_met = fields.Datetime(string="Met On", readonly=True)
    warning_minutes = fields.Integer(
        string="Warning Before (minutes)",
        readonly=True,
        help="Minutes before the deadline the responsible is warned.",
    )
    supervisor_minutes = fields.Integer(
        string="Supervisor After (minutes)",
        readonly=True,
        help="Minutes after the deadline the supervisor is told.",
    )
    manager_minutes = fields.Integer(
        string="Project Manager After (minutes)",
        readonly=True,
        help="Minutes after the deadline the project manager is told.",
    )
    head_office_minutes = fields.Integer(
        string="Head Office After (minutes)",
        readonly=True,
        help="Minutes after the deadline head office is told.",
    )
    escalation_ids = fields.One2many(
        "property.deadline.escalation", "deadline_id", string="Steps Fired"
    )
    breach_ids = fields.One2many(
        "property.deadline.breach", "deadline_id", string="Breaches"
    )
    date_next_step = fields.Datetime(
        string="Next Step",
        compute="_compute_date_next_step",
        store=True,
        index=True,
        help="When the next warning or escalation of this deadline is due.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    _sql_constraints = [
        (
            "record_target_cycle_uniq",
            "unique(res_model, res_id, target, cycle)",
            "A record has one deadline per target and cycle.",
        )
    ]

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends(
        "date_start",
        "minutes",
        "date_fixed",
        "paused_minutes",
        "project_id.sla_calendar_id",
        "project_id.tz",
    )
    def _compute_date_due(self):
        """Due = the agreed time, else the start + the target and the paused
        minutes in the project's working time (24/7 without a calendar;
        holidays skipped and make-up days counted with one, D-7)."""
        for deadline in self:
            if deadline.date_fixed:
                deadline.date_due = deadline.date_fixed
            elif deadline.date_start and deadline.project_id:
                deadline.date_due = deadline.project_id.sudo()._sla_add_minutes(
                    deadline.date_start, deadline.minutes + deadline.paused_minutes
                )
            elif deadline.date_start:
                deadline.date_due = deadline.date_start + timedelta(
                    minutes=deadline.minutes + deadline.paused_minutes
                )
            else:
                deadline.date_due = False

    def _step_times(self):
        """[(step, time)] of this deadline: the warning before it, the
        breach at it, then the escalation ladder after it; a step with
        negative minutes is off for this obligation."""
        self.ensure_one()
        due = self.date_due
        if not due:
            return []
        times = [("breach", due)]
        if self.warning_minutes >= 0:
            times.insert(0, ("warning", due - timedelta(minutes=self.warning_minutes)))
        for step, minutes in (
            ("supervisor", self.supervisor_minutes),
            ("manager", self.manager_minutes),
            ("head_office", self.head_office_minutes),
        ):
            # a negative step is off: an obligation without that escalation
            if minutes >= 0:
                times.append((step, due + timedelta(minutes=minutes)))
        return times

    @api.depends(
        "state",
        "date_due",
        "warning_minutes",
        "supervisor_minutes",
        "manager_minutes",
        "head_office_minutes",
        "escalation_ids.step",
        "breach_ids",
    )
    def _compute_date_next_step(self):
        """The earliest step not fired yet, while the clock runs: what the
        cron pass searches on, so that it never reads the other rows."""
        for deadline in self:
            if deadline.state != "running":
                deadline.date_next_step = False
                continue
            fired = set(deadline.escalation_ids.mapped("step"))
            if deadline.breach_ids:
                fired.add("breach")
            pending = [at for step, at in deadline._step_times() if step not in fired]
            deadline.date_next_step = min(pending) if pending else False

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for deadline in self:
            deadline.is_overdue = bool(
                deadline.state in ACTIVE_STATES
                and deadline.date_due
                and deadline.date_due <= now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue deadlines."))
        domain = [
            ("state", "in", ACTIVE_STATES),
            ("date_due", "<=", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # SYNC: the owning models describe, the engine keeps the rows
    # ------------------------------------------------------------------
    @api.model
    def _deadline_sync(self, records, created=False):
        """Bring the deadlines of ``records`` in line with their
        ``_deadline_specs()``: create the missing rows, update the moved
        ones, mark the met ones and cancel the rows no longer specified
        (a target that no longer applies, an earlier cycle). A row keeps
        its pause state: pausing goes through ``_deadline_pause``. One
        search for the existing rows of all the records (none when they
        were just ``created``); then the cron is woken at the first future
        step."""
        if not records:
            return self.browse()
        Deadline = self.sudo()
        specs = records._deadline_specs()
        existing = (
            Deadline
            if created
            else Deadline.search(
                [("res_model", "=", records._name), ("res_id", "in", records.ids)]
            )
        )
        by_key = {(d.res_id, d.target, d.cycle): d for d in existing}
        now = fields.Datetime.now()
        to_create, seen = [], set()
        touched = Deadline.browse()
        for spec in specs:
            key = (spec["res_id"], spec["target"], spec.get("cycle", 0))
            seen.add(key)
            deadline = by_key.get(key)
            values = {f: spec[f] for f in SPEC_FIELDS if f in spec}
            state = spec.get("state", "running")
            if not deadline:
                if state != "running":
                    continue
                values.update(
                    res_model=records._name,
                    res_id=key[0],
                    target=key[1],
                    cycle=key[2],
                )
                if spec.get("paused"):
                    values.update(state="paused", date_paused=now)
                to_create.append(values)
                continue
            if deadline.state in ACTIVE_STATES and state != "running":
                values.update(deadline._deadline_stop_values(state, now))
                if state == "met":
                    values["date_met"] = spec.get("date_met") or now
            elif deadline.state not in ACTIVE_STATES and state == "running":
                # reopened within the cycle (a task taken up again): the
                # steps already fired stay fired
                values.update(state="running", date_met=False)
            changed = {
                f: v
                for f, v in values.items()
                if deadline._fields[f].convert_to_write(deadline[f], deadline) != v
            }
            if changed and (deadline.state in ACTIVE_STATES or "state" in changed):
                deadline.write(changed)
                touched |= deadline
        stale = existing.filtered(
            lambda d: (
                d.state in ACTIVE_STATES and (d.res_id, d.target, d.cycle) not in seen
            )
        )
        for deadline in stale:
            deadline.write(deadline._deadline_stop_values("cancelled", now))
        created = Deadline.create(to_create) if to_create else Deadline
        (touched | created)._deadline_wake()
        return touched | created

    def _deadline_stop_values(self, state, now):
        """Values that end a running or paused deadline (met or no longer
        due); a paused one keeps the minutes it stood still."""
        self.ensure_one()
        values = {"state": state}
        if self.state == "paused":
            values.update(
                paused_minutes=self.paused_minutes + self._paused_working_minutes(now),
                date_paused=False,
            )
        return values

    def _paused_working_minutes(self, now):
        self.ensure_one()
        if not self.date_paused:
            return 0
        if not self.project_id:
            return round((now - self.date_paused).total_seconds() / 60)
        return self.project_id.sudo()._sla_working_minutes(self.date_paused, now)

    # ------------------------------------------------------------------
    # PAUSES
    # ------------------------------------------------------------------
    @api.model
    def _deadline_pause(self, records, reason, targets=None):
        """Stop the clock of the running deadlines of ``records`` (of the
        given targets, all when None) and open one pause record per record
        with its reason."""
        if not reason:
            raise UserError(
                self.env._("The clock only stops with a reason why it must wait.")
            )
        domain = [
            ("res_model", "=", records._name),
            ("res_id", "in", records.ids),
            ("state", "=", "running"),
        ]
        if targets:
            domain.append(("target", "in", list(targets)))
        now = fields.Datetime.now()
        running = self.sudo().search(domain)
        running.write({"state": "paused", "date_paused": now})
        self.env["property.deadline.pause"].sudo().create(
            [
                {
                    "res_model": records._name,
                    "res_id": record.id,
                    "date_start": now,
                    "reason": reason,
                    "project_id": running.filtered(
                        lambda d, rid=record.id: d.res_id == rid
                    )[:1].project_id.id,
                    "ticket_id": record.id
                    if records._name == "property.ticket"
                    else False,
                }
                for record in records
            ]
        )
        return running

    @api.model
    def _deadline_resume(self, records):
        """Restart the clock of the paused deadlines of ``records``: each
        is pushed by the working minutes it stood still, and the open pause
        records are closed with those minutes."""
        now = fields.Datetime.now()
        paused = self.sudo().search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("state", "=", "paused"),
            ]
        )
        minutes_by_record = {}
        for deadline in paused:
            minutes = deadline._paused_working_minutes(now)
            minutes_by_record[deadline.res_id] = minutes
            deadline.write(
                {
                    "state": "running",
                    "date_paused": False,
                    "paused_minutes": deadline.paused_minutes + minutes,
                }
            )
        pauses = (
            self.env["property.deadline.pause"]
            .sudo()
            .search(
                [
                    ("res_model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("date_end", "=", False),
                ]
            )
        )
        for pause in pauses:
            minutes = minutes_by_record.get(pause.res_id)
            if minutes is None:
                minutes = pause._working_minutes(now)
            pause.write({"date_end": now, "paused_minutes": minutes})
        paused._deadline_wake()
        return paused

    # ------------------------------------------------------------------
    # THE PASS (cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_deadline_pass(self):
        """The one pass of every timed obligation: one search for the rows
        whose next step is due, one for the steps and one for the breaches
        they already have, the due steps computed in Python, one bulk create
        of breaches and one of fired steps (their ``base.automation`` rules
        react). The number of queries does not depend on how many deadlines
        are open, only on how many steps fire. Reruns fire nothing twice;
        then the cron is woken at the next step, to the minute."""
        now = fields.Datetime.now()
        Deadline = self.sudo().with_context(active_test=False)
        due = Deadline.search_fetch(
            [("state", "=", "running"), ("date_next_step", "<=", now)],
            ["date_due", *STEP_FIELDS],
        )
        if due:
            Escalation = self.env["property.deadline.escalation"].sudo()
            Breach = self.env["property.deadline.breach"].sudo()
            fired = {
                (e.deadline_id.id, e.step)
                for e in Escalation.search_fetch(
                    [("deadline_id", "in", due.ids)], ["deadline_id", "step"]
                )
            }
            breached = set(
                Breach.search_fetch(
                    [("deadline_id", "in", due.ids)], ["deadline_id"]
                ).deadline_id.ids
            )
            step_vals, breach_vals = [], []
            for deadline in due:
                for step, at in deadline._step_times():
                    if at > now:
                        continue
                    if step == "breach":
                        if deadline.id not in breached:
                            breach_vals.append(
                                {
                                    "deadline_id": deadline.id,
                                    "date_deadline": deadline.date_due,
                                    "date_breached": now,
                                }
                            )
                    elif (deadline.id, step) not in fired:
                        step_vals.append(
                            {
                                "deadline_id": deadline.id,
                                "step": step,
                                "date_deadline": deadline.date_due,
                                "date_due": at,
                                "date_fired": now,
                            }
                        )
            if breach_vals:
                Breach.create(breach_vals)
            if step_vals:
                Escalation.create(step_vals)
        upcoming = Deadline.search_fetch(
            [("state", "=", "running"), ("date_next_step", ">", now)],
            ["date_next_step"],
            order="date_next_step",
            limit=1,
        )
        upcoming._deadline_wake()

    def _deadline_wake(self):
        """Wake the pass at the first future step of these deadlines, so
        that a new or moved deadline is warned about to the minute."""
        now = fields.Datetime.now()
        steps = [d.date_next_step for d in self if d.date_next_step]
        upcoming = [at for at in steps if at > now]
        cron = self.env.ref(
            "property_cs.ir_cron_property_deadline", raise_if_not_found=False
        )
        if cron and (upcoming or any(at <= now for at in steps)):
            cron.sudo()._trigger(at=min(upcoming) if upcoming else now)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _deadline_record(self):
        """The record that owes this deadline (as the current user)."""
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def action_open_record(self):
        """Open the request, complaint or task this deadline belongs to."""
        self.ensure_one()
        record = self._deadline_record()
        record.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
