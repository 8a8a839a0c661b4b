# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request

ACCESS_LOG_ACTIONS = [
    ("id_number_revealed", "Full Identity Number Read"),
    ("id_number_lookup", "Search by Identity Number"),
    ("special_needs_ledger", "Special-Needs Ledger Opened"),
    ("special_needs_record", "Special-Needs Record Read"),
    ("export", "Data Exported"),
    ("emergency_list", "Emergency Contact List Printed"),
    ("anonymised", "Person Anonymised"),
]
# ids kept per entry; the count says how many records there were
MAX_LOGGED_IDS = 200


class PropertyAccessLog(models.Model):
    """Who looked at which personal information, and when (PIPL Art. 51:
    operating permissions and an audit trail of access to personal
    information; domain_standards C6).

    Entries are written by the system only (``_log``, under sudo), read by
    personal-information officers only, never edited, and purged after the
    company's retention period by ``_cron_purge`` (run by the daily
    personal-data retention job, ``res.company._cron_property_retention``).
    """

    _name = "property.access.log"
    _description = "Personal Information Access Log"
    _order = "date desc, id desc"
    _rec_name = "action"

    date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    action = fields.Selection(ACCESS_LOG_ACTIONS, required=True, readonly=True)
    res_model = fields.Char(string="Model", readonly=True)
    model_name = fields.Char(string="Data", readonly=True)
    res_ids = fields.Char(string="Record IDs", readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    details = fields.Char(readonly=True)
    ip_address = fields.Char(string="IP Address", readonly=True)

    @api.model
    def _log(self, action, records, details=None):
        """Record that the current user did ``action`` on ``records`` (a
        recordset, possibly empty). Written as superuser: nobody can create,
        change or delete an entry by hand."""
        ids = records.ids if records else []
        self.sudo().create(
            {
                "user_id": self.env.uid,
                "company_id": self.env.company.id,
                "action": action,
                "res_model": records._name if records is not None else False,
                "model_name": records._description if records is not None else False,
                "res_ids": ",".join(map(str, ids[:MAX_LOGGED_IDS])),
                "record_count": len(ids),
                "details": (details or "")[:500] or False,
                "ip_address": request.httprequest.remote_addr
                if request and request.httprequest
                else False,
            }
        )

    @api.model
    def _log_identity_lookup(self, partners):
        """Log a search by full identity number of the current user that
        found ``partners`` (never the number itself); refuse it beyond the
        company's limit of searches per user and hour, so that a number
        cannot be confirmed by guessing (D-3, domain_standards C5)."""
        limit = self.env.company.property_identity_lookup_limit or 20
        since = fields.Datetime.now() - timedelta(hours=1)
        done = self.sudo().search_count(
            [
                ("user_id", "=", self.env.uid),
                ("action", "=", "id_number_lookup"),
                ("date", ">=", since),
            ]
        )
        if not self.env.su and done >= limit:
            raise UserError(
                self.env._(
                    "You have searched %(count)s identity numbers in the last "
                    "hour, the most allowed. Try again later or ask an "
                    "administrator.",
                    count=done,
                )
            )
        self._log(
            "id_number_lookup",
            partners,
            details=self.env._("%(count)s found", count=len(partners)),
        )

    @api.model
    def _cron_purge(self):
        """Delete entries older than their company's retention period."""
        for company in self.env["res.company"].search([]):
            days = company.property_access_log_days
            if days <= 0:
                continue
            limit = fields.Datetime.now() - timedelta(days=days)
            self.sudo().search(
                [("company_id", "=", company.id), ("date", "<", limit)]
            ).unlink()
