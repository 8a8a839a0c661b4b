# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyIdentityLookup(models.Model):
    """One search of an owner by the full identity-document number (D-3,
    domain_standards C5): who searched, when and whom it found. Written as
    superuser by the search itself, read by administrators only; it also
    bounds how many numbers one user may try per hour."""

    _name = "property.identity.lookup"
    _description = "Identity Number Lookup"
    _order = "create_date desc, id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    partner_ids = fields.Many2many(
        "res.partner", string="Contacts Found", readonly=True
    )
    found_count = fields.Integer(string="Matches", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model
    def _log_lookup(self, partners):
        """Log a lookup of the current user that found ``partners``; refuse
        it beyond the company's limit of lookups per user and hour."""
        user = self.env.user
        company = self.env.company
        limit = company.property_identity_lookup_limit or 20
        since = fields.Datetime.now() - timedelta(hours=1)
        Lookup = self.sudo()
        done = Lookup.search_count(
            [("user_id", "=", user.id), ("create_date", ">=", since)]
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
        return Lookup.create(
            {
                "user_id": user.id,
                "partner_ids": [fields.Command.set(partners.ids)],
                "found_count": len(partners),
                "company_id": company.id,
            }
        )
