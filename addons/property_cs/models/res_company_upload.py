# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

from .constants import UPLOAD_TYPE_SETS, UPLOAD_TYPES

# form -> (types field, count field, size field) of the company
UPLOAD_POLICY_FIELDS = {
    "portal": (
        "property_portal_upload_types",
        "property_portal_upload_max_files",
        "property_portal_upload_max_mb",
    ),
    "public_complaint": (
        "property_complaint_upload_types",
        "property_complaint_upload_max_files",
        "property_complaint_upload_max_mb",
    ),
    "renovation": (
        "property_renovation_upload_types",
        "property_renovation_upload_max_files",
        "property_renovation_upload_max_mb",
    ),
}


class ResCompany(models.Model):
    """The one upload policy of the owner-facing forms: the types, the
    number and the size of files each form accepts are company settings
    (D-13, D-14)."""

    _inherit = "res.company"

    property_portal_upload_types = fields.Selection(
        UPLOAD_TYPES,
        string="Portal Request Files",
        default="images",
        required=True,
        help="What owners may attach to a request in the portal.",
    )
    property_portal_upload_max_files = fields.Integer(
        string="Portal Request Files per Request",
        default=10,
        help="Files one request from the portal may attach.",
    )
    property_portal_upload_max_mb = fields.Integer(
        string="Portal Request File Size (MB)",
        default=10,
        help="Largest file the portal request form accepts.",
    )
    property_complaint_upload_types = fields.Selection(
        UPLOAD_TYPES,
        string="Public Complaint File Types",
        default="images_pdf",
        required=True,
        help="What the public complaint form accepts.",
    )

    # renovation applications (D-20): plans and certificates are often PDF
    property_renovation_upload_types = fields.Selection(
        UPLOAD_TYPES,
        string="Renovation Application Files",
        default="images_pdf",
        required=True,
        help="What applicants may attach to a renovation application in the portal.",
    )
    property_renovation_upload_max_files = fields.Integer(
        string="Renovation Files per Upload",
        default=20,
        help="Files one renovation application form may attach at once.",
    )
    property_renovation_upload_max_mb = fields.Integer(
        string="Renovation File Size (MB)",
        default=10,
        help="Largest file the renovation application form accepts.",
    )

    property_complaint_tracking_post_limit = fields.Integer(
        string="Tracking Page Posts per Hour",
        default=5,
        help="Messages and files that people without an account may add per "
        "hour to a complaint not yet verified, through its tracking link "
        "(per complaint and per client address); 0 = no limit.",
    )

    def _property_check_uploads(self, uploads, form):
        """Check uploads against the company's policy of ``form`` ("portal"
        "public_complaint" or "renovation"): the accepted types, the number of files and
        the largest size. Empty uploads are dropped.

        :param uploads: list of ``(file name, bytes)``
        :return: list of ``(file name, bytes, mimetype)``
        :raise UserError: too many files, a type refused or a file too large
        """
        self.ensure_one()
        types_field, count_field, size_field = UPLOAD_POLICY_FIELDS[form]
        company = self.sudo()
        uploads = [(name, content) for name, content in uploads if content]
        max_files = company[count_field]
        if len(uploads) > max_files:
            raise UserError(
                self.env._("Attach at most %(count)s files.", count=max_files)
            )
        accepted = UPLOAD_TYPE_SETS[company[types_field]]
        max_mb = company[size_field]
        checked = []
        for name, content in uploads:
            mimetype = guess_mimetype(content)
            if mimetype not in accepted:
                raise UserError(
                    self.env._("%(file)s is not a photo.", file=name or "?")
                    if "application/pdf" not in accepted
                    else self.env._(
                        "%(file)s is not a photo or a PDF document.", file=name or "?"
                    )
                )
            if len(content) > max_mb * 1024 * 1024:
                raise UserError(
                    self.env._(
                        "%(file)s is larger than %(size)s MB.", file=name, size=max_mb
                    )
                )
            checked.append((name or "file", content, mimetype))
        return checked
