# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import binascii
from itertools import zip_longest

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.osv.expression import AND

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.property_renovation_portal import PORTAL_DOCUMENT_TYPES

WORKER_FIELDS = ("name", "phone", "trade", "id_number")


class PropertyRenovationPortal(CustomerPortal):
    """Renovation applications in the portal (D-20): the list, an
    application's page, the application form from a unit, amendments,
    submission, the declarations and signature, withdrawal. Pages carry no
    token: only the applicant and the unit's owners open an application
    (record rules); each action calls one model method."""

    _renovations_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_renovation_count" in counters:
            Renovation = request.env["property.renovation"]
            values["property_renovation_count"] = (
                Renovation.search_count(
                    Renovation._portal_domain(request.env.user.partner_id)
                )
                if Renovation.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/renovations", "/my/renovations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_renovations(self, page=1, **kw):
        Renovation = request.env["property.renovation"]
        partner = request.env.user.partner_id
        domain = AND([Renovation._portal_domain(partner), []])
        count = Renovation.search_count(domain)
        pager = portal_pager(
            url="/my/renovations",
            total=count,
            page=page,
            step=self._renovations_per_page,
        )
        renovations = Renovation.search(
            domain, limit=self._renovations_per_page, offset=pager["offset"]
        )
        request.session["my_renovations_history"] = renovations.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                # searched with the user's rights; read as superuser only
                # for the unit's name (the template lists what is shown)
                "renovations": renovations.sudo(),
                "units": Renovation._portal_units_for(partner),
                "page_name": "property_renovation",
                "pager": pager,
                "default_url": "/my/renovations",
            }
        )
        return request.render("property_cs.portal_my_renovations", values)

    def _renovation_form_input(self):
        """The posted form as the model methods take it: plain values,
        lists (scope, workers) and files per document type."""
        form = request.httprequest.form
        files = request.httprequest.files
        values = {key: form.get(key) for key in form}
        values["scope_ids"] = form.getlist("scope_ids")
        columns = [form.getlist(f"worker_{name}") for name in WORKER_FIELDS]
        values["workers"] = [
            dict(zip(WORKER_FIELDS, row, strict=True))
            for row in zip_longest(*columns, fillvalue="")
        ]
        uploads = {
            kind: [
                (upload.filename, upload.read())
                for upload in files.getlist(f"document_{kind}")
                if upload.filename
            ]
            for kind in PORTAL_DOCUMENT_TYPES
        }
        return values, uploads

    def _renovation_form_page(self, renovation=None, unit_id=None, error=False):
        Renovation = request.env["property.renovation"]
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(Renovation._portal_form_values(partner))
        form = dict(request.httprequest.form) if error else {}
        if renovation and not error:
            form = {
                "description": renovation.description or "",
                "uses_contractor": renovation.uses_contractor,
                "contractor_name": renovation.contractor_name or "",
                "contractor_licence": renovation.contractor_licence or "",
                "contractor_manager": renovation.contractor_manager or "",
                "contractor_phone": renovation.contractor_phone or "",
                "date_start": str(renovation.date_start or ""),
                "date_end": str(renovation.date_end or ""),
                "neighbour_notice": renovation.neighbour_notice,
            }
        scope_ids = (
            [
                int(i)
                for i in request.httprequest.form.getlist("scope_ids")
                if i.isdigit()
            ]
            if error
            else (renovation.scope_ids.ids if renovation else [])
        )
        values.update(
            {
                "page_name": "property_renovation_form",
                "renovation": renovation,
                "unit_id": unit_id,
                "form": form,
                "scope_ids": scope_ids,
                "error": error,
            }
        )
        return request.render("property_cs.portal_renovation_form", values)

    @http.route(
        ["/my/renovations/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_renovation_new(self, unit=None, **post):
        """The application form, opened from a unit (``unit`` = its id)."""
        unit_id = int(unit) if unit and str(unit).isdigit() else None
        if request.httprequest.method == "POST":
            values, uploads = self._renovation_form_input()
            try:
                with request.env.cr.savepoint():
                    renovation = request.env["property.renovation"]._portal_apply(
                        request.env.user.partner_id, values, uploads
                    )
            except (AccessError, UserError, ValidationError) as exc:
                unit_id = values.get("unit_id") or ""
                return self._renovation_form_page(
                    unit_id=int(unit_id) if unit_id.isdigit() else None,
                    error=exc.args[0],
                )
            return request.redirect(renovation.access_url)
        return self._renovation_form_page(unit_id=unit_id)

    def _renovation_or_redirect(self, renovation_id):
        try:
            return self._document_check_access("property.renovation", renovation_id)
        except (AccessError, MissingError):
            return None

    @http.route(
        ["/my/renovations/<int:renovation_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_renovation(self, renovation_id, **kw):
        renovation_sudo = self._renovation_or_redirect(renovation_id)
        if renovation_sudo is None:
            return request.redirect("/my")
        return self._renovation_page(renovation_sudo)

    def _renovation_page(self, renovation_sudo, error=False):
        values = self._get_page_view_values(
            renovation_sudo,
            None,
            renovation_sudo._portal_values(request.env.user.partner_id),
            "my_renovations_history",
            False,
        )
        values["renovation_error"] = error
        return request.render("property_cs.portal_my_renovation", values)

    @http.route(
        ["/my/renovations/<int:renovation_id>/edit"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_renovation_edit(self, renovation_id, **post):
        renovation_sudo = self._renovation_or_redirect(renovation_id)
        if renovation_sudo is None:
            return request.redirect("/my")
        if request.httprequest.method == "POST":
            values, uploads = self._renovation_form_input()
            try:
                with request.env.cr.savepoint():
                    renovation_sudo._portal_amend(
                        request.env.user.partner_id, values, uploads
                    )
            except (AccessError, UserError, ValidationError) as exc:
                request.env.invalidate_all()
                return self._renovation_form_page(
                    renovation=renovation_sudo, error=exc.args[0]
                )
            return request.redirect(renovation_sudo.access_url)
        return self._renovation_form_page(renovation=renovation_sudo)

    def _renovation_action(self, renovation_id, method, *args):
        renovation_sudo = self._renovation_or_redirect(renovation_id)
        if renovation_sudo is None:
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                getattr(renovation_sudo, method)(request.env.user.partner_id, *args)
        except (AccessError, UserError, ValidationError) as exc:
            request.env.invalidate_all()
            return self._renovation_page(renovation_sudo, error=exc.args[0])
        return request.redirect(renovation_sudo.access_url)

    @http.route(
        ["/my/renovations/<int:renovation_id>/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_submit(self, renovation_id, **kw):
        return self._renovation_action(renovation_id, "_portal_submit")

    @http.route(
        ["/my/renovations/<int:renovation_id>/declare"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_declare(self, renovation_id, **kw):
        return self._renovation_action(
            renovation_id,
            "_portal_declare",
            request.httprequest.form.getlist("prohibition_ids"),
        )

    @http.route(
        ["/my/renovations/<int:renovation_id>/cancel"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_cancel(self, renovation_id, **kw):
        return self._renovation_action(renovation_id, "_portal_cancel")

    @http.route(
        ["/my/renovations/<int:renovation_id>/extension"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_extension(self, renovation_id, date_end=None, reason=None):
        return self._renovation_action(
            renovation_id, "_portal_request_extension", date_end, reason
        )

    @http.route(
        ["/my/renovations/<int:renovation_id>/acceptance"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_acceptance(self, renovation_id, **kw):
        return self._renovation_action(renovation_id, "_portal_request_acceptance")

    @http.route(
        ["/my/renovations/<int:renovation_id>/sign"],
        type="json",
        auth="user",
        website=True,
    )
    def portal_renovation_sign(self, renovation_id, name=None, signature=None):
        """The portal signature form (``portal.signature_form``) posts the
        signer's name and the signature image here, as for a sale order's
        acceptance."""
        renovation_sudo = self._renovation_or_redirect(renovation_id)
        if renovation_sudo is None:
            return {"error": request.env._("This application cannot be found.")}
        try:
            with request.env.cr.savepoint():
                renovation_sudo._portal_sign(
                    request.env.user.partner_id,
                    name,
                    signature,
                    request.httprequest.remote_addr,
                )
        except (AccessError, UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        except (TypeError, ValueError, binascii.Error):
            return {"error": request.env._("The signature could not be read.")}
        return {"force_refresh": True, "redirect_url": renovation_sudo.access_url}
