# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from markupsafe import Markup
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.tools import plaintext2html

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
                    message.write(vals)
                    self.env.flush_all()
            except Exception as error:  # pylint: disable=broad-exception-caught
                message.write({"state": "failed", "error": str(error)})
        if len(messages) == limit:  # more waiting: at once, not in 5 minutes
            self.env.ref("property_cs.ir_cron_property_wechat_process")._trigger()
        return messages

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
