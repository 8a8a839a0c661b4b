# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

from ..tools.sms_providers import mainland_number

_logger = logging.getLogger(__name__)

OPT_OUT_WORDS = {"TD", "T", "N", "退订", "退訂", "UNSUBSCRIBE", "STOP"}
MAX_REPORTS = 500  # items per callback


class PropertySmsDelivery(models.Model):
    """One SMS sent through a Chinese provider, kept with the provider's
    message id, the template used, and its delivery report when the
    provider pushes it; a refused SMS keeps the provider's reason. An
    owner's reply "TD" / "退订" puts their number on Odoo's opt-out list."""

    _name = "property.sms.delivery"
    _description = "SMS Delivery"
    _order = "id desc"
    _rec_name = "number"

    company_id = fields.Many2one("res.company", required=True, readonly=True)
    provider = fields.Selection(
        [("aliyun", "Aliyun SMS"), ("tencent", "Tencent Cloud SMS")],
        required=True,
        readonly=True,
    )
    number = fields.Char(required=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Recipient", readonly=True)
    sms_uuid = fields.Char(string="SMS UUID", readonly=True, index=True)
    provider_message_id = fields.Char(
        string="Provider Message ID", readonly=True, index="btree_not_null"
    )
    template_id = fields.Many2one(
        "property.sms.template", string="Approved Template", readonly=True
    )
    body = fields.Text(readonly=True)
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("delivered", "Delivered"),
            ("not_delivered", "Delivery Failed"),
            ("refused", "Refused"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    error = fields.Char(readonly=True)
    date_report = fields.Datetime(string="Report Received On", readonly=True)

    @api.model
    def _sms_report(self, company, items):
        """Record the delivery reports the provider pushed (``items``: the
        JSON list Aliyun's SmsReport or Tencent's status callback sends);
        unknown message ids are ignored. The SMS's notification follows
        (delivered, or bounced with the reason)."""
        Tracker = self.env["sms.tracker"].sudo()
        for item in (items or [])[:MAX_REPORTS]:
            if not isinstance(item, dict):
                continue
            msgid = item.get("biz_id") or item.get("sid")
            delivery = self.sudo().search(
                [("company_id", "=", company.id), ("provider_message_id", "=", msgid)],
                limit=1,
            )
            if not msgid or not delivery:
                continue
            if "success" in item:
                delivered = item.get("success") in (True, "true")
                reason = f"{item.get('err_code') or ''} {item.get('err_msg') or ''}"
            else:
                delivered = item.get("report_status") == "SUCCESS"
                reason = f"{item.get('errmsg') or ''} {item.get('description') or ''}"
            delivery.write(
                {
                    "state": "delivered" if delivered else "not_delivered",
                    "error": False if delivered else reason.strip()[:200],
                    "date_report": fields.Datetime.now(),
                }
            )
            trackers = Tracker.search([("sms_uuid", "=", delivery.sms_uuid)])
            if delivered:
                trackers._action_update_from_sms_state("sent")
            else:
                trackers._action_update_from_provider_error("not_delivered")
        return True

    @api.model
    def _sms_reply(self, company, items):
        """Replies from owners (Aliyun SmsUp, Tencent reply callback): an
        opt-out word puts the number on Odoo's SMS opt-out list; other
        replies are only logged."""
        if isinstance(items, dict):
            items = [items]
        Blacklist = self.env["phone.blacklist"].sudo()
        for item in (items or [])[:MAX_REPORTS]:
            if not isinstance(item, dict):
                continue
            text = str(item.get("content") or item.get("text") or "").strip()
            number = mainland_number(
                str(item.get("phone_number") or item.get("mobile") or "")
            )
            if number and text.upper() in OPT_OUT_WORDS:
                Blacklist._add(
                    [f"+86{number}"],
                    message=self.env._(
                        "The owner replied %(text)s to an SMS.", text=text
                    ),
                )
            else:
                _logger.info("SMS reply for company %s not an opt-out", company.id)
        return True

    @api.model
    def _sms_callback(self, route_key, kind, items):
        """The provider's push to a company's callback URL (the one
        controller method): ``kind`` is "report" or "reply". Returns the
        company's provider (its answer differs), False for an unknown URL."""
        company = (
            self.env["res.company"]
            .sudo()
            .search([("property_sms_route_key", "=", route_key or "")], limit=1)
        )
        if not route_key or not company:
            return False
        if kind == "report":
            self._sms_report(company, items)
        else:
            self._sms_reply(company, items)
        return company.property_sms_provider
