# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

DEVELOPER_VIEWS = ("open", "overdue", "done", "all")


class DeveloperPortal(CustomerPortal):
    """The developer's contacts in the portal (D-22): the warranty defects
    and quality complaints handed to their company, each with its unit and
    description only, answered (with a planned repair date and photos) or
    reported repaired. Searched and read with the contact's own rights: the
    record rules keep them to their company's items and the owner fields
    are staff-only; each action calls one model method."""

    _developer_items_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_developer_item_count" in counters:
            Defect = request.env["property.warranty.defect"]
            values["property_developer_item_count"] = (
                Defect.search_count(
                    Defect._portal_developer_domain(request.env.user.partner_id)
                )
                if Defect.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/developer", "/my/developer/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_developer(self, page=1, view="open", **kw):
        Defect = request.env["property.warranty.defect"]
        if not Defect.has_access("read"):
            return request.redirect("/my")
        view = view if view in DEVELOPER_VIEWS else "open"
        domain = Defect._portal_developer_domain(request.env.user.partner_id, view)
        count = Defect.search_count(domain)
        pager = portal_pager(
            url="/my/developer",
            url_args={"view": view},
            total=count,
            page=page,
            step=self._developer_items_per_page,
        )
        items = Defect.search(
            domain,
            order="date_due, id",
            limit=self._developer_items_per_page,
            offset=pager["offset"],
        )
        request.session["my_developer_history"] = items.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "items": items,
                "view": view,
                "views": Defect._portal_developer_view_labels(),
                "states": dict(
                    Defect._fields["state"]._description_selection(request.env)
                ),
                "kinds": dict(
                    Defect._fields["kind"]._description_selection(request.env)
                ),
                "page_name": "property_developer",
                "pager": pager,
                "default_url": "/my/developer",
            }
        )
        return request.render("property_cs.portal_my_developer", values)

    def _developer_item_page(self, defect, error=False, answer="", note=""):
        values = self._get_page_view_values(
            defect,
            None,
            defect._portal_developer_values(),
            "my_developer_history",
            False,
        )
        values.update(
            {
                "page_name": "property_developer",
                "developer_error": error,
                "developer_answer": answer,
                "developer_note": note,
            }
        )
        return request.render("property_cs.portal_my_developer_item", values)

    def _developer_item(self, defect_id):
        """The item as the contact may read it, or None."""
        defect = request.env["property.warranty.defect"].browse(defect_id).exists()
        if not defect:
            return None
        try:
            defect.check_access("read")
        except AccessError:
            return None
        return defect

    @http.route(
        ["/my/developer/<int:defect_id>"], type="http", auth="user", website=True
    )
    def portal_my_developer_item(self, defect_id, **kw):
        defect = self._developer_item(defect_id)
        if defect is None:
            return request.redirect("/my")
        return self._developer_item_page(defect)

    def _developer_photos(self):
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("photos")
        ]

    @http.route(
        ["/my/developer/<int:defect_id>/answer"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_developer_answer(self, defect_id, answer=None, date_planned=None, **kw):
        """The developer's answer, with the planned repair date."""
        defect = self._developer_item(defect_id)
        if defect is None:
            return request.redirect("/my")
        try:
            defect._portal_answer(
                answer, date_planned or False, self._developer_photos()
            )
        except (AccessError, UserError) as exc:
            return self._developer_item_page(
                defect, error=exc.args[0], answer=answer or ""
            )
        return request.redirect(f"/my/developer/{defect.id}")

    @http.route(
        ["/my/developer/<int:defect_id>/fixed"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_developer_fixed(self, defect_id, note=None, **kw):
        """The developer reports the repair done."""
        defect = self._developer_item(defect_id)
        if defect is None:
            return request.redirect("/my")
        try:
            defect._portal_report_fixed(note, self._developer_photos())
        except (AccessError, UserError) as exc:
            return self._developer_item_page(defect, error=exc.args[0], note=note or "")
        return request.redirect(f"/my/developer/{defect.id}")
