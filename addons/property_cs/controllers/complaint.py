# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request


class PropertyComplaintPublic(http.Controller):
    """The public complaint form: no login needed (D-13)."""

    @http.route(
        ["/complaint/<int:project_id>"],
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def complaint_form(self, project_id, **post):
        project = request.env["property.project"].sudo().browse(project_id).exists()
        if not project or not project.active:
            raise request.not_found()
        error = False
        if request.httprequest.method == "POST":
            try:
                # the files are read only after the throttle check;
                # remote_addr honours proxy_mode (X-Forwarded-For)
                ticket = request.env["property.complaint.submission"]._submit(
                    project,
                    post,
                    request.httprequest.files.getlist("attachments"),
                    request.httprequest.remote_addr,
                )
            except UserError as exc:
                error = exc.args[0]
            else:
                return request.render(
                    "property_cs.complaint_public_thanks",
                    {
                        "ticket": ticket,
                        "tracking_url": ticket.get_portal_url(),
                        "reply_due": ticket._complaint_reply_due_text(),
                    },
                )
        return request.render(
            "property_cs.complaint_public_form",
            {"project": project, "error": error, "form": post},
        )

    @http.route(
        ["/complaint/verify/<int:ticket_id>/<string:token>"],
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def complaint_verify(self, ticket_id, token, **kw):
        """Opening the link only shows a page with a button (mail link
        scanners open links too); the button's POST, with its CSRF token,
        verifies the complaint."""
        ticket = request.env["property.ticket"].sudo().browse(ticket_id).exists()
        verify = request.httprequest.method == "POST"
        try:
            if not ticket:
                raise AccessError(request.env._("This verification link is not valid."))
            if verify:
                ticket._complaint_verify(token)
            else:
                ticket._complaint_check_verify_token(token)
        except AccessError as exc:
            return request.render(
                "property_cs.complaint_public_verified", {"error": exc.args[0]}
            )
        if not verify:
            return request.render(
                "property_cs.complaint_public_verify_confirm",
                {"ticket": ticket, "verify_url": request.httprequest.path},
            )
        return request.render(
            "property_cs.complaint_public_verified",
            {"ticket": ticket, "error": False},
        )
