# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_unit_partner import OWNER_ROLES

# the handover states in which a unit is still being handed over (a unit
# has at most one such handover)
HANDOVER_OPEN_STATES = ("draft", "notified", "booked", "in_progress")


class PropertyMoveinBatch(models.Model):
    """A move-in batch (集中入伙): the project opens handover for a set of
    units; their owners get the move-in notice with the documents to bring
    and the fees to settle, and book a slot (D-19).

    Opening the batch creates one handover per unit with its current owner;
    the notice is sent by mail and shown in the owner's portal; the
    appointment slots are generated from days, times, capacity and staff
    (``_generate_slots``). The booking itself is in
    property_handover_booking.py."""

    _name = "property.movein.batch"
    _description = "Move-in Batch"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_start desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        readonly=False,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    date_start = fields.Date(string="Handover From", tracking=True)
    date_end = fields.Date(string="Handover Until", tracking=True)
    unit_ids = fields.Many2many(
        "property.unit",
        "property_movein_batch_unit_rel",
        "batch_id",
        "unit_id",
        string="Units",
        domain="[('project_id', '=', project_id)]",
    )
    handover_ids = fields.One2many("property.handover", "batch_id", string="Handovers")
    slot_ids = fields.One2many("property.movein.slot", "batch_id", string="Slots")
    location = fields.Char(
        string="Handover Place",
        compute="_compute_from_project",
        store=True,
        readonly=False,
        tracking=True,
    )
    documents_to_bring = fields.Text(
        string="Documents to Bring",
        compute="_compute_from_project",
        store=True,
        readonly=False,
        help="One document per line; listed in the move-in notice.",
    )
    notice_text = fields.Text(
        string="Notice",
        help="The introduction of the move-in notice, e.g. the welcome and "
        "what happens on the day.",
    )
    fee_ids = fields.One2many(
        "property.movein.fee", "batch_id", string="Fees to Settle"
    )
    fee_note = fields.Text(
        string="About the Fees",
        help="How the fees are paid (counter, transfer, portal), shown under "
        "the fees in the notice.",
    )
    fee_total = fields.Monetary(
        string="Total Fees", compute="_compute_fee_total", currency_field="currency_id"
    )
    booking_cutoff_hours = fields.Integer(
        related="project_id.movein_booking_cutoff_hours",
        string="Booking Cut-off (Hours)",
    )
    # progress
    unit_count = fields.Integer(compute="_compute_counts")
    handover_count = fields.Integer(compute="_compute_counts")
    no_owner_count = fields.Integer(string="Without Owner", compute="_compute_counts")
    draft_count = fields.Integer(string="To Notify", compute="_compute_counts")
    notified_count = fields.Integer(string="Not Booked", compute="_compute_counts")
    booked_count = fields.Integer(string="Booked", compute="_compute_counts")
    done_count = fields.Integer(string="Handed Over", compute="_compute_counts")
    progress = fields.Float(string="Handed Over (%)", compute="_compute_counts")
    slot_count = fields.Integer(compute="_compute_counts")
    seats_total = fields.Integer(string="Places", compute="_compute_counts")
    seats_left = fields.Integer(string="Places Left", compute="_compute_counts")

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_start IS NULL OR date_end IS NULL OR date_start <= date_end)",
            "A move-in batch cannot end before it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("project_id")
    def _compute_from_project(self):
        for batch in self:
            if not batch.location:
                batch.location = batch.project_id.movein_location
            if not batch.documents_to_bring:
                batch.documents_to_bring = batch.project_id.movein_documents

    @api.depends("fee_ids.amount")
    def _compute_fee_total(self):
        for batch in self:
            batch.fee_total = sum(batch.fee_ids.mapped("amount"))

    @api.depends(
        "unit_ids", "handover_ids.state", "handover_ids.partner_id", "slot_ids"
    )
    def _compute_counts(self):
        for batch in self:
            handovers = batch.handover_ids.filtered(lambda h: h.state != "cancelled")
            states = handovers.mapped("state")
            batch.unit_count = len(batch.unit_ids)
            batch.handover_count = len(handovers)
            batch.no_owner_count = len(handovers.filtered(lambda h: not h.partner_id))
            batch.draft_count = states.count("draft")
            batch.notified_count = states.count("notified")
            batch.booked_count = states.count("booked") + states.count("in_progress")
            batch.done_count = states.count("done")
            batch.progress = (
                100.0 * batch.done_count / len(handovers) if handovers else 0.0
            )
            slots = batch.slot_ids.filtered("active")
            batch.slot_count = len(slots)
            batch.seats_total = sum(slots.mapped("capacity"))
            batch.seats_left = sum(slots.mapped("seats_left"))

    @api.constrains("unit_ids", "project_id")
    def _check_units(self):
        for batch in self:
            other = batch.unit_ids.filtered(
                lambda u, batch=batch: u.project_id != batch.project_id
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(units)s are not units of %(project)s.",
                        units=", ".join(other.mapped("complete_name")),
                        project=batch.project_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if "project_id" in vals and any(
            b.handover_ids and b.project_id.id != vals["project_id"] for b in self
        ):
            raise UserError(
                self.env._(
                    "The project of a move-in batch with handovers cannot change."
                )
            )
        removed = {}
        if "unit_ids" in vals:
            removed = {batch: batch.unit_ids for batch in self}
        result = super().write(vals)
        if "unit_ids" in vals:
            for batch in self.filtered(lambda b: b.state == "open"):
                batch._cancel_handovers(removed[batch] - batch.unit_ids)
                batch._create_handovers()
        return result

    # ------------------------------------------------------------------
    # HANDOVERS
    # ------------------------------------------------------------------
    @api.model
    def _unit_owner(self, unit):
        """The owner who receives ``unit``: its current owner (an owner
        before a co-owner, the largest share first), or nothing when no
        owner is registered yet."""
        links = (
            unit.sudo()
            .current_link_ids.filtered(lambda link: link.role in OWNER_ROLES)
            .sorted(
                lambda link: (
                    link.role != "owner",
                    -(link.share or 0.0),
                    link.date_start or fields.Date.today(),
                    link.id,
                )
            )
        )
        return links[:1].partner_id

    def _check_units_free(self, units):
        """A unit is handed over once: refuse units already handed over or
        with a handover under way in another batch."""
        self.ensure_one()
        delivered = units.filtered("date_handover")
        if delivered:
            raise UserError(
                self.env._(
                    "These units are already handed over: %(units)s.",
                    units=", ".join(delivered.mapped("complete_name")),
                )
            )
        busy = (
            self.env["property.handover"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", units.ids),
                    ("state", "in", HANDOVER_OPEN_STATES),
                    ("batch_id", "!=", self.id),
                ]
            )
        )
        if busy:
            raise UserError(
                self.env._(
                    "These units are already being handed over in another "
                    "batch: %(units)s.",
                    units=", ".join(busy.unit_id.mapped("complete_name")),
                )
            )

    def _create_handovers(self):
        """One handover per unit of the batch that has none yet, with the
        unit's current owner."""
        self.ensure_one()
        have = self.handover_ids.filtered(
            lambda h: h.state in HANDOVER_OPEN_STATES
        ).unit_id
        units = self.unit_ids - have
        if not units:
            return self.env["property.handover"]
        self._check_units_free(units)
        handovers = self.env["property.handover"].create(
            [
                {
                    "batch_id": self.id,
                    "unit_id": unit.id,
                    "partner_id": self._unit_owner(unit).id,
                }
                for unit in units
            ]
        )
        missing = handovers.filtered(lambda h: not h.partner_id)
        if missing:
            env = self._company_env()
            self._post_note(
                env._(
                    "No owner is registered for %(units)s: enter the owner on "
                    "their handover before sending the move-in notice.",
                    units=", ".join(missing.unit_id.mapped("complete_name")),
                )
            )
        return handovers

    def _cancel_handovers(self, units):
        """Units taken out of an open batch: their handovers not booked yet
        are cancelled; a booked one must be cancelled first."""
        self.ensure_one()
        handovers = self.handover_ids.filtered(
            lambda h: h.unit_id in units and h.state in HANDOVER_OPEN_STATES
        )
        booked = handovers.filtered(lambda h: h.state not in ("draft", "notified"))
        if booked:
            raise UserError(
                self.env._(
                    "%(units)s have an appointment or are being handed over: "
                    "cancel the appointment before taking the unit out of the "
                    "batch.",
                    units=", ".join(booked.unit_id.mapped("complete_name")),
                )
            )
        for handover in handovers:
            handover._workflow_write({"state": "cancelled"})

    def _post_note(self, body):
        """A note on the batch by the current user (staff without an email
        address too)."""
        self.ensure_one()
        self.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)

    def _company_env(self):
        """The environment in the company's language, for what the system
        writes on the batch."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for batch in self:
            if batch.state not in states:
                raise UserError(
                    self.env._(
                        "%(batch)s is %(state)s: this step is not possible now.",
                        batch=batch.name,
                        state=labels[batch.state],
                    )
                )

    def action_open(self):
        """Open the batch: one handover per unit with its current owner
        (D-19). The notice is sent with ``action_send_notice``."""
        self._check_state(("draft",))
        for batch in self:
            if not batch.unit_ids:
                raise UserError(
                    self.env._("Add the units of the batch before opening it.")
                )
            if not batch.date_start or not batch.date_end:
                raise UserError(
                    self.env._("Give the handover period before opening the batch.")
                )
            batch._workflow_write({"state": "open"})
            batch._create_handovers()
        return True

    def action_send_notice(self):
        """Send the move-in notice to every owner not told yet (mail and
        portal); handovers without an owner wait."""
        self._check_state(("open",))
        for batch in self:
            todo = batch.handover_ids.filtered(lambda h: h.state == "draft")
            ready = todo.filtered("partner_id")
            if not ready:
                raise UserError(
                    self.env._(
                        "Every owner of %(batch)s has the notice already, or no "
                        "owner is entered yet.",
                        batch=batch.name,
                    )
                )
            ready.action_send_notice()
            env = batch._company_env()
            body = env._("Move-in notice sent to %(count)s owners.", count=len(ready))
            if todo - ready:
                body += " " + env._(
                    "Still without an owner: %(units)s.",
                    units=", ".join((todo - ready).unit_id.mapped("complete_name")),
                )
            batch._post_note(body)
        return True

    def action_remind_not_booked(self):
        """Remind the owners who have the notice but no appointment yet
        (mail and portal, in their language)."""
        self._check_state(("open",))
        for batch in self:
            waiting = batch.handover_ids.filtered(lambda h: h.state == "notified")
            if not waiting:
                raise UserError(
                    self.env._(
                        "Every notified owner of %(batch)s has booked.",
                        batch=batch.name,
                    )
                )
            waiting._movein_check_desk_user()
            waiting._movein_notify_owner("reminder")
            env = batch._company_env()
            batch._post_note(
                env._("Reminder to book sent to %(count)s owners.", count=len(waiting))
            )
        return True

    def action_close(self):
        """Close the batch: no more online booking. Appointments still to
        come must be held or cancelled first; owners who did not come are
        handed over individually."""
        self._check_state(("open",))
        for batch in self:
            pending = batch.handover_ids.filtered(
                lambda h: h.state in ("booked", "in_progress")
            )
            if pending:
                raise UserError(
                    self.env._(
                        "%(count)s appointments of %(batch)s are still to be "
                        "held: hand the units over or cancel the appointments "
                        "first.",
                        count=len(pending),
                        batch=batch.name,
                    )
                )
            batch._workflow_write({"state": "closed"})
        return True

    def action_reopen(self):
        self._check_state(("closed",))
        self._workflow_write({"state": "open"})
        return True

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_handover_action"
        )
        action["domain"] = [("batch_id", "=", self.id)]
        action["context"] = {"default_batch_id": self.id}
        return action

    def action_view_slots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_movein_slot_action"
        )
        action["domain"] = [("batch_id", "=", self.id)]
        action["context"] = {
            "default_batch_id": self.id,
            "default_location": self.location,
            "search_default_upcoming": 1,
        }
        return action

    def action_generate_slots(self):
        """The slot generation helper (days x times x capacity x staff)."""
        self.ensure_one()
        self._check_state(("draft", "open"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate Appointment Slots"),
            "res_model": "property.movein.slot.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_batch_id": self.id},
        }

    # ------------------------------------------------------------------
    # SLOT GENERATION
    # ------------------------------------------------------------------
    @api.model
    def _slot_times(
        self, time_start, time_end, duration, break_start=0.0, break_end=0.0
    ):
        """The (start, end) hours of the slots of one day: ``duration``
        hours from ``time_start`` to ``time_end``, none overlapping the
        break."""
        if duration <= 0:
            raise UserError(self.env._("A slot lasts more than zero minutes."))
        if time_end <= time_start:
            raise UserError(
                self.env._("The day's last slot ends after the first starts.")
            )
        times = []
        start = time_start
        while start + duration <= time_end + 1e-6:
            end = start + duration
            if break_end > break_start and start < break_end and end > break_start:
                start = max(start, break_end)
                continue
            times.append((round(start, 4), round(end, 4)))
            start = end
        return times

    def _generate_slots(self, dates, times, capacity, users, location=None):
        """Create the batch's slots: one per day of ``dates``, time of
        ``times`` ((start, end) hours in the project's time zone) and staff
        member of ``users``, each for ``capacity`` owners. Slots that exist
        already (same day, start and staff) are skipped.

        :return: the new slots
        """
        self.ensure_one()
        self._check_state(("draft", "open"))
        if capacity < 1:
            raise UserError(self.env._("A slot takes at least one owner."))
        if not users:
            raise UserError(self.env._("Choose the staff who hold the appointments."))
        if not dates or not times:
            raise UserError(self.env._("No slot fits the days and times given."))
        existing = {
            (slot.date, round(slot.time_start, 4), slot.user_id.id)
            for slot in self.with_context(active_test=False).slot_ids
        }
        vals_list = []
        for day in sorted(set(dates)):
            for start, end in times:
                for user in users:
                    if (day, round(start, 4), user.id) in existing:
                        continue
                    vals_list.append(
                        {
                            "batch_id": self.id,
                            "date": day,
                            "time_start": start,
                            "time_end": end,
                            "capacity": capacity,
                            "user_id": user.id,
                            "location": location or self.location,
                        }
                    )
        return self.env["property.movein.slot"].create(vals_list)

    @api.model
    def _local_to_utc(self, project, day, hours):
        """The UTC datetime (naive, as stored) of ``hours`` on ``day`` in the
        project's time zone."""
        minutes = round(hours * 60)
        local = datetime.combine(day, time(0, 0)) + timedelta(minutes=minutes)
        tz = pytz.timezone(project.tz or "UTC")
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for batch, vals in zip(self, vals_list, strict=True):
            vals["name"] = self.env._("%(name)s (copy)", name=batch.name)
            vals["fee_ids"] = [
                Command.create({"name": f.name, "amount": f.amount, "note": f.note})
                for f in batch.fee_ids
            ]
        return vals_list
