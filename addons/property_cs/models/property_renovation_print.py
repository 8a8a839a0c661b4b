# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import secrets

import qrcode

from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import RENOVATION_PRINT_STATES

# why a permit is not valid on the public verification page, by state
# (approved is valid within its dates, else "not_started" or "expired")
VERIFY_REASONS_BY_STATE = {
    "draft": "not_approved",
    "submitted": "not_approved",
    "engineering": "not_approved",
    "changes": "not_approved",
    "approval": "not_approved",
    "rejected": "rejected",
    "cancelled": "cancelled",
    "stopped": "stopped",
    "completion": "completed",
    "accepted": "completed",
    "closed": "completed",
}
# the documents the portal prints, by the name in their link
RENOVATION_PORTAL_REPORTS = {
    "permit": "property_cs.property_renovation_report_permit",
    "passes": "property_cs.property_renovation_report_worker_pass",
    "notice": "property_cs.property_renovation_report_notice",
}


class PropertyRenovation(models.Model):
    """The printed documents of a renovation (D-20, domain_standards D2):
    the permit (装修许可证) and the worker passes, each with a QR code
    opening the public verification page, and the building notice (公示)
    posted in the building. The verification page and the notice show no
    personal data: the unit, the dates, the working hours and the
    contractor's company only."""

    _inherit = "property.renovation"

    verify_token = fields.Char(
        string="Verification Token",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Random key of the public verification link printed as a QR "
        "code on the permit and the worker passes.",
    )
    verify_url = fields.Char(
        string="Verification Link",
        compute="_compute_verify_url",
        help="The public page that tells whether the permit is valid.",
    )

    _sql_constraints = [
        (
            "verify_token_unique",
            "unique(verify_token)",
            "The verification token of a permit must be unique.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("verify_token", self._new_verify_token())
        return super().create(vals_list)

    @api.model
    def _new_verify_token(self):
        """A random, unguessable token (not derived from the record id)."""
        return secrets.token_urlsafe(24)

    def _verify_ensure_token(self):
        """Give a token to the permits without one (records created before
        the field existed); return the token of a single permit."""
        for renovation in self.filtered(lambda r: not r.verify_token):
            renovation.sudo().verify_token = self._new_verify_token()
        return self.verify_token if len(self) == 1 else None

    @api.depends("verify_token")
    def _compute_verify_url(self):
        for renovation in self:
            renovation.verify_url = (
                f"{renovation.get_base_url()}/renovation/verify/"
                f"{renovation.verify_token}"
                if renovation.verify_token
                else False
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Renovation Permit %(number)s", number=self.name)

    # ------------------------------------------------------------------
    # verification
    # ------------------------------------------------------------------

    def _verify_date_end(self):
        """The last day works are permitted: the approved extension's end
        when the works part records one (field date_end_extended), else
        the planned end."""
        self.ensure_one()
        extended = "date_end_extended" in self._fields and self["date_end_extended"]
        return extended or self.date_end

    def _verify_today(self):
        """Today in the project's time zone (the permit's dates are local
        days), whatever the time zone of the person asking."""
        self.ensure_one()
        tz = self.project_id.tz or "Asia/Shanghai"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _verify_status(self, today=None):
        """Whether the permit is valid today, and why not: valid while the
        works are permitted (state approved) and today is within the start
        and the (extended) end. Returns a dict with ``valid`` (bool),
        ``reason`` (a code: not_approved, rejected, cancelled, stopped,
        completed, not_started, expired, or False) and ``reason_text`` in
        the current language."""
        self.ensure_one()
        today = today or self._verify_today()
        reason = VERIFY_REASONS_BY_STATE.get(self.state, False)
        if not reason:
            date_end = self._verify_date_end()
            if self.date_start and today < self.date_start:
                reason = "not_started"
            elif not date_end or today > date_end:
                reason = "expired"
        texts = {
            "not_approved": self.env._("The permit has not been approved."),
            "rejected": self.env._("The application was rejected."),
            "cancelled": self.env._("The application was cancelled."),
            "stopped": self.env._("Work has been stopped by the property office."),
            "completed": self.env._("The works are completed."),
            "not_started": self.env._("The permitted period has not started yet."),
            "expired": self.env._("The permit has expired."),
        }
        return {
            "valid": not reason,
            "reason": reason,
            "reason_text": texts.get(reason, ""),
        }

    @api.model
    def _verify_page_values(self, token):
        """What the public verification page shows for ``token``, or None
        for an unknown token: no personal data (no applicant, phone, ID or
        worker), only the permit number, unit, dates, working hours and
        validity, in the current language."""
        if not token or not isinstance(token, str):
            return None
        renovation = self.sudo().search([("verify_token", "=", token)], limit=1)
        if not renovation:
            return None
        today = renovation._verify_today()
        return {
            "permit_number": renovation.name,
            "project": renovation.project_id.name,
            "building": renovation.building_id.name,
            "unit": renovation.unit_id.name,
            "date_start": renovation.date_start,
            "date_end": renovation._verify_date_end(),
            "working_hours": renovation.project_id.renovation_working_hours,
            "hotline": renovation.project_id.hotline,
            "today": today,
            **renovation._verify_status(today),
        }

    # ------------------------------------------------------------------
    # printing
    # ------------------------------------------------------------------

    def _portal_print_report(self, document):
        """The report the portal prints for ``document`` (permit, passes or
        notice); refused before the permit is approved."""
        self.ensure_one()
        report = RENOVATION_PORTAL_REPORTS.get(document)
        if not report:
            raise UserError(self.env._("This document does not exist."))
        self._check_printable()
        return report

    def _check_printable(self):
        """The permit, worker passes and building notice are printed from
        the approval on; the records are read as the current user, so a
        user who may not read a permit cannot print it."""
        self.check_access("read")
        not_approved = self.filtered(lambda r: r.state not in RENOVATION_PRINT_STATES)
        if not_approved:
            raise UserError(
                self.env._(
                    "The permit documents are printed once the permit is "
                    "approved: %(permits)s.",
                    permits=", ".join(not_approved.mapped("name")),
                )
            )

    def _report_lang(self):
        """The language of the permit and worker passes: the applicant's,
        else the company's."""
        self.ensure_one()
        return self.sudo().applicant_id.lang or self.company_id._property_lang()

    def _report_qr_src(self):
        """The QR code of the verification link as a PNG data URI, made with
        the qrcode library (an Odoo requirement, as for two-factor
        authentication): it needs no request back to the server while the
        PDF is rendered, nor reportlab's optional PNG renderer that Odoo's
        /report/barcode route needs."""
        self.ensure_one()
        self._verify_ensure_token()
        data = io.BytesIO()
        qrcode.make(self.verify_url.encode(), box_size=4, border=2).save(
            data, optimise=True, format="PNG"
        )
        return "data:image/png;base64," + base64.b64encode(data.getvalue()).decode()
