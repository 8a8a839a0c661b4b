# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import secrets
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import wechat_client as client
from ..tools import wechat_crypto as crypto

_logger = logging.getLogger(__name__)

SECRET_GROUPS = "property_cs.group_property_cs_admin,base.group_system"
SERVICE_WINDOW_HOURS = 48  # customer-service messages: 48 h after the owner's last
# token errors after which a fresh token is fetched once
TOKEN_ERRORS = {40001, 40014, 42001}
# errors retrying cannot mend: invalid OpenID, outside the service window,
# the owner unfollowed or refused messages, an unknown template or media
PERMANENT_ERRORS = {40003, 43004, 45015, 45047, 43019, 40037, 43101, 40007}
MESSAGE_MODES = [
    ("plain", "Plaintext"),
    ("compatible", "Compatible"),
    ("safe", "Safe"),
]


class PropertyWechatAccount(models.Model):
    """A WeChat Official Account (公众号) owners write to (D-6: every
    contact becomes a record). Its server URL receives the platform's
    callbacks; the AppSecret, Token and EncodingAESKey are read and written
    only by administrators."""

    _name = "property.wechat.account"
    _description = "WeChat Official Account"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        help="The projects whose owners write to this account; none: every "
        "project of the company.",
    )
    app_id = fields.Char(string="AppID", required=True, tracking=True)
    app_secret = fields.Char(string="AppSecret", groups=SECRET_GROUPS, copy=False)
    token = fields.Char(groups=SECRET_GROUPS, copy=False)
    encoding_aes_key = fields.Char(
        string="EncodingAESKey", groups=SECRET_GROUPS, copy=False
    )
    message_mode = fields.Selection(
        MESSAGE_MODES,
        required=True,
        default="safe",
        tracking=True,
        help="As set on the platform's server configuration page: safe mode "
        "encrypts every message, compatible mode sends both.",
    )
    route_key = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: secrets.token_urlsafe(16),
        groups=SECRET_GROUPS,
    )
    callback_url = fields.Char(
        string="Server URL", compute="_compute_callback_url", groups=SECRET_GROUPS
    )
    replay_window = fields.Integer(
        string="Message Age Limit (seconds)",
        default=300,
        help="A callback whose timestamp is further from now than this is "
        "refused, as is a nonce already seen.",
    )
    wechat_message_ids = fields.One2many(
        "property.wechat.message", "account_id", string="WeChat Messages"
    )
    intake_project_id = fields.Many2one(
        "property.project",
        string="Project for Unknown Senders",
        help="Where a message of an unbound WeChat becomes a ticket (marked "
        "sender unverified); a bound owner's ticket goes to their home's "
        "project.",
    )
    append_hours = fields.Integer(
        string="Add to Open Request Within (hours)",
        default=24,
        help="A bound owner's message is added to their latest open request "
        "reported within these hours instead of opening a new one.",
    )
    api_base_url = fields.Char(
        string="API Address",
        default="https://api.weixin.qq.com",
        required=True,
        groups=SECRET_GROUPS,
        help="The platform's API; change only for a proxy or a test server.",
    )
    access_token = fields.Char(readonly=True, copy=False, groups=SECRET_GROUPS)
    date_access_token_expiry = fields.Datetime(
        readonly=True, copy=False, groups=SECRET_GROUPS
    )
    binding_ids = fields.One2many(
        "property.wechat.binding", "account_id", string="Bound Owners"
    )
    template_ticket_code = fields.Char(
        string="Request Progress Template ID",
        help="The template ID (from the platform's template messages page) used "
        "to tell an owner how their request goes when they have not written "
        "within 48 hours; empty: such owners are told by the portal and mail "
        "only.",
    )
    template_notice_code = fields.Char(
        string="Notice Template ID",
        help="The template ID used to announce a published notice to the bound "
        "owners of its project.",
    )
    template_field_ids = fields.One2many(
        "property.wechat.template.field",
        "account_id",
        string="Template Keywords",
        copy=True,
    )
    wechat_message_count = fields.Integer(
        string="Number of WeChat Messages", compute="_compute_wechat_message_count"
    )

    _sql_constraints = [
        ("route_key_uniq", "unique(route_key)", "Each account has its own server URL.")
    ]

    @api.depends("route_key")
    def _compute_callback_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for account in self:
            account.callback_url = (
                f"{base}/property/wechat/{account.route_key}"
                if account.route_key
                else False
            )

    def _compute_wechat_message_count(self):
        data = dict(
            self.env["property.wechat.message"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.wechat_message_count = data.get(account, 0)

    @api.constrains("encoding_aes_key", "message_mode", "replay_window", "append_hours")
    def _check_keys(self):
        for account in self.sudo():
            if account.encoding_aes_key:
                try:
                    crypto.aes_key(account.encoding_aes_key)
                except ValueError as error:
                    raise ValidationError(
                        self.env._(
                            "The EncodingAESKey is the 43 letters and digits shown "
                            "on the platform's server configuration page."
                        )
                    ) from error
            elif account.message_mode != "plain" and account.active:
                raise ValidationError(
                    self.env._(
                        "Enter the EncodingAESKey: the compatible and safe modes "
                        "encrypt messages with it."
                    )
                )
            if account.append_hours < 0:
                raise ValidationError(
                    self.env._(
                        "The hours to add to an open request cannot be negative."
                    )
                )
            if account.replay_window < 30:
                raise ValidationError(
                    self.env._("The message age limit is at least 30 seconds.")
                )

    def action_new_route_key(self):
        """Give the account a new server URL (the old one stops working)."""
        for account in self:
            account.sudo().route_key = secrets.token_urlsafe(16)
            account.message_post(body=self.env._("A new server URL was generated."))
        return True

    def action_view_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_wechat_message_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------
    # CALLBACK (the controller calls this one method)
    # ------------------------------------------------------------------
    @api.model
    def _wechat_callback(self, route_key, method, params, body):
        """Answer one request to an account's server URL: (HTTP status,
        body). GET is the platform's handshake: the signature over the
        token, timestamp and nonce, then the echo string. POST is a
        message: in plaintext mode signed like the handshake, in safe mode
        (and compatible mode when encrypted) by ``msg_signature`` over the
        ciphertext too, decrypted and checked for the account's AppID. A
        timestamp outside the account's age limit or a nonce already seen
        is a replay. Anything refused creates nothing. A message is stored
        and acknowledged at once ("success": no passive reply); its
        handling happens after the answer, within the platform's five
        seconds whatever it takes."""
        account = self.sudo().search([("route_key", "=", route_key or "")], limit=1)
        if not route_key or not account:
            return 404, "not found"
        try:
            if method == "GET":
                account._wechat_check_request(params)
                crypto.check_signature(
                    params.get("signature"),
                    account.token,
                    params.get("timestamp"),
                    params.get("nonce"),
                )
                account._wechat_check_replay(params)
                return 200, params.get("echostr") or ""
            if method != "POST":
                return 405, "method not allowed"
            account._wechat_check_request(params)
            values = account._wechat_open(params, body)
            account._wechat_check_replay(params)
        except crypto.WeChatError as error:
            _logger.info(
                "WeChat callback refused for account %s: %s", account.id, error
            )
            return error.status, "refused"
        self.env["property.wechat.message"].sudo()._wechat_store(account, values)
        return 200, "success"

    def _wechat_check_request(self, params):
        if not self.token or not params.get("timestamp") or not params.get("nonce"):
            raise crypto.SignatureError("unsigned request")
        try:
            timestamp = int(params["timestamp"])
        except ValueError as error:
            raise crypto.SignatureError("bad timestamp") from error
        if abs(time.time() - timestamp) > self.replay_window:
            raise crypto.SignatureError("stale timestamp")

    def _wechat_open(self, params, body):
        """The message's elements, its signature checked (and decrypted)
        as the account's mode requires."""
        outer = crypto.parse_xml(body)
        encrypted = outer.get("Encrypt")
        mode = self.message_mode
        if mode == "safe" or (mode == "compatible" and encrypted):
            if not encrypted or params.get("encrypt_type", "aes") != "aes":
                raise crypto.PayloadError("an encrypted message was expected")
            crypto.check_signature(
                params.get("msg_signature"),
                self.token,
                params.get("timestamp"),
                params.get("nonce"),
                encrypted,
            )
            cipher = crypto.WeChatCrypto(self.token, self.encoding_aes_key, self.app_id)
            return crypto.parse_xml(cipher.decrypt(encrypted))
        crypto.check_signature(
            params.get("signature"),
            self.token,
            params.get("timestamp"),
            params.get("nonce"),
        )
        return outer

    def _wechat_check_replay(self, params):
        """Record the request's nonce; a nonce already seen is a replay."""
        self.env.cr.execute(
            """
            INSERT INTO property_wechat_nonce (account_id, nonce, create_date)
            VALUES (%s, %s, now() at time zone 'utc')
            ON CONFLICT (account_id, nonce) DO NOTHING
            RETURNING id
            """,
            (self.id, str(params.get("nonce"))[:64]),
        )
        if not self.env.cr.fetchone():
            raise crypto.SignatureError("nonce replayed")

    # ------------------------------------------------------------------
    # API (the one client: every call to the platform goes through here)
    # ------------------------------------------------------------------
    def _wechat_request(self, method, path, params=None, payload=None):
        """One call to the platform's API (``tools.wechat_client``)."""
        self.ensure_one()
        return client.api_request(
            self.env,
            self.env._("The WeChat platform"),
            self.sudo().api_base_url,
            method,
            path,
            params=params,
            payload=payload,
            permanent=PERMANENT_ERRORS,
        )

    def _wechat_token(self, force=False):
        """The account's access token, kept for its lifetime."""
        self.ensure_one()
        account = self.sudo()

        def fetch():
            data = self._wechat_request(
                "GET",
                "/cgi-bin/token",
                params={
                    "grant_type": "client_credential",
                    "appid": account.app_id,
                    "secret": account.app_secret,
                },
            )
            return data["access_token"], data.get("expires_in")

        return client.cached_token(
            account, "access_token", "date_access_token_expiry", fetch, force=force
        )

    def _wechat_call(self, method, path, payload=None):
        """An authenticated call; a rejected token is fetched again once."""
        self.ensure_one()
        return client.with_token(
            self._wechat_token,
            lambda token: self._wechat_request(
                method, path, params={"access_token": token}, payload=payload
            ),
            TOKEN_ERRORS,
        )

    def _wechat_media(self, media_id):
        """The file of a media message (photo, voice) the owner sent, kept
        by the platform for three days: (bytes, file name)."""
        self.ensure_one()
        account = self.sudo()
        return client.with_token(
            self._wechat_token,
            lambda token: client.api_download(
                self.env,
                self.env._("The WeChat platform"),
                account.api_base_url,
                "/cgi-bin/media/get",
                params={"access_token": token, "media_id": media_id},
                permanent=PERMANENT_ERRORS,
            ),
            TOKEN_ERRORS,
        )

    def _wechat_in_service_window(self, openid):
        """Whether ``openid`` wrote to the account within the last 48 hours
        (customer-service messages are allowed only then)."""
        self.ensure_one()
        since = fields.Datetime.now() - timedelta(hours=SERVICE_WINDOW_HOURS)
        return bool(
            self.env["property.wechat.message"]
            .sudo()
            .search_count(
                [
                    ("account_id", "=", self.id),
                    ("openid", "=", openid),
                    ("create_date", ">=", since),
                ],
                limit=1,
            )
        )

    @api.model
    def _wechat_accounts_for(self, project):
        """The active accounts serving ``project`` (an account without
        projects serves its whole company)."""
        return (
            self.sudo()
            .search([("company_id", "=", project.company_id.id)])
            .filtered(lambda a: not a.project_ids or project in a.project_ids)
        )

    def _wechat_template_code(self, purpose):
        self.ensure_one()
        return (
            self.template_ticket_code
            if purpose == "ticket"
            else (self.template_notice_code)
        )

    def _wechat_send_template(self, openid, purpose, values, url=None):
        """Send the account's template message for ``purpose`` (request
        progress or notice) to ``openid``, its keywords filled from
        ``values``; allowed whatever the owner's last message."""
        self.ensure_one()
        code = self._wechat_template_code(purpose)
        fields_ = self.template_field_ids.filtered(lambda f: f.purpose == purpose)
        if not code or not fields_:
            raise client.WeChatApiError(
                self.env._(
                    "The owner has not written to the account in the last 48 "
                    "hours and the account has no template message for this: "
                    "set its template ID and keywords."
                ),
                permanent=True,
            )
        payload = {
            "touser": openid,
            "template_id": code,
            "data": fields_._format(values),
        }
        if url:
            payload["url"] = url
        return self._wechat_call("POST", "/cgi-bin/message/template/send", payload)

    def _wechat_send_text(self, openid, text):
        """Send ``text`` as a customer-service message to ``openid``."""
        self.ensure_one()
        if not self._wechat_in_service_window(openid):
            raise client.WeChatApiError(
                self.env._(
                    "The owner has not written to the account in the last 48 "
                    "hours: WeChat allows a reply only within that time."
                ),
                permanent=True,
            )
        return self._wechat_call(
            "POST",
            "/cgi-bin/message/custom/send",
            {"touser": openid, "msgtype": "text", "text": {"content": text}},
        )
