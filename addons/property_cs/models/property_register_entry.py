# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

REGISTER_DIRECTIONS = [("in", "Incoming"), ("out", "Outgoing")]
REGISTER_COUNTERPARTS = [
    ("committee", "Owners' Committee"),
    ("developer", "Developer"),
    ("government", "Government Office"),
    ("residents_committee", "Residents' Committee"),
    ("owner", "Owner"),
    ("other", "Other"),
]
REGISTER_CHANNELS = [
    ("hand", "By Hand"),
    ("post", "Post"),
    ("email", "Email"),
    ("other", "Other"),
]
REGISTER_STATES = [
    ("draft", "Draft"),
    ("open", "Registered"),
    ("replied", "Replied"),
    ("filed", "Filed"),
    ("cancelled", "Cancelled"),
]
# the states a committee member may read in the portal
REGISTER_PORTAL_STATES = ("open", "replied", "filed")
AGENT_GROUP = "property_cs.group_property_cs_agent"
DEPARTMENT_GROUP = "property_cs.group_property_cs_department"


class PropertyRegisterEntry(models.Model):
    """The document register (文件收发, D-23): every letter received from or
    sent to the owners' committee, the developer, a government office, the
    residents' committee or an owner, in writing and filed.

    An entry is registered with its written document attached; a letter
    that needs a reply owes it by its reply date, an obligation on the
    deadline engine (target "register": the person in charge is warned the
    project's days before; the missed reply is the breach, escalated to the
    project manager by an editable base.automation rule). Registering the
    outgoing reply marks the letter replied; an entry is filed with where
    its paper is kept. Entries addressed to the committee are read by its
    current members in the portal (/my/letters)."""

    _name = "property.register.entry"
    _description = "Register Entry"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    direction = fields.Selection(
        REGISTER_DIRECTIONS, required=True, default="in", tracking=True
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    counterpart_type = fields.Selection(
        REGISTER_COUNTERPARTS,
        string="Counterpart",
        required=True,
        default="committee",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Sender or Addressee",
        tracking=True,
        help="The person or organisation the letter comes from or goes to.",
    )
    committee_id = fields.Many2one(
        "property.committee",
        string="Owners' Committee",
        domain="[('project_id', '=', project_id)]",
        compute="_compute_committee_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    addressed_to_committee = fields.Boolean(
        string="Shared with the Committee",
        compute="_compute_addressed_to_committee",
        store=True,
        readonly=False,
        precompute=True,
        help="The committee's current members read this entry in the portal.",
    )
    subject = fields.Char(required=True, tracking=True)
    summary = fields.Text(string="Content Summary")
    date = fields.Date(
        string="Received or Sent On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    channel = fields.Selection(REGISTER_CHANNELS, default="hand")
    external_ref = fields.Char(
        string="Their Reference", help="The sender's or addressee's file number."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_register_entry_attachment_rel",
        "entry_id",
        "attachment_id",
        string="Documents",
    )
    user_id = fields.Many2one(
        "res.users",
        string="In Charge",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    reply_required = fields.Boolean(
        string="Reply Needed",
        tracking=True,
        help="Incoming: we owe a reply. Outgoing: we expect one and follow it up.",
    )
    date_reply_due = fields.Date(
        string="Reply By",
        compute="_compute_date_reply_due",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    date_replied = fields.Date(string="Replied On", readonly=True, copy=False)
    reply_to_id = fields.Many2one(
        "property.register.entry",
        string="In Reply To",
        domain="[('project_id', '=', project_id), ('id', '!=', id)]",
        index=True,
        copy=False,
    )
    reply_ids = fields.One2many(
        "property.register.entry", "reply_to_id", string="Replies"
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Request",
        domain="[('project_id', '=', project_id), ('kind', '!=', 'complaint')]",
        index=True,
    )
    complaint_id = fields.Many2one(
        "property.ticket",
        domain="[('project_id', '=', project_id), ('kind', '=', 'complaint')]",
        index=True,
        groups="property_cs.group_property_cs_agent,"
        "property_cs.group_property_cs_head_office",
    )
    file_location = fields.Char(
        string="Filed In", copy=False, help="Binder or archive number of the paper."
    )
    date_filed = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        REGISTER_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    is_overdue = fields.Boolean(
        string="Reply Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("project_id", "counterpart_type", "date")
    def _compute_committee_id(self):
        for entry in self:
            committee = entry.sudo().committee_id
            if committee and committee.project_id == entry.project_id:
                continue
            entry.committee_id = (
                self.env["property.committee"]
                .sudo()
                ._current_for_project(entry.project_id, entry.date)
                if entry.project_id
                else False
            )

    @api.depends("counterpart_type")
    def _compute_addressed_to_committee(self):
        for entry in self:
            entry.addressed_to_committee = entry.counterpart_type == "committee"

    @api.depends("reply_required", "date", "project_id", "direction")
    def _compute_date_reply_due(self):
        for entry in self:
            if not entry.reply_required:
                entry.date_reply_due = False
            elif not entry.date_reply_due and entry.date:
                days = entry.project_id.register_reply_days or 15
                entry.date_reply_due = entry.date + timedelta(days=days)

    def _reply_due_at(self):
        """The end of the reply day in the project's time zone (UTC)."""
        self.ensure_one()
        if not self.date_reply_due:
            return False
        tz = pytz.timezone(self.project_id.tz or "Asia/Shanghai")
        local = tz.localize(datetime.combine(self.date_reply_due, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _is_awaiting_reply(self):
        self.ensure_one()
        return self.state == "open" and self.reply_required

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for entry in self:
            due = entry._reply_due_at()
            entry.is_overdue = bool(entry._is_awaiting_reply() and due and due <= now)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue replies."))
        overdue = (
            self.env["property.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("target", "=", "register"),
                    ("state", "=", "running"),
                    ("date_due", "<=", fields.Datetime.now()),
                ]
            )
        )
        ids = overdue.mapped("res_id")
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = " · ".join(
                part for part in (entry.name, entry.subject) if part and part != "/"
            )

    @api.constrains("date", "date_reply_due")
    def _check_dates(self):
        for entry in self:
            if entry.date_reply_due and entry.date_reply_due < entry.date:
                raise ValidationError(
                    self.env._("The reply date cannot be before the letter's date.")
                )

    @api.constrains("project_id", "committee_id", "ticket_id", "complaint_id")
    def _check_links(self):
        for entry in self.sudo():
            others = (
                entry.committee_id.project_id
                | entry.ticket_id.project_id
                | entry.complaint_id.project_id
                | entry.reply_to_id.project_id
            )
            if others - entry.project_id:
                raise ValidationError(
                    self.env._(
                        "The committee, request, complaint and letter replied to "
                        "must be of the entry's project."
                    )
                )
            if entry.ticket_id.kind == "complaint" or (
                entry.complaint_id and entry.complaint_id.kind != "complaint"
            ):
                raise ValidationError(
                    self.env._(
                        "Link a complaint as the complaint, a request as the request."
                    )
                )
            if entry.addressed_to_committee and not entry.committee_id:
                raise ValidationError(
                    self.env._("Choose the owners' committee the entry is shared with.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        entries._claim_documents()
        self.env["property.deadline"]._deadline_sync(entries, created=True)
        return entries

    def write(self, vals):
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._claim_documents()
        if {"state", "date_reply_due", "reply_required", "user_id"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return res

    def _claim_documents(self):
        for entry in self:
            entry.attachment_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": entry.id}
            )

    def _company_env(self):
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    # ------------------------------------------------------------------
    # THE DEADLINE ENGINE
    # ------------------------------------------------------------------
    def _deadline_specs(self):
        """A registered letter that needs a reply owes it by the end of its
        reply day (project time zone): the person in charge is warned the
        project's days before, the breach at the end of the day (its rule
        escalates); met when the reply is registered or the entry filed."""
        specs = []
        for entry in self.sudo():
            if not entry.reply_required or not entry.date_reply_due:
                continue
            if entry.state in ("draft", "cancelled"):
                continue
            due = entry._reply_due_at()
            start = min(
                datetime.combine(entry.date, time(0, 0)), due - timedelta(minutes=1)
            )
            span = int((due - start).total_seconds() // 60)
            warning = max(entry.project_id.register_reply_warning_days, 0) * 24 * 60
            specs.append(
                {
                    "res_id": entry.id,
                    "target": "register",
                    "name": entry.display_name,
                    "company_id": entry.company_id.id,
                    "project_id": entry.project_id.id,
                    "user_id": entry.user_id.id,
                    "date_start": start,
                    "date_fixed": due,
                    "state": "running" if entry.state == "open" else "met",
                    "warning_minutes": min(warning, span // 2),
                    "supervisor_minutes": -1,
                    "manager_minutes": -1,
                    "head_office_minutes": -1,
                }
            )
        return specs

    def _register_reply_overdue(self):
        """A reply is overdue (the breach, reaction of a base.automation
        rule): a note on the entry and a to-do for the project manager and
        the person in charge, in their language."""
        for entry in self.sudo().filtered(lambda e: e._is_awaiting_reply()):
            env = entry._company_env()
            entry.message_post(
                body=env._(
                    "The reply to this letter was due on %(date)s and is overdue.",
                    date=fields.Date.to_string(entry.date_reply_due),
                ),
                subtype_xmlid="mail.mt_note",
            )
            users = entry.project_id._fundreg_responsible() | entry.user_id
            for user in users.filtered("active"):
                user_env = entry.with_context(
                    lang=user.lang or entry.company_id._property_lang()
                ).env
                entry.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=user_env._(
                        "Overdue reply: %(entry)s", entry=entry.display_name
                    ),
                    user_id=user.id,
                )
        return True

    # ------------------------------------------------------------------
    # WHO MAY ACT
    # ------------------------------------------------------------------
    def _check_staff(self):
        if not self.env.su and not (
            self.env.user.has_group(AGENT_GROUP)
            or self.env.user.has_group(DEPARTMENT_GROUP)
        ):
            raise AccessError(
                self.env._("Only staff of the project can keep the register.")
            )
        self.check_access("write")

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for entry in self:
            if entry.state not in states:
                raise UserError(
                    self.env._(
                        "%(entry)s is %(state)s: this step is not possible now.",
                        entry=entry.display_name,
                        state=labels[entry.state],
                    )
                )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_register(self):
        """Register the letter: it gets its number (incoming and outgoing
        series); important matters are in writing, so the document must be
        attached. A reply (ours to a letter received, or theirs to a letter
        we sent) marks the letter it answers replied."""
        self._check_staff()
        self._check_state(("draft",))
        for entry in self:
            if not entry.attachment_ids:
                raise UserError(
                    self.env._(
                        "Attach the letter: every entry of the register is kept "
                        "in writing."
                    )
                )
            code = (
                "property.register.entry.in"
                if entry.direction == "in"
                else "property.register.entry.out"
            )
            name = self.env["ir.sequence"].sudo().next_by_code(code) or "/"
            entry._workflow_write({"state": "open", "name": name})
            if entry.reply_to_id:
                entry.reply_to_id._mark_replied(entry.date)
        return True

    def _mark_replied(self, date):
        for entry in self.filtered(lambda e: e.state == "open"):
            entry._workflow_write({"state": "replied", "date_replied": date})

    def action_mark_replied(self):
        """The reply was given (or received, for an outgoing letter)
        outside the register's replies."""
        self._check_staff()
        self._check_state(("open",))
        for entry in self:
            if not entry.reply_required:
                raise UserError(self.env._("This letter does not need a reply."))
        self._mark_replied(fields.Date.context_today(self))
        return True

    def action_file(self):
        """File the letter with where its paper is kept; a letter still
        awaiting its reply is not filed."""
        self._check_staff()
        self._check_state(("open", "replied"))
        for entry in self:
            if entry._is_awaiting_reply():
                raise UserError(
                    self.env._(
                        "%(entry)s still awaits its reply.", entry=entry.display_name
                    )
                )
            if not (entry.file_location or "").strip():
                raise UserError(self.env._("Say where the letter is filed."))
            entry._workflow_write(
                {"state": "filed", "date_filed": fields.Date.context_today(entry)}
            )
        return True

    def action_cancel(self):
        """Cancel an entry registered by mistake (it keeps its number)."""
        self._check_staff()
        self._check_state(("draft", "open"))
        self._workflow_write({"state": "cancelled"})
        return True

    def action_reply(self):
        """Open a new outgoing entry answering this letter."""
        self.ensure_one()
        self._check_staff()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_direction": "out",
                "default_project_id": self.project_id.id,
                "default_counterpart_type": self.counterpart_type,
                "default_partner_id": self.partner_id.id,
                "default_committee_id": self.committee_id.id,
                "default_reply_to_id": self.id,
                "default_subject": self.env._("Re: %(subject)s", subject=self.subject),
                "default_ticket_id": self.ticket_id.id,
                "default_complaint_id": self.sudo().complaint_id.id,
            },
        }

    # ------------------------------------------------------------------
    # PORTAL (committee members)
    # ------------------------------------------------------------------
    @api.model
    def _portal_letters_domain(self, partner):
        projects = partner._property_committee_projects()
        return [
            ("project_id", "in", projects.ids),
            ("addressed_to_committee", "=", True),
            ("state", "in", REGISTER_PORTAL_STATES),
        ]

    @api.model
    def _portal_letters(self, partner, limit=None, offset=0):
        """The entries shared with the committees of the projects where
        ``partner`` is a current member today, newest first. Portal users
        have no access of their own to the register: this is the one way
        in, read as superuser, and the caller shows only what
        ``_portal_letter_values`` returns."""
        return self.sudo().search(
            self._portal_letters_domain(partner), limit=limit, offset=offset
        )

    @api.model
    def _portal_letter(self, partner, entry_id):
        """One entry of ``_portal_letters``; anything else is missing."""
        entry = self.sudo().search(
            [("id", "=", int(entry_id)), *self._portal_letters_domain(partner)]
        )
        if not entry:
            raise MissingError(self.env._("This letter does not exist."))
        return entry

    def _portal_letter_values(self):
        """What a committee member reads of an entry: no internal notes,
        no requester of a linked ticket; the documents with access tokens."""
        self.ensure_one()
        labels = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in ("direction", "counterpart_type", "state")
        }
        for attachment in self.attachment_ids:
            attachment.generate_access_token()
        return {
            "entry": self,
            "direction": labels["direction"].get(self.direction),
            "counterpart": labels["counterpart_type"].get(self.counterpart_type),
            "entry_state": labels["state"].get(self.state),
            "documents": self.attachment_ids,
        }
