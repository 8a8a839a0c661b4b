# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class PropertyMoveinPortal(CustomerPortal):
    """Move-in in the portal (D-19): the owner's handovers with the move-in
    notice, booking an appointment slot, moving or cancelling it until the
    cut-off. Pages carry no token: only the handover's owner opens it
    (record rules); each action calls one model method."""

    _movein_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_movein_count" in counters:
            Handover = request.env["property.handover"]
            values["property_movein_count"] = (
                Handover.search_count(
                    Handover._portal_movein_domain(request.env.user.partner_id)
                )
                if Handover.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/movein", "/my/movein/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_movein(self, page=1, **kw):
        Handover = request.env["property.handover"]
        domain = Handover._portal_movein_domain(request.env.user.partner_id)
        count = Handover.search_count(domain)
        pager = portal_pager(
            url="/my/movein", total=count, page=page, step=self._movein_per_page
        )
        handovers = Handover.search(
            domain, limit=self._movein_per_page, offset=pager["offset"]
        )
        request.session["my_movein_history"] = handovers.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                # searched with the owner's rights; read as superuser for the
                # unit, batch and slot shown (the template lists what)
                "handovers": handovers.sudo(),
                "page_name": "property_movein",
                "pager": pager,
                "default_url": "/my/movein",
            }
        )
        return request.render("property_cs.portal_my_movein", values)

    def _movein_or_none(self, handover_id):
        """The owner's handover (as superuser), once its notice is sent."""
        try:
            handover_sudo = self._document_check_access(
                "property.handover", handover_id
            )
        except (AccessError, MissingError):
            return None
        if handover_sudo.state == "draft":
            return None
        return handover_sudo

    def _movein_page(self, handover_sudo, error=False, success=False):
        values = self._get_page_view_values(
            handover_sudo,
            None,
            handover_sudo._portal_movein_values(request.env.user.partner_id),
            "my_movein_history",
            False,
        )
        values["movein_error"] = error
        values["movein_success"] = success
        return request.render("property_cs.portal_movein_page", values)

    @http.route(
        ["/my/movein/<int:handover_id>"], type="http", auth="user", website=True
    )
    def portal_movein_handover(self, handover_id, **kw):
        handover_sudo = self._movein_or_none(handover_id)
        if handover_sudo is None:
            return request.redirect("/my")
        return self._movein_page(handover_sudo, success=kw.get("done"))

    def _movein_action(self, handover_id, method, *args):
        handover_sudo = self._movein_or_none(handover_id)
        if handover_sudo is None:
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                getattr(handover_sudo, method)(request.env.user.partner_id, *args)
        except (AccessError, UserError, ValidationError) as exc:
            request.env.invalidate_all()
            return self._movein_page(handover_sudo, error=exc.args[0])
        return request.redirect(f"{handover_sudo._movein_portal_url()}?done=1")

    @http.route(
        ["/my/movein/<int:handover_id>/book"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_movein_book(self, handover_id, slot_id=None, **kw):
        return self._movein_action(handover_id, "_portal_book", slot_id)

    @http.route(
        ["/my/movein/<int:handover_id>/cancel"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_movein_cancel(self, handover_id, **kw):
        return self._movein_action(handover_id, "_portal_cancel_booking")
