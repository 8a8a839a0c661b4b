# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from markupsafe import Markup
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from ..tools.wechat_client import WeChatApiError

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


MEDIA_TYPES = ("image", "voice")
MEDIA_ATTEMPTS = 3


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
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        readonly=True,
        help="The owner bound to the sender.",
    )
    ticket_id = fields.Many2one(
        "property.ticket", readonly=True, index="btree_not_null"
    )
    error = fields.Text(readonly=True)
    media_state = fields.Selection(
        [("pending", "To Fetch"), ("fetched", "Fetched"), ("failed", "Failed")],
        string="File Status",
        readonly=True,
        index="btree_not_null",
        help="A photo or voice message's file, fetched from the platform after "
        "the request is recorded and attached to it.",
    )
    media_attempts = fields.Integer(string="File Download Attempts", readonly=True)
    media_error = fields.Char(string="File Error", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)

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
        """Handle the messages received, each in its own savepoint: bind and
        unbind commands (``property.wechat.binding._wechat_command``),
        follow and unfollow events (recorded only), and everything an
        owner says becomes a ticket or a message on their open ticket
        (``_wechat_to_ticket``). A message that fails is marked failed with
        the error, for the service centre to see."""
        Binding = self.env["property.wechat.binding"]
        messages = self.search([("state", "=", "received")], order="id", limit=limit)
        for message in messages:
            try:
                with self.env.cr.savepoint():
                    vals = {"state": "done"}
                    if not Binding._wechat_command(message):
                        vals.update(message._wechat_to_ticket())
                        if (
                            vals.get("ticket_id")
                            and message.media_id
                            and (message.msg_type in MEDIA_TYPES)
                        ):
                            vals["media_state"] = "pending"
                    message.write(vals)
                    self.env.flush_all()
            except Exception as error:  # pylint: disable=broad-exception-caught
                message.write({"state": "failed", "error": str(error)})
        if len(messages) == limit:  # more waiting: at once, not in 5 minutes
            self.env.ref("property_cs.ir_cron_property_wechat_process")._trigger()
        if messages.filtered("media_state"):
            self.env.ref("property_cs.ir_cron_property_wechat_media")._trigger()
        return messages

    @api.model
    def _cron_fetch_media(self, limit=50):
        """Fetch the files of the photo and voice messages recorded on a
        request and attach them to it, checked against the portal's upload
        policy (a photo) or as a voice recording within its size. A file the
        platform cannot give (expired after three days, unknown) or the
        policy refuses fails with the reason; the platform out of reach is
        tried again at the next runs, three times in all."""
        messages = self.search(
            [("media_state", "=", "pending")], order="id", limit=limit
        )
        for message in messages:
            try:
                with self.env.cr.savepoint():
                    message._fetch_media()
            except (WeChatApiError, UserError) as error:
                attempts = message.media_attempts + 1
                retry = (
                    isinstance(error, WeChatApiError)
                    and not error.permanent
                    and attempts < MEDIA_ATTEMPTS
                )
                message.write(
                    {
                        "media_attempts": attempts,
                        "media_state": "pending" if retry else "failed",
                        "media_error": str(error)[:250],
                    }
                )
        return messages

    def _fetch_media(self):
        self.ensure_one()
        content, name = self.account_id._wechat_media(self.media_id)
        ticket = self.ticket_id.sudo()
        company = ticket.company_id
        if self.msg_type == "voice":
            max_mb = company.sudo().property_portal_upload_max_mb
            if not content.startswith(b"#!AMR") and not content.startswith(b"Speex"):
                raise UserError(self.env._("The voice file is not a recording."))
            if len(content) > max_mb * 1024 * 1024:
                raise UserError(
                    self.env._(
                        "%(file)s is larger than %(size)s MB.", file=name, size=max_mb
                    )
                )
            checked = [(name or f"{self.msg_id}.amr", content, "audio/amr")]
        else:
            checked = company._property_check_uploads(
                [(name or f"{self.msg_id}.jpg", content)], "portal"
            )
        file_name, data, mimetype = checked[0]
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": file_name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": "property.ticket",
                    "res_id": ticket.id,
                }
            )
        )
        labels = dict(self._fields["msg_type"]._description_selection(self.env))
        ticket.message_post(
            body=self.env._(
                "%(kind)s sent by WeChat.", kind=labels.get(self.msg_type, "")
            ),
            attachment_ids=attachment.ids,
            author_id=self.partner_id.id or False,
            message_type="comment",
            subtype_xmlid="mail.mt_comment" if self.partner_id else "mail.mt_note",
        )
        self.write(
            {
                "media_state": "fetched",
                "attachment_id": attachment.id,
                "media_attempts": self.media_attempts + 1,
                "media_error": False,
            }
        )

    def _wechat_text(self):
        """What the owner said, as text for the ticket."""
        self.ensure_one()
        if self.msg_type == "text":
            return self.content or ""
        if self.msg_type == "voice":
            return self.recognition or self.env._("(voice message)")
        if self.msg_type == "image":
            return self.env._("(photo) %(url)s", url=self.picture_url or "")
        labels = dict(self._fields["msg_type"]._description_selection(self.env))
        return f"({labels.get(self.msg_type, self.msg_type)})"

    def _wechat_to_ticket(self):
        """Record what an owner sent (D-14): a bound owner's message joins
        their latest open request reported within the account's hours, or
        opens a request for their home; an unbound sender's opens a request
        in the account's project for unknown senders, marked sender
        unverified. Subscription events only stay on record. Returns the
        message's values to write (ticket, owner)."""
        self.ensure_one()
        if self.msg_type == "event" and self.event != "CLICK":
            return {}
        account = self.account_id
        partner = self.env["property.wechat.binding"]._partner_of(account, self.openid)
        text = self._wechat_text() if self.msg_type != "event" else self.event_key
        Ticket = self.env["property.ticket"].sudo()
        if partner and account.append_hours:
            since = fields.Datetime.now() - datetime.timedelta(
                hours=account.append_hours
            )
            ticket = Ticket.search(
                [
                    ("partner_id", "=", partner.id),
                    ("state", "not in", ("done", "closed", "cancelled")),
                    ("date_reported", ">=", since),
                ],
                order="date_reported desc",
                limit=1,
            )
            if ticket:
                ticket.message_post(
                    body=plaintext2html(text),
                    author_id=partner.id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
                return {"ticket_id": ticket.id, "partner_id": partner.id}
        units = (
            self.env["property.unit.partner"]._portal_current_units(partner)
            if partner
            else self.env["property.unit"]
        )
        if account.project_ids:
            units = units.filtered(lambda u: u.project_id in account.project_ids)
        unit = units[:1]
        project = unit.project_id or account.intake_project_id
        if not project:
            raise ValueError(
                self.env._(
                    "No project for this sender: set the account's project for "
                    "unknown senders."
                )
            )
        ticket = Ticket.create(
            {
                "name": (text or self.env._("WeChat message"))[:60],
                "description": plaintext2html(text) if text else False,
                "channel": "messaging",
                "project_id": project.id,
                "unit_id": unit.id,
                "partner_id": partner.id,
                "is_sender_unverified": not partner,
                "company_id": project.company_id.id,
            }
        )
        ticket.message_post(
            body=Markup("%s<br/>%s") % (self.env._("Received by WeChat."), text),
            author_id=partner.id or False,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.env["property.wechat.outbox"]._queue(
            account, self.openid, self._wechat_receipt(ticket), partner, ticket
        )
        return {"ticket_id": ticket.id, "partner_id": partner.id}

    def _wechat_receipt(self, ticket):
        """The reply to a new request: its number, and when the owner will
        be told when it is solved (or the time promised), in the owner's
        language (else the company's) and the project's time zone."""
        return ticket._wechat_owner_message("received")[0]


def _from_timestamp(value):
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.UTC).replace(
            tzinfo=None
        )
    except (TypeError, ValueError, OverflowError):
        return False
