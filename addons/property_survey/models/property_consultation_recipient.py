# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_cs.models.property_handling_tip import OWNER_GROUPS

from .consultation_constants import (
    ANSWER_CHANNELS,
    ANSWER_STATES,
    PORTAL_STATES,
    STAFF_GROUPS,
)
from .property_consultation_scope import OWNER_ROLES


class PropertyConsultationRecipient(models.Model):
    """One unit asked by a consultation, and its owner who answers: at most
    one answer per recipient (a survey answer tied to the recipient), given
    in the portal with the owner's own login, on a paper sheet entered by
    staff with the scanned sheet, or on the phone with the caller
    identified from their number."""

    _name = "property.consultation.recipient"
    _description = "Consultation Recipient"
    _inherit = ["property.workflow.guard.mixin"]
    _order = "consultation_id, building_id, unit_id, id"
    _rec_name = "unit_id"
    _workflow_fields = (
        "consultation_id",
        "unit_id",
        "building_id",
        "partner_id",
        "owner_group",
        "channel",
        "entered_by_id",
        "date_contact",
        "caller_phone",
        "caller_id",
    )

    consultation_id = fields.Many2one(
        "property.consultation", required=True, index=True, ondelete="cascade"
    )
    consultation_state = fields.Selection(
        related="consultation_id.state", string="Consultation State"
    )
    project_id = fields.Many2one(
        related="consultation_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict"
    )
    building_id = fields.Many2one("property.building", index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Unit Owner",
        required=True,
        index=True,
        ondelete="restrict",
    )
    owner_group = fields.Selection(
        OWNER_GROUPS,
        string="Owner Type",
        groups=STAFF_GROUPS,
        help="The owner's owner group when the recipients were listed.",
    )
    user_input_ids = fields.One2many(
        "survey.user_input",
        "property_consultation_recipient_id",
        string="Answer Records",
        groups=STAFF_GROUPS,
    )
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Answer",
        compute="_compute_answer",
        store=True,
        groups=STAFF_GROUPS,
    )
    answer_state = fields.Selection(
        ANSWER_STATES, compute="_compute_answer", store=True, index=True
    )
    date_answered = fields.Datetime(
        string="Answered On", compute="_compute_answer", store=True
    )
    channel = fields.Selection(ANSWER_CHANNELS, readonly=True)
    entered_by_id = fields.Many2one("res.users", readonly=True, groups=STAFF_GROUPS)
    date_contact = fields.Datetime(
        string="Entered or Called On", readonly=True, groups=STAFF_GROUPS
    )
    caller_phone = fields.Char(readonly=True, groups=STAFF_GROUPS)
    caller_id = fields.Many2one("res.partner", readonly=True, groups=STAFF_GROUPS)
    scan = fields.Binary(
        string="Scanned Sheet", attachment=True, copy=False, groups=STAFF_GROUPS
    )
    scan_filename = fields.Char(groups=STAFF_GROUPS)

    _sql_constraints = [
        (
            "consultation_unit_uniq",
            "unique(consultation_id, unit_id)",
            "A unit is asked once per consultation.",
        ),
    ]

    @api.depends("user_input_ids.state", "user_input_ids.end_datetime")
    def _compute_answer(self):
        for recipient in self:
            answer = recipient.user_input_ids[:1]
            recipient.user_input_id = answer
            if not answer:
                recipient.answer_state = "none"
            elif answer.state == "done":
                recipient.answer_state = "done"
            else:
                recipient.answer_state = "in_progress"
            recipient.date_answered = (
                answer.end_datetime if answer.state == "done" else False
            )

    @api.depends("unit_id", "partner_id")
    def _compute_display_name(self):
        for recipient in self:
            recipient.display_name = " - ".join(
                name
                for name in (
                    recipient.unit_id.sudo().complete_name,
                    recipient.partner_id.sudo().name,
                )
                if name
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        if self.sudo().user_input_ids:
            raise UserError(
                self.env._("A recipient with an answer is kept as a record.")
            )

    # ------------------------------------------------------------------
    # ANSWERS
    # ------------------------------------------------------------------
    def _check_can_answer(self, partner):
        """Whether an answer may be started for this recipient by
        ``partner`` (the owner in the portal, the staff member entering a
        paper sheet or a phone call): the consultation is open, the
        recipient has not answered, and an answer begun by someone else is
        not taken over (one answer per recipient)."""
        self.ensure_one()
        recipient = self.sudo()
        if recipient.consultation_id.state != "open":
            raise UserError(self.env._("This consultation is not open for answers."))
        answer = recipient.user_input_ids[:1]
        if answer.state == "done":
            raise UserError(
                self.env._(
                    "%(unit)s has already answered this consultation.",
                    unit=recipient.display_name,
                )
            )
        if answer and answer.partner_id != partner:
            raise UserError(
                self.env._(
                    "An answer for %(unit)s was begun in another way (%(channel)s): "
                    "finish it, or discard it first.",
                    unit=recipient.display_name,
                    channel=dict(
                        self._fields["channel"]._description_selection(self.env)
                    ).get(recipient.channel, ""),
                )
            )
        return answer

    def _get_or_create_answer(self, partner, deadline=False):
        """The recipient's one answer, owned by ``partner`` (core survey
        lets a logged-in user open only their own answers)."""
        self.ensure_one()
        answer = self._check_can_answer(partner)
        if answer:
            return answer
        recipient = self.sudo()
        survey = recipient.consultation_id.survey_id
        return survey._create_answer(
            partner=partner,
            check_attempts=False,
            deadline=deadline,
            property_consultation_recipient_id=recipient.id,
            property_respondent_id=recipient.partner_id.id,
        )

    def _check_staff(self):
        """Paper sheets and phone answers are entered by the staff of the
        consultation's project (or head office)."""
        self.ensure_one()
        self.check_access("write")
        self.consultation_id.check_access("write")

    def action_enter_paper_answer(self):
        """Enter the answers of a paper sheet: the scanned sheet is attached
        first; the answer is keyed in by the staff member (its survey answer
        is theirs, linked to the recipient)."""
        self.ensure_one()
        self._check_staff()
        if not self.scan:
            raise UserError(self.env._("Attach the scanned answer sheet first."))
        answer = self._get_or_create_answer(self.env.user.partner_id)
        self._workflow_write(
            {
                "channel": "paper",
                "entered_by_id": self.env.user.id,
                "date_contact": fields.Datetime.now(),
                "caller_phone": False,
                "caller_id": False,
            }
        )
        return {"type": "ir.actions.act_url", "url": answer.get_start_url()}

    def _identify_caller(self, phone):
        """The caller of a phone answer, identified from their number with
        the shared phone-intake helper (``property.ticket._find_caller``):
        it must be the recipient or a current owner of the recipient's unit
        (nobody answers for someone else)."""
        self.ensure_one()
        caller, _unit = self.env["property.ticket"]._find_caller(phone)
        if not caller:
            raise UserError(
                self.env._(
                    "No owner on file has the number %(phone)s: the caller "
                    "cannot be identified. Ask the owner to answer in the "
                    "portal or on a paper sheet.",
                    phone=phone,
                )
            )
        recipient = self.sudo()
        owners = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("unit_id", "=", recipient.unit_id.id),
                    ("role", "in", OWNER_ROLES),
                    ("is_current", "=", True),
                ]
            )
            .partner_id
        )
        if caller != recipient.partner_id and caller not in owners:
            raise UserError(
                self.env._(
                    "The caller %(caller)s is not an owner of %(unit)s.",
                    caller=caller.name,
                    unit=recipient.unit_id.complete_name,
                )
            )
        return caller

    def _start_phone_answer(self, phone, date_call=False):
        """Log a phone answer: the caller identified from the number, the
        staff member and the time of the call; the staff member keys in the
        answers given on the phone."""
        self.ensure_one()
        self._check_staff()
        caller = self._identify_caller(phone)
        answer = self._get_or_create_answer(self.env.user.partner_id)
        self._workflow_write(
            {
                "channel": "phone",
                "entered_by_id": self.env.user.id,
                "date_contact": date_call or fields.Datetime.now(),
                "caller_phone": phone,
                "caller_id": caller.id,
            }
        )
        self.consultation_id.sudo().message_post(
            body=self.env._(
                "Phone answer of %(unit)s logged by %(user)s: caller %(caller)s.",
                unit=self.sudo().unit_id.complete_name,
                user=self.env.user.name,
                caller=caller.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return answer

    def action_continue_answer(self):
        """Reopen the answer the current staff member began."""
        self.ensure_one()
        self._check_staff()
        answer = self._check_can_answer(self.env.user.partner_id)
        if not answer:
            raise UserError(self.env._("No answer was begun for this recipient."))
        return {"type": "ir.actions.act_url", "url": answer.get_start_url()}

    def action_discard_unfinished_answer(self):
        """Discard an answer that was begun but not finished (e.g. an owner
        who started in the portal then handed in a paper sheet)."""
        for recipient in self:
            recipient._check_staff()
            answers = recipient.sudo().user_input_ids
            if answers.filtered(lambda a: a.state == "done"):
                raise UserError(self.env._("A finished answer cannot be discarded."))
            if answers:
                answers.unlink()
                recipient._workflow_write(
                    {
                        "channel": False,
                        "entered_by_id": False,
                        "date_contact": False,
                        "caller_phone": False,
                        "caller_id": False,
                    }
                )
                recipient.consultation_id.sudo().message_post(
                    body=self.env._(
                        "Unfinished answer of %(unit)s discarded by %(user)s.",
                        unit=recipient.sudo().unit_id.complete_name,
                        user=self.env.user.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    @api.model
    def _portal_domain(self, partner):
        """The recipients of ``partner``: their own units, in consultations
        open or finished (never drafts). The record rule says the same."""
        return [
            ("partner_id", "=", partner.id),
            ("consultation_id.state", "in", PORTAL_STATES),
            ("consultation_id.active", "=", True),
        ]

    @api.model
    def _portal_rows(self, partner, consultation_id=None):
        """The recipients of ``partner`` (of one consultation), as
        superuser: the caller shows only what the owner may read."""
        domain = self._portal_domain(partner)
        if consultation_id is not None:
            domain.append(("consultation_id", "=", consultation_id))
        return self.sudo().search(domain, order="id desc")

    def _portal_start_answer(self, partner):
        """Start (or resume) the owner's own answer in the portal and return
        the survey link. Only the owner of the recipient answers, with their
        own login: the answer is tied to their partner (core survey then
        refuses anyone else), once, while the consultation is open and
        within its answering period."""
        self.ensure_one()
        recipient = self.sudo().filtered_domain(self._portal_domain(partner))
        if not recipient:
            raise AccessError(self.env._("This consultation is not addressed to you."))
        consultation = recipient.consultation_id
        today = consultation._today()
        if consultation.state != "open" or not (
            consultation.date_start <= today <= consultation.date_end
        ):
            raise UserError(
                self.env._("This consultation is not open for answers today.")
            )
        answer = recipient._get_or_create_answer(
            partner, deadline=consultation._answer_deadline()
        )
        if not recipient.channel:
            recipient._workflow_write({"channel": "portal"})
        return answer.get_start_url()

    def _portal_values(self):
        """What the owner reads of their recipient row."""
        self.ensure_one()
        recipient = self.sudo()
        consultation = recipient.consultation_id
        answer = recipient.user_input_ids[:1]
        today = consultation._today()
        notice = consultation.notice_id
        return {
            "recipient": recipient,
            "consultation": consultation,
            "can_answer": consultation.state == "open"
            and consultation.date_start <= today <= consultation.date_end
            and answer.state != "done"
            and (not answer or answer.partner_id == recipient.partner_id),
            "answer_url": answer.get_print_url() if answer.state == "done" else False,
            "notice": notice if notice and notice.is_displayed else False,
        }
