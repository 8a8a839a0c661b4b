# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .constants import RENOVATION_VIOLATION_STATES, RENOVATION_VIOLATION_TYPES

# what staff may do about a violation: a closed list (domain_standards D5).
# None of these touches the unit, the owner, their portal account, the
# workers' passes or any supply; tests check the list is exactly this.
VIOLATION_ACTIONS = (
    "action_rectified",
    "action_verify",
    "action_stop_work",
    "action_print_stop_order",
)
OPEN_VIOLATION_STATES = ("open", "answered")


class PropertyRenovationViolation(models.Model):
    """A violation found on a renovation (D-20, domain_standards D4, D5):
    its type from a closed list, photos as evidence, a description and a
    rectification deadline, which is an obligation on the deadline engine
    (target "rectification": the inspector is warned before it, the breach
    is recorded at it, the project manager is told after it; the reactions
    are base.automation rules).

    The applicant and the unit's owners see it in the portal and answer
    with text and photos (``_portal_answer``); staff record the
    rectification (which meets the deadline) and the inspector verifies it.

    The actions available are a closed list (``VIOLATION_ACTIONS``): record
    the rectification, verify it, stop the works by a written order (the
    permit's state only) and print that order; a deduction from the deposit
    is only proposed here, with its reason. Nothing cuts water, power or
    gas, blocks workers or materials, or changes the access of the unit,
    the owner or the workers (D5)."""

    _name = "property.renovation.violation"
    _description = "Renovation Violation"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)

    renovation_id = fields.Many2one(
        "property.renovation",
        required=True,
        index=True,
        ondelete="restrict",
    )
    unit_id = fields.Many2one(related="renovation_id.unit_id", store=True)
    project_id = fields.Many2one(
        related="renovation_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    currency_id = fields.Many2one(related="renovation_id.currency_id")
    inspection_id = fields.Many2one(
        "property.renovation.inspection",
        string="Found at Inspection",
        index=True,
        domain="[('renovation_id', '=', renovation_id)]",
    )
    violation_type = fields.Selection(
        RENOVATION_VIOLATION_TYPES, string="Type", required=True, tracking=True
    )
    description = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_violation_attachment_rel",
        "violation_id",
        "attachment_id",
        string="Evidence Photos",
    )
    date = fields.Datetime(
        string="Found On", required=True, default=fields.Datetime.now, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Inspector",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Datetime(
        string="Rectify By",
        required=True,
        tracking=True,
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        precompute=True,
    )
    state = fields.Selection(
        RENOVATION_VIOLATION_STATES,
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    answer = fields.Text(
        string="Owner's Answer", readonly=True, copy=False, tracking=True
    )
    date_answered = fields.Datetime(readonly=True, copy=False)
    date_rectified = fields.Datetime(readonly=True, copy=False)
    rectified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_verified = fields.Datetime(readonly=True, copy=False)
    stop_work = fields.Boolean(
        string="Works Stopped",
        readonly=True,
        copy=False,
        help="A stop-work order was issued for this violation.",
    )
    date_stop_order = fields.Datetime(
        string="Stop-Work Order On", readonly=True, copy=False
    )
    deduction_amount = fields.Monetary(
        string="Proposed Deduction",
        currency_field="currency_id",
        tracking=True,
        help="Amount proposed to be deducted from the deposit for this "
        "violation; deducted only at settlement, with this reason.",
    )
    deduction_reason = fields.Text(string="Reason for the Deduction", tracking=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("renovation_id")
    def _compute_date_deadline(self):
        for violation in self:
            if not violation.date_deadline and violation.renovation_id:
                violation.date_deadline = (
                    violation.renovation_id._rectification_default_deadline()
                )

    @api.depends("renovation_id.name", "violation_type")
    def _compute_display_name(self):
        types = dict(self._fields["violation_type"]._description_selection(self.env))
        for violation in self:
            violation.display_name = " · ".join(
                part
                for part in (
                    violation.renovation_id.name,
                    types.get(violation.violation_type),
                )
                if part
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for violation in self:
            violation.access_url = f"/my/renovations/violation/{violation.id}"
        return res

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for violation in self:
            violation.is_overdue = bool(
                violation._is_open()
                and violation.date_deadline
                and violation.date_deadline <= now
            )

    def _is_open(self):
        self.ensure_one()
        return self.state in OPEN_VIOLATION_STATES

    @api.constrains("attachment_ids")
    def _check_evidence(self):
        """A violation is recorded with photos as evidence."""
        for violation in self:
            if not violation.attachment_ids:
                raise ValidationError(
                    self.env._("Attach at least one photo as evidence.")
                )

    @api.constrains("deduction_amount", "deduction_reason")
    def _check_deduction_reason(self):
        """Nothing is deducted without a recorded reason."""
        for violation in self:
            if violation.deduction_amount < 0:
                raise ValidationError(self.env._("A deduction cannot be negative."))
            if (
                violation.deduction_amount
                and not (violation.deduction_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._("A proposed deduction needs its reason.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        """The violation is told to the applicant (a follower) and its
        deadline starts on the engine."""
        violations = super().create(vals_list)
        for violation in violations:
            # the attachments uploaded in the form belong to the violation
            violation.attachment_ids.filtered(
                lambda a, v=violation: not a.res_id
            ).sudo().write({"res_model": self._name, "res_id": violation.id})
            violation.message_subscribe(
                partner_ids=violation.renovation_id.applicant_id.ids
            )
            violation.renovation_id.message_post(
                body=violation._company_env()._(
                    "Violation recorded: %(violation)s.",
                    violation=violation.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.env["property.deadline"]._deadline_sync(violations, created=True)
        return violations

    def write(self, vals):
        res = super().write(vals)
        if {"date_deadline", "state", "user_id"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return res

    def _company_env(self):
        return self.renovation_id._company_env()

    # ------------------------------------------------------------------
    # THE DEADLINE ENGINE
    # ------------------------------------------------------------------
    def _deadline_specs(self):
        """The rectification on the deadline engine: due at the deadline,
        met when rectified; the inspector is warned the project's hours
        before (at most half the time given), the project manager is told
        the project's hours after; no supervisor or head-office step."""
        specs = []
        now = fields.Datetime.now()
        for violation in self.sudo():
            project = violation.project_id
            start = min(violation.date or now, violation.date_deadline)
            span = int((violation.date_deadline - start).total_seconds() // 60)
            specs.append(
                {
                    "res_id": violation.id,
                    "target": "rectification",
                    "name": violation.display_name,
                    "company_id": violation.company_id.id,
                    "project_id": project.id,
                    "user_id": violation.user_id.id,
                    "date_start": start,
                    "date_fixed": violation.date_deadline,
                    "state": "running" if violation._is_open() else "met",
                    "date_met": violation.date_rectified,
                    "warning_minutes": min(
                        max(project.renovation_rectification_warning_hours, 0) * 60,
                        span // 2,
                    ),
                    "supervisor_minutes": -1,
                    "manager_minutes": max(
                        project.renovation_rectification_manager_hours, 0
                    )
                    * 60,
                    "head_office_minutes": -1,
                }
            )
        return specs

    def _rectification_overdue(self):
        """The rectification deadline passed (the breach, reaction of a
        base.automation rule): the applicant and owners following the
        violation are told in its history; a deduction may be proposed."""
        for violation in self.sudo().filtered(lambda v: v._is_open()):
            env = violation._company_env()
            violation.message_post(
                body=env._(
                    "The rectification deadline has passed. Please rectify "
                    "without delay and answer here; the property company may "
                    "propose a deduction from the renovation deposit."
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    # ------------------------------------------------------------------
    # ACTIONS (the closed list, VIOLATION_ACTIONS)
    # ------------------------------------------------------------------
    def action_rectified(self):
        """The violation is rectified: the deadline is met."""
        for violation in self:
            if not violation._is_open():
                raise UserError(self.env._("This violation is already rectified."))
        self.check_access("write")
        self.sudo().write(
            {
                "state": "rectified",
                "date_rectified": fields.Datetime.now(),
                "rectified_by_id": self.env.uid,
            }
        )
        return True

    def action_verify(self):
        """The inspector verifies the rectification on site."""
        for violation in self:
            if violation.state != "rectified":
                raise UserError(
                    self.env._("Only a rectified violation can be verified.")
                )
        self.check_access("write")
        self.sudo().write(
            {
                "state": "verified",
                "date_verified": fields.Datetime.now(),
                "verified_by_id": self.env.uid,
            }
        )
        return True

    def action_stop_work(self):
        """Stop the works by a written order for this violation: the
        permit's state becomes stopped with the reason; the order is
        printed for the site. Nothing else is stopped or cut (D5)."""
        self.ensure_one()
        if not self._is_open():
            raise UserError(self.env._("This violation is already rectified."))
        self.check_access("write")
        env = self._company_env()
        reason = env._(
            "%(violation)s: %(description)s",
            violation=self.with_env(env).display_name,
            description=self.description,
        )
        self.renovation_id._works_stop(reason, violation=self)
        self.sudo().write({"stop_work": True, "date_stop_order": fields.Datetime.now()})
        return self.action_print_stop_order()

    def action_print_stop_order(self):
        """Print the stop-work order (停工通知) of this violation."""
        self.ensure_one()
        if not self.stop_work:
            raise UserError(
                self.env._("No stop-work order was issued for this violation.")
            )
        return self.env.ref(
            "property_cs.property_renovation_violation_report_stop_order"
        ).report_action(self)

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    def _portal_answer(self, text, photos=None):
        """The applicant or an owner of the unit answers in the portal:
        the text and photos (checked against the company's upload policy)
        are posted on the violation's history and it is marked answered.
        Read with the caller's rights: the record rules decide who may.

        :param photos: list of ``(file name, bytes)``
        """
        self.ensure_one()
        self.check_access("read")
        text = (text or "").strip()
        if not text:
            raise UserError(self.env._("Write your answer."))
        if not self._is_open():
            raise UserError(self.env._("This violation is already rectified."))
        partner = self.env.user.partner_id
        checked = self.company_id._property_check_uploads(photos or [], "portal")
        violation = self.sudo()
        violation.message_post(
            body=text,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[(name, content) for name, content, _mimetype in checked],
        )
        violation.write(
            {
                "state": "answered",
                "answer": text,
                "date_answered": fields.Datetime.now(),
            }
        )
        if violation.user_id:
            violation.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=violation._company_env()._("Check the owner's answer"),
                user_id=violation.user_id.id,
            )
        return violation

    def _portal_violation_values(self):
        """What the portal page shows (read as superuser after the access
        check): no internal data such as the proposed deduction's
        reasoning beyond what the owner is told."""
        self.ensure_one()
        types = dict(self._fields["violation_type"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        photos = self.attachment_ids.filtered(
            lambda a: (a.mimetype or "").startswith("image/")
        )
        for photo in photos:
            photo.generate_access_token()
        return {
            "violation": self,
            "violation_type": types.get(self.violation_type),
            "violation_state": states.get(self.state),
            "photos": photos,
            "can_answer": self._is_open(),
        }
