# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class RenovationViolationPortal(CustomerPortal):
    """The applicant and the unit's owners see a violation of their
    renovation and answer it (D-20). Access is the record rules' (no
    token): anyone else is sent back to /my."""

    def _renovation_violation_page(self, violation_sudo, error=False, answer=""):
        values = self._get_page_view_values(
            violation_sudo,
            None,
            violation_sudo._portal_violation_values(),
            False,
            False,
        )
        values.update(
            {
                "page_name": "property_renovation_violation",
                "violation_error": error,
                "violation_answer": answer,
            }
        )
        return request.render("property_cs.portal_my_renovation_violation", values)

    @http.route(
        ["/my/renovations/violation/<int:violation_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_renovation_violation(self, violation_id, **kw):
        try:
            violation_sudo = self._document_check_access(
                "property.renovation.violation", violation_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._renovation_violation_page(violation_sudo)

    @http.route(
        ["/my/renovations/violation/<int:violation_id>/answer"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_violation_answer(self, violation_id, answer=None, **kw):
        """Post the owner's answer (text and photos) on the violation."""
        try:
            violation_sudo = self._document_check_access(
                "property.renovation.violation", violation_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        photos = [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("photos")
        ]
        try:
            request.env["property.renovation.violation"].browse(
                violation_id
            )._portal_answer(answer, photos)
        except (AccessError, UserError) as exc:
            return self._renovation_violation_page(
                violation_sudo, error=exc.args[0], answer=answer or ""
            )
        return request.redirect(violation_sudo.access_url)
