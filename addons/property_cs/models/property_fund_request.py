# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# the common parts and shared facilities the fund pays for (Civil Code
# Art. 281, Property Management Regulations Art. 53)
FUND_COMMON_PARTS = [
    ("roof", "Roof"),
    ("facade", "Exterior Walls and Facade"),
    ("elevator", "Elevators"),
    ("water_supply", "Water Pumps and Tanks"),
    ("fire_protection", "Fire Protection Systems"),
    ("drainage", "Drainage and Sewers"),
    ("structure", "Main Structure and Stairwells"),
    ("accessibility", "Accessibility Facilities"),
    ("other", "Other Common Parts or Facilities"),
]
# what justifies the emergency path (Shanghai regulations Art. 73)
FUND_EMERGENCY_REASONS = [
    ("water_supply", "Water pump or tank failure"),
    ("elevator", "Elevator ordered out of service"),
    ("fire_protection", "Fire alarm, sprinkler or hydrant failure"),
    ("falling_parts", "Facade or attached parts in danger of falling"),
    ("leak", "Roof or facade leaking"),
]
FUND_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to the Committee"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("works", "Works Under Way"),
    ("done", "Works Done"),
    ("published", "Published"),
    ("cancelled", "Cancelled"),
]
AGENT_GROUP = "property_cs.group_property_cs_agent"


class PropertyFundRequest(models.Model):
    """A request to use the special maintenance fund (专项维修资金,
    domain_standards G1, G2): purpose, common part, amount and quotations,
    through the committee's decision, the works and publication.

    The fund belongs to the owners and pays only for the repair, renewal or
    upgrade of common parts and shared facilities after the warranty
    (Regulations Art. 53): the request names the common part and is refused
    without quotations. The owners decide by more than half of the
    participating area and headcount (Civil Code Art. 278), recorded with
    the committee's decision. An emergency request (Shanghai Art. 73
    triggers) has a decision deadline on the deadline engine (target
    "fund", the project's days, default 7): the person in charge is warned
    before it, and a missed deadline is reacted to by an editable
    base.automation rule (the project manager asks the district to arrange
    the repair). Spending and its split per m² are published when done."""

    _name = "property.fund.request"
    _description = "Maintenance Fund Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings Concerned",
        domain="[('project_id', '=', project_id)]",
        help="Empty: the whole project shares the cost.",
    )
    purpose = fields.Char(required=True, tracking=True)
    common_part = fields.Selection(
        FUND_COMMON_PARTS, required=True, default="roof", tracking=True
    )
    common_part_detail = fields.Char(
        string="Location and Details",
        help="Where the common part is and what is wrong with it.",
    )
    description = fields.Text(string="Works Planned")
    user_id = fields.Many2one(
        "res.users",
        string="In Charge",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    amount = fields.Monetary(
        string="Amount Requested",
        tracking=True,
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        help="The chosen quotation's amount unless changed.",
    )
    quotation_ids = fields.One2many(
        "property.fund.quotation", "request_id", string="Quotations"
    )
    quotation_count = fields.Integer(compute="_compute_quotation_count")
    vendor_id = fields.Many2one(
        "res.partner",
        string="Contractor Chosen",
        compute="_compute_vendor_id",
        store=True,
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "property_fund_request_document_rel",
        "request_id",
        "attachment_id",
        string="Documents",
        help="Works plan, inspection or safety certificate, price audit, "
        "the owners' vote.",
    )
    is_emergency = fields.Boolean(string="Emergency", tracking=True)
    emergency_reason = fields.Selection(FUND_EMERGENCY_REASONS, tracking=True)
    committee_id = fields.Many2one(
        "property.committee",
        string="Owners' Committee",
        domain="[('project_id', '=', project_id)]",
        tracking=True,
    )
    state = fields.Selection(
        FUND_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    decision_cycle = fields.Integer(
        readonly=True,
        copy=False,
        help="Submissions so far: a request submitted again owes a new decision.",
    )
    date_submitted = fields.Datetime(readonly=True, copy=False, tracking=True)
    date_decision_due = fields.Datetime(
        string="Decision Due",
        readonly=True,
        copy=False,
        tracking=True,
        help="An emergency request: the committee decides by then, else the "
        "district may arrange the repair.",
    )
    is_decision_overdue = fields.Boolean(
        string="Decision Overdue",
        compute="_compute_is_decision_overdue",
        search="_search_is_decision_overdue",
    )
    # the committee's decision
    date_decision = fields.Date(string="Decision Date", tracking=True, copy=False)
    decision_ref = fields.Char(string="Resolution Reference", tracking=True, copy=False)
    meeting_id = fields.Many2one(
        "property.meeting",
        string="Meeting Minutes",
        domain="[('project_id', '=', project_id), ('kind', '=', 'committee')]",
        copy=False,
    )
    vote_area_pct = fields.Float(
        string="Approved by Area (%)",
        copy=False,
        help="Share of the participating owners' floor area that approved.",
    )
    vote_headcount_pct = fields.Float(
        string="Approved by Headcount (%)",
        copy=False,
        help="Share of the participating owners that approved.",
    )
    decision_note = fields.Text(string="Decision Notes", copy=False)
    # works and publication
    date_works_start = fields.Date(string="Works Started", copy=False)
    date_works_end = fields.Date(string="Works Completed", copy=False)
    amount_spent = fields.Monetary(copy=False, tracking=True)
    area_shared = fields.Float(
        string="Area Sharing the Cost (m²)", compute="_compute_area_shared"
    )
    amount_per_area = fields.Monetary(
        string="Cost per m²",
        compute="_compute_area_shared",
        help="The amount spent (else requested) split over the floor area "
        "of the buildings concerned (else the whole project).",
    )
    date_published = fields.Date(string="Published On", copy=False, tracking=True)
    publication_note = fields.Text(
        string="Where Published",
        copy=False,
        help="Where and how the use of the fund was made public to the owners.",
    )
    cancel_reason = fields.Text(copy=False, readonly=True)

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("quotation_ids.selected", "quotation_ids.amount")
    def _compute_amount(self):
        for request in self:
            chosen = request.quotation_ids.filtered("selected")[:1]
            request.amount = chosen.amount if chosen else request.amount or 0.0

    @api.depends("quotation_ids.selected", "quotation_ids.vendor_id")
    def _compute_vendor_id(self):
        for request in self:
            request.vendor_id = request.quotation_ids.filtered("selected")[:1].vendor_id

    @api.depends("quotation_ids")
    def _compute_quotation_count(self):
        for request in self:
            request.quotation_count = len(request.quotation_ids)

    @api.depends("state", "date_decision_due")
    def _compute_is_decision_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_decision_overdue = bool(
                request.state == "submitted"
                and request.date_decision_due
                and request.date_decision_due <= now
            )

    def _search_is_decision_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue decisions."))
        domain = [
            ("state", "=", "submitted"),
            ("date_decision_due", "<=", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends(
        "building_ids.total_area", "project_id.total_area", "amount", "amount_spent"
    )
    def _compute_area_shared(self):
        for request in self:
            area = (
                sum(request.building_ids.mapped("total_area"))
                if request.building_ids
                else request.project_id.total_area
            )
            request.area_shared = area
            cost = request.amount_spent or request.amount
            request.amount_per_area = cost / area if area else 0.0

    @api.depends("name", "purpose")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " · ".join(
                part for part in (request.name, request.purpose) if part and part != "/"
            )

    @api.constrains("amount", "amount_spent", "vote_area_pct", "vote_headcount_pct")
    def _check_amounts(self):
        for request in self:
            if request.amount < 0 or request.amount_spent < 0:
                raise ValidationError(self.env._("Amounts cannot be negative."))
            for pct in (request.vote_area_pct, request.vote_headcount_pct):
                if not 0 <= pct <= 100:
                    raise ValidationError(
                        self.env._("A share of the vote is between 0 and 100 %.")
                    )

    @api.constrains("building_ids", "committee_id", "meeting_id", "project_id")
    def _check_same_project(self):
        for request in self.sudo():
            others = (
                request.building_ids.project_id
                | request.committee_id.project_id
                | request.meeting_id.project_id
            )
            if others - request.project_id:
                raise ValidationError(
                    self.env._(
                        "The buildings, committee and meeting must be of the "
                        "request's project."
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("property.fund.request")
                    or "/"
                )
        requests = super().create(vals_list)
        requests._claim_documents()
        return requests

    def write(self, vals):
        if "project_id" in vals and any(r.state != "draft" for r in self):
            raise UserError(
                self.env._("The project of a submitted request cannot change.")
            )
        res = super().write(vals)
        if "document_ids" in vals:
            self._claim_documents()
        if {"state", "date_decision_due", "user_id"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return res

    def _claim_documents(self):
        """The files uploaded in the form belong to the request (readers of
        the request read them)."""
        for request in self:
            request.document_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": request.id}
            )

    def _company_env(self):
        """The environment in the company's language, for what the system
        writes (activities, notes)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    # ------------------------------------------------------------------
    # THE DEADLINE ENGINE
    # ------------------------------------------------------------------
    def _deadline_specs(self):
        """An emergency request owes the committee's decision: running from
        the submission to the decision due time (the project's days), met
        when the decision is recorded; the person in charge is warned the
        project's hours before; the missed deadline is the breach (its rule
        reacts); no other step. A request submitted again is a new cycle."""
        specs = []
        for request in self.sudo():
            if not (
                request.is_emergency
                and request.date_submitted
                and request.date_decision_due
            ):
                continue
            if request.state == "draft" or request.state == "cancelled":
                continue  # withdrawn: the row is no longer due
            span = int(
                (request.date_decision_due - request.date_submitted).total_seconds()
                // 60
            )
            specs.append(
                {
                    "res_id": request.id,
                    "target": "fund",
                    "cycle": request.decision_cycle,
                    "name": request.display_name,
                    "company_id": request.company_id.id,
                    "project_id": request.project_id.id,
                    "user_id": request.user_id.id,
                    "date_start": request.date_submitted,
                    "date_fixed": request.date_decision_due,
                    "state": "running" if request.state == "submitted" else "met",
                    "warning_minutes": min(
                        max(request.project_id.fund_emergency_warning_hours, 0) * 60,
                        span // 2,
                    ),
                    "supervisor_minutes": -1,
                    "manager_minutes": -1,
                    "head_office_minutes": -1,
                }
            )
        return specs

    def _fund_decision_overdue(self):
        """The committee did not decide on an emergency request in time
        (the breach, reaction of a base.automation rule): the history says
        so and the project manager gets a to-do to ask the district housing
        authority to arrange the repair (Shanghai Art. 73)."""
        for request in self.sudo().filtered(lambda r: r.state == "submitted"):
            env = request._company_env()
            request.message_post(
                body=env._(
                    "The owners' committee has not decided on this emergency "
                    "request within %(days)s days. The district housing "
                    "authority may be asked to arrange the repair.",
                    days=(request.date_decision_due - request.date_submitted).days,
                ),
                subtype_xmlid="mail.mt_note",
            )
            manager = request.project_id._fundreg_responsible()
            if manager:
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._(
                        "Emergency fund decision overdue: ask the district "
                        "housing authority to arrange the repair"
                    ),
                    user_id=manager.id,
                )
        return True

    # ------------------------------------------------------------------
    # WHO MAY ACT
    # ------------------------------------------------------------------
    def _check_staff(self):
        """Customer-service staff of the project (agents, supervisors,
        project managers) move a request on; others read it."""
        if not self.env.su and not self.env.user.has_group(AGENT_GROUP):
            raise AccessError(
                self.env._("Only customer-service staff of the project can do this.")
            )
        self.check_access("write")

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for request in self:
            if request.state not in states:
                raise UserError(
                    self.env._(
                        "%(request)s is %(state)s: this step is not possible now.",
                        request=request.display_name,
                        state=labels[request.state],
                    )
                )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _submit_blockers(self):
        """What stops the submission to the committee, in one list: the
        amount, at least one quotation with its file and the one chosen,
        the emergency's reason and the report certifying it (G2: a
        qualified body certifies the emergency in Shanghai)."""
        self.ensure_one()
        blockers = []
        if not self.quotation_ids:
            blockers.append(self.env._("Add at least one quotation."))
        elif self.quotation_ids.filtered(lambda q: not q.attachment_ids):
            blockers.append(self.env._("Attach the file of every quotation."))
        if self.quotation_ids and len(self.quotation_ids.filtered("selected")) != 1:
            blockers.append(self.env._("Choose one quotation."))
        if self.amount <= 0:
            blockers.append(self.env._("Give the amount requested."))
        if self.is_emergency and not self.emergency_reason:
            blockers.append(self.env._("Say why the request is an emergency."))
        if self.is_emergency and not self.document_ids:
            blockers.append(
                self.env._(
                    "Attach the inspection or safety report that certifies the "
                    "emergency."
                )
            )
        if not self.committee_id:
            blockers.append(self.env._("Choose the owners' committee."))
        return blockers

    def action_submit(self):
        """Submit the request to the owners' committee; an emergency one
        gets its decision deadline (the project's days from now)."""
        self._check_staff()
        self._check_state(("draft",))
        for request in self:
            blockers = request._submit_blockers()
            if blockers:
                raise UserError(
                    self.env._(
                        "%(request)s cannot be submitted yet:\n%(blockers)s",
                        request=request.display_name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )
            now = fields.Datetime.now()
            due = (
                now + timedelta(days=request.project_id.fund_emergency_decision_days)
                if request.is_emergency
                else False
            )
            request._workflow_write(
                {
                    "state": "submitted",
                    "date_submitted": now,
                    "date_decision_due": due,
                    "decision_cycle": request.decision_cycle + 1,
                }
            )
        return True

    def _check_decision(self):
        for request in self:
            if not request.date_decision or not (request.decision_ref or "").strip():
                raise UserError(
                    self.env._(
                        "Record the decision's date and the resolution's "
                        "reference first."
                    )
                )
            if request.date_decision > fields.Date.context_today(request):
                raise UserError(
                    self.env._("The decision date cannot be in the future.")
                )

    def action_approve(self):
        """Record the committee's approval (date, reference, minutes). When
        the owners' vote is recorded, using the fund needs more than half
        of the participating area and of the participating owners (Civil
        Code Art. 278)."""
        self._check_staff()
        self._check_state(("submitted",))
        self._check_decision()
        for request in self:
            if (request.vote_area_pct or request.vote_headcount_pct) and (
                request.vote_area_pct <= 50 or request.vote_headcount_pct <= 50
            ):
                raise UserError(
                    self.env._(
                        "Using the fund needs more than half of the participating "
                        "area and more than half of the participating owners."
                    )
                )
            request._workflow_write({"state": "approved"})
        return True

    def action_reject(self):
        """Record the committee's rejection (date and reference)."""
        self._check_staff()
        self._check_state(("submitted",))
        self._check_decision()
        self._workflow_write({"state": "rejected"})
        return True

    def action_start_works(self):
        self._check_staff()
        self._check_state(("approved",))
        for request in self:
            request._workflow_write(
                {
                    "state": "works",
                    "date_works_start": request.date_works_start
                    or fields.Date.context_today(request),
                }
            )
        return True

    def action_done(self):
        """The works are completed and accepted: the amount spent is recorded."""
        self._check_staff()
        self._check_state(("works",))
        for request in self:
            if request.amount_spent <= 0:
                raise UserError(self.env._("Record the amount spent."))
            request._workflow_write(
                {
                    "state": "done",
                    "date_works_end": request.date_works_end
                    or fields.Date.context_today(request),
                }
            )
        return True

    def action_publish(self):
        """The use of the fund (amount, split per m²) was made public to
        the owners (Civil Code Art. 281)."""
        self._check_staff()
        self._check_state(("done",))
        for request in self:
            if not (request.publication_note or "").strip():
                raise UserError(
                    self.env._("Say where the use of the fund was published.")
                )
            request._workflow_write(
                {
                    "state": "published",
                    "date_published": request.date_published
                    or fields.Date.context_today(request),
                }
            )
        return True

    def action_cancel(self, reason=None):
        """Withdraw a draft or submitted request; the decision deadline is
        no longer due."""
        self._check_staff()
        self._check_state(("draft", "submitted"))
        self._workflow_write({"state": "cancelled", "cancel_reason": reason or False})
        return True

    def action_reset_draft(self):
        """Take a cancelled or rejected request up again as a draft."""
        self._check_staff()
        self._check_state(("cancelled", "rejected"))
        self._workflow_write(
            {
                "state": "draft",
                "date_decision": False,
                "decision_ref": False,
                "date_decision_due": False,
            }
        )
        return True
