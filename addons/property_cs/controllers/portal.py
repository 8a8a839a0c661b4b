# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class PropertyCustomerPortal(CustomerPortal):
    """Owners see their units and household in the portal (D-3)."""

    _units_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_unit_count" in counters:
            Unit = request.env["property.unit"]
            values["property_unit_count"] = (
                Unit.search_count([]) if Unit.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/units", "/my/units/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_units(self, page=1, **kw):
        Unit = request.env["property.unit"]
        values = self._prepare_portal_layout_values()
        unit_count = Unit.search_count([])
        pager = portal_pager(
            url="/my/units",
            total=unit_count,
            page=page,
            step=self._units_per_page,
        )
        units = Unit.search([], limit=self._units_per_page, offset=pager["offset"])
        request.session["my_units_history"] = units.ids[:100]
        values.update(
            {
                "units": units,
                "page_name": "property_unit",
                "pager": pager,
                "default_url": "/my/units",
            }
        )
        return request.render("property_cs.portal_my_units", values)

    @http.route(["/my/units/<int:unit_id>"], type="http", auth="user", website=True)
    def portal_my_unit(self, unit_id, access_token=None, **kw):
        try:
            unit_sudo = self._document_check_access(
                "property.unit", unit_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            unit_sudo,
            access_token,
            unit_sudo._portal_unit_values(request.env.user.partner_id),
            "my_units_history",
            False,
        )
        return request.render("property_cs.portal_my_unit", values)
