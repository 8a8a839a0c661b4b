# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from .res_company import SATISFACTION_CHANNELS


class PropertyTicket(models.Model):
    """Closure feedback (D-10): the stage mails with the rating links, the
    one satisfaction contact per ticket across rating, callback and pulse
    survey, and the automatic confirmation of done tickets the owner did
    not answer."""

    _inherit = "property.ticket"

    satisfaction_contact = fields.Selection(
        SATISFACTION_CHANNELS,
        readonly=True,
        copy=False,
        help="The one satisfaction contact made for this ticket.",
    )
    is_auto_confirmed = fields.Boolean(
        string="Confirmed Automatically", readonly=True, copy=False
    )

    def _claim_satisfaction_contact(self, kind):
        """At most one satisfaction contact per ticket, across rating,
        callback and pulse survey; the company setting says which one takes
        precedence. Return True when ``kind`` may contact the owner now (and
        record it), False otherwise."""
        self.ensure_one()
        if self.satisfaction_contact or not self.partner_id:
            return False
        if self.company_id.property_satisfaction_channel != kind:
            return False
        self.sudo().satisfaction_contact = kind
        return True

    def _track_template(self, changes):
        """Tell the owner when the ticket enters a stage with a template; the
        closing mail carries the rating links, so it is sent only when the
        rating is this ticket's satisfaction contact."""
        res = super()._track_template(changes)
        ticket = self[0]
        closing_mail = ticket.stage_id.mail_template_id == self.env.ref(
            "property_cs.mail_template_ticket_closed", raise_if_not_found=False
        )
        if (
            "stage_id" in changes
            and ticket.stage_id.mail_template_id
            and ticket.partner_id
            # a new complaint is acknowledged by its own mail
            and not (ticket.kind == "complaint" and ticket.state == "new")
            and (not closing_mail or ticket._claim_satisfaction_contact("rating"))
        ):
            res["stage_id"] = (
                ticket.stage_id.mail_template_id,
                {
                    "auto_delete_keep_log": False,
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id(
                        "mail.mt_note"
                    ),
                    "email_layout_xmlid": "mail.mail_notification_light",
                },
            )
        return res

    @api.model
    def _cron_auto_confirm(self):
        """Done tickets the owner did not answer are confirmed after the
        company's delay (default 3 days), and recorded as such (D-10)."""
        now = fields.Datetime.now()
        closed_stage = self._stage_for("closed")
        for company in self.env["res.company"].search([]):
            days = company.property_auto_confirm_days
            if not days:
                continue
            tickets = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date_done", "<=", now - timedelta(days=days)),
                    *self._auto_confirm_domain(),
                ]
            )
            if not tickets:
                continue
            tickets.write({"stage_id": closed_stage.id, "is_auto_confirmed": True})
            for ticket in tickets:
                ticket.message_post(
                    body=self.env._(
                        "Confirmed automatically: the owner did not answer within "
                        "%(days)s days.",
                        days=days,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _rating_get_partner(self):
        return self.partner_id or super()._rating_get_partner()

    @api.model
    def _auto_confirm_domain(self):
        """What else a done ticket must meet to be confirmed automatically;
        each part of the ticket adds its conditions with ``super()``."""
        return []
