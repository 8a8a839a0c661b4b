# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from .constants import RENOVATION_ACTIVE_STATES

# the states of an application before its approval, in which the applicant
# may still sign the rules or cancel it
RENOVATION_REVIEW_STATES = ("draft", "submitted", "engineering", "changes", "approval")
RENOVATION_REVIEW_ACTIVITY = "property_cs.mail_activity_type_renovation_review"
MANAGER_GROUP = "property_cs.group_property_cs_manager"
AGENT_GROUP = "property_cs.group_property_cs_agent"


class PropertyRenovation(models.Model):
    """The review of a renovation application (D-20, domain_standards
    D1-D5): submission, customer service's completeness check, the
    engineering review, changes requested from the applicant, the project
    manager's approval or rejection, the signature of the rules; who may do
    each step, the reviewers' to-dos and the applicant's messages.

    Owned by the application part; the works and the deposit parts extend
    ``_renovation_on_approved``."""

    _inherit = "property.renovation"

    # ------------------------------------------------------------------
    # WHO MAY ACT
    # ------------------------------------------------------------------
    def _check_desk_user(self):
        """Customer service acts at the desk (on the applicant's behalf)."""
        if not self.env.su and not self.env.user.has_group(AGENT_GROUP):
            raise AccessError(self.env._("Only customer-service staff can do this."))

    def _engineering_departments(self):
        """The engineering departments that review this project's
        renovations: the project's own, else those serving every project."""
        self.ensure_one()
        departments = (
            self.env["property.department"]
            .sudo()
            .search(
                [
                    ("kind", "=", "engineering"),
                    ("company_id", "=", self.company_id.id),
                    ("project_id", "in", [self.project_id.id, False]),
                ]
            )
        )
        own = departments.filtered(lambda d: d.project_id == self.project_id)
        return own or departments

    def _engineering_users(self):
        departments = self._engineering_departments()
        return departments.member_ids | departments.leader_id

    def write(self, vals):
        """The engineering opinion is written by the project's engineering
        department while the application is in its review, like the
        actions that pass it on (D-20)."""
        if "engineering_note" in vals and not self._workflow_change_allowed():
            self.check_access("write")
            self._check_engineering_user()
            if any(renovation.state != "engineering" for renovation in self):
                raise UserError(
                    self.env._(
                        "The engineering opinion can be written only while the "
                        "application is in the engineering review."
                    )
                )
        return super().write(vals)

    def _check_engineering_user(self):
        """The engineering review is recorded by a member or the leader of
        the project's engineering department, not by other departments
        (D-20)."""
        for renovation in self:
            if self.env.su or self.env.user in renovation._engineering_users():
                continue
            raise AccessError(
                self.env._(
                    "Only a member or the leader of the engineering department "
                    "of %(project)s can record the engineering review.",
                    project=renovation.project_id.name,
                )
            )

    def _project_managers(self):
        """Who may approve: the users of the project manager group assigned
        to the project or named as its project manager."""
        self.ensure_one()
        return (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .users.filtered(
                lambda user: (
                    self.project_id in user.property_project_ids
                    or user == self.project_id.manager_id
                )
            )
        )

    def _approvers(self):
        """Who gets the approval to-do: the project's named project manager,
        else every project manager of the project."""
        self.ensure_one()
        managers = self._project_managers()
        return (self.project_id.manager_id & managers) or managers

    def _check_approver(self):
        for renovation in self:
            if self.env.su or self.env.user in renovation._project_managers():
                continue
            raise AccessError(
                self.env._(
                    "Only a project manager of %(project)s can approve or reject "
                    "a renovation application.",
                    project=renovation.project_id.name,
                )
            )

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for renovation in self:
            if renovation.state not in states:
                raise UserError(
                    self.env._(
                        "%(permit)s is %(state)s: this step is not possible now.",
                        permit=renovation.name,
                        state=labels[renovation.state],
                    )
                )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _submit_blockers(self):
        """Everything that stops the submission, in one list (D-20,
        domain_standards D2, D3)."""
        self.ensure_one()
        blockers = []
        if not self.scope_ids:
            blockers.append(self.env._("Tick the works planned."))
        if not self.date_start or not self.date_end:
            blockers.append(self.env._("Give the planned start and end."))
        elif self.date_start < self._today():
            blockers.append(self.env._("The planned start cannot be in the past."))
        if self.uses_contractor and not all(
            (
                self.contractor_name,
                self.contractor_licence,
                self.contractor_manager,
                self.contractor_phone,
            )
        ):
            blockers.append(
                self.env._(
                    "Give the contractor's name, licence number, person in charge "
                    "and phone."
                )
            )
        if self.missing_documents:
            blockers.append(
                self.env._(
                    "Attach the missing documents: %(documents)s.",
                    documents=", ".join(self.missing_documents.split("\n")),
                )
            )
        return blockers

    def _check_submittable(self):
        for renovation in self:
            blockers = renovation._submit_blockers()
            if blockers:
                raise UserError(
                    self.env._(
                        "%(permit)s cannot be submitted yet:\n%(blockers)s",
                        permit=renovation.name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )

    def action_submit(self):
        """Submit a draft, or resubmit an amended application, to customer
        service for the completeness check."""
        self._check_desk_user()
        self._check_state(("draft", "changes"))
        self._check_submittable()
        for renovation in self:
            renovation._workflow_write(
                {"state": "submitted", "date_submitted": fields.Datetime.now()}
            )
            renovation._schedule_review(
                renovation._desk_users(),
                self.env._("Check the renovation application's documents"),
            )
        return True

    def action_check(self):
        """Customer service found the application complete: the project's
        engineering department reviews it."""
        self._check_desk_user()
        self._check_state(("submitted",))
        self._check_submittable_documents()
        for renovation in self:
            renovation._workflow_write(
                {"state": "engineering", "checked_by_id": self.env.uid}
            )
            departments = renovation._engineering_departments()
            renovation._schedule_review(
                departments.leader_id or departments.member_ids,
                self.env._("Review the renovation works (engineering)"),
            )
        return True

    def _check_submittable_documents(self):
        for renovation in self:
            if renovation.missing_documents:
                raise UserError(
                    self.env._(
                        "Attach the missing documents: %(documents)s.",
                        documents=", ".join(renovation.missing_documents.split("\n")),
                    )
                )

    def _request_changes(self, request):
        """Send the application back to the applicant with what to amend:
        customer service at the completeness check, engineering at its
        review. The applicant reads it in the portal and resubmits."""
        request = (request or "").strip()
        if not request:
            raise UserError(self.env._("Say what the applicant must change."))
        self._check_state(("submitted", "engineering"))
        for renovation in self:
            if renovation.state == "submitted":
                renovation._check_desk_user()
            else:
                renovation._check_engineering_user()
            values = {"state": "changes", "change_request": request}
            if renovation.state == "engineering":
                values.update(
                    engineering_user_id=self.env.uid,
                    engineering_date=fields.Datetime.now(),
                )
            renovation._workflow_write(values)
            renovation._schedule_review(self.env["res.users"], False)
            renovation._notify_applicant("changes")
        return True

    def action_engineering_pass(self):
        """The engineering department found the works acceptable: the
        project manager approves."""
        self._check_state(("engineering",))
        self._check_engineering_user()
        for renovation in self:
            if not (renovation.engineering_note or "").strip():
                raise UserError(
                    self.env._("Write the engineering opinion before passing it on.")
                )
            renovation._workflow_write(
                {
                    "state": "approval",
                    "engineering_user_id": self.env.uid,
                    "engineering_date": fields.Datetime.now(),
                }
            )
            renovation._schedule_review(
                renovation._approvers(),
                self.env._("Approve or reject the renovation application"),
            )
        return True

    def action_approve(self):
        """The project manager approves: the applicant signed the rules and
        ticked every declaration; the unit has no other works under way.
        Nothing about a contractor or services bought from the property
        company is read here (domain_standards D5)."""
        self._check_state(("approval",))
        self._check_approver()
        prohibitions = self.env["property.renovation.prohibition"].search([])
        for renovation in self:
            if not renovation.is_signed or prohibitions - renovation.prohibition_ids:
                raise UserError(
                    self.env._(
                        "%(permit)s cannot be approved before the applicant ticks "
                        "every declaration and signs the renovation rules.",
                        permit=renovation.name,
                    )
                )
            other = renovation.unit_id.sudo().renovation_ids.filtered(
                lambda r, renovation=renovation: (
                    r != renovation and r.state in RENOVATION_ACTIVE_STATES
                )
            )
            if other:
                raise UserError(
                    self.env._(
                        "%(unit)s already has works under way (%(permit)s).",
                        unit=renovation.unit_id.complete_name,
                        permit=other[0].name,
                    )
                )
            renovation._workflow_write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "date_approved": fields.Datetime.now(),
                }
            )
            renovation._schedule_review(self.env["res.users"], False)
            renovation._renovation_on_approved()
            renovation._notify_applicant("approved")
        return True

    def _reject(self, reason):
        """Reject with a reason the applicant reads."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for the rejection."))
        self._check_state(("submitted", "engineering", "changes", "approval"))
        self._check_approver()
        for renovation in self:
            renovation._workflow_write({"state": "rejected", "reject_reason": reason})
            renovation._schedule_review(self.env["res.users"], False)
            renovation._notify_applicant("rejected")
        return True

    def action_cancel(self):
        """The applicant withdraws the application before its approval (at
        the desk or in the portal)."""
        self._check_desk_user()
        return self._cancel()

    def _cancel(self):
        self._check_state(RENOVATION_REVIEW_STATES)
        for renovation in self:
            renovation._workflow_write({"state": "cancelled"})
            renovation._schedule_review(self.env["res.users"], False)
        return True

    def _sign(self, name, signature, ip_address, prohibitions=None):
        """Record the applicant's acknowledgement of the project's rules:
        every active declaration ticked, the signature image, the signer's
        name, the time and the address it came from (D-20,
        domain_standards D1, D2, D4).

        :param prohibitions: the declarations ticked now (default: those
            already ticked)
        """
        self.ensure_one()
        self._check_state(RENOVATION_REVIEW_STATES)
        name = (name or "").strip()
        if not name or not signature:
            raise UserError(self.env._("Sign with your name and signature."))
        ticked = self.prohibition_ids if prohibitions is None else prohibitions
        if self.env["property.renovation.prohibition"].search([]) - ticked:
            raise UserError(
                self.env._("Tick every declaration of the renovation rules first.")
            )
        self._workflow_write(
            {
                "prohibition_ids": [fields.Command.set(ticked.ids)],
                "signature": signature,
                "signed_by": name,
                "signed_on": fields.Datetime.now(),
                "signed_ip": ip_address or False,
            }
        )
        self.message_post(
            body=self.env._(
                "%(name)s acknowledged the renovation rules and signed them.",
                name=name,
            )
        )
        return True

    # ------------------------------------------------------------------
    # NOTIFICATIONS AND HOOKS
    # ------------------------------------------------------------------
    def _desk_users(self):
        """Customer service for this application: its handler, else the
        project's agents."""
        self.ensure_one()
        if self.user_id:
            return self.user_id
        return self.project_id.user_ids.filtered(
            lambda user: (
                user.has_group(AGENT_GROUP) and not user.has_group(MANAGER_GROUP)
            )
        )

    def _schedule_review(self, users, summary):
        """Close the review to-dos of the previous step and give the next
        reviewers theirs (only those who can open the application)."""
        self.ensure_one()
        activity_type = self.env.ref(RENOVATION_REVIEW_ACTIVITY)
        self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_feedback()
        for user in users:
            if self.with_user(user).has_access("read"):
                self.sudo().activity_schedule(
                    RENOVATION_REVIEW_ACTIVITY, user_id=user.id, summary=summary
                )

    def _applicant_message(self, event):
        """The applicant's message about ``event`` (changes, approved,
        rejected), in the current language."""
        self.ensure_one()
        if event == "changes":
            return self.env._(
                "Your renovation application %(permit)s needs changes: "
                "%(changes)s Please amend it and submit it again.",
                permit=self.name,
                changes=self.change_request,
            )
        if event == "approved":
            return self.env._(
                "Your renovation application %(permit)s is approved: the works "
                "may start on %(date)s, within the working hours %(hours)s.",
                permit=self.name,
                date=format_date(self.env, self.date_start),
                hours=self.project_id.renovation_working_hours or "-",
            )
        return self.env._(
            "Your renovation application %(permit)s is rejected: %(reason)s",
            permit=self.name,
            reason=self.reject_reason,
        )

    def _notify_applicant(self, event):
        """Tell the applicant in their language; the message shows in the
        portal page of the application."""
        for renovation in self:
            lang = renovation.applicant_id.lang or renovation.company_id.partner_id.lang
            body = renovation.with_context(lang=lang)._applicant_message(event)
            renovation.message_post(
                body=body,
                partner_ids=renovation.applicant_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _renovation_on_approved(self):
        """Called once by ``action_approve`` after the state became
        approved: the unit shows its current renovation. Extended with
        super() by the deposit (invoicing) and the works parts."""
        for renovation in self:
            renovation.unit_id.sudo().write(
                {
                    "current_renovation_id": renovation.id,
                    "renovation_state": "in_progress",
                }
            )
