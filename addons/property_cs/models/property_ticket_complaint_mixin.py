# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq, email_normalize, format_date

# the steps of a complaint in order (D-16); there is no "invalid" or
# "rejected" step: every complaint is handled (D-18)
COMPLAINT_STEPS = [
    ("received", "Received"),
    ("confirmed", "Confirmed"),
    ("investigated", "Investigated"),
    ("plan", "Recovery Plan"),
    ("replied", "Replied"),
    ("recovered", "Recovered"),
    ("callback", "Called Back"),
    ("summarized", "Summarised and Archived"),
]
STEP_ORDER = [step for step, _label in COMPLAINT_STEPS]
# the steps before the reply to the owner: the reply deadline runs (A5)
REPLY_PENDING_STEPS = ("received", "confirmed", "investigated", "plan")
COMPLAINT_SEVERITIES = [
    ("minor", "Minor"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]


class PropertyTicketComplaintMixin(models.AbstractModel):
    """A complaint is a ticket of kind complaint handled in recorded steps
    (D-16): received, confirmed, investigated, recovery plan, replied,
    recovered, called back, summarised and archived. Intake judges the
    emotion and the demand (D-17); there is no invalid state (D-18); the
    reply is due within the company's days per severity (Hangzhou rule,
    domain_standards A5); the owner's answer, and if they do not accept the
    recourse offered, are recorded before closing (GB/T 19012 / ISO 10002)."""

    _name = "property.ticket.complaint.mixin"
    _description = "Complaint Handling"

    complaint_step = fields.Selection(
        COMPLAINT_STEPS,
        group_expand=True,
        compute="_compute_complaint_step",
        store=True,
        readonly=True,
        index=True,
        copy=False,
        tracking=True,
    )
    # intake (D-17)
    complaint_emotion = fields.Selection(
        [
            ("calm", "Calm"),
            ("angry", "Angry"),
            ("anxious", "Anxious"),
            ("sad", "Sad"),
            ("loud", "Loud"),
        ],
        string="Emotion",
        tracking=True,
        help="The owner's emotion at intake: calm them and listen first.",
    )
    complaint_demand = fields.Selection(
        [
            ("vent", "To Vent"),
            ("respect", "To Be Respected"),
            ("solve", "To Get It Solved"),
            ("compensation", "To Be Compensated"),
        ],
        string="Demand",
        tracking=True,
    )
    complaint_at_fault = fields.Selection(
        [("yes", "Yes"), ("no", "No"), ("unclear", "Not Yet Clear")],
        string="Are We at Fault?",
        tracking=True,
        help="Yes: record the facts in detail. No: show understanding and "
        "explain the rules.",
    )
    complaint_remedy = fields.Text(
        string="Remedy Sought",
        tracking=True,
        help="What the owner asks for, in their words.",
    )
    # confirmation
    complaint_nature = fields.Selection(
        [("grievance", "Genuine Grievance"), ("venting", "Venting")],
        string="Nature",
        tracking=True,
        help="Noted, never used to dismiss the complaint.",
    )
    complaint_motive = fields.Text(
        string="Real Motive and Expected Result",
        help="What the owner really wants and the result they expect.",
    )
    # investigation
    complaint_severity = fields.Selection(
        COMPLAINT_SEVERITIES,
        tracking=True,
        help="Sets the reply deadline (Hangzhou regulation: at most 10 days).",
    )
    complaint_impact = fields.Text(
        string="Impact", help="Who and what is affected, and how."
    )
    complaint_media_exposure = fields.Boolean(string="Media Exposure", tracking=True)
    complaint_government_exposure = fields.Boolean(
        string="Government Exposure",
        tracking=True,
        help="Also reported to the government hotline, the street office or the "
        "housing authority.",
    )
    complaint_findings = fields.Text(string="Investigation Findings")
    # plan and reply
    complaint_plan = fields.Text(
        string="Service-Recovery Plan", help="The plan told to the owner."
    )
    # department staff work their tasks from the task list, never through
    # the complaint (D-18): they cannot read the task's complaint
    complaint_task_ids = fields.One2many(
        "property.complaint.task",
        "ticket_id",
        string="Recovery Tasks",
        groups="property_cs.group_property_cs_agent,"
        "property_cs.group_property_cs_head_office",
    )
    complaint_reply = fields.Text(string="Reply to Owner")
    date_complaint_replied = fields.Datetime(
        string="Replied On", readonly=True, copy=False, tracking=True
    )
    date_complaint_reply_due = fields.Datetime(
        string="Complaint Reply Due",
        compute="_compute_date_complaint_reply_due",
        store=True,
        index=True,
        help="Reply within the company's days for the complaint's severity "
        "(default 10 calendar days, the Hangzhou regulation).",
    )
    complaint_owner_answer = fields.Selection(
        [("accepted", "Owner Accepts"), ("not_accepted", "Owner Does Not Accept")],
        string="Owner's Answer",
        tracking=True,
    )
    complaint_alternatives = fields.Text(
        string="Alternatives Offered",
        help="What we explained and offered when the owner did not accept.",
    )
    complaint_recourse_ids = fields.Many2many(
        "property.complaint.recourse",
        string="Recourse Offered",
        help="External channels the owner was told about when they did not "
        "accept: street office, housing authority, government hotline, "
        "mediation, court.",
    )
    complaint_summary = fields.Text(
        string="Summary and Lessons",
        help="Cause, what we did and what we change, for the archive and training.",
    )
    # public form (D-13): the owner on file verifies before portal linking
    complaint_submitter_name = fields.Char(
        string="Filed By",
        readonly=True,
        copy=False,
        help="Name typed on the public form.",
    )
    complaint_verify_token = fields.Char(
        copy=False, readonly=True, groups="base.group_system"
    )
    complaint_verify_partner_id = fields.Many2one(
        "res.partner",
        string="Owner to Verify",
        readonly=True,
        copy=False,
        help="The owner on file whose email or phone the public form named; "
        "the complaint joins their portal once they open the emailed link.",
    )
    complaint_compensation_ids = fields.One2many(
        "property.complaint.compensation",
        "ticket_id",
        string="Compensations",
        groups="property_cs.group_property_cs_agent,"
        "property_cs.group_property_cs_finance,"
        "property_cs.group_property_cs_head_office",
    )
    complaint_is_on_site = fields.Boolean(
        string="Solved at Intake", readonly=True, copy=False, tracking=True
    )

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("kind")
    def _compute_complaint_step(self):
        for ticket in self:
            if ticket.kind != "complaint":
                ticket.complaint_step = False
            elif not ticket.complaint_step:
                ticket.complaint_step = "received"

    @api.depends(
        "kind",
        "date_reported",
        "complaint_severity",
        "company_id.property_complaint_reply_days_minor",
        "company_id.property_complaint_reply_days_serious",
        "company_id.property_complaint_reply_days_critical",
        "project_id.complaint_reply_days_minor",
        "project_id.complaint_reply_days_serious",
        "project_id.complaint_reply_days_critical",
    )
    def _compute_date_complaint_reply_due(self):
        """Reply due = date received + the project's (else the company's)
        calendar days for the severity; before the investigation the minor
        delay applies (default 10 days: Hangzhou rule, domain_standards A5)."""
        for ticket in self:
            if ticket.kind != "complaint" or not ticket.date_reported:
                ticket.date_complaint_reply_due = False
                continue
            days = ticket._complaint_reply_days()
            ticket.date_complaint_reply_due = (
                ticket.date_reported + timedelta(days=days) if days else False
            )

    def _complaint_reply_days(self):
        """The project's days for the severity, else the company's."""
        self.ensure_one()
        severity = self.complaint_severity or "minor"
        project = self.project_id.sudo()
        return (
            project[f"complaint_reply_days_{severity}"]
            or self.company_id[f"property_complaint_reply_days_{severity}"]
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        complaints = tickets.filtered(lambda t: t.kind == "complaint")
        if complaints:
            complaints._complaint_acknowledge()
        return tickets

    def write(self, vals):
        if "stage_id" in vals:
            stage = self.env["property.ticket.stage"].browse(vals["stage_id"])
            if stage.state == "closed":
                self.filtered(
                    lambda t: t.kind == "complaint"
                )._complaint_check_closable(vals)
        # a ticket reclassified as a complaint is acknowledged as one
        to_acknowledge = (
            self.filtered(lambda t: t.kind != "complaint")
            if vals.get("kind") == "complaint"
            else self.browse()
        )
        res = super().write(vals)
        if to_acknowledge:
            to_acknowledge._complaint_acknowledge()
        return res

    # ------------------------------------------------------------------
    # INTAKE (D-17)
    # ------------------------------------------------------------------
    def _complaint_acknowledge(self):
        """Acknowledge each complaint to the owner at once (ISO 10002
        acknowledgement); the mail shows no internal handling data. A known
        complainant reads it in their portal history too (D-9); someone
        who filed with only an email gets it by email."""
        template = self.env.ref(
            "property_cs.mail_template_complaint_acknowledgement",
            raise_if_not_found=False,
        )
        if not template:
            return
        # posted while the ticket is being created: its followers are not
        # written yet, so the author is not subscribed here
        for ticket in self.filtered("partner_id"):
            ticket.sudo().with_context(
                mail_create_nosubscribe=True
            ).message_post_with_source(
                template,
                **ticket._owner_message_author(),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
        for ticket in self.filtered(lambda t: not t.partner_id and t.email_from):
            template.sudo().send_mail(
                ticket.id, email_layout_xmlid="mail.mail_notification_light"
            )
            ticket.message_post(
                body=self.env._("Acknowledgement sent to the complainant."),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # STEPS (D-16)
    # ------------------------------------------------------------------
    def _complaint_check_step(self, step):
        """Steps go in order: no step is skipped and none goes back."""
        for ticket in self:
            if ticket.kind != "complaint":
                raise UserError(
                    self.env._(
                        "%(ticket)s is not a complaint.", ticket=ticket.display_name
                    )
                )
            if ticket.complaint_step != step:
                steps = dict(COMPLAINT_STEPS)
                raise UserError(
                    self.env._(
                        "Complaint %(ticket)s is at step %(current)s; this action "
                        "needs step %(needed)s (steps are recorded in order).",
                        ticket=ticket.display_name,
                        current=steps.get(ticket.complaint_step, "-"),
                        needed=steps[step],
                    )
                )

    def _complaint_require(self, fields_labels):
        """Raise when one of ``{field: label}`` is empty on a complaint."""
        for ticket in self:
            missing = [
                label for name, label in fields_labels.items() if not ticket[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Record %(fields)s on complaint %(ticket)s first.",
                        fields=", ".join(missing),
                        ticket=ticket.display_name,
                    )
                )

    def _complaint_advance(self, step, message):
        self.write({"complaint_step": step})
        for ticket in self:
            ticket.message_post(body=message, subtype_xmlid="mail.mt_note")

    def action_complaint_confirm(self):
        """Received -> confirmed: the remedy sought and whether it is a
        genuine grievance or venting are noted; nothing is rejected (D-16,
        D-18)."""
        self._complaint_check_step("received")
        self._complaint_require(
            {
                "complaint_remedy": self.env._("the remedy sought"),
                "complaint_nature": self.env._("grievance or venting"),
            }
        )
        self._complaint_advance("confirmed", self.env._("Complaint confirmed."))
        return True

    def action_complaint_investigate(self):
        """Confirmed -> investigated: severity and impact assessed (D-16)."""
        self._complaint_check_step("confirmed")
        self._complaint_require(
            {
                "complaint_severity": self.env._("the severity"),
                "complaint_impact": self.env._("the impact"),
            }
        )
        self._complaint_advance("investigated", self.env._("Investigation recorded."))
        return True

    def action_complaint_plan(self):
        """Investigated -> plan: the service-recovery plan is agreed with the
        departments, each task an own record (D-16)."""
        self._complaint_check_step("investigated")
        self._complaint_require({"complaint_plan": self.env._("the recovery plan")})
        self._complaint_advance("plan", self.env._("Service-recovery plan agreed."))
        return True

    def action_complaint_reply(self):
        """Plan -> replied: the plan is told to the owner, with the external
        appeal channels (Hangzhou rule, domain_standards A5)."""
        self._complaint_check_step("plan")
        self._complaint_require({"complaint_reply": self.env._("the reply")})
        for ticket in self:
            ticket.date_complaint_replied = fields.Datetime.now()
            if ticket.partner_id:
                ticket._complaint_send_reply()
        self._complaint_advance("replied", self.env._("Plan told to the owner."))
        return True

    def _complaint_send_reply(self):
        self.ensure_one()
        recourses = self.env["property.complaint.recourse"].search([])
        body = Markup("<p>%s</p>") % self.complaint_reply
        if recourses:
            body += Markup("<p>%s</p>") % self.env._(
                "If you disagree with this reply, you may also turn to: %(channels)s.",
                channels=", ".join(recourses._labels_for_project(self.project_id)),
            )
        self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    def _complaint_check_answer(self):
        """The owner's answer is recorded; if they did not accept, the
        alternatives and the recourse offered are recorded too (ISO 10002
        closing, D-16)."""
        for ticket in self:
            if not ticket.complaint_owner_answer:
                raise UserError(
                    self.env._(
                        "Record whether the owner accepted the plan of %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.complaint_owner_answer == "not_accepted" and not (
                ticket.complaint_alternatives and ticket.complaint_recourse_ids
            ):
                raise UserError(
                    self.env._(
                        "The owner did not accept the plan of %(ticket)s: record "
                        "the alternatives and the recourse offered (street office, "
                        "housing authority, government hotline, mediation, court).",
                        ticket=ticket.display_name,
                    )
                )

    def action_complaint_recovered(self):
        """Replied -> recovered: the owner answered and every recovery task
        is done or cancelled (D-16)."""
        self._complaint_check_step("replied")
        self._complaint_check_answer()
        for ticket in self:
            open_tasks = ticket.sudo().complaint_task_ids.filtered(
                lambda t: t.state == "open"
            )
            if open_tasks:
                raise UserError(
                    self.env._(
                        "Recovery tasks of %(ticket)s are still open: %(tasks)s.",
                        ticket=ticket.display_name,
                        tasks=", ".join(open_tasks.mapped("name")),
                    )
                )
        self._complaint_advance("recovered", self.env._("Service recovery done."))
        return True

    def action_complaint_callback_done(self):
        """Recovered -> called back: the owner was called back after the
        recovery (D-16, D-24); the callbacks feature records the call."""
        self._complaint_check_step("recovered")
        self._complaint_advance("callback", self.env._("Owner called back."))
        return True

    def action_complaint_summarize(self):
        """Called back -> summarised and archived: the lessons are recorded
        and the complaint closes through the ticket's close path (D-16)."""
        self._complaint_check_step("callback")
        self._complaint_require({"complaint_summary": self.env._("the summary")})
        self._complaint_advance(
            "summarized", self.env._("Complaint summarised and archived.")
        )
        self.filtered(lambda t: t.state != "closed").action_close()
        return True

    def _complaint_check_closable(self, vals):
        """A complaint closes only once summarised, with the owner's answer
        and, if not accepted, the recourse offered (D-16, ISO 10002)."""
        for ticket in self:
            if vals.get("complaint_step", ticket.complaint_step) != "summarized":
                raise UserError(
                    self.env._(
                        "Complaint %(ticket)s closes after all its steps, up to "
                        "the summary.",
                        ticket=ticket.display_name,
                    )
                )
        self._complaint_check_answer()

    # ------------------------------------------------------------------
    # ON-SITE PATH (D-17)
    # ------------------------------------------------------------------
    def action_open_complaint_onsite(self):
        self.ensure_one()
        self._complaint_check_step("received")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Solved at Intake"),
            "res_model": "property.complaint.onsite",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _complaint_solve_on_site(self, vals):
        """A complaint solved at intake records confirmation, investigation,
        plan and reply at once with the owner's acceptance; the recovery is
        done, and the callback is still due (D-17)."""
        self.ensure_one()
        if vals.get("complaint_owner_answer") != "accepted":
            raise UserError(
                self.env._(
                    "A complaint is solved at intake only when the owner accepts "
                    "the solution; otherwise follow the steps."
                )
            )
        self.write(dict(vals, complaint_is_on_site=True))
        self.action_complaint_confirm()
        self.action_complaint_investigate()
        self.action_complaint_plan()
        self.action_complaint_reply()
        self.action_complaint_recovered()
        return True

    # ------------------------------------------------------------------
    # REPLY DEADLINE (A5)
    # ------------------------------------------------------------------
    @api.model
    def _complaint_due_steps(self, company, deadline):
        """[(step, date_due)] of a complaint reply deadline: a warning the
        company's days before, then the supervisor, project manager and head
        office as for the service times (D-7)."""
        warning = deadline - timedelta(
            days=company.property_complaint_reply_warning_days
        )
        return [("warning", warning)] + [
            (step, due)
            for step, due in self._sla_due_steps(company, deadline)
            if step != "warning"
        ]

    @api.model
    def _cron_complaint_reply_escalation(self):
        """Set-based pass over the complaints not yet replied to (A5): one
        search for them, one for the steps already fired, one bulk create of
        the due escalation steps (target "reply"); the base.automation rules
        on escalations tell the people. Reruns create nothing twice."""
        now = fields.Datetime.now()
        tickets = self.sudo().search_fetch(
            [
                ("kind", "=", "complaint"),
                ("complaint_step", "in", REPLY_PENDING_STEPS),
                ("date_complaint_reply_due", "!=", False),
                ("state", "not in", ("closed", "cancelled")),
            ],
            ["company_id", "date_complaint_reply_due"],
        )
        if not tickets:
            return
        Escalation = self.env["property.ticket.escalation"].sudo()
        Breach = self.env["property.ticket.breach"].sudo()
        fired = {
            (e.ticket_id.id, e.step)
            for e in Escalation.search_fetch(
                [("ticket_id", "in", tickets.ids), ("target", "=", "reply")],
                ["ticket_id", "step"],
            )
        }
        breached = set(
            Breach.search_fetch(
                [("ticket_id", "in", tickets.ids), ("target", "=", "reply")],
                ["ticket_id"],
            ).ticket_id.ids
        )
        escalation_vals, breach_vals = [], []
        for ticket in tickets:
            deadline = ticket.date_complaint_reply_due
            if deadline <= now and ticket.id not in breached:
                breach_vals.append(
                    {
                        "ticket_id": ticket.id,
                        "target": "reply",
                        "date_deadline": deadline,
                        "date_breached": now,
                    }
                )
            for step, date_due in self._complaint_due_steps(
                ticket.company_id, deadline
            ):
                if date_due <= now and (ticket.id, step) not in fired:
                    escalation_vals.append(
                        {
                            "ticket_id": ticket.id,
                            "target": "reply",
                            "step": step,
                            "date_deadline": deadline,
                            "date_due": date_due,
                            "date_fired": now,
                        }
                    )
        if breach_vals:
            Breach.create(breach_vals)
        if escalation_vals:
            Escalation.create(escalation_vals)

    def _complaint_reply_due_text(self):
        """The reply date told to the complainant, in the project's time
        zone (empty when no reply date applies)."""
        self.ensure_one()
        if not self.date_complaint_reply_due:
            return ""
        tz = self.project_id.sudo().tz or "Asia/Shanghai"
        return format_date(
            self.env,
            fields.Datetime.context_timestamp(
                self.with_context(tz=tz), self.date_complaint_reply_due
            ),
        )

    def _complaint_tell_owner_progress(self):
        """Keep the owner informed during handling, not only at the end
        (D-13; ISO 10002: status at the pre-set deadlines): tell them the
        step reached and the date of our reply. Called by the shipped
        base.automation rule on the reply warning."""
        steps = dict(self._fields["complaint_step"]._description_selection(self.env))
        for ticket in self.filtered(lambda t: t.partner_id):
            tz = ticket.partner_id.tz or ticket.project_id.tz or "Asia/Shanghai"
            ticket.message_post(
                body=self.env._(
                    "Your complaint is being handled (%(step)s). We reply with our "
                    "plan by %(date)s at the latest.",
                    step=steps.get(ticket.complaint_step, ""),
                    date=format_date(
                        self.env,
                        fields.Datetime.context_timestamp(
                            ticket.with_context(tz=tz), ticket.date_complaint_reply_due
                        ),
                    ),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=ticket.partner_id.ids,
            )

    # ------------------------------------------------------------------
    # CASE LIBRARY (D-16)
    # ------------------------------------------------------------------
    def action_publish_case(self):
        """Publish this closed complaint as a scrubbed case for training; a
        supervisor approves it before it is visible."""
        self.ensure_one()
        case = self.env["property.complaint.case"]._create_from_ticket(self)
        self.message_post(
            body=self.env._("Published as training case, to be reviewed."),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint.case",
            "res_id": case.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # PUBLIC FORM VERIFICATION (D-13)
    # ------------------------------------------------------------------
    def _complaint_find_owner_on_file(self):
        """The contact on file whose email, else phone, the public form
        gave; preferring one with a current unit in the project."""
        self.ensure_one()
        Partner = self.env["res.partner"].sudo()
        partners = Partner
        email = email_normalize(self.email_from or "")
        if email:
            partners = Partner.search([("email_normalized", "=", email)])
        if not partners and self.partner_phone:
            partners = self._find_caller(self.partner_phone)[0].sudo()
        in_project = partners.filtered(
            lambda p: p.unit_link_ids.filtered(
                lambda link: link.is_current and link.project_id == self.project_id
            )
        )
        return (in_project or partners)[:1]

    def _complaint_request_verification(self):
        """Send a verification link to the email on file of the owner the
        public form names. Nothing joins anyone's portal before that link is
        opened: typing someone's email does not put records into their
        portal. Without an email on file an agent confirms the sender."""
        self.ensure_one()
        partner = self._complaint_find_owner_on_file()
        if not partner.email:
            self.message_post(
                body=self.env._(
                    "No owner on file to verify this complaint: confirm the "
                    "sender by phone, then choose the owner."
                ),
                subtype_xmlid="mail.mt_note",
            )
            return False
        token = secrets.token_urlsafe(32)
        self.sudo().write(
            {"complaint_verify_token": token, "complaint_verify_partner_id": partner.id}
        )
        template = self.env.ref("property_cs.mail_template_complaint_verification")
        url = f"{self.get_base_url()}/complaint/verify/{self.id}/{token}"
        template.sudo().with_context(
            verify_email=partner.email_formatted, verify_url=url
        ).send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")
        self.message_post(
            body=self.env._(
                "Verification link sent to the email on file of %(partner)s.",
                partner=partner.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _complaint_check_verify_token(self, token):
        """Check a verification link's token without using it.

        :return: the owner on file the link was sent to
        :raise AccessError: the link is not (or no longer) valid
        """
        self.ensure_one()
        ticket = self.sudo()
        if not (
            token
            and ticket.complaint_verify_token
            and consteq(token, ticket.complaint_verify_token)
            and ticket.complaint_verify_partner_id
        ):
            raise AccessError(self.env._("This verification link is not valid."))
        return ticket.complaint_verify_partner_id

    def _complaint_verify(self, token):
        """The owner confirmed from the verification link (a POST from its
        landing page, never the link's GET): the complaint becomes theirs
        and joins their portal (D-13)."""
        self.ensure_one()
        ticket = self.sudo()
        partner = self._complaint_check_verify_token(token)
        vals = {
            "partner_id": partner.id,
            "is_sender_unverified": False,
            "complaint_verify_token": False,
        }
        units = partner.unit_link_ids.filtered(
            lambda link: link.is_current and link.project_id == ticket.project_id
        ).unit_id
        if len(units) == 1 and not ticket.unit_id:
            vals["unit_id"] = units.id
        ticket.write(vals)
        ticket.message_subscribe(partner_ids=partner.ids)
        ticket.message_post(
            body=self.env._(
                "%(partner)s confirmed the complaint from the verification link.",
                partner=partner.name,
            ),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return partner
