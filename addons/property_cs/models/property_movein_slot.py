# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the handover states that take a place in a slot
SLOT_TAKING_STATES = ("booked", "in_progress", "done")


def format_hours(hours):
    """09:30 for 9.5."""
    minutes = round((hours or 0.0) * 60)
    hour, minute = divmod(minutes, 60)
    return f"{hour:02d}:{minute:02d}"


class PropertyMoveinSlot(models.Model):
    """An appointment slot of a move-in batch (D-19): a day, a time in the
    project's time zone, the staff member who holds the handovers and how
    many owners it takes. Owners book it in the portal or at the desk; a
    full slot takes nobody more."""

    _name = "property.movein.slot"
    _description = "Move-in Appointment Slot"
    _inherit = ["mail.thread"]
    _order = "date, time_start, user_id, id"
    _rec_names_search = ["date", "user_id"]

    batch_id = fields.Many2one(
        "property.movein.batch",
        string="Move-in Batch",
        required=True,
        index=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(related="batch_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="batch_id.company_id", store=True)
    active = fields.Boolean(default=True, tracking=True)
    date = fields.Date(required=True, tracking=True)
    time_start = fields.Float(
        string="From",
        required=True,
        tracking=True,
        help="In the project's time zone.",
    )
    time_end = fields.Float(
        string="To", required=True, tracking=True, help="In the project's time zone."
    )
    datetime_start = fields.Datetime(
        string="Starts", compute="_compute_datetimes", store=True, index=True
    )
    datetime_end = fields.Datetime(
        string="Ends", compute="_compute_datetimes", store=True
    )
    capacity = fields.Integer(
        default=1,
        required=True,
        tracking=True,
        help="How many owners are handed their unit in this slot.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Staff",
        required=True,
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        help="Who holds the handovers of this slot; the appointments are in "
        "their calendar.",
    )
    location = fields.Char(string="Place", tracking=True)
    handover_ids = fields.One2many(
        "property.handover", "slot_id", string="Appointments"
    )
    booked_count = fields.Integer(
        string="Booked", compute="_compute_booked", store=True
    )
    seats_left = fields.Integer(
        string="Places Left", compute="_compute_booked", store=True
    )
    is_full = fields.Boolean(string="Full", compute="_compute_booked", store=True)
    batch_state = fields.Selection(related="batch_id.state", string="Batch Status")

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("date", "time_start", "time_end", "user_id")
    def _compute_display_name(self):
        for slot in self:
            if not slot.date:
                slot.display_name = self.env._("New Slot")
                continue
            slot.display_name = (
                f"{slot._time_label()} {slot.user_id.name or ''}".strip()
            )

    @api.depends("date", "time_start", "time_end", "batch_id.project_id.tz")
    def _compute_datetimes(self):
        Batch = self.env["property.movein.batch"]
        for slot in self:
            if not slot.date:
                slot.datetime_start = slot.datetime_end = False
                continue
            project = slot.batch_id.project_id
            slot.datetime_start = Batch._local_to_utc(
                project, slot.date, slot.time_start
            )
            slot.datetime_end = Batch._local_to_utc(project, slot.date, slot.time_end)

    @api.depends("capacity", "handover_ids.state")
    def _compute_booked(self):
        for slot in self:
            booked = len(
                slot.handover_ids.filtered(lambda h: h.state in SLOT_TAKING_STATES)
            )
            slot.booked_count = booked
            slot.seats_left = max(slot.capacity - booked, 0)
            slot.is_full = booked >= slot.capacity

    @api.constrains("time_start", "time_end", "capacity")
    def _check_times(self):
        for slot in self:
            if not (0 <= slot.time_start < slot.time_end <= 24):
                raise ValidationError(
                    self.env._("A slot ends after it starts, within the day.")
                )
            if slot.capacity < 1:
                raise ValidationError(self.env._("A slot takes at least one owner."))
            if slot.capacity < slot.booked_count:
                raise ValidationError(
                    self.env._(
                        "%(slot)s has %(count)s appointments: its capacity "
                        "cannot be lower.",
                        slot=slot.display_name,
                        count=slot.booked_count,
                    )
                )

    @api.constrains("date", "time_start", "time_end", "user_id", "active")
    def _check_staff_overlap(self):
        """A staff member holds one slot at a time."""
        for slot in self.filtered("active"):
            overlap = self.search_count(
                [
                    ("id", "!=", slot.id),
                    ("user_id", "=", slot.user_id.id),
                    ("date", "=", slot.date),
                    ("time_start", "<", slot.time_end),
                    ("time_end", ">", slot.time_start),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(user)s already holds another slot at that time on %(date)s.",
                        user=slot.user_id.name,
                        date=slot.date,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        slots = super().create(vals_list)
        for slot in slots:
            if slot.batch_id.state == "closed":
                raise UserError(self.env._("A closed move-in batch takes no new slot."))
        return slots

    def write(self, vals):
        if vals.get("active") is False and any(s.booked_count for s in self):
            raise UserError(
                self.env._(
                    "A slot with appointments cannot be archived: move or "
                    "cancel its appointments first."
                )
            )
        if "batch_id" in vals and any(s.handover_ids for s in self):
            raise UserError(self.env._("A slot with appointments cannot change batch."))
        moved = self.env["property.movein.slot"]
        if {"date", "time_start", "time_end", "user_id", "location"} & set(vals):
            moved = self.filtered(
                lambda s: s.handover_ids.filtered(lambda h: h.state == "booked")
            )
        result = super().write(vals)
        for slot in moved:
            booked = slot.handover_ids.filtered(lambda h: h.state == "booked")
            booked._movein_sync_event()
            booked._movein_notify_owner("changed")
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_booked(self):
        if any(slot.handover_ids for slot in self):
            raise UserError(
                self.env._(
                    "A slot with appointments cannot be deleted: move or cancel "
                    "its appointments first."
                )
            )

    # ------------------------------------------------------------------
    # BOOKING
    # ------------------------------------------------------------------
    def _lock_for_booking(self):
        """Lock the slot's row until the end of the transaction so that two
        owners booking the last place at the same time cannot both get it."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM property_movein_slot WHERE id = %s FOR UPDATE",
            (self.id,),
        )
        self.invalidate_recordset(["booked_count", "seats_left", "is_full"])
        self.handover_ids.invalidate_recordset(["state", "slot_id"])
        self.invalidate_recordset(["handover_ids"])

    def _time_label(self):
        """The slot's day and time as the owner reads it (project's time)."""
        self.ensure_one()
        return (
            f"{self.date:%Y-%m-%d} "
            f"{format_hours(self.time_start)}-{format_hours(self.time_end)}"
        )
