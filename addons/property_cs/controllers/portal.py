# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.osv.expression import AND

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class PropertyCustomerPortal(CustomerPortal):
    """Owners see their units and household in the portal (D-3)."""

    _units_per_page = 20
    _tickets_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_unit_count" in counters:
            Unit = request.env["property.unit"]
            values["property_unit_count"] = (
                Unit.search_count([]) if Unit.has_access("read") else 0
            )
        if "property_ticket_count" in counters:
            Ticket = request.env["property.ticket"]
            values["property_ticket_count"] = (
                Ticket.search_count(
                    Ticket._portal_ticket_domain(request.env.user.partner_id)
                )
                if Ticket.has_access("read")
                else 0
            )
        return values

    def details_form_validate(self, data, partner_creation=False):
        """An owner billed for their fees may not change their country on
        the account page, and Odoo then puts the text "False" in the form
        of an owner without one: shown again with an error (a name that may
        no longer change, a wrong email), the page broke with a server
        error. The page shown again gets an empty country instead; a valid
        form is saved as before."""
        error, error_message = super().details_form_validate(
            data, partner_creation=partner_creation
        )
        if error and data.get("country_id") == "False":
            data["country_id"] = ""
        return error, error_message

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
    def portal_my_unit(self, unit_id, **kw):
        """Only the signed-in current owners and residents of the unit open
        it (record rules on their current links); a token in the URL grants
        nothing (D-3)."""
        try:
            unit_sudo = self._document_check_access("property.unit", unit_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            unit_sudo,
            None,
            unit_sudo._portal_unit_values(request.env.user.partner_id),
            False,
            False,
        )
        values.update(self._unit_records_pager(unit_sudo))
        return request.render("property_cs.portal_my_unit", values)

    @http.route(
        ["/my/units/<int:unit_id>/receipts/<int:payment_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_unit_receipt(
        self, unit_id, payment_id, report_type="pdf", download=False, **kw
    ):
        """The receipt (收据) of one of the signed-in owner's or paying
        tenant's own payments for a unit they may open; any other payment,
        or a unit they may not open, goes back to /my (D-3, D-21)."""
        try:
            unit_sudo = self._document_check_access("property.unit", unit_id)
            payment_sudo = unit_sudo._portal_fee_receipt(
                request.env.user.partner_id, payment_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type not in ("pdf", "html"):
            report_type = "pdf"
        return self._show_report(
            model=payment_sudo,
            report_type=report_type,
            report_ref="property_cs.account_payment_report_receipt",
            download=download,
        )

    def _unit_records_pager(self, unit):
        """Previous and next unit of the user's My Units list, as plain
        links: the portal's own pager would add a token to them."""
        ids = request.session.get("my_units_history", [])
        if unit.id not in ids:
            return {}
        idx = ids.index(unit.id)
        prev_id = ids[idx - 1] if idx else False
        next_id = ids[idx + 1] if idx < len(ids) - 1 else False
        return {
            "prev_record": prev_id and unit.browse(prev_id).access_url,
            "next_record": next_id and unit.browse(next_id).access_url,
        }

    # ------------------------------------------------------------------
    # Service requests (D-9, D-10, D-14)
    # ------------------------------------------------------------------
    def _ticket_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_reported desc"},
            "stage": {
                "label": request.env._("Stage"),
                "order": "stage_id, date_reported desc",
            },
        }

    def _ticket_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("Open"),
                "domain": [("state", "not in", ("closed", "cancelled"))],
            },
            "closed": {
                "label": request.env._("Closed"),
                "domain": [("state", "in", ("closed", "cancelled"))],
            },
        }

    @http.route(
        ["/my/tickets", "/my/tickets/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_tickets(self, page=1, sortby="date", filterby="all", **kw):
        Ticket = request.env["property.ticket"]
        values = self._prepare_portal_layout_values()
        sortings = self._ticket_searchbar_sortings()
        filters = self._ticket_searchbar_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = AND(
            [
                Ticket._portal_ticket_domain(request.env.user.partner_id),
                filters[filterby]["domain"],
            ]
        )
        ticket_count = Ticket.search_count(domain)
        pager = portal_pager(
            url="/my/tickets",
            url_args={"sortby": sortby, "filterby": filterby},
            total=ticket_count,
            page=page,
            step=self._tickets_per_page,
        )
        tickets = Ticket.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._tickets_per_page,
            offset=pager["offset"],
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        values.update(
            {
                # searched with the user's rights; read as superuser only to
                # show the unit's name to tenants (the template lists the
                # fields an owner may see)
                "tickets": tickets.sudo(),
                "page_name": "property_ticket",
                "pager": pager,
                "default_url": "/my/tickets",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("property_cs.portal_my_tickets", values)

    @http.route(
        ["/my/tickets/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_new_ticket(self, **post):
        Ticket = request.env["property.ticket"]
        partner = request.env.user.partner_id
        error = False
        if request.httprequest.method == "POST":
            photos = [
                (upload.filename, upload.read())
                for upload in request.httprequest.files.getlist("photos")
            ]
            try:
                ticket = Ticket._portal_create_ticket(partner, post, photos)
            except (AccessError, UserError) as exc:
                error = exc.args[0]
            else:
                return request.redirect(ticket.get_portal_url())
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_ticket_new",
                "units": Ticket._portal_units_for(partner),
                "kinds": Ticket._portal_kind_selection(),
                "categories": Ticket._portal_categories(),
                "error": error,
                "form": post,
            }
        )
        return request.render("property_cs.portal_new_ticket", values)

    @http.route(
        ["/my/tickets/<int:ticket_id>"], type="http", auth="public", website=True
    )
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access(
                "property.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._ticket_page(ticket_sudo, access_token, **kw)

    def _ticket_page(
        self, ticket_sudo, access_token, error=False, answer_url=False, **kw
    ):
        """The ticket's page; ``answer_url`` is the confirmation link it was
        opened with, the only way to answer without signing in."""
        partner, via_token = self._ticket_acting_partner(ticket_sudo)
        if not via_token:
            # the owner's own portal login confirms an emailed request
            ticket_sudo._portal_confirm_sender(partner)
        values = self._get_page_view_values(
            ticket_sudo,
            access_token,
            ticket_sudo._portal_ticket_values(partner),
            "my_tickets_history",
            False,
            **kw,
        )
        values.update(
            {
                "via_token": via_token,
                "ticket_error": error,
                "answer_url": answer_url or f"/my/tickets/{ticket_sudo.id}",
            }
        )
        if request.env.user._is_public() and not answer_url:
            # the reading token shows the ticket, it does not answer
            values["can_answer"] = False
        return request.render("property_cs.portal_my_ticket", values)

    def _ticket_acting_partner(self, ticket_sudo):
        """Who answers, and whether the page was reached with the emailed
        token: a logged-in user always answers as themselves (a token lets
        another owner read a ticket, never act in the requester's name);
        a visitor who is not logged in answers as the requester the token
        was sent to."""
        user = request.env.user
        if user._is_public():
            return ticket_sudo.partner_id, True
        return user.partner_id, not ticket_sudo.with_user(user).has_access("read")

    def _ticket_answer(self, ticket_id, access_token, method, *args):
        try:
            ticket_sudo = self._document_check_access(
                "property.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        partner, via_token = self._ticket_acting_partner(ticket_sudo)
        if request.env.user._is_public():
            return self._ticket_page(
                ticket_sudo,
                access_token,
                error=request.env._(
                    "To confirm or reopen this request, use the link of our "
                    "latest email or sign in to the customer portal."
                ),
            )
        try:
            getattr(ticket_sudo, method)(partner, *args, via_token=via_token)
        except (AccessError, UserError) as exc:
            return self._ticket_page(ticket_sudo, access_token, error=exc.args[0])
        return request.redirect(ticket_sudo.get_portal_url())

    @http.route(
        ["/my/tickets/<int:ticket_id>/confirm"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_confirm(self, ticket_id, access_token=None, **kw):
        return self._ticket_answer(ticket_id, access_token, "_portal_confirm")

    @http.route(
        ["/my/tickets/<int:ticket_id>/reopen"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_reopen(self, ticket_id, access_token=None, reason=None, **kw):
        return self._ticket_answer(ticket_id, access_token, "_portal_reopen", reason)

    # ------------------------------------------------------------------
    # The done mail's confirmation link: single-use, expiring (D-10)
    # ------------------------------------------------------------------
    def _ticket_link_refused(self, error):
        return request.render(
            "property_cs.portal_ticket_link_refused", {"error": error}
        )

    @http.route(
        ["/my/tickets/<int:ticket_id>/answer/<string:token>"],
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def portal_ticket_answer_link(self, ticket_id, token, **kw):
        ticket_sudo = request.env["property.ticket"].sudo().browse(ticket_id).exists()
        try:
            if not ticket_sudo:
                raise AccessError(request.env._("This confirmation link is not valid."))
            ticket_sudo._confirm_link_check(token)
        except AccessError as exc:
            return self._ticket_link_refused(exc.args[0])
        return self._ticket_page(
            ticket_sudo,
            ticket_sudo._portal_ensure_token(),
            answer_url=f"/my/tickets/{ticket_sudo.id}/answer/{token}",
        )

    def _ticket_link_answer(self, ticket_id, token, method, *args):
        ticket_sudo = request.env["property.ticket"].sudo().browse(ticket_id).exists()
        try:
            if not ticket_sudo:
                raise AccessError(request.env._("This confirmation link is not valid."))
            ticket_sudo._confirm_link_answer(token, method, *args)
        except AccessError as exc:
            return self._ticket_link_refused(exc.args[0])
        except UserError as exc:
            return self._ticket_page(
                ticket_sudo,
                ticket_sudo._portal_ensure_token(),
                error=exc.args[0],
                answer_url=f"/my/tickets/{ticket_sudo.id}/answer/{token}",
            )
        return request.redirect(ticket_sudo.get_portal_url())

    @http.route(
        ["/my/tickets/<int:ticket_id>/answer/<string:token>/confirm"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def portal_ticket_answer_link_confirm(self, ticket_id, token, **kw):
        return self._ticket_link_answer(ticket_id, token, "_portal_confirm")

    @http.route(
        ["/my/tickets/<int:ticket_id>/answer/<string:token>/reopen"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def portal_ticket_answer_link_reopen(self, ticket_id, token, reason=None, **kw):
        return self._ticket_link_answer(ticket_id, token, "_portal_reopen", reason)
