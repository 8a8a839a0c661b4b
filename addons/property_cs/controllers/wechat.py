# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from ..tools.wechat_crypto import MAX_BODY


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
        httprequest = request.httprequest
        if (httprequest.content_length or 0) > MAX_BODY:
            return request.make_response("too large", status=413)
        # bounded by the length checked above (parse_xml refuses more too)
        body = httprequest.get_data() if httprequest.method == "POST" else b""
        status, text = request.env["property.wechat.account"]._wechat_callback(
            route_key, httprequest.method, dict(httprequest.args), body
        )
        return request.make_response(
            text, headers=[("Content-Type", "text/plain; charset=utf-8")], status=status
        )
