# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .constants import COMPLAINT_SEVERITIES, GROUP_HEAD_OFFICE, GROUP_SUPERVISOR

# mainland mobiles and landlines, optionally with +86
PHONE_PATTERN = re.compile(
    r"(?<!\d)(?:\+?86[- ]?)?(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8})(?!\d)"
)
# resident identity card numbers (18 characters, last may be X)
ID_PATTERN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


class PropertyComplaintCase(models.Model):
    """A closed complaint kept for training (D-16 "reuse cases for
    training"): its free text is scrubbed of the complaint's people, phone
    and ID numbers and the project's unit numbers when published; a
    supervisor approves it before anyone else reads it (D-18
    confidentiality)."""

    _name = "property.complaint.case"
    _description = "Complaint Case"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    active = fields.Boolean(default=True)
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Complaint",
        readonly=True,
        index=True,
        ondelete="restrict",
        groups=f"{GROUP_SUPERVISOR},{GROUP_HEAD_OFFICE}",
    )
    project_id = fields.Many2one("property.project", readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    category_id = fields.Many2one("property.ticket.category", readonly=True)
    severity = fields.Selection(COMPLAINT_SEVERITIES, readonly=True)
    emotion = fields.Char(readonly=True)
    situation = fields.Text(help="What happened, scrubbed.")
    handling = fields.Text(help="Investigation, plan and reply, scrubbed.")
    lessons = fields.Text(help="Summary and lessons, scrubbed.")
    state = fields.Selection(
        [("draft", "To Review"), ("approved", "Approved for Training")],
        required=True,
        default="draft",
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)

    def action_approve(self):
        """A supervisor reviews the scrubbing and approves the case for
        training."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(self.env._("A supervisor approves training cases."))
        self.write({"state": "approved", "approved_by_id": self.env.user.id})
        return True

    def action_reset(self):
        self.write({"state": "draft", "approved_by_id": False})
        return True

    # ------------------------------------------------------------------
    # SCRUBBING
    # ------------------------------------------------------------------
    def _scrub_terms(self, ticket):
        """Names of the complaint's people and the project's unit numbers,
        longest first so that full names go before their parts."""
        ticket = ticket.sudo()
        partners = (
            ticket.partner_id
            | ticket.complaint_verify_partner_id
            | ticket.message_partner_ids
            | ticket.unit_id.partner_link_ids.partner_id
            | ticket.partner_id.commercial_partner_id
        )
        names = {name for name in partners.mapped("name") if name}
        if ticket.complaint_submitter_name:
            names.add(ticket.complaint_submitter_name)
        units = (
            self.env["property.unit"]
            .sudo()
            .with_context(active_test=False)
            .search([("project_id", "=", ticket.project_id.id)])
        )
        unit_terms = {term for term in units.mapped("complete_name") if term}
        unit_terms |= {term for term in units.mapped("name") if term}
        return (
            sorted(names, key=len, reverse=True),
            sorted(unit_terms, key=len, reverse=True),
        )

    def _scrub(self, text, terms):
        """Replace ID numbers, phones, unit numbers and names in ``text``."""
        if not text:
            return text
        names, units = terms
        text = ID_PATTERN.sub(self.env._("[ID number]"), text)
        text = PHONE_PATTERN.sub(self.env._("[phone]"), text)
        for unit in units:
            text = re.sub(
                rf"(?<![0-9A-Za-z]){re.escape(unit)}(?![0-9A-Za-z])",
                self.env._("[unit]"),
                text,
            )
        for name in names:
            text = re.sub(re.escape(name), self.env._("[name]"), text, flags=re.I)
        return text

    def _prepare_from_ticket(self, ticket):
        ticket = ticket.sudo()
        terms = self._scrub_terms(ticket)
        description = ticket.description and ticket.description.striptags() or ""
        emotions = dict(
            ticket._fields["complaint_emotion"]._description_selection(self.env)
        )
        handling = "\n\n".join(
            part
            for part in (
                ticket.complaint_findings,
                ticket.complaint_plan,
                ticket.complaint_reply,
            )
            if part
        )
        return {
            "name": self._scrub(ticket.name, terms),
            "ticket_id": ticket.id,
            "project_id": ticket.project_id.id,
            "company_id": ticket.company_id.id,
            "category_id": ticket.category_id.id,
            "severity": ticket.complaint_severity,
            "emotion": emotions.get(ticket.complaint_emotion, False),
            "situation": self._scrub(description, terms),
            "handling": self._scrub(handling, terms),
            "lessons": self._scrub(ticket.complaint_summary, terms),
        }

    def _create_from_ticket(self, ticket):
        """Publish a closed complaint as a case to review (D-16)."""
        if ticket.kind != "complaint" or ticket.state != "closed":
            raise UserError(
                self.env._("Only closed complaints are published as cases.")
            )
        if (
            self.sudo()
            .with_context(active_test=False)
            .search_count([("ticket_id", "=", ticket.id)])
        ):
            raise UserError(
                self.env._(
                    "Complaint %(ticket)s is already published.",
                    ticket=ticket.display_name,
                )
            )
        return self.sudo().create(self._prepare_from_ticket(ticket))
