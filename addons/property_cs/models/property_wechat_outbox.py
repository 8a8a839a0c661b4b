# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.wechat_client import WeChatApiError

BACKOFF_MINUTES = [1, 5, 30, 120]  # then failed


class PropertyWechatOutbox(models.Model):
    """A message to an owner's WeChat, queued: sent by the queue's job,
    retried with backoff after a temporary error, failed with the reason
    after a permanent one or the last try. Never lost silently: the
    service centre sees every failed message."""

    _name = "property.wechat.outbox"
    _description = "WeChat Outgoing Message"
    _order = "id desc"
    _rec_name = "openid"

    channel = fields.Selection(
        [("wechat", "WeChat"), ("wecom", "WeCom")],
        default="wechat",
        required=True,
        readonly=True,
    )
    account_id = fields.Many2one(
        "property.wechat.account", readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    openid = fields.Char(string="Recipient (OpenID)", readonly=True)
    user_id = fields.Many2one("res.users", string="Staff", readonly=True)
    wecom_userid = fields.Char(string="WeCom User ID", readonly=True)
    title = fields.Char(readonly=True)
    url = fields.Char(string="Link", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Owner", readonly=True)
    ticket_id = fields.Many2one(
        "property.ticket", readonly=True, index="btree_not_null"
    )
    body = fields.Text(required=True, readonly=True)
    purpose = fields.Selection(
        [("ticket", "Request Progress"), ("notice", "Notice")],
        string="Used For",
        readonly=True,
        help="What the message tells: when the owner has not written within 48 "
        "hours, it goes as the account's template message for this purpose.",
    )
    template_values = fields.Json(readonly=True)
    sent_as = fields.Selection(
        [("text", "Customer-Service Message"), ("template", "Template Message")],
        readonly=True,
    )
    state = fields.Selection(
        [("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    attempt_count = fields.Integer(string="Attempts", readonly=True)
    date_next_try = fields.Datetime(
        string="Next Try", readonly=True, default=fields.Datetime.now
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True)
    error = fields.Text(readonly=True)

    @api.constrains("channel", "account_id", "openid", "wecom_userid")
    def _check_recipient(self):
        for message in self:
            if message.channel == "wechat" and not (
                message.account_id and message.openid
            ):
                raise ValidationError(
                    self.env._("A WeChat message needs its account and recipient.")
                )
            if message.channel == "wecom" and not message.wecom_userid:
                raise ValidationError(
                    self.env._("A WeCom message needs the person's WeCom user ID.")
                )

    @api.model
    def _queue(self, account, openid, body, partner=None, ticket=None, **extra):
        """Queue ``body`` for ``openid``; the job sends it at once.
        ``extra``: the ``purpose``, ``template_values`` and ``url`` of a
        notification that may go as a template message."""
        return self._queue_many(
            [
                {
                    "account_id": account.id,
                    "company_id": account.company_id.id,
                    "openid": openid,
                    "body": body,
                    "partner_id": partner.id if partner else False,
                    "ticket_id": ticket.id if ticket else False,
                    **extra,
                }
            ]
        )

    @api.model
    def _queue_many(self, vals_list):
        """Queue many messages at once (a notice to a whole project)."""
        messages = self.sudo().create(vals_list)
        if messages:
            self.env.ref("property_cs.ir_cron_property_wechat_send")._trigger()
        return messages

    @api.model
    def _queue_wecom(self, company, user, title, body, url):
        """Queue a WeCom card for the staff member ``user`` (who has a WeCom
        user ID, in a company with WeCom set up); else nothing."""
        if not user.property_wecom_userid or not company._wecom_enabled():
            return self.browse()
        message = self.sudo().create(
            {
                "channel": "wecom",
                "company_id": company.id,
                "user_id": user.id,
                "wecom_userid": user.property_wecom_userid,
                "title": title,
                "body": body,
                "url": url,
            }
        )
        self.env.ref("property_cs.ir_cron_property_wechat_send")._trigger()
        return message

    @api.model
    def _cron_send(self, limit=100):
        """Send the queued messages that are due, each on its own."""
        now = fields.Datetime.now()
        due = self.search(
            [("state", "=", "queued"), ("date_next_try", "<=", now)],
            order="date_next_try, id",
            limit=limit,
        )
        for message in due:
            try:
                with self.env.cr.savepoint():
                    message._send()
            except Exception as error:  # pylint: disable=broad-exception-caught
                # anything unexpected: failed and shown, the others still go
                message.write({"state": "failed", "error": str(error)})
        if len(due) == limit:  # more waiting: at once, not in 5 minutes
            self.env.ref("property_cs.ir_cron_property_wechat_send")._trigger()
        return due

    def _send(self):
        self.ensure_one()
        try:
            if self.channel == "wecom":
                self.company_id._wecom_send(
                    self.wecom_userid, self.title or "", self.body, self.url or ""
                )
            else:
                self._send_wechat()
        except WeChatApiError as error:
            attempts = self.attempt_count + 1
            retry = not error.permanent and attempts <= len(BACKOFF_MINUTES)
            self.write(
                {
                    "attempt_count": attempts,
                    "error": str(error),
                    "state": "queued" if retry else "failed",
                    "date_next_try": fields.Datetime.now()
                    + timedelta(minutes=BACKOFF_MINUTES[attempts - 1])
                    if retry
                    else False,
                }
            )
            return False
        self.write(
            {
                "state": "sent",
                "date_sent": fields.Datetime.now(),
                "attempt_count": self.attempt_count + 1,
                "error": False,
            }
        )
        return True

    def _send_wechat(self):
        """The 48-hour rule, applied when the message goes: a
        customer-service message while the owner wrote to the account in
        the last 48 hours, else the account's template message for the
        message's purpose; neither possible: failed with the reason."""
        account = self.account_id
        if not self.purpose or account._wechat_in_service_window(self.openid):
            text = self.body
            if self.url and self.url not in text:
                text = f"{text}\n{self.url}"
            account._wechat_send_text(self.openid, text)
            self.sent_as = "text"
        else:
            account._wechat_send_template(
                self.openid, self.purpose, self.template_values or {}, self.url
            )
            self.sent_as = "template"

    def action_retry(self):
        """Send a failed message again (after the cause is mended)."""
        self.filtered(lambda m: m.state == "failed").write(
            {"state": "queued", "date_next_try": fields.Datetime.now()}
        )
        self.env.ref("property_cs.ir_cron_property_wechat_send")._trigger()
        return True
