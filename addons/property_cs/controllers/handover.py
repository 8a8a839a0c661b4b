# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import binascii

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyHandoverPortal(CustomerPortal):
    """The owner's handover record in the portal (D-19): the record page,
    its signature and its print. The move-in pages (/my/movein) link to it.
    Each action calls one model method."""

    def _handover_or_none(self, handover_id):
        try:
            return self._document_check_access("property.handover", handover_id)
        except (AccessError, MissingError):
            return None

    @http.route(
        ["/my/movein/<int:handover_id>/record"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_handover_record(self, handover_id, **kw):
        handover_sudo = self._handover_or_none(handover_id)
        if handover_sudo is None:
            return request.redirect("/my")
        values = self._get_page_view_values(
            handover_sudo,
            None,
            handover_sudo._portal_values(request.env.user.partner_id),
            "my_handovers_history",
            False,
        )
        return request.render("property_cs.portal_handover_record", values)

    @http.route(
        ["/my/movein/<int:handover_id>/sign"],
        type="json",
        auth="user",
        website=True,
    )
    def portal_handover_sign(self, handover_id, name=None, signature=None):
        """The portal signature form (``portal.signature_form``) posts the
        signer's name and the signature image here."""
        handover_sudo = self._handover_or_none(handover_id)
        if handover_sudo is None:
            return {"error": request.env._("This handover record cannot be found.")}
        try:
            with request.env.cr.savepoint():
                handover_sudo._portal_sign(
                    request.env.user.partner_id,
                    name,
                    signature,
                    request.httprequest.remote_addr,
                )
        except (AccessError, UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        except (TypeError, ValueError, binascii.Error):
            return {"error": request.env._("The signature could not be read.")}
        return {"force_refresh": True, "redirect_url": handover_sudo.access_url}

    @http.route(
        ["/my/movein/<int:handover_id>/record/print"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_handover_print(self, handover_id, download=False, **kw):
        handover_sudo = self._handover_or_none(handover_id)
        if handover_sudo is None:
            return request.redirect("/my")
        return self._show_report(
            model=handover_sudo,
            report_type="html",
            report_ref="property_cs.property_handover_report_record",
            download=download,
        )
