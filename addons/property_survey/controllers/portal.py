# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyConsultationPortal(CustomerPortal):
    """Owner consultations in the portal: the consultations addressed to the
    logged-in owner, and the link to answer them through Odoo survey's own
    pages with an answer tied to the owner. Each route calls one model
    method, which checks that the owner is the recipient."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_consultation_count" in counters:
            values["property_consultation_count"] = len(
                request.env["property.consultation.recipient"]._portal_rows(
                    request.env.user.partner_id
                )
            )
        return values

    @http.route(["/my/consultations"], type="http", auth="user", website=True)
    def portal_my_consultations(self, **kw):
        Recipient = request.env["property.consultation.recipient"]
        rows = Recipient._portal_rows(request.env.user.partner_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "rows": [row._portal_values() for row in rows],
                "page_name": "property_consultation",
                "default_url": "/my/consultations",
            }
        )
        return request.render("property_survey.portal_my_consultations", values)

    @http.route(
        ["/my/consultations/<int:consultation_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_consultation(self, consultation_id, error=None, **kw):
        rows = request.env["property.consultation.recipient"]._portal_rows(
            request.env.user.partner_id, consultation_id
        )
        if not rows:
            return request.redirect("/my/consultations")
        return self._consultation_page(rows)

    def _consultation_page(self, rows, error=False):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "consultation": rows[0].consultation_id,
                "rows": [row._portal_values() for row in rows],
                "page_name": "property_consultation",
                "consultation_error": error,
            }
        )
        return request.render("property_survey.portal_my_consultation", values)

    @http.route(
        ["/my/consultations/<int:consultation_id>/answer/<int:recipient_id>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_consultation_answer(self, consultation_id, recipient_id, **kw):
        partner = request.env.user.partner_id
        Recipient = request.env["property.consultation.recipient"]
        recipient = Recipient.browse(recipient_id)
        try:
            url = recipient._portal_start_answer(partner)
        except (AccessError, MissingError):
            return request.redirect("/my/consultations")
        except UserError as exc:
            rows = Recipient._portal_rows(partner, consultation_id)
            if not rows:
                return request.redirect("/my/consultations")
            return self._consultation_page(rows, error=exc.args[0])
        return request.redirect(url)
