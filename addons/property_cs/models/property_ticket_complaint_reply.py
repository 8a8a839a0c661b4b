# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import format_date

from .constants import REPLY_PENDING_STEPS


class PropertyTicket(models.Model):
    """The reply deadline of a complaint (domain_standards A5): warned
    before, escalated and recorded as breached once per step, and the owner
    kept informed of the step reached and the date of our reply (D-13)."""

    _inherit = "property.ticket"

    # ------------------------------------------------------------------
    # REPLY DEADLINE (A5) on the deadline engine
    # ------------------------------------------------------------------
    def _deadline_specs(self):
        """Add the reply deadline of a complaint: due at the reply date set
        by the rules (A5), running until the reply, not stopped by a paused
        stage; a warning the company's days before, then the supervisor,
        project manager and head office as for the service times (D-7).
        One per complaint: reopening does not start it again."""
        specs = super()._deadline_specs()
        for ticket in self.sudo().filtered(
            lambda t: t.kind == "complaint" and t.date_complaint_reply_due
        ):
            spec = dict(
                ticket._deadline_common(),
                target="reply",
                cycle=0,
                date_start=ticket.date_reported,
                date_fixed=ticket.date_complaint_reply_due,
                **ticket._deadline_step_minutes(),
            )
            spec["warning_minutes"] = (
                ticket.company_id.sudo().property_complaint_reply_warning_days * 1440
            )
            if ticket.complaint_step not in REPLY_PENDING_STEPS:
                spec.update(
                    state="met",
                    date_met=ticket.date_complaint_replied or fields.Datetime.now(),
                )
            elif ticket.state in ("closed", "cancelled"):
                spec["state"] = "cancelled"
            specs.append(spec)
        return specs

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
