# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyEventPortal(CustomerPortal):
    """Community events in the portal (D-30): owners and tenants see the
    events of their project, register members of their own household,
    cancel, and give their feedback afterwards. Portal users read no event
    nor registration themselves: each page and action calls one model
    method, which checks the household and then works as superuser."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_event_count" in counters:
            values["property_event_count"] = request.env[
                "event.event"
            ]._property_portal_event_count(request.env.user.partner_id)
        return values

    @http.route(["/my/events"], type="http", auth="user", website=True)
    def portal_my_events(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            request.env["event.event"]._property_portal_list_values(
                request.env.user.partner_id
            )
        )
        return request.render("property_cs.portal_my_events", values)

    def _event_page(self, event_id, template="property_cs.portal_my_event", **extra):
        partner = request.env.user.partner_id
        try:
            page = (
                request.env["event.event"]
                .browse(event_id)
                ._property_portal_values(partner)
            )
        except (AccessError, MissingError):
            return request.redirect("/my/events")
        values = self._prepare_portal_layout_values()
        values.update(page)
        values.update(extra)
        return request.render(template, values)

    @http.route(["/my/events/<int:event_id>"], type="http", auth="user", website=True)
    def portal_my_event(self, event_id, **kw):
        return self._event_page(
            event_id,
            event_booked=kw.get("booked"),
            event_waiting=kw.get("waiting"),
            event_cancelled=kw.get("cancelled"),
        )

    def _event_action(self, event_id, method, *args, template=None):
        """Run one model method for the signed-in partner; its refusal is
        shown on the page."""
        partner = request.env.user.partner_id
        try:
            with request.env.cr.savepoint():
                result = method(partner, *args)
        except MissingError:
            return None, request.redirect("/my/events")
        except (AccessError, UserError, ValidationError) as exc:
            request.env.invalidate_all()
            kwargs = {"event_error": exc.args[0]}
            if template:
                kwargs["template"] = template
            return None, self._event_page(event_id, **kwargs)
        return result, None

    @http.route(
        ["/my/events/<int:event_id>/register"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_event_register(self, event_id, **kw):
        member_ids = [
            int(value)
            for value in request.httprequest.form.getlist("member_ids")
            if value.isdigit()
        ]
        event = request.env["event.event"].browse(event_id)
        members = request.env["res.partner"].browse(member_ids)
        registrations, response = self._event_action(
            event_id, event._property_portal_book, members
        )
        if response is not None:
            return response
        waiting = registrations.filtered("property_is_waitlist")
        return request.redirect(
            f"/my/events/{event_id}?booked={len(registrations - waiting)}"
            f"&waiting={len(waiting)}"
        )

    @http.route(
        ["/my/events/<int:event_id>/cancel/<int:registration_id>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_event_cancel(self, event_id, registration_id, **kw):
        registration = request.env["event.registration"].browse(registration_id)
        _result, response = self._event_action(
            event_id, registration._property_portal_cancel
        )
        if response is not None:
            return response
        return request.redirect(f"/my/events/{event_id}?cancelled=1")

    @http.route(
        ["/my/events/<int:event_id>/feedback"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_event_feedback(self, event_id, rating=None, comment=None, **kw):
        template = "property_cs.portal_my_event_feedback"
        if request.httprequest.method == "POST":
            event = request.env["event.event"].browse(event_id)
            _result, response = self._event_action(
                event_id,
                event._property_portal_feedback,
                rating,
                comment,
                template=template,
            )
            if response is not None:
                return response
            return request.redirect(f"/my/events/{event_id}/feedback")
        return self._event_page(event_id, template=template)
