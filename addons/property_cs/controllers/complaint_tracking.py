# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.mail.controllers.thread import ThreadController


def _tracked_ticket(thread_model, thread_id, kwargs):
    """The ticket behind a chatter call that the caller may post on (with
    the link's token or their own rights), else None: a caller without
    access neither counts against the limit nor gets past the standard
    check that follows."""
    if thread_model != "property.ticket":
        return None
    try:
        ticket_id = int(thread_id)
    except (TypeError, ValueError):
        return None
    Ticket = request.env["property.ticket"]
    ticket = Ticket._get_thread_with_access(
        ticket_id, mode=Ticket._mail_post_access, **kwargs
    )
    return ticket.sudo() or None


class PropertyComplaintTrackingAttachment(AttachmentController):
    """Files added through the tracking link of an unverified complaint
    (D-13): throttled before the file is read, then held to the public
    complaint form's upload rules, reading at most the size allowed."""

    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        ticket = _tracked_ticket(thread_model, thread_id, kwargs)
        if ticket:
            Submission = request.env["property.complaint.submission"]
            try:
                if Submission._guard_tracking_page(
                    ticket, "upload", request.httprequest.remote_addr
                ):
                    company = ticket.company_id
                    max_bytes = company.property_complaint_upload_max_mb * 1024 * 1024
                    content = ufile.read(max_bytes + 1)
                    company._property_check_uploads(
                        [(ufile.filename, content)], "public_complaint"
                    )
                    ufile.seek(0)
            except UserError as exc:
                return request.make_json_response({"error": exc.args[0]})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )


class PropertyComplaintTrackingThread(ThreadController):
    """Messages posted through the tracking link of an unverified complaint
    are throttled (D-13)."""

    @http.route()
    def mail_message_post(
        self, thread_model, thread_id, post_data, context=None, **kwargs
    ):
        ticket = _tracked_ticket(thread_model, thread_id, kwargs)
        if ticket:
            request.env["property.complaint.submission"]._guard_tracking_page(
                ticket, "message", request.httprequest.remote_addr
            )
        return super().mail_message_post(
            thread_model, thread_id, post_data, context=context, **kwargs
        )
