# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from psycopg2 import IntegrityError

from odoo import api, fields, models

MESSAGE_TYPES = [
    ("text", "Text"),
    ("image", "Image"),
    ("voice", "Voice"),
    ("video", "Video"),
    ("location", "Location"),
    ("link", "Link"),
    ("event", "Event"),
    ("other", "Other"),
]


class PropertyWechatMessage(models.Model):
    """A message an owner sent to the Official Account, as the platform
    delivered it: every contact is a record (D-6). The platform retries a
    message it thinks unanswered; its MsgId keeps one record."""

    _name = "property.wechat.message"
    _description = "WeChat Message"
    _order = "date_sent desc, id desc"
    _rec_name = "openid"

    account_id = fields.Many2one(
        "property.wechat.account", required=True, readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    openid = fields.Char(string="Sender (OpenID)", readonly=True, index=True)
    msg_id = fields.Char(string="Message ID", readonly=True)
    msg_type = fields.Selection(MESSAGE_TYPES, string="Type", readonly=True)
    event = fields.Char(readonly=True)
    event_key = fields.Char(string="Menu or Scene Key", readonly=True)
    content = fields.Text(readonly=True)
    media_id = fields.Char(string="Media ID", readonly=True)
    picture_url = fields.Char(string="Picture URL", readonly=True)
    recognition = fields.Text(string="Speech Recognised", readonly=True)
    date_sent = fields.Datetime(string="Sent On", readonly=True)
    state = fields.Selection(
        [("received", "Received"), ("done", "Handled"), ("failed", "Failed")],
        default="received",
        readonly=True,
    )

    _sql_constraints = [
        (
            "account_msg_uniq",
            "unique(account_id, msg_id)",
            "The platform delivered this message already.",
        )
    ]

    @api.model
    def _wechat_store(self, account, values):
        """Store one delivered message (``values``: its XML elements); a
        message delivered again (same MsgId, or an event of the same
        sender and time) is not stored twice. Returns the record."""
        msg_type = values.get("MsgType") or "other"
        msg_id = values.get("MsgId") or (
            f"{values.get('FromUserName')}:{values.get('CreateTime')}:"
            f"{values.get('Event')}"
        )
        vals = {
            "account_id": account.id,
            "openid": values.get("FromUserName"),
            "msg_id": msg_id,
            "msg_type": msg_type if msg_type in dict(MESSAGE_TYPES) else "other",
            "event": values.get("Event") or False,
            "event_key": values.get("EventKey") or False,
            "content": values.get("Content") or False,
            "media_id": values.get("MediaId") or False,
            "picture_url": values.get("PicUrl") or False,
            "recognition": values.get("Recognition") or False,
            "date_sent": _from_timestamp(values.get("CreateTime")),
        }
        self.env.cr.execute(
            """
            SELECT id FROM property_wechat_message
             WHERE account_id = %s AND msg_id = %s
            """,
            (account.id, msg_id),
        )
        row = self.env.cr.fetchone()
        if row:
            return self.browse(row[0])
        try:
            with self.env.cr.savepoint():
                message = self.create(vals)
        except IntegrityError:
            # the same message delivered twice at once: the other one won
            return self.search(
                [("account_id", "=", account.id), ("msg_id", "=", msg_id)], limit=1
            )
        # handled after the platform has its answer
        self.env.ref("property_cs.ir_cron_property_wechat_process")._trigger()
        return message

    @api.model
    def _cron_process(self, limit=200):
        """Handle the messages received: bind and unbind commands now
        (``property.wechat.binding._wechat_command``); other messages stay
        received for the service centre."""
        Binding = self.env["property.wechat.binding"]
        messages = self.search([("state", "=", "received")], order="id", limit=limit)
        for message in messages:
            if Binding._wechat_command(message):
                message.state = "done"
        return messages


def _from_timestamp(value):
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.UTC).replace(
            tzinfo=None
        )
    except (TypeError, ValueError, OverflowError):
        return False
