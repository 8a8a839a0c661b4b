# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyRenovationVerify(http.Controller):
    """The public page the QR code of a permit or worker pass opens: is
    the permit valid today? No login, no personal data (D-20)."""

    @http.route(
        ["/renovation/verify/<string:token>"],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def renovation_verify(self, token, **kw):
        values = request.env["property.renovation"]._verify_page_values(token)
        if values is None:
            raise request.not_found()
        response = request.render("property_cs.renovation_verify_page", values)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["Cache-Control"] = "no-store"
        return response


class PropertyRenovationPortalPrint(CustomerPortal):
    """The applicant (or an owner of the unit) prints the permit, the
    worker passes and the building notice from the portal, as Odoo's
    portal documents are printed (report_type html or pdf, download)."""

    @http.route(
        ["/my/renovations/<int:renovation_id>/print/<string:document>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_renovation_print(
        self,
        renovation_id,
        document,
        access_token=None,
        report_type="pdf",
        download=False,
        **kw,
    ):
        try:
            renovation_sudo = self._document_check_access(
                "property.renovation", renovation_id, access_token
            )
            report_ref = renovation_sudo._portal_print_report(document)
        except (AccessError, MissingError, UserError):
            return request.redirect("/my")
        return self._show_report(
            model=renovation_sudo,
            report_type=report_type,
            report_ref=report_ref,
            download=download,
        )
