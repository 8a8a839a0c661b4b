# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class PropertyNoticePortal(CustomerPortal):
    """Public notices in the portal (issue 14): the notices on display for
    the projects and buildings where the user owns, rents or lives in a
    unit, or sits on the owners' committee (record rule), their files and
    the acknowledgement. Each action calls one model method."""

    _notices_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_notice_count" in counters:
            Notice = request.env["property.notice"]
            values["property_notice_count"] = (
                Notice.search_count(Notice._portal_domain(request.env.user.partner_id))
                if Notice.has_access("read")
                else 0
            )
        return values

    def _notice_or_none(self, notice_id):
        """The notice as superuser once the user may read it, else None."""
        notice = request.env["property.notice"].browse(notice_id).exists()
        if not notice:
            return None
        try:
            notice.check_access("read")
        except AccessError:
            return None
        return notice.sudo()

    @http.route(
        ["/my/notices", "/my/notices/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_notices(self, page=1, **kw):
        Notice = request.env["property.notice"]
        partner = request.env.user.partner_id
        domain = Notice._portal_domain(partner)
        count = Notice.search_count(domain)
        pager = portal_pager(
            url="/my/notices", total=count, page=page, step=self._notices_per_page
        )
        notices = Notice.search(
            domain, limit=self._notices_per_page, offset=pager["offset"]
        )
        acked = (
            request.env["property.notice.ack"]
            .sudo()
            .search([("notice_id", "in", notices.ids), ("partner_id", "=", partner.id)])
            .notice_id
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                # searched with the user's rights; read as superuser for the
                # category's name (the template lists what is shown)
                "notices": notices.sudo(),
                "acked": acked,
                "page_name": "property_notice",
                "pager": pager,
                "default_url": "/my/notices",
            }
        )
        return request.render("property_cs.portal_my_notices", values)

    @http.route(["/my/notices/<int:notice_id>"], type="http", auth="user", website=True)
    def portal_my_notice(self, notice_id, **kw):
        notice_sudo = self._notice_or_none(notice_id)
        if notice_sudo is None:
            return request.redirect("/my/notices")
        return self._notice_page(notice_sudo)

    def _notice_page(self, notice_sudo, error=False):
        values = self._prepare_portal_layout_values()
        values.update(notice_sudo._portal_values(request.env.user.partner_id))
        values["notice_error"] = error
        return request.render("property_cs.portal_my_notice", values)

    @http.route(
        ["/my/notices/<int:notice_id>/acknowledge"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_notice_acknowledge(self, notice_id, **kw):
        notice_sudo = self._notice_or_none(notice_id)
        if notice_sudo is None:
            return request.redirect("/my/notices")
        try:
            request.env["property.notice.ack"]._acknowledge(
                notice_sudo.with_env(request.env), request.env.user.partner_id
            )
        except UserError as exc:
            return self._notice_page(notice_sudo, error=exc.args[0])
        return request.redirect(f"/my/notices/{notice_id}")

    @http.route(
        ["/my/notices/<int:notice_id>/file/<int:file_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_notice_file(self, notice_id, file_id, **kw):
        notice_sudo = self._notice_or_none(notice_id)
        if notice_sudo is None:
            raise request.not_found()
        file_sudo = notice_sudo.attachment_ids.filtered(lambda f: f.id == file_id)
        if not file_sudo:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(file_sudo, "datas", filename=file_sudo.name)
            .get_response(as_attachment=True)
        )
