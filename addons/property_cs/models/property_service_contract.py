# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# statutory notice periods of the Civil Code (domain_standards G5)
DISMISSAL_NOTICE_DAYS = 60  # Art. 946: the owners dismiss the company
NON_RENEWAL_NOTICE_DAYS = 90  # Art. 947: the company does not renew
CONTRACT_STATES = [
    ("draft", "Draft"),
    ("active", "In Force"),
    ("notice", "Dismissal Notified"),
    ("ended", "Ended"),
]
CONTRACT_TYPES = [
    ("preliminary", "Preliminary (with the developer)"),
    ("regular", "With the Owners' Committee"),
]
REMINDER_KINDS = [
    ("report", "Financial Report"),
    ("plan", "Year-End Plan and Budget"),
    ("renewal", "Renewal Talks"),
    ("company_notice", "Non-Renewal Notice Date"),
    ("owner_notice", "Dismissal Notice Date"),
    ("handover", "Handover After Dismissal"),
    ("filing", "Contract Filing"),
]
MANAGER_GROUP = "property_cs.group_property_cs_manager"


class PropertyServiceContract(models.Model):
    """The property service contract of a project (物业服务合同, D-23,
    domain_standards G5) and its calendar.

    A daily job turns the calendar into to-dos for the person in charge,
    each fired once per period (``property.service.contract.reminder``
    keeps what was fired): filing the signed contract with the housing
    authority within the project's days (30; Beijing 15), the financial
    report to the committee after each quarter or half-year (project
    setting), next year's plan and budget in December, renewal talks the
    project's months before the end (default 3), the last day for the
    company's written notice that it will not renew (90 days before the
    end, Civil Code Art. 947) and for the owners' notice of dismissal at
    the end (60 days, Art. 946). A dismissal notified during the term ends
    the contract 60 days later (Art. 946) with a to-do to prepare the
    handover of premises, facilities and records (Art. 949). The contract
    in force gives the project its contract end (prepayments and refunds
    use it)."""

    _name = "property.service.contract"
    _description = "Property Service Contract"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date_start desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Title", required=True, tracking=True)
    reference = fields.Char(string="Contract Number", tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    contract_type = fields.Selection(
        CONTRACT_TYPES, required=True, default="regular", tracking=True
    )
    committee_id = fields.Many2one(
        "property.committee",
        string="Owners' Committee",
        domain="[('project_id', '=', project_id)]",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Signed With",
        tracking=True,
        help="The developer for a preliminary contract, else who signed for "
        "the owners.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="In Charge",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('share', '=', False)]",
        tracking=True,
        help="Gets the reminders of the contract calendar.",
    )
    date_signed = fields.Date(string="Signed On", tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_filed_authority = fields.Date(
        string="Filed with the Authority On",
        tracking=True,
        help="The day the signed contract was filed with the housing authority.",
    )
    date_end = fields.Date(
        string="End",
        tracking=True,
        help="Empty: a contract without a fixed term, which either side may "
        "end with 60 days' written notice.",
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "property_service_contract_document_rel",
        "contract_id",
        "attachment_id",
        string="Documents",
    )
    note = fields.Text()
    state = fields.Selection(
        CONTRACT_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    # the calendar
    date_renewal_talks = fields.Date(
        string="Renewal Talks From", compute="_compute_calendar"
    )
    date_company_notice = fields.Date(
        string="Company's Non-Renewal Notice By",
        compute="_compute_calendar",
        help="The company tells the owners in writing by then if it will not "
        "renew (Civil Code Art. 947).",
    )
    date_owner_notice = fields.Date(
        string="Owners' Dismissal Notice By",
        compute="_compute_calendar",
        help="The owners' written notice of dismissal at the end of the term "
        "is due by then (Civil Code Art. 946).",
    )
    date_dismissal_notice = fields.Date(
        string="Dismissal Notified On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the owners' written notice of dismissal was received.",
    )
    date_termination = fields.Date(
        string="Ends After Dismissal",
        compute="_compute_date_termination",
        store=True,
        help="60 days after the notice of dismissal (Civil Code Art. 946).",
    )
    reminder_ids = fields.One2many(
        "property.service.contract.reminder", "contract_id", string="Reminders Sent"
    )

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("project_id")
    def _compute_user_id(self):
        for contract in self:
            if not contract.user_id and contract.project_id:
                contract.user_id = contract.project_id._fundreg_responsible()

    @api.depends("date_end", "project_id.contract_renewal_months")
    def _compute_calendar(self):
        for contract in self:
            end = contract.date_end
            if not end:
                contract.date_renewal_talks = False
                contract.date_company_notice = False
                contract.date_owner_notice = False
                continue
            months = contract.project_id.contract_renewal_months or 3
            contract.date_renewal_talks = end - relativedelta(months=months)
            contract.date_company_notice = end - timedelta(days=NON_RENEWAL_NOTICE_DAYS)
            contract.date_owner_notice = end - timedelta(days=DISMISSAL_NOTICE_DAYS)

    @api.depends("date_dismissal_notice")
    def _compute_date_termination(self):
        for contract in self:
            contract.date_termination = (
                contract.date_dismissal_notice + timedelta(days=DISMISSAL_NOTICE_DAYS)
                if contract.date_dismissal_notice
                else False
            )

    @api.constrains("date_start", "date_end", "date_signed")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._("A contract cannot end before it starts.")
                )

    @api.constrains("committee_id", "project_id")
    def _check_committee(self):
        for contract in self.sudo():
            if (
                contract.committee_id
                and contract.committee_id.project_id != contract.project_id
            ):
                raise ValidationError(
                    self.env._("The committee must be of the contract's project.")
                )

    def _check_no_overlap(self):
        """One contract in force per project and day."""
        for contract in self:
            others = self.search(
                [
                    ("id", "!=", contract.id),
                    ("project_id", "=", contract.project_id.id),
                    ("state", "in", ("active", "notice")),
                ]
            )
            for other in others:
                other_end = other._effective_end() or date.max
                end = contract._effective_end() or date.max
                if other.date_start <= end and contract.date_start <= other_end:
                    raise ValidationError(
                        self.env._(
                            "%(other)s is in force over the same period.",
                            other=other.display_name,
                        )
                    )

    def _effective_end(self):
        self.ensure_one()
        ends = [d for d in (self.date_end, self.date_termination) if d]
        return min(ends) if ends else False

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._claim_documents()
        return contracts

    def write(self, vals):
        res = super().write(vals)
        if "document_ids" in vals:
            self._claim_documents()
        if {"date_end", "state", "date_dismissal_notice"} & set(vals):
            self._sync_project_end()
        return res

    def _claim_documents(self):
        for contract in self:
            contract.document_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": contract.id}
            )

    def _sync_project_end(self):
        """The contract in force sets the project's contract end (used by
        prepayments and their refund)."""
        for contract in self.filtered(lambda c: c.state in ("active", "notice")):
            end = contract._effective_end()
            if contract.project_id.service_contract_end != end:
                contract.project_id.sudo().service_contract_end = end

    def _company_env(self):
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a project manager can change the service contract.")
            )
        self.check_access("write")

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state not in states:
                raise UserError(
                    self.env._(
                        "%(contract)s is %(state)s: this step is not possible now.",
                        contract=contract.display_name,
                        state=labels[contract.state],
                    )
                )

    def action_activate(self):
        """The signed contract comes into force: it needs its signature
        date and the signed document; no other contract of the project may
        be in force over the same period."""
        self._check_manager()
        self._check_state(("draft",))
        for contract in self:
            if not contract.date_signed or not contract.document_ids:
                raise UserError(
                    self.env._(
                        "Give the signature date and attach the signed contract."
                    )
                )
            if contract.contract_type == "regular" and not contract.committee_id:
                raise UserError(self.env._("Choose the owners' committee that signed."))
            contract._check_no_overlap()
            contract._workflow_write({"state": "active"})
        return True

    def action_record_dismissal(self, notice_date=None):
        """The owners notified the dismissal in writing: the contract ends
        60 days later (Civil Code Art. 946) and the handover of premises,
        facilities and records is prepared (Art. 949)."""
        self._check_manager()
        self._check_state(("active",))
        notice_date = fields.Date.to_date(notice_date) or fields.Date.context_today(
            self
        )
        for contract in self:
            if notice_date < contract.date_start:
                raise UserError(
                    self.env._("The notice cannot be before the contract starts.")
                )
            contract._workflow_write(
                {"state": "notice", "date_dismissal_notice": notice_date}
            )
            contract._fire_reminders(fields.Date.context_today(contract))
        return True

    def action_end(self):
        """The contract has ended (its term or the dismissal)."""
        self._check_manager()
        self._check_state(("active", "notice"))
        self._workflow_write({"state": "ended"})
        return True

    # ------------------------------------------------------------------
    # THE CONTRACT CALENDAR
    # ------------------------------------------------------------------
    def _report_period(self, today):
        """(key, start, end) of the last quarter or half-year that ended
        before ``today``, by the project's cadence."""
        self.ensure_one()
        half = self.project_id.contract_report_cadence == "half_yearly"
        months = 6 if half else 3
        first = date(today.year, ((today.month - 1) // months) * months + 1, 1)
        end = first - timedelta(days=1)
        start = first - relativedelta(months=months)
        index = (start.month - 1) // months + 1
        key = f"{start.year}-{'H' if half else 'Q'}{index}"
        return key, start, end

    def _calendar_reminders(self, today):
        """The reminders of the contract calendar due on ``today``: dicts
        of kind, period key, deadline and the to-do's text (in ``env``'s
        language). A reminder is due from its date until its deadline, so
        a missed day of the job is caught up, never a past period."""
        self.ensure_one()
        env = self.env
        project = self.project_id
        end = self._effective_end()
        lead = timedelta(days=max(project.contract_notice_lead_days, 0))
        due = []

        def covers(day):
            return self.date_start <= day and (not end or day <= end)

        # filing the signed contract with the housing authority
        if self.date_signed and not self.date_filed_authority:
            deadline = self.date_signed + timedelta(
                days=max(project.contract_filing_days, 0)
            )
            if today <= deadline:
                due.append(
                    {
                        "kind": "filing",
                        "period": fields.Date.to_string(self.date_signed),
                        "date_deadline": deadline,
                        "summary": env._(
                            "File the service contract with the housing "
                            "authority by %(date)s",
                            date=fields.Date.to_string(deadline),
                        ),
                    }
                )
        # the financial report of the last quarter or half-year
        key, start, period_end = self._report_period(today)
        deadline = period_end + timedelta(days=max(project.contract_report_days, 0))
        if today <= deadline and (covers(period_end) or covers(start)):
            due.append(
                {
                    "kind": "report",
                    "period": key,
                    "date_deadline": deadline,
                    "summary": env._(
                        "Financial report %(period)s to the owners' committee",
                        period=key,
                    ),
                }
            )
        # next year's plan and budget, in December
        if today.month == 12 and covers(today) and (not end or end.year > today.year):
            due.append(
                {
                    "kind": "plan",
                    "period": str(today.year + 1),
                    "date_deadline": date(today.year, 12, 31),
                    "summary": env._(
                        "Plan and budget %(year)s to the owners' committee",
                        year=today.year + 1,
                    ),
                }
            )
        if self.state == "active" and self.date_end:
            end_key = fields.Date.to_string(self.date_end)
            if self.date_renewal_talks <= today <= self.date_end:
                due.append(
                    {
                        "kind": "renewal",
                        "period": end_key,
                        "date_deadline": max(self.date_renewal_talks, today),
                        "summary": env._(
                            "Start renewal talks with the owners' committee: the "
                            "contract ends on %(date)s",
                            date=end_key,
                        ),
                    }
                )
            notice = self.date_company_notice
            if notice - lead <= today <= notice:
                due.append(
                    {
                        "kind": "company_notice",
                        "period": end_key,
                        "date_deadline": notice,
                        "summary": env._(
                            "If the company will not renew, notify the owners in "
                            "writing by %(date)s (90 days before the end)",
                            date=fields.Date.to_string(notice),
                        ),
                    }
                )
            notice = self.date_owner_notice
            if notice - lead <= today <= notice:
                due.append(
                    {
                        "kind": "owner_notice",
                        "period": end_key,
                        "date_deadline": notice,
                        "summary": env._(
                            "The owners' notice of dismissal at the end of the "
                            "contract is due by %(date)s (60 days): ask the "
                            "committee for its decision",
                            date=fields.Date.to_string(notice),
                        ),
                    }
                )
        if self.state == "notice" and self.date_termination:
            if today <= self.date_termination:
                due.append(
                    {
                        "kind": "handover",
                        "period": fields.Date.to_string(self.date_termination),
                        "date_deadline": self.date_termination,
                        "summary": env._(
                            "Dismissed: prepare the handover of premises, "
                            "facilities and records by %(date)s",
                            date=fields.Date.to_string(self.date_termination),
                        ),
                    }
                )
        return due

    def _fire_reminders(self, today):
        """Schedule the due reminders not fired yet for their period: one
        to-do per reminder for the person in charge, in their language;
        the fired ones are kept so that none fires twice."""
        Reminder = self.env["property.service.contract.reminder"].sudo()
        fired = {
            (r.contract_id.id, r.kind, r.period)
            for r in Reminder.search([("contract_id", "in", self.ids)])
        }
        to_create = []
        for contract in self.sudo():
            user = contract.user_id or contract.project_id._fundreg_responsible()
            lang = user.lang or contract.company_id._property_lang()
            contract_env = contract.with_context(lang=lang)
            for reminder in contract_env._calendar_reminders(today):
                key = (contract.id, reminder["kind"], reminder["period"])
                if key in fired:
                    continue
                fired.add(key)
                activity = False
                if user:
                    activity = contract.activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=reminder["date_deadline"],
                        summary=reminder["summary"],
                        user_id=user.id,
                    )
                to_create.append(
                    {
                        "contract_id": contract.id,
                        "kind": reminder["kind"],
                        "period": reminder["period"],
                        "date_fired": today,
                        "date_deadline": reminder["date_deadline"],
                        "summary": reminder["summary"],
                        "user_id": user.id,
                        "activity_id": activity.id if activity else False,
                    }
                )
        return Reminder.create(to_create)

    @api.model
    def _cron_contract_calendar(self):
        """The daily pass of the contract calendars: contracts past their
        end are ended, the others get their due reminders (once per
        period)."""
        today = self.env["property.unit.partner"]._property_today()
        contracts = self.sudo().search([("state", "in", ("active", "notice"))])
        over = contracts.filtered(
            lambda c: c._effective_end() and c._effective_end() < today
        )
        over._workflow_write({"state": "ended"})
        (contracts - over)._fire_reminders(today)
        return True
