# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import models

from ..tools.sms_providers import SmsProviderError, mainland_number

_logger = logging.getLogger(__name__)


class SmsSms(models.Model):
    """Odoo's SMS sent through the company's Chinese provider when one is
    set up (``res.company._sms_provider``); Odoo's IAP otherwise. Before
    sending: an owner who withdrew their consent to SMS, or a number on
    Odoo's opt-out list, is not sent to; the number must be a mainland
    mobile; the text must be one of the company's approved templates.
    Each SMS sent or refused is kept as a delivery record with the
    provider's message id or reason."""

    _inherit = "sms.sms"

    def _property_company(self):
        """The company an SMS is sent for: the record it was written on,
        else the recipient's, else the current one."""
        self.ensure_one()
        message = self.mail_message_id
        if message.model and message.res_id:
            record = self.env[message.model].sudo().browse(message.res_id).exists()
            if record and "company_id" in record._fields and record.company_id:
                return record.company_id
        return self.partner_id.sudo().company_id or self.env.company

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        by_provider = self.browse()
        for sms in self:
            company = sms._property_company()
            if company._sms_provider():
                by_provider |= sms
        others = self - by_provider
        res = None
        if others:
            res = super(SmsSms, others)._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        if by_provider:
            by_provider._property_send(unlink_failed, unlink_sent)
        return res

    def _property_send(self, unlink_failed, unlink_sent):
        objecting = self.env["property.consent"]._partners_objecting(
            self.partner_id, "sms"
        )
        Delivery = self.env["property.sms.delivery"].sudo()
        Template = self.env["property.sms.template"]
        for sms in self.sudo().with_context(sms_skip_msg_notification=True):
            company = sms._property_company()
            number = mainland_number(sms.number)
            blacklisted = number and self.env["phone.blacklist"].sudo().search_count(
                [("number", "in", [f"+86{number}", number])], limit=1
            )
            if sms.partner_id in objecting or blacklisted:
                sms._property_fail("canceled", "sms_optout", unlink_failed)
                continue
            if not number:
                sms._property_fail("error", "sms_number_format", unlink_failed)
                continue
            template, params = Template._match(company, sms.body)
            values = {
                "company_id": company.id,
                "provider": company._sms_provider(),
                "number": number,
                "partner_id": sms.partner_id.id,
                "sms_uuid": sms.uuid,
                "template_id": template.id,
                "body": sms.body,
            }
            if not template:
                Delivery.create(
                    dict(
                        values,
                        state="refused",
                        error=self.env._(
                            "No approved template matches this text: add it under "
                            "Approved SMS Templates, or a template that is only a "
                            "variable."
                        ),
                    )
                )
                sms._property_fail("error", "sms_server", unlink_failed)
                continue
            try:
                msgid = company._sms_provider_send(number, template.code, params)
            except SmsProviderError as error:
                _logger.info("SMS %s refused by the provider: %s", sms.uuid, error)
                Delivery.create(dict(values, state="refused", error=str(error)[:200]))
                sms._property_fail("error", error.failure_type, unlink_failed)
                continue
            Delivery.create(dict(values, state="sent", provider_message_id=msgid))
            sms.sms_tracker_id._action_update_from_sms_state("pending")
            sms.write(
                {
                    "state": "pending",
                    "failure_type": False,
                    **({"to_delete": True} if unlink_sent else {}),
                }
            )
        self.mail_message_id._notify_message_notification_update()

    def _property_fail(self, state, failure_type, unlink_failed):
        self.sms_tracker_id._action_update_from_sms_state(
            state, failure_type=failure_type
        )
        self.write(
            {
                "state": state,
                "failure_type": failure_type,
                **({"to_delete": True} if unlink_failed else {}),
            }
        )
