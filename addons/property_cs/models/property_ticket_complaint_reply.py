# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_date

from .constants import REPLY_PENDING_STEPS


class PropertyTicket(models.Model):
    """The reply deadline of a complaint (domain_standards A5): warned
    before, escalated and recorded as breached once per step, and the owner
    kept informed of the step reached and the date of our reply (D-13)."""

    _inherit = "property.ticket"

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
