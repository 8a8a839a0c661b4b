# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class RegisterPortal(CustomerPortal):
    """Current members of an owners' committee read the letters of the
    document register shared with their committee (D-23). Portal users
    have no access to the register: the model's ``_portal_letters`` is the
    only way in, so no one else (and no former member) reads them."""

    _letters_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_letter_count" in counters:
            values["property_letter_count"] = (
                request.env["property.register.entry"]
                .sudo()
                .search_count(
                    request.env["property.register.entry"]._portal_letters_domain(
                        request.env.user.partner_id
                    )
                )
            )
        return values

    @http.route(
        ["/my/letters", "/my/letters/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_letters(self, page=1, **kw):
        Entry = request.env["property.register.entry"]
        partner = request.env.user.partner_id
        total = Entry.sudo().search_count(Entry._portal_letters_domain(partner))
        pager = portal_pager(
            url="/my/letters", total=total, page=page, step=self._letters_per_page
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "letters": Entry._portal_letters(
                    partner, limit=self._letters_per_page, offset=pager["offset"]
                ),
                "page_name": "property_letters",
                "pager": pager,
                "default_url": "/my/letters",
            }
        )
        return request.render("property_cs.portal_my_letters", values)

    @http.route(["/my/letters/<int:entry_id>"], type="http", auth="user", website=True)
    def portal_my_letter(self, entry_id, **kw):
        try:
            entry = request.env["property.register.entry"]._portal_letter(
                request.env.user.partner_id, entry_id
            )
        except MissingError:
            return request.redirect("/my/letters")
        values = self._prepare_portal_layout_values()
        values.update(entry._portal_letter_values())
        values["page_name"] = "property_letters"
        return request.render("property_cs.portal_my_letter", values)
