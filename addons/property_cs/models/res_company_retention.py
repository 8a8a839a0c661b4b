# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

# owner-file fields whose old values in the chatter's tracking are personal
# (health, family, birthday, identity mask)
SENSITIVE_TRACKED_FIELDS = (
    "special_needs",
    "is_life_support",
    "is_frail_alone",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "date_birth",
    "id_number_masked",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    property_retention_former_days = fields.Integer(
        string="Former Owners and Residents Kept (Days)",
        default=1095,
        help="After the last unit link of a person ended this many days ago, "
        "their personal information is anonymised, unless money is owed, a "
        "complaint is open or a legal hold applies. 0 keeps it.",
    )
    property_retention_submission_days = fields.Integer(
        string="Public-Form Addresses Kept (Days)",
        default=180,
        help="IP addresses, emails and phone numbers typed on the public "
        "complaint form are erased after this many days. 0 keeps them.",
    )
    property_retention_callback_days = fields.Integer(
        string="Callback Notes Kept (Days)",
        default=730,
        help="The comments of finished callbacks and the notes of their "
        "attempts are erased after this many days. 0 keeps them.",
    )
    property_retention_tracking_days = fields.Integer(
        string="Sensitive Change History Kept (Days)",
        default=365,
        help="The chatter's record of old values of special needs, emergency "
        "contacts, birthday and identity number is deleted after this many "
        "days. 0 keeps it.",
    )

    @api.model
    def _cron_property_retention(self):
        """Keep personal information no longer than needed (PIPL Art. 19,
        domain_standards C4): per company and kind of data, erase what is
        older than the company's setting; anonymise former owners and
        residents; purge the access log."""
        today = fields.Datetime.now()
        for company in self.search([]):

            def older(days, now=today):
                return now - timedelta(days=days)

            if company.property_retention_submission_days > 0:
                self.env["property.complaint.submission"].sudo().search(
                    [
                        ("project_id.company_id", "=", company.id),
                        (
                            "create_date",
                            "<",
                            older(company.property_retention_submission_days),
                        ),
                        "|",
                        "|",
                        ("ip_address", "!=", False),
                        ("email", "!=", False),
                        ("phone", "!=", False),
                    ]
                ).write({"ip_address": False, "email": False, "phone": False})
            if company.property_retention_callback_days > 0:
                limit = older(company.property_retention_callback_days)
                callbacks = (
                    self.env["property.callback"]
                    .sudo()
                    .search(
                        [
                            ("company_id", "=", company.id),
                            ("state", "=", "done"),
                            ("date_done", "<", limit),
                        ]
                    )
                )
                callbacks.filtered("comment").with_context(tracking_disable=True).write(
                    {"comment": False}
                )
                callbacks.attempt_ids.filtered("note").write({"note": False})
            if company.property_retention_tracking_days > 0:
                self.env["mail.tracking.value"].sudo().search(
                    [
                        ("field_id.model", "=", "res.partner"),
                        ("field_id.name", "in", SENSITIVE_TRACKED_FIELDS),
                        (
                            "create_date",
                            "<",
                            older(company.property_retention_tracking_days),
                        ),
                    ]
                ).unlink()
        self.env["res.partner"]._cron_property_anonymise_former()
        self.env["property.access.log"]._cron_purge()
