# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import (
    COMPLAINT_SEVERITIES,
    COMPLAINT_STEPS,
    GROUP_AGENT,
    GROUP_FINANCE,
    GROUP_HEAD_OFFICE,
    HANDLED_STATES,
    STAFF_GROUPS,
)


class PropertyTicket(models.Model):
    """A complaint is a ticket of kind complaint handled in recorded steps
    (D-16): received, confirmed, investigated, recovery plan, replied,
    recovered, called back, summarised and archived. Intake judges the
    emotion and the demand (D-17); there is no invalid state (D-18); the
    reply is due within the company's days per severity (Hangzhou rule,
    domain_standards A5); the owner's answer, and if they do not accept the
    recourse offered, are recorded before closing (GB/T 19012 / ISO 10002)."""

    _inherit = "property.ticket"

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
        groups=STAFF_GROUPS,
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
        groups=STAFF_GROUPS,
    )
    complaint_at_fault = fields.Selection(
        [("yes", "Yes"), ("no", "No"), ("unclear", "Not Yet Clear")],
        string="Are We at Fault?",
        tracking=True,
        help="Yes: record the facts in detail. No: show understanding and "
        "explain the rules.",
        groups=STAFF_GROUPS,
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
        groups=STAFF_GROUPS,
    )
    complaint_motive = fields.Text(
        string="Real Motive and Expected Result",
        help="What the owner really wants and the result they expect.",
        groups=STAFF_GROUPS,
    )
    # investigation
    complaint_severity = fields.Selection(
        COMPLAINT_SEVERITIES,
        tracking=True,
        help="Sets the reply deadline (Hangzhou regulation: at most 10 days).",
        groups=STAFF_GROUPS,
    )
    complaint_impact = fields.Text(
        string="Impact",
        help="Who and what is affected, and how.",
        groups=STAFF_GROUPS,
    )
    complaint_media_exposure = fields.Boolean(
        string="Media Exposure", tracking=True, groups=STAFF_GROUPS
    )
    complaint_government_exposure = fields.Boolean(
        string="Government Exposure",
        tracking=True,
        help="Also reported to the government hotline, the street office or the "
        "housing authority.",
        groups=STAFF_GROUPS,
    )
    complaint_findings = fields.Text(
        string="Investigation Findings", groups=STAFF_GROUPS
    )
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
        groups=f"{GROUP_AGENT},{GROUP_HEAD_OFFICE}",
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
        groups=STAFF_GROUPS,
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
        groups=STAFF_GROUPS,
    )
    complaint_compensation_ids = fields.One2many(
        "property.complaint.compensation",
        "ticket_id",
        string="Compensations",
        groups=f"{GROUP_AGENT},{GROUP_FINANCE},{GROUP_HEAD_OFFICE}",
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
    # PIPELINE HOOKS (see property_ticket.py)
    # ------------------------------------------------------------------
    def _ticket_create_hooks(self):
        """A new complaint is acknowledged at once."""
        return super()._ticket_create_hooks() + [
            (40, "after", "_complaint_acknowledge_new"),
        ]

    def _ticket_write_hooks(self):
        """A ticket reclassified as a complaint is acknowledged as one."""
        return super()._ticket_write_hooks() + [
            (10, ("kind",), "_complaint_on_kind_change"),
        ]

    def _ticket_stage_hooks(self):
        """A reopened complaint (the owner was unsatisfied at the callback)
        goes back to a new recovery plan (D-16), after its open callbacks
        are cancelled."""
        return super()._ticket_stage_hooks() + [
            (21, "reopen", None, "_complaint_back_to_plan"),
        ]

    def _stage_blockers(self, state, vals=None):
        """A complaint closes only once summarised, with the owner's answer
        and, if not accepted, the recourse offered (D-16, ISO 10002)."""
        blockers = super()._stage_blockers(state, vals)
        if state != "closed":
            return blockers
        vals = vals or {}
        for ticket in self.filtered(lambda t: t.kind == "complaint"):
            reasons = []
            if vals.get("complaint_step", ticket.complaint_step) != "summarized":
                reasons.append(
                    self.env._(
                        "the complaint closes after all its steps, up to the summary"
                    )
                )
            reasons += ticket._complaint_answer_reasons()
            if reasons:
                blockers.setdefault(ticket.id, []).extend(reasons)
        return blockers

    @api.model
    def _auto_confirm_domain(self):
        """A complaint is confirmed automatically only once summarised."""
        return super()._auto_confirm_domain() + [
            ("complaint_step", "in", (False, "summarized"))
        ]

    def _complaint_acknowledge_new(self):
        """A new complaint is acknowledged to the owner (D-17), unless it
        is history brought in by Odoo's import (``import_file`` in the
        context, as base_import sets it): complaints of an earlier system
        were acknowledged in their time, and owners must not get mail about
        them again."""
        if self.env.context.get("import_file"):
            return
        complaints = self.filtered(lambda t: t.kind == "complaint")
        if complaints:
            complaints._complaint_acknowledge()

    def _complaint_on_kind_change(self, vals):
        if vals.get("kind") != "complaint":
            return None
        to_acknowledge = self.filtered(lambda t: t.kind != "complaint")
        if not to_acknowledge:
            return None
        return to_acknowledge._complaint_acknowledge

    def _complaint_back_to_plan(self):
        """A reopened complaint (the owner was unsatisfied at the callback)
        needs a new recovery plan, told to the owner again (D-16)."""
        complaints = self.filtered(
            lambda t: (
                t.kind == "complaint"
                and t.complaint_step in ("recovered", "callback", "summarized")
            )
        )
        if complaints:
            complaints._complaint_advance(
                "investigated",
                self.env._(
                    "Reopened: a new service-recovery plan is needed and must "
                    "be told to the owner again."
                ),
            )

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

    def _complaint_answer_reasons(self):
        """What is missing of the owner's answer: the answer itself and, if
        they did not accept, the alternatives and the recourse offered (ISO
        10002 closing, D-16)."""
        self.ensure_one()
        if not self.complaint_owner_answer:
            return [self.env._("whether the owner accepted the plan is not recorded")]
        if self.complaint_owner_answer == "not_accepted" and not (
            self.complaint_alternatives and self.complaint_recourse_ids
        ):
            return [
                self.env._(
                    "the owner did not accept the plan: record the alternatives "
                    "and the recourse offered (street office, housing authority, "
                    "government hotline, mediation, court)"
                )
            ]
        return []

    def _complaint_check_answer(self):
        """The owner's answer is recorded before the recovery (D-16)."""
        for ticket in self:
            reasons = ticket._complaint_answer_reasons()
            if reasons:
                raise UserError(
                    self.env._(
                        "Complaint %(ticket)s: %(reasons)s.",
                        ticket=ticket.display_name,
                        reasons="; ".join(reasons),
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
        # recovery done -> the complaint is done -> its callback is created
        # (stage hook of the callbacks part, D-24)
        self.filtered(lambda t: t.state not in HANDLED_STATES).action_done()
        return True

    def action_complaint_callback_done(self):
        """Recovered -> called back: the owner was called back after the
        recovery (D-16, D-24): the completed callback itself, satisfied or
        basically satisfied, or failed after every attempt."""
        self._complaint_check_step("recovered")
        blocked = self.filtered(lambda t: not t._callback_allows_close())
        if blocked:
            raise UserError(
                self.env._(
                    "The owner has not been called back on %(tickets)s yet: "
                    "the callback queue records the call.",
                    tickets=", ".join(blocked.mapped("display_name")),
                )
            )
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
