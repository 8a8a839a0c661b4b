# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.property_wechat_binding import CODE_MINUTES
from ..tools.wechat_crypto import MAX_BODY

_logger = logging.getLogger(__name__)


def _serve_callback(handler, route_key):
    """Answer a platform's callback with ``handler(route_key, method,
    query, body)`` -> (status, text): the body is refused above
    MAX_BODY before it is read."""
    httprequest = request.httprequest
    if (httprequest.content_length or 0) > MAX_BODY:
        return request.make_response("too large", status=413)
    body = httprequest.get_data() if httprequest.method == "POST" else b""
    status, text = handler(route_key, httprequest.method, dict(httprequest.args), body)
    return request.make_response(
        text, headers=[("Content-Type", "text/plain; charset=utf-8")], status=status
    )


class PropertyWechatController(http.Controller):
    @http.route(
        "/property/wechat/<string:route_key>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def wechat_callback(self, route_key, **_kw):
        """The server URL of an Official Account (see
        ``property.wechat.account._wechat_callback``)."""
        return _serve_callback(
            request.env["property.wechat.account"]._wechat_callback, route_key
        )

    @http.route(
        "/property/wecom/<string:route_key>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def wecom_callback(self, route_key, **_kw):
        """The WeCom app's callback URL (see
        ``res.company._wecom_callback``)."""
        return _serve_callback(request.env["res.company"]._wecom_callback, route_key)


class PropertyWechatPortal(CustomerPortal):
    def _wechat_page(self, code=None, account=None):
        partner = request.env.user.partner_id
        Binding = request.env["property.wechat.binding"]
        accounts = Binding._portal_accounts(partner)
        bindings = Binding.sudo().search(
            [("partner_id", "=", partner.id), ("state", "=", "bound")]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_wechat",
                "accounts": accounts,
                "bindings": {b.account_id: b for b in bindings},
                "code": code,
                "code_account": account,
                "preferred_channel": partner.sudo().preferred_channel,
                "code_validity": request.env._(
                    "The code is valid for %(minutes)s minutes.", minutes=CODE_MINUTES
                ),
            }
        )
        return request.render("property_cs.portal_my_wechat", values)

    @http.route("/my/wechat", type="http", auth="user", website=True)
    def portal_my_wechat(self, **_kw):
        """The owner's WeChat bindings and how to bind."""
        return self._wechat_page()

    @http.route(
        "/my/wechat/code", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_wechat_code(self, account_id=None, **_kw):
        """A one-time code to send to the Official Account."""
        account = (
            request.env["property.wechat.account"].sudo().browse(int(account_id or 0))
        )
        try:
            _binding, code = request.env["property.wechat.binding"]._portal_new_code(
                request.env.user.partner_id, account.exists()
            )
        except UserError:
            return request.redirect("/my/wechat")
        return self._wechat_page(code=code, account=account)

    @http.route(
        "/my/wechat/unbind", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_wechat_unbind(self, binding_id=None, **_kw):
        """Unbind the owner's WeChat from their login."""
        try:
            request.env["property.wechat.binding"]._portal_unbind(
                request.env.user.partner_id, int(binding_id or 0)
            )
        except UserError as error:
            _logger.info("Portal unbinding refused: %s", error)
        return request.redirect("/my/wechat")

    @http.route(
        "/my/wechat/channel", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_wechat_channel(self, channel=None, **_kw):
        """The owner's choice of how they are told about their requests."""
        try:
            request.env.user.partner_id._portal_set_preferred_channel(channel)
        except UserError as error:
            _logger.info("Portal channel choice refused: %s", error)
        return request.redirect("/my/wechat")
