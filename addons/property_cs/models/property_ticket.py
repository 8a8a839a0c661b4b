# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from operator import itemgetter

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize, format_datetime

from .constants import GROUP_SUPERVISOR, HANDLED_STATES, OPEN_STATES
from .res_company import SATISFACTION_CHANNELS
from .ticket_kinds import TICKET_KINDS

# the states in which the form shows what keeps a ticket from closing
CLOSABLE_STATES = ("in_progress", "paused", "done")


class PropertyTicket(models.Model):
    """Whatever reaches the service centre becomes a ticket (D-14) that lands
    on a named person (D-8) and is followed until closed (D-9, D-10)."""

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
    is_promise_missed = fields.Boolean(
        compute="_compute_is_promise_missed", search="_search_is_promise_missed"
    )
    promise_ids = fields.One2many(
        "property.ticket.promise", "ticket_id", string="Broken Promises"
    )
    satisfaction_contact = fields.Selection(
        SATISFACTION_CHANNELS,
        readonly=True,
        copy=False,
        help="The one satisfaction contact made for this ticket.",
    )
    is_auto_confirmed = fields.Boolean(
        string="Confirmed Automatically", readonly=True, copy=False
    )
    # duplicates and mass incidents
    parent_id = fields.Many2one(
        "property.ticket",
        string="Main Ticket",
        index=True,
        help="The ticket that handles the same incident once.",
    )
    child_ids = fields.One2many("property.ticket", "parent_id", string="Linked Reports")
    child_count = fields.Integer(compute="_compute_child_count")
    # suggestions: a rejection needs a reasoned reply (domain_standards A7)
    suggestion_decision = fields.Selection(
        [("accepted", "Accepted"), ("rejected", "Rejected")], tracking=True
    )
    owner_reply = fields.Text(
        string="Reasoned Reply",
        tracking=True,
        help="The explanation given to the owner, with the reason.",
    )
    date_reply_due = fields.Datetime(
        string="Reply Due",
        compute="_compute_date_reply_due",
        store=True,
    )
    # safety incidents
    date_authority_reported = fields.Datetime(
        string="Reported to Authorities",
        tracking=True,
        help="When the incident was reported to the police, fire brigade or "
        "other authority; required to close a safety incident.",
    )
    closure_blocker_text = fields.Text(
        string="Before Closing",
        compute="_compute_closure_blocker_text",
        help="What still keeps the ticket from being closed.",
    )
    opportunity_id = fields.Many2one("crm.lead", readonly=True, copy=False)
    # the owner's context beside the form (D-4, D-5): staff only
    partner_handling_tip = fields.Text(
        related="partner_id.handling_tip",
        string="Handling Tip",
        groups="base.group_user",
    )
    partner_is_key_customer = fields.Boolean(
        related="partner_id.is_key_customer", groups="base.group_user"
    )
    partner_key_customer_reasons = fields.Text(
        related="partner_id.key_customer_reasons",
        string="Key-Customer Reasons",
        groups="base.group_user",
    )
    unit_open_ticket_ids = fields.Many2many(
        "property.ticket",
        string="Open Tickets of the Unit",
        compute="_compute_unit_open_ticket_ids",
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

    @api.depends("unit_id")
    def _compute_unit_open_ticket_ids(self):
        tickets = self.search(
            [("unit_id", "in", self.unit_id.ids), ("state", "in", OPEN_STATES)]
        )
        for ticket in self:
            ticket.unit_open_ticket_ids = tickets.filtered(
                lambda t, ticket=ticket: (
                    t.unit_id == ticket.unit_id and t.id != ticket.id
                )
            )

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        """Phone intake: the caller's number finds owner and unit at once."""
        if self.partner_phone and not self.partner_id:
            partner, unit = self._find_caller(self.partner_phone)
            if partner:
                self.partner_id = partner
            if unit and not self.unit_id:
                self.unit_id = unit

    @api.model
    def _find_caller(self, phone):
        """Return the contact whose phone or mobile matches the caller's
        number (digits compared, at least 7) and their current unit."""
        digits = "".join(ch for ch in phone or "" if ch.isdigit())
        if len(digits) < 7:
            return self.env["res.partner"], self.env["property.unit"]
        tail = digits[-8:]
        candidates = self.env["res.partner"].search(
            [
                "|",
                ("phone_sanitized", "like", f"%{tail}"),
                ("mobile", "like", f"%{tail[-4:]}"),
            ],
            limit=20,
        )
        partner = candidates.filtered(
            lambda p: any(
                "".join(ch for ch in number or "" if ch.isdigit()).endswith(tail)
                for number in (p.phone, p.mobile)
            )
        )[:1]
        links = partner.unit_link_ids.filtered("is_current")
        return partner, links.unit_id[:1]

    @api.depends("kind", "date_reported", "company_id.property_suggestion_reply_days")
    def _compute_date_reply_due(self):
        for ticket in self:
            days = ticket.company_id.property_suggestion_reply_days
            ticket.date_reply_due = (
                ticket.date_reported + timedelta(days=days)
                if ticket.kind == "suggestion" and ticket.date_reported and days
                else False
            )

    @api.depends("date_promised", "state")
    def _compute_is_promise_missed(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.is_promise_missed = bool(
                ticket.date_promised
                and ticket.date_promised < now
                and ticket.state in OPEN_STATES
            )

    def _search_is_promise_missed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on missed promises."))
        domain = [
            ("date_promised", "<", fields.Datetime.now()),
            ("state", "in", OPEN_STATES),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _compute_child_count(self):
        data = dict(
            self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.child_count = data.get(ticket, 0)

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

    @api.constrains("user_id", "department_id")
    def _check_user_in_department(self):
        """Responsibility lands on a named member of the department (D-8). A
        complaint's handler is a customer-service agent; its departments work
        recovery tasks (D-16)."""
        for ticket in self:
            if (
                ticket.kind != "complaint"
                and ticket.user_id
                and ticket.department_id
                and ticket.user_id not in ticket.department_id._get_dispatchable_users()
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(department)s.",
                        user=ticket.user_id.name,
                        department=ticket.department_id.display_name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A ticket cannot be linked to itself."))

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
        return [
            (90, "enter", "done", "_propagate_to_children"),
            (90, "enter", "closed", "_propagate_to_children"),
        ]

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
        the ticket adds its reasons with ``super()``: a safety incident
        needs the time it was reported to the authorities (A9); a rejected
        suggestion needs a reasoned reply (A7)."""
        vals = vals or {}
        blockers = {}
        for ticket in self:
            reasons = []
            if (
                state == "closed"
                and ticket.kind == "safety"
                and not vals.get(
                    "date_authority_reported", ticket.date_authority_reported
                )
            ):
                reasons.append(
                    self.env._(
                        "the time the safety incident was reported to the "
                        "authorities is not recorded"
                    )
                )
            if (
                state in HANDLED_STATES
                and ticket.kind == "suggestion"
                and vals.get("suggestion_decision", ticket.suggestion_decision)
                == "rejected"
                and not vals.get("owner_reply", ticket.owner_reply)
            ):
                reasons.append(
                    self.env._("the rejected suggestion has no reasoned reply")
                )
            if reasons:
                blockers[ticket.id] = reasons
        return blockers

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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._(
                "Every contact stays on record: cancel the ticket instead "
                "of deleting it."
            )
        )

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

    def action_open_assign(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "property.ticket.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_assign(self, department, user, reason=False):
        """Dispatch to a department and a named person (D-8). A change of
        person or department after the first dispatch needs a reason."""
        for ticket in self:
            if ticket.user_id and not reason:
                raise UserError(
                    self.env._(
                        "Give a reason to transfer %(ticket)s from %(user)s.",
                        ticket=ticket.display_name,
                        user=ticket.user_id.name,
                    )
                )
            previous = ticket.user_id
            vals = {"department_id": department.id, "user_id": user.id}
            if ticket.state == "new":
                vals["stage_id"] = ticket._stage_for("dispatched").id
            ticket.write(vals)
            if previous and reason:
                ticket.message_post(
                    body=self.env._(
                        "Transferred from %(old)s to %(new)s: %(reason)s",
                        old=previous.name,
                        new=user.name,
                        reason=reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

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

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    def action_open_reply(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reply to Owner"),
            "res_model": "property.ticket.reply",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _reply_to_owner(self, body, overridden_phrases=None):
        """Send a reply to the requester. Phrases of the D-15 rules that the
        agent chose to keep are logged as an internal note."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(self.env._("This ticket has no requester to reply to."))
        message = self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )
        if overridden_phrases:
            self.message_post(
                body=self.env._(
                    "Reply sent despite the standard-language rules: %(phrases)s",
                    phrases=", ".join(overridden_phrases.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return message

    def action_confirm_sender(self):
        """An agent confirms that an emailed request comes from the owner."""
        for ticket in self:
            if not ticket.partner_id:
                raise UserError(
                    self.env._(
                        "Choose the owner who sent %(ticket)s first.",
                        ticket=ticket.display_name,
                    )
                )
        self.is_sender_unverified = False
        self.message_post(
            body=self.env._("Sender confirmed by %(user)s.", user=self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )

    def _portal_confirm_sender(self, partner):
        """The owner's portal login confirms an emailed request of theirs."""
        mine = self.filtered(
            lambda t: t.is_sender_unverified and t.partner_id == partner
        )
        if mine:
            mine.sudo().is_sender_unverified = False

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Email intake (D-14): the ticket stays "sender unverified" until an
        agent or the owner's portal login confirms it; a known sender's
        current unit in the project is proposed."""
        values = dict(custom_values or {})
        values.update(
            {
                "channel": "email",
                "is_sender_unverified": True,
                "name": msg_dict.get("subject") or self.env._("(no subject)"),
            }
        )
        email = email_normalize(msg_dict.get("email_from") or "")
        partner = (
            self.env["res.partner"].search([("email_normalized", "=", email)], limit=1)
            if email
            else self.env["res.partner"]
        )
        if partner:
            values["partner_id"] = partner.id
            links = partner.unit_link_ids.filtered(
                lambda link: (
                    link.is_current and link.project_id.id == values.get("project_id")
                )
            )
            if links:
                values["unit_id"] = links[0].unit_id.id
        return super().message_new(msg_dict, custom_values=values)

    def action_open_broken_promise(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Broken Promise"),
            "res_model": "property.ticket.promise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _record_broken_promise(self, apology, reason, remedy, date_new):
        """When a promise cannot be kept: apologise at once, explain why and
        propose a remedy with a new time, and tell the owner (D-10)."""
        self.ensure_one()
        if date_new <= fields.Datetime.now():
            raise UserError(self.env._("The new promised time must be in the future."))
        self.env["property.ticket.promise"].create(
            {
                "ticket_id": self.id,
                "date_previous": self.date_promised,
                "date_new": date_new,
                "apology": apology,
                "reason": reason,
                "remedy": remedy,
            }
        )
        self.with_context(property_promise_broken=True).date_promised = date_new
        tz = self.partner_id.tz or self.project_id.tz or "Asia/Shanghai"
        owner_env = self._owner_env()  # the owner reads it in their language
        new_time = format_datetime(owner_env, date_new, tz=tz, dt_format="short")
        body = Markup("<p>%s</p><p>%s</p><p>%s</p><p>%s</p>") % (
            apology,
            owner_env._("Why: %(reason)s", reason=reason),
            owner_env._("What we do now: %(remedy)s", remedy=remedy),
            owner_env._("New promised time: %(time)s", time=new_time),
        )
        return self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    def action_create_opportunity(self):
        """Turn a value-added request (parking purchase, renting out, home
        services) into a CRM opportunity for the owner and unit."""
        self.ensure_one()
        if not self.opportunity_id:
            self.opportunity_id = (
                self.env["crm.lead"].sudo().create(self._prepare_opportunity_values())
            )
            self.message_post(
                body=self.env._(
                    "Opportunity %(lead)s created.", lead=self.opportunity_id.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.opportunity_id.id,
            "view_mode": "form",
        }

    def _prepare_opportunity_values(self):
        self.ensure_one()
        return {
            "type": "opportunity",
            "name": self.name,
            "partner_id": self.partner_id.id,
            "property_unit_id": self.unit_id.id,
            "property_ticket_id": self.id,
            "team_id": self.project_id.crm_team_id.id or False,
            "user_id": self.project_id.crm_team_id.user_id.id or self.env.user.id,
            "company_id": self.company_id.id,
            "description": self.description,
        }

    def _propagate_to_children(self):
        """Closing the main ticket of a mass incident informs every linked
        report and closes it the same way; a linked complaint is informed but
        follows its own steps to its callback and summary (D-16)."""
        for ticket in self.filtered(lambda t: t.state in ("done", "closed")):
            children = ticket.child_ids.filtered(lambda c: c.state in OPEN_STATES)
            if not children:
                continue
            children.filtered(lambda c: c.kind != "complaint").write(
                {"stage_id": ticket.stage_id.id}
            )
            for child in children:
                child.message_post(
                    body=self.env._(
                        "Handled with %(ticket)s.", ticket=ticket.display_name
                    ),
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=child.partner_id.ids,
                )

    def _claim_satisfaction_contact(self, kind):
        """At most one satisfaction contact per ticket, across rating,
        callback and pulse survey; the company setting says which one takes
        precedence. Return True when ``kind`` may contact the owner now (and
        record it), False otherwise."""
        self.ensure_one()
        if self.satisfaction_contact or not self.partner_id:
            return False
        if self.company_id.property_satisfaction_channel != kind:
            return False
        self.sudo().satisfaction_contact = kind
        return True

    def _track_template(self, changes):
        """Tell the owner when the ticket enters a stage with a template; the
        closing mail carries the rating links, so it is sent only when the
        rating is this ticket's satisfaction contact."""
        res = super()._track_template(changes)
        ticket = self[0]
        closing_mail = ticket.stage_id.mail_template_id == self.env.ref(
            "property_cs.mail_template_ticket_closed", raise_if_not_found=False
        )
        if (
            "stage_id" in changes
            and ticket.stage_id.mail_template_id
            and ticket.partner_id
            # a new complaint is acknowledged by its own mail
            and not (ticket.kind == "complaint" and ticket.state == "new")
            and (not closing_mail or ticket._claim_satisfaction_contact("rating"))
        ):
            res["stage_id"] = (
                ticket.stage_id.mail_template_id,
                {
                    "auto_delete_keep_log": False,
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id(
                        "mail.mt_note"
                    ),
                    "email_layout_xmlid": "mail.mail_notification_light",
                },
            )
        return res

    @api.model
    def _cron_auto_confirm(self):
        """Done tickets the owner did not answer are confirmed after the
        company's delay (default 3 days), and recorded as such (D-10)."""
        now = fields.Datetime.now()
        closed_stage = self._stage_for("closed")
        for company in self.env["res.company"].search([]):
            days = company.property_auto_confirm_days
            if not days:
                continue
            tickets = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date_done", "<=", now - timedelta(days=days)),
                    *self._callback_auto_confirm_domain(),
                    ("complaint_step", "in", (False, "summarized")),
                ]
            )
            if not tickets:
                continue
            tickets.write({"stage_id": closed_stage.id, "is_auto_confirmed": True})
            for ticket in tickets:
                ticket.message_post(
                    body=self.env._(
                        "Confirmed automatically: the owner did not answer within "
                        "%(days)s days.",
                        days=days,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _rating_get_partner(self):
        return self.partner_id or super()._rating_get_partner()
