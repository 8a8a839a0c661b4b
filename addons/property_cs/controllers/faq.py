# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyFaqPortal(CustomerPortal):
    """The FAQ (常见问题, D-15), read-only in the owners' portal."""

    @http.route(["/my/faq"], type="http", auth="user", website=True)
    def portal_my_faq(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "faq_groups": request.env["property.faq"]._portal_faq_groups(
                    request.env.user.partner_id
                ),
                "page_name": "property_faq",
            }
        )
        return request.render("property_cs.portal_my_faq", values)
