# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.account.controllers.portal import PortalAccount


class PropertyFapiaoPortal(PortalAccount):
    def _invoice_get_page_view_values(self, invoice, access_token, **kwargs):
        values = super()._invoice_get_page_view_values(invoice, access_token, **kwargs)
        values["fapiao_error"] = kwargs.get("fapiao_error")
        return values

    @http.route(
        "/my/invoices/<int:invoice_id>/fapiao",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def property_fapiao_request(self, invoice_id, access_token=None, **post):
        """The owner asks for the fapiao of their bill (title, tax number)."""
        try:
            invoice_sudo = self._document_check_access(
                "account.move", invoice_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        params = {"access_token": access_token} if access_token else {}
        try:
            invoice_sudo._property_request_fapiao(
                post.get("title"), post.get("tax_number")
            )
        except UserError as error:
            params["fapiao_error"] = error.args[0]
        return request.redirect(f"/my/invoices/{invoice_id}?{url_encode(params)}")
