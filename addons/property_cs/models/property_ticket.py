# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from operator import itemgetter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .constants import GROUP_SUPERVISOR, HANDLED_STATES, OPEN_STATES
from .ticket_kinds import TICKET_KINDS

# the states in which the form shows what keeps a ticket from closing
CLOSABLE_STATES = ("in_progress", "paused", "done")


class PropertyTicket(models.Model):
    """Whatever reaches the service centre becomes a ticket (D-14) that lands
    on a named person (D-8) and is followed until closed (D-9, D-10).

    The ticket is one model split by capability into files that extend it
    with ``_inherit = "property.ticket"``: intake, dispatch, owner context,
    kind rules, incidents, service, satisfaction, SLA, billing, portal,
    callbacks, complaint (steps, reply deadline, public form), progress,
    deadline, token.

    The pipeline: this file holds the only ``create`` and ``write``; the
    parts never override them, they declare hooks that these run in
    sequence order (the sequence, not the inheritance, gives the order):

    - ``_ticket_create_hooks()`` -> ``[(sequence, "prepare" | "after",
      method)]``: "prepare" gets the list of values before the insert,
      "after" runs on the new tickets;
    - ``_ticket_write_hooks()`` -> ``[(sequence, field names, method)]``:
      called with the values before a write of one of the fields, returns
      ``None`` or a follow-up function run after the write;
    - ``_ticket_stage_hooks()`` -> ``[(sequence, event, state, method)]``
      with event "enter", "leave" or "reopen": run after a stage change on
      the tickets concerned, together with the write follow-ups;
    - ``_stage_blockers(state, vals)`` -> ``{ticket id: [reason]}``: every
      reason that keeps tickets from a stage; a stage change raises them
      all in one message, and ``closure_blocker_text`` shows the closing
      ones on the form (``_closure_blockers``).

    Each part extends these lists with ``super()``. For instance, a
    complaint's recovery done makes it done; entering done generates its
    callback (callbacks part); an unsatisfied callback reopens the ticket,
    and the reopen hooks cancel the open callbacks, restart the SLA clock
    and send the complaint back to a new recovery plan."""

    _name = "property.ticket"
    _description = "Service Ticket"
    _inherit = [
        "portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "rating.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["number", "name"]
    _check_company_auto = True
    _primary_email = "email_from"
    _mail_post_access = "read"  # requesters add messages from the portal

    # identification
    number = fields.Char(
        readonly=True, copy=False, index="trigram", default="/", tracking=True
    )
    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html()
    kind = fields.Selection(
        TICKET_KINDS,
        required=True,
        default="repair",
        tracking=True,
    )
    channel = fields.Selection(
        [
            ("walk_in", "Walk-In"),
            ("phone", "Phone"),
            ("portal", "Portal"),
            ("email", "Email"),
            ("messaging", "Messaging App"),
            ("hotline_12345", "Government Hotline"),
            ("internal", "Internal or Patrol"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    government_hotline_name = fields.Char(related="project_id.government_hotline_name")
    external_ref = fields.Char(
        string="External Reference", help="Case number of the government hotline."
    )
    date_external_deadline = fields.Datetime(
        string="External Deadline", help="Deadline set by the government hotline."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    # where and who
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_project_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    location_type = fields.Selection(
        [("unit", "Unit"), ("common", "Common Area")],
        required=True,
        default="unit",
        tracking=True,
    )
    building_id = fields.Many2one(
        "property.building",
        index=True,
        compute="_compute_building_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('project_id', '=', project_id)]",
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        tracking=True,
        domain="[('project_id', '=', project_id)]",
    )
    common_area = fields.Char(help="e.g. lobby of building 3, east gate.")
    partner_id = fields.Many2one(
        "res.partner",
        string="Requester",
        index=True,
        tracking=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
    )
    partner_phone = fields.Char(string="Caller Phone")
    email_from = fields.Char(string="Email")
    is_sender_unverified = fields.Boolean(
        string="Sender Unverified",
        help="Created from an email that is not yet confirmed as coming from "
        "the owner.",
    )
    # what
    category_id = fields.Many2one("property.ticket.category", tracking=True, index=True)
    severity_id = fields.Many2one(
        "property.ticket.severity",
        compute="_compute_severity_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    needs_confirmation = fields.Boolean(
        compute="_compute_needs_confirmation", store=True, readonly=False
    )
    # dispatch (D-8)
    department_id = fields.Many2one(
        "property.department",
        tracking=True,
        index=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Assigned To", tracking=True, index=True
    )
    date_assigned = fields.Datetime(readonly=True, copy=False)
    # workflow
    stage_id = fields.Many2one(
        "property.ticket.stage",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_read_group_stage_ids",
        default=lambda self: self._default_stage_id(),
        ondelete="restrict",
    )
    state = fields.Selection(related="stage_id.state", store=True, index=True)
    date_reported = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    date_done = fields.Datetime(readonly=True, copy=False)
    date_closed = fields.Datetime(readonly=True, copy=False)
    reopen_count = fields.Integer(readonly=True, copy=False)
    date_promised = fields.Datetime(
        string="Promised Time",
        tracking=True,
        help="When we told the owner the request would be solved.",
    )
    closure_blocker_text = fields.Text(
        string="Before Closing",
        compute="_compute_closure_blocker_text",
        help="What still keeps the ticket from being closed.",
    )
    color = fields.Integer()

    _sql_constraints = [
        (
            "number_project_uniq",
            "unique(number, project_id)",
            "The ticket number must be unique within its project.",
        )
    ]

    # ------------------------------------------------------------------
    # DEFAULTS AND COMPUTES
    # ------------------------------------------------------------------
    def _default_stage_id(self):
        return self.env["property.ticket.stage"].search(
            [("state", "=", "new")], limit=1
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order)

    @api.depends("unit_id", "building_id")
    def _compute_project_id(self):
        for ticket in self:
            ticket.project_id = (
                ticket.unit_id.project_id
                or ticket.building_id.project_id
                or ticket.project_id
            )

    @api.depends("unit_id")
    def _compute_building_id(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.building_id = ticket.unit_id.building_id
            elif not ticket.building_id:
                ticket.building_id = False

    @api.depends("unit_id")
    def _compute_partner_id(self):
        """The requester defaults to the unit's first current owner."""
        for ticket in self:
            if ticket.partner_id or not ticket.unit_id:
                ticket.partner_id = ticket.partner_id
            else:
                ticket.partner_id = ticket.unit_id.owner_ids[:1]

    @api.depends("category_id")
    def _compute_severity_id(self):
        general = self.env.ref(
            "property_cs.property_ticket_severity_general", raise_if_not_found=False
        )
        for ticket in self:
            ticket.severity_id = (
                ticket.category_id.severity_id or ticket.severity_id or general
            )

    @api.depends("category_id", "kind")
    def _compute_needs_confirmation(self):
        """Inquiries and praise close without the owner's confirmation."""
        for ticket in self:
            ticket.needs_confirmation = ticket.kind not in ("inquiry", "praise") and (
                ticket.category_id.needs_confirmation if ticket.category_id else True
            )

    @api.depends("category_id", "project_id")
    def _compute_department_id(self):
        """The category's department kind, preferring the project's own."""
        Department = self.env["property.department"]
        for ticket in self:
            kind = ticket.category_id.department_kind
            if not kind or (ticket.department_id and ticket.department_id.kind == kind):
                ticket.department_id = ticket.department_id
                continue
            ticket.department_id = Department.search(
                [
                    ("kind", "=", kind),
                    "|",
                    ("project_id", "=", ticket.project_id.id),
                    ("project_id", "=", False),
                ],
                order="project_id, sequence",
                limit=1,
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self:
            ticket.access_url = f"/my/tickets/{ticket.id}"
        return res

    @api.depends("number", "name")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = (
                f"{ticket.number} {ticket.name}"
                if ticket.number and ticket.number != "/"
                else ticket.name
            )

    # ------------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------------
    @api.constrains("location_type", "unit_id", "building_id", "project_id")
    def _check_location(self):
        for ticket in self:
            if (
                ticket.location_type == "unit"
                and not ticket.unit_id
                and not ticket.is_sender_unverified
            ):
                raise ValidationError(
                    self.env._(
                        "Ticket %(ticket)s is about a unit: choose the unit, or "
                        "mark it as a common-area request.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.unit_id and ticket.unit_id.project_id != ticket.project_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s does not belong to project %(project)s.",
                        unit=ticket.unit_id.complete_name,
                        project=ticket.project_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: THE PIPELINE
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        """The one create of a ticket: runs the "prepare" hooks of
        ``_ticket_create_hooks`` on the values, inserts, then runs its
        "after" hooks on the new tickets, in sequence order."""
        hooks = sorted(self._ticket_create_hooks(), key=itemgetter(0))
        for _seq, phase, method in hooks:
            if phase == "prepare":
                getattr(self, method)(vals_list)
        tickets = super().create(vals_list)
        for _seq, phase, method in hooks:
            if phase == "after":
                getattr(tickets, method)()
        return tickets

    def write(self, vals):
        """The one write of a ticket. A stage change is checked against
        ``_stage_blockers`` (all reasons in one message); the write hooks of
        the changed fields prepare (``_ticket_write_hooks``); after the
        write, the stage hooks of the tickets' transitions
        (``_ticket_stage_hooks``) and the write hooks' follow-ups run
        together in sequence order."""
        if "user_id" in vals:
            vals = dict(vals, date_assigned=fields.Datetime.now())
        stage = self.env["property.ticket.stage"]
        if "stage_id" in vals:
            stage = stage.browse(vals["stage_id"])
            vals = dict(vals)
            if stage.state == "done":
                vals.setdefault("date_done", fields.Datetime.now())
            elif stage.state == "closed":
                vals.setdefault("date_closed", fields.Datetime.now())
            self._raise_stage_blockers(stage.state, vals)
        old_states = {ticket.id: ticket.state for ticket in self} if stage else {}
        follow_ups = []
        for seq, field_names, method in self._ticket_write_hooks():
            if set(field_names) & set(vals):
                follow_up = getattr(self, method)(vals)
                if follow_up:
                    follow_ups.append((seq, follow_up))
        res = super().write(vals)
        if stage:
            follow_ups += self._stage_hook_calls(old_states, stage.state)
        for _seq, follow_up in sorted(follow_ups, key=itemgetter(0)):
            follow_up()
        return res

    def _ticket_create_hooks(self):
        """Create hooks: ``[(sequence, phase, method name)]``. A "prepare"
        hook is called on the empty model with the list of values before
        the insert and may change them in place; an "after" hook is called
        on the new tickets. Each part of the ticket extends the list with
        ``super()``; the sequence, not the inheritance, gives the order."""
        return [
            (10, "prepare", "_prepare_default_stage"),
            (20, "prepare", "_prepare_numbers"),
            (10, "after", "_assign_missing_numbers"),
        ]

    def _ticket_write_hooks(self):
        """Write hooks of field changes: ``[(sequence, field names, method
        name)]``. When the values written hold one of the fields, the
        method is called on the tickets with the values before the write
        (it may check and remember the old state) and returns ``None`` or a
        function to run after the write; these follow-ups run with the
        stage hooks, in sequence order."""
        return []

    def _ticket_stage_hooks(self):
        """Stage hooks: ``[(sequence, event, state or None, method name)]``,
        run after a write that changes the stage, on the tickets concerned,
        in sequence order:

        - ``"enter"``: the tickets that enter ``state`` (None: any stage);
        - ``"leave"``: the tickets that leave ``state``;
        - ``"reopen"``: done or closed tickets that go back to an open state
          (``state`` is the new state, None for any).
        """
        return []

    def _stage_hook_calls(self, old_states, new_state):
        """[(sequence, function)] of the stage hooks for the tickets that
        moved from ``old_states`` (``{ticket id: state}``) to ``new_state``."""
        calls = []
        for seq, event, state, method in self._ticket_stage_hooks():
            if event == "enter":
                tickets = self.filtered(
                    lambda t, state=state: (
                        (state is None or new_state == state)
                        and old_states[t.id] != new_state
                    )
                )
            elif event == "leave":
                tickets = self.filtered(
                    lambda t, state=state: (
                        old_states[t.id] == state and new_state != state
                    )
                )
            elif event == "reopen":
                tickets = self.filtered(
                    lambda t, state=state: (
                        old_states[t.id] in HANDLED_STATES
                        and new_state in OPEN_STATES
                        and (state is None or new_state == state)
                    )
                )
            else:
                raise ValueError(f"Unknown ticket stage event {event!r}")
            if tickets:
                calls.append((seq, getattr(tickets, method)))
        return calls

    @api.model
    def _prepare_default_stage(self, vals_list):
        """A request enters its first stage as a tracked change whatever its
        channel: portal, email alias and public-form requests get the
        received message too, not only those typed in the agents' form
        (which sends the default stage)."""
        stage = self._default_stage_id()
        if stage:
            for vals in vals_list:
                if not vals.get("stage_id"):
                    vals["stage_id"] = stage.id

    @api.model
    def _prepare_numbers(self, vals_list):
        for vals in vals_list:
            if vals.get("number", "/") == "/":
                project = self._project_from_values(vals)
                if project:
                    vals["number"] = project._take_ticket_number()

    def _assign_missing_numbers(self):
        for ticket in self.filtered(lambda t: t.number == "/"):
            ticket.number = ticket.project_id._take_ticket_number()

    @api.model
    def _project_from_values(self, vals):
        if vals.get("project_id"):
            return self.env["property.project"].browse(vals["project_id"])
        if vals.get("unit_id"):
            return self.env["property.unit"].browse(vals["unit_id"]).project_id
        if vals.get("building_id"):
            return self.env["property.building"].browse(vals["building_id"]).project_id
        return self.env["property.project"]

    # ------------------------------------------------------------------
    # CLOSURE GUARDS: ONE LIST OF REASONS
    # ------------------------------------------------------------------
    def _stage_blockers(self, state, vals=None):
        """Why these tickets cannot move to ``state`` now:
        ``{ticket id: [reason, ...]}``, tickets without reason left out.
        ``vals`` are the values written with the stage change. Each part of
        the ticket adds its reasons with ``super()`` (kind rules, callbacks,
        complaint steps, pause reason); the write raises them all in one
        message."""
        return {}

    def _closure_blockers(self, vals=None):
        """``{ticket id: [reason, ...]}``: why each ticket cannot close."""
        return self._stage_blockers("closed", vals)

    def _raise_stage_blockers(self, state, vals=None):
        """Raise one error that lists every reason of every ticket."""
        blockers = self._stage_blockers(state, vals)
        if not blockers:
            return
        lines = []
        for ticket in self.filtered(lambda t: t.id in blockers):
            reasons = "; ".join(blockers[ticket.id])
            if state == "closed":
                line = self.env._(
                    "Cannot close %(ticket)s: %(reasons)s.",
                    ticket=ticket.display_name,
                    reasons=reasons,
                )
            elif state == "done":
                line = self.env._(
                    "Cannot mark %(ticket)s as done: %(reasons)s.",
                    ticket=ticket.display_name,
                    reasons=reasons,
                )
            elif state == "paused":
                line = self.env._(
                    "Cannot pause %(ticket)s: %(reasons)s.",
                    ticket=ticket.display_name,
                    reasons=reasons,
                )
            else:
                line = self.env._(
                    "Cannot move %(ticket)s: %(reasons)s.",
                    ticket=ticket.display_name,
                    reasons=reasons,
                )
            lines.append(line)
        raise UserError("\n".join(lines))

    @api.depends_context("uid")
    def _compute_closure_blocker_text(self):
        """The reasons that keep each ticket from closing, on the form."""
        shown = self.filtered(lambda t: t.id and t.state in CLOSABLE_STATES)
        blockers = shown._closure_blockers() if shown else {}
        for ticket in self:
            reasons = blockers.get(ticket.id)
            ticket.closure_blocker_text = "\n".join(reasons) if reasons else False

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _stage_for(self, state):
        stage = self.env["property.ticket.stage"].search(
            [("state", "=", state)], limit=1
        )
        if not stage:
            raise UserError(
                self.env._("No stage is configured for the state %s.", state)
            )
        return stage

    def action_start(self):
        self._move_to("in_progress")

    def action_done(self):
        """Done tickets that need confirmation wait for the owner (D-10);
        the others close at once."""
        for ticket in self:
            complaint = ticket.kind == "complaint"  # closes after its callback
            ticket._move_to(
                "done" if ticket.needs_confirmation or complaint else "closed"
            )

    def action_close(self):
        """Close after the owner's confirmation. Common-area tickets have no
        owner: a supervisor closes them."""
        for ticket in self:
            if ticket.location_type == "common" and not self.env.user.has_group(
                GROUP_SUPERVISOR
            ):
                raise UserError(self.env._("A supervisor closes common-area tickets."))
        self._move_to("closed")

    def action_reopen(self):
        for ticket in self:
            if ticket.state not in ("done", "closed"):
                raise UserError(
                    self.env._("Only done or closed tickets can be reopened.")
                )
            ticket.reopen_count += 1
        self.write({"date_done": False, "date_closed": False})
        self._move_to("in_progress")

    def action_cancel(self):
        self._move_to("cancelled")

    def _move_to(self, state):
        if self:
            self.write({"stage_id": self._stage_for(state).id})
