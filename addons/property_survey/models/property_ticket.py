# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models

PULSE_DAYS = 7


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    pulse_input_ids = fields.One2many(
        "survey.user_input", "property_ticket_id", string="Pulse Surveys"
    )

    def _ticket_stage_hooks(self):
        """A closed ticket asks its pulse survey, after the callbacks of
        closure (30) had their chance to claim the one satisfaction contact.
        A stage hook rather than an automation rule: ticket writes are a hot
        path (an on-save rule costs queries on each write)."""
        return super()._ticket_stage_hooks() + [
            (60, "enter", "closed", "_send_pulse_survey")
        ]

    def _send_pulse_survey(self):
        """After closure, ask the owner a short pulse survey of the ticket's
        category (D-29), only when the pulse survey is the ticket's one
        satisfaction contact (the company setting, at most one contact per
        ticket) and the owner has not withdrawn their consent to surveys.
        Pulse answers form their own series, never merged into campaign
        figures. Called when a ticket closes."""
        template = self.env.ref(
            "property_survey.mail_template_pulse_invitation", raise_if_not_found=False
        )
        answers = self.env["survey.user_input"]
        for ticket in self:
            survey = ticket.category_id and ticket.category_id._get_pulse_survey()
            if (
                not survey
                or self.env["property.consent"]._partners_objecting(
                    ticket.partner_id, "surveys"
                )
                or not ticket._claim_satisfaction_contact("survey")
            ):
                continue
            answer = survey.sudo()._create_answer(
                partner=ticket.partner_id,
                check_attempts=False,
                deadline=fields.Datetime.now() + timedelta(days=PULSE_DAYS),
                property_ticket_id=ticket.id,
            )
            answers |= answer
            if template:
                template.sudo().send_mail(answer.id, force_send=False)
        return answers
