# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import http
from odoo.http import request

from ..tools.wechat_crypto import MAX_BODY

ANSWERS = {  # what each provider expects back
    "aliyun": {"code": 0, "msg": "成功"},
    "tencent": {"result": 0, "errmsg": "OK"},
}


class PropertySmsController(http.Controller):
    @http.route(
        "/property/sms/<any(report,reply):kind>/<string:route_key>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def sms_callback(self, kind, route_key, **_kw):
        """Delivery reports and replies pushed by the SMS provider (see
        ``property.sms.delivery._sms_callback``)."""
        httprequest = request.httprequest
        if (httprequest.content_length or 0) > MAX_BODY:
            return request.make_response("too large", status=413)
        try:
            items = json.loads(httprequest.get_data() or b"[]")
        except ValueError:
            return request.make_response("bad request", status=400)
        provider = request.env["property.sms.delivery"]._sms_callback(
            route_key, kind, items
        )
        if not provider:
            return request.make_response("not found", status=404)
        return request.make_response(
            json.dumps(ANSWERS.get(provider, ANSWERS["aliyun"]), ensure_ascii=False),
            headers=[("Content-Type", "application/json; charset=utf-8")],
        )
