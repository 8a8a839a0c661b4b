# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, plaintext2html


class PropertyComplaintSubmission(models.Model):
    """A complaint filed on the public form (no login, D-13), kept to limit
    submissions per client IP and per email (limits in the settings). The
    form records the complaint without linking it to anyone's portal: the
    owner on file gets a verification link (typing someone's email must not
    put records into their portal)."""

    _name = "property.complaint.submission"
    _description = "Public Complaint Submission"
    _order = "id desc"

    ip_address = fields.Char(string="Client IP", index=True, readonly=True)
    email = fields.Char(index=True, readonly=True, help="Normalised email typed.")
    phone = fields.Char(
        index=True, readonly=True, help="Digits of the phone typed, when no email."
    )
    ticket_id = fields.Many2one("property.ticket", readonly=True, ondelete="set null")
    project_id = fields.Many2one("property.project", readonly=True)
    action = fields.Selection(
        [
            ("form", "Complaint Form"),
            ("message", "Message on the Tracking Page"),
            ("upload", "File on the Tracking Page"),
        ],
        default="form",
        required=True,
        readonly=True,
        index=True,
    )

    @api.model
    def _check_throttle(self, company, ip_address, email, phone=False):
        """At most the company's number of submissions per client IP per
        hour and per email (or, without one, per phone) per day (D-13: easy
        to complain, not to flood).

        The keys are locked first (``property.complaint.throttle``):
        parallel posts with a common key are checked one after the other,
        each counting the submissions the others committed.
        """
        Throttle = self.env["property.complaint.throttle"]
        keys = Throttle._lock(
            f"form-ip:{ip_address}" if ip_address else "",
            f"form-email:{email}" if email else "",
            f"form-phone:{phone}" if phone and not email else "",
        )
        now = fields.Datetime.now()
        ip_limit = company.property_complaint_form_ip_limit
        if ip_limit and ip_address:
            count = self.sudo().search_count(
                [
                    ("action", "=", "form"),
                    ("ip_address", "=", ip_address),
                    ("create_date", ">=", now - timedelta(hours=1)),
                ]
            )
            if count >= ip_limit:
                raise UserError(
                    self.env._(
                        "Too many complaints were sent from your connection in the "
                        "last hour. Please try again later or call us."
                    )
                )
        email_limit = company.property_complaint_form_email_limit
        if email_limit and email:
            count = self.sudo().search_count(
                [
                    ("action", "=", "form"),
                    ("email", "=", email),
                    ("create_date", ">=", now - timedelta(days=1)),
                ]
            )
            if count >= email_limit:
                raise UserError(
                    self.env._(
                        "Too many complaints were sent with this email today. "
                        "Please try again tomorrow or call us."
                    )
                )
        elif email_limit and phone:
            count = self.sudo().search_count(
                [
                    ("action", "=", "form"),
                    ("phone", "=", phone),
                    ("create_date", ">=", now - timedelta(days=1)),
                ]
            )
            if count >= email_limit:
                raise UserError(
                    self.env._(
                        "Too many complaints were sent with this phone number "
                        "today. Please try again tomorrow or call us."
                    )
                )
        Throttle._mark(*keys)

    @api.model
    def _guard_tracking_page(self, ticket, action, ip_address):
        """A message or a file added without an account through the
        tracking link of a complaint not yet verified (D-13): at most the
        company's number per hour for the complaint and for the client IP,
        counted before anything is read; the action is recorded. Staff and
        verified complaints are not limited.

        :param action: "message" or "upload"
        :return: True when the tracking-page rules apply
        :raise UserError: the limit is reached
        """
        ticket = ticket.sudo()
        if not self.env.user.share or not ticket._complaint_is_unverified():
            return False
        limit = ticket.company_id.property_complaint_tracking_post_limit
        if limit:
            # parallel posts are counted one after the other (see
            # property.complaint.throttle)
            Throttle = self.env["property.complaint.throttle"]
            keys = Throttle._lock(
                f"track-ticket:{ticket.id}",
                f"track-ip:{ip_address}" if ip_address else "",
            )
            domain = [
                ("action", "in", ("message", "upload")),
                ("create_date", ">=", fields.Datetime.now() - timedelta(hours=1)),
                ("ticket_id", "=", ticket.id),
            ]
            if ip_address:
                domain = [*domain[:2], "|", domain[2], ("ip_address", "=", ip_address)]
            if self.sudo().search_count(domain) >= limit:
                raise UserError(
                    self.env._(
                        "Too many messages or files were added to this complaint "
                        "in the last hour. Please try again later or call us."
                    )
                )
            Throttle._mark(*keys)
        self.sudo().create(
            {
                "action": action,
                "ip_address": ip_address,
                "ticket_id": ticket.id,
                "project_id": ticket.project_id.id,
            }
        )
        return True

    @api.model
    def _check_uploads(self, company, uploads):
        """The company's upload policy of the public complaint form.

        :param uploads: list of ``(file name, bytes)`` or of uploaded file
            objects (``werkzeug.datastructures.FileStorage``); a file object
            is read here, at most one byte over the size allowed, so that
            the form reads no file before the throttle check and never a
            file too large whole
        """
        max_bytes = company.sudo().property_complaint_upload_max_mb * 1024 * 1024
        uploads = [
            upload
            if isinstance(upload, tuple)
            else (upload.filename, upload.read(max_bytes + 1))
            for upload in uploads
        ]
        return company._property_check_uploads(uploads, "public_complaint")

    @api.model
    def _submit(self, project, values, uploads, ip_address):
        """Record a complaint from the public form.

        :param project: the project the complaint is about
        :param dict values: ``contact_name``, ``email``, ``phone``,
            ``location``, ``name`` (subject), ``description`` and
            ``remedy`` as posted
        :param uploads: list of ``(file name, bytes)`` or of uploaded file
            objects, read only after the throttle check
            (see ``_check_uploads``)
        :param ip_address: the client address (proxy mode honoured by the
            request)
        :return: the new complaint, as superuser
        :raise UserError: a value is missing or invalid, or a limit is hit
        """
        project = project.sudo()
        if not project or not project.active:
            raise UserError(self.env._("This project does not take complaints online."))
        company = project.company_id or self.env.company
        contact_name = (values.get("contact_name") or "").strip()
        email = email_normalize(values.get("email") or "")
        phone = (values.get("phone") or "").strip()
        subject = (values.get("name") or "").strip()
        description = (values.get("description") or "").strip()
        remedy = (values.get("remedy") or "").strip()
        if not contact_name:
            raise UserError(self.env._("Tell us your name."))
        phone_digits = "".join(ch for ch in phone if ch.isdigit())
        if (values.get("email") or "").strip() and not email:
            raise UserError(self.env._("This email is not valid: check it."))
        if not email and len(phone_digits) < 7:
            raise UserError(
                self.env._(
                    "Give your phone number or your email, so that we can answer you."
                )
            )
        if not subject or not description:
            raise UserError(self.env._("Describe your complaint."))
        if not remedy:
            raise UserError(self.env._("Tell us what you would like us to do."))
        self._check_throttle(
            company, ip_address, email, False if email else phone_digits
        )
        uploads = self._check_uploads(company, uploads)
        location = (values.get("location") or "").strip()[:200]
        if location:
            description = self.env._("Where: %s", location) + "\n\n" + description
        ticket = (
            self.env["property.ticket"]
            .sudo()
            .create(
                {
                    "name": subject[:200],
                    "kind": "complaint",
                    "channel": "portal",
                    "project_id": project.id,
                    "company_id": company.id,
                    "location_type": "unit",
                    "is_sender_unverified": True,
                    "email_from": email or False,
                    "partner_phone": phone[:40] or False,
                    "complaint_submitter_name": contact_name[:100],
                    "complaint_remedy": remedy,
                    "description": plaintext2html(description),
                }
            )
        )
        self.sudo().create(
            {
                "ip_address": ip_address,
                "email": email or False,
                "phone": False if email else phone_digits,
                "ticket_id": ticket.id,
                "project_id": project.id,
            }
        )
        attachments = self.env["ir.attachment"]
        if uploads:
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": content,
                            "mimetype": mimetype,
                            "res_model": "property.ticket",
                            "res_id": ticket.id,
                        }
                        for name, content, mimetype in uploads
                    ]
                )
            )
        ticket.message_post(
            body=self.env._(
                "Complaint filed on the public form by %(name)s.", name=contact_name
            ),
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        ticket._complaint_request_verification()
        return ticket
