# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
import time

from odoo import api, fields, models

from ..tools import wechat_client as client
from ..tools import wechat_crypto as crypto

SECRET_GROUPS = "property_cs.group_property_cs_admin,base.group_system"
TOKEN_ERRORS = {40014, 42001}
# an unknown user or a user outside the app's visible range
PERMANENT_ERRORS = {60111, 81013, 82001}
CALLBACK_AGE = 300  # seconds


class ResCompany(models.Model):
    """WeCom (企业微信) for staff, optional per company: deadline steps and
    dispatches are sent to the person's WeCom as an application message
    with a link to the record. The Secret, Token, EncodingAESKey and the
    access token are read only by administrators."""

    _inherit = "res.company"

    property_wecom_corp_id = fields.Char(string="WeCom Corp ID")
    property_wecom_agent_id = fields.Char(string="WeCom App AgentId")
    property_wecom_secret = fields.Char(string="WeCom App Secret", groups=SECRET_GROUPS)
    property_wecom_token = fields.Char(
        string="WeCom Callback Token", groups=SECRET_GROUPS
    )
    property_wecom_aes_key = fields.Char(
        string="WeCom Callback EncodingAESKey", groups=SECRET_GROUPS
    )
    property_wecom_api_base_url = fields.Char(
        string="WeCom API Address",
        default="https://qyapi.weixin.qq.com",
        groups=SECRET_GROUPS,
    )
    property_wecom_route_key = fields.Char(
        copy=False, default=lambda self: secrets.token_urlsafe(16), groups=SECRET_GROUPS
    )
    property_wecom_access_token = fields.Char(copy=False, groups=SECRET_GROUPS)
    property_wecom_token_expiry = fields.Datetime(copy=False, groups=SECRET_GROUPS)

    def _wecom_enabled(self):
        self.ensure_one()
        company = self.sudo()
        return bool(
            company.property_wecom_corp_id
            and company.property_wecom_agent_id
            and company.property_wecom_secret
        )

    def _wecom_request(self, method, path, params=None, payload=None):
        """One call to the WeCom API (``tools.wechat_client``)."""
        self.ensure_one()
        return client.api_request(
            self.env,
            self.env._("WeCom"),
            self.sudo().property_wecom_api_base_url,
            method,
            path,
            params=params,
            payload=payload,
            permanent=PERMANENT_ERRORS,
        )

    def _wecom_token(self, force=False):
        """The app's access token, kept for its lifetime."""
        self.ensure_one()
        company = self.sudo()

        def fetch():
            data = self._wecom_request(
                "GET",
                "/cgi-bin/gettoken",
                params={
                    "corpid": company.property_wecom_corp_id,
                    "corpsecret": company.property_wecom_secret,
                },
            )
            return data["access_token"], data.get("expires_in")

        return client.cached_token(
            company,
            "property_wecom_access_token",
            "property_wecom_token_expiry",
            fetch,
            force=force,
        )

    def _wecom_send(self, userid, title, description, url):
        """Send a text card to the WeCom user ``userid``."""
        self.ensure_one()
        payload = {
            "touser": userid,
            "msgtype": "textcard",
            "agentid": int(self.sudo().property_wecom_agent_id),
            "textcard": {
                "title": title[:128],
                "description": description[:512],
                "url": url,
                "btntxt": self.env._("Open in Odoo"),
            },
        }
        data = client.with_token(
            self._wecom_token,
            lambda token: self._wecom_request(
                "POST",
                "/cgi-bin/message/send",
                params={"access_token": token},
                payload=payload,
            ),
            TOKEN_ERRORS,
        )
        if data.get("invaliduser"):
            raise client.WeChatApiError(
                self.env._("WeCom does not know the user %(user)s.", user=userid),
                permanent=True,
            )
        return data

    @api.model
    def _wecom_callback(self, route_key, method, params, body):
        """The WeCom app's callback URL: the verification (GET: the
        encrypted echo string, signed with ``msg_signature``, decrypted
        with the Corp ID) and messages (POST, acknowledged; staff do not
        message the app). (HTTP status, body)."""
        company = self.sudo().search(
            [("property_wecom_route_key", "=", route_key or "")], limit=1
        )
        if not route_key or not company or not company.property_wecom_aes_key:
            return 404, "not found"
        try:
            try:
                timestamp = int(params.get("timestamp") or 0)
            except ValueError as error:
                raise crypto.SignatureError("bad timestamp") from error
            if abs(time.time() - timestamp) > CALLBACK_AGE:
                raise crypto.SignatureError("stale timestamp")
            if method == "GET":
                encrypted = params.get("echostr") or ""
            else:
                encrypted = crypto.parse_xml(body).get("Encrypt") or ""
            crypto.check_signature(
                params.get("msg_signature"),
                company.property_wecom_token,
                params.get("timestamp"),
                params.get("nonce"),
                encrypted,
            )
            cipher = crypto.WeChatCrypto(
                company.property_wecom_token,
                company.property_wecom_aes_key,
                company.property_wecom_corp_id,
            )
            plain = cipher.decrypt(encrypted)
        except crypto.WeChatError as error:
            return error.status, "refused"
        return 200, plain if method == "GET" else "success"
