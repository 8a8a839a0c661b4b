# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request


class PropertyPersonalData(http.Controller):
    """A copy of a person's data as a JSON file (PIPL right of access)."""

    def _send(self, partner, include_internal):
        name, content = partner._property_personal_data_file(
            include_internal=include_internal
        )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", http.content_disposition(name)),
                ("Cache-Control", "no-store"),
            ],
        )

    @http.route("/my/personal_data", type="http", auth="user", methods=["GET"])
    def portal_my_personal_data(self, **kw):
        """The signed-in owner's own copy."""
        return self._send(request.env.user.partner_id, include_internal=False)

    @http.route(
        "/property/personal_data/<int:partner_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def staff_personal_data(self, partner_id, **kw):
        """The officer's copy for a written request (assessments included)."""
        partner = request.env["res.partner"].browse(partner_id).exists()
        if not partner:
            raise request.not_found()
        return self._send(partner, include_internal=True)
