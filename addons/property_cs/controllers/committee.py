# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyCommitteePortal(CustomerPortal):
    """The owners' committee in the portal (D-23): a current member reads
    their project's shared report packs, the committee meetings (agenda,
    minutes, action items) and marks the action items assigned to them
    done; links lead to the notices and the letters addressed to the
    committee. Records are read with the member's own rights: record
    rules limit them to the project where they are a current member."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_committee_count" in counters:
            values["property_committee_count"] = len(
                request.env["property.committee"]._portal_memberships(
                    request.env.user.partner_id
                )
            )
        return values

    def _committee_record(self, model, record_id):
        """The record read with the user's rights, or None."""
        try:
            record = request.env[model].browse(record_id).exists()
            if not record:
                return None
            record.check_access("read")
        except (AccessError, MissingError):
            return None
        return record

    @http.route(["/my/committee"], type="http", auth="user", website=True)
    def portal_my_committee(self, **kw):
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            request.env["property.committee"]._portal_dashboard_values(partner)
        )
        if not values["memberships"]:
            return request.redirect("/my")
        values["page_name"] = "property_committee"
        return request.render("property_cs.portal_my_committee", values)

    @http.route(
        ["/my/committee/reports/<int:report_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_committee_report(self, report_id, report_type=None, **kw):
        report = self._committee_record("property.committee.report", report_id)
        if report is None:
            return request.redirect("/my")
        if report_type == "html":
            return self._show_report(
                report, "html", "property_cs.property_committee_report_action_report"
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_committee_report",
                "pack": report,
                "fig": report._report_figures(),
            }
        )
        return request.render("property_cs.portal_committee_report", values)

    @http.route(
        ["/my/committee/meetings/<int:meeting_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_committee_meeting(self, meeting_id, **kw):
        meeting = self._committee_record("property.meeting", meeting_id)
        if meeting is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(meeting._portal_values(request.env.user.partner_id))
        values.update(
            {"page_name": "property_committee_meeting", "error": kw.get("error")}
        )
        return request.render("property_cs.portal_committee_meeting", values)

    @http.route(
        ["/my/committee/actions/<int:action_id>/done"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_committee_action_done(self, action_id, result=None, **kw):
        action = self._committee_record("property.meeting.action", action_id)
        if action is None:
            return request.redirect("/my")
        try:
            action._portal_mark_done(request.env.user.partner_id, result)
        except (AccessError, UserError):
            return request.redirect(
                f"/my/committee/meetings/{action.meeting_id.id}?error=action"
            )
        return request.redirect(f"/my/committee/meetings/{action.meeting_id.id}")
