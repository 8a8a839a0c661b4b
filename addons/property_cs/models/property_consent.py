# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyConsent(models.Model):
    """A person's consent to one purpose of processing: the separate consent
    (单独同意, PIPL Art. 29) to sensitive personal information such as special
    needs and life-support data (D-3, domain_standards C3/C5), and consents
    to purposes beyond the service contract (greetings, event invitations,
    surveys, photos in the portal). The latest record of a purpose decides:
    once it is withdrawn (or recorded as refused, withdrawn on the day), that
    processing stops for the person (``_partners_objecting``)."""

    _name = "property.consent"
    _description = "Personal-Data Consent"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True
    )
    date = fields.Date(
        string="Consent Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    scope = fields.Selection(
        [
            ("special_needs", "Special Needs and Health"),
            ("life_support", "Life-Support Equipment"),
            ("identity", "Identity Document"),
            ("greetings", "Festival and Birthday Greetings"),
            ("events", "Event Invitations"),
            ("surveys", "Satisfaction Surveys"),
            ("portal_photos", "Photos in the Portal"),
            ("sms", "SMS Notifications"),
            ("other", "Other"),
        ],
        required=True,
        default="special_needs",
        tracking=True,
    )
    purpose = fields.Text(
        required=True,
        default=lambda self: self.env._(
            "Emergency care and priority service during outages and incidents."
        ),
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Evidence", help="Signed consent form or recording."
    )
    date_withdrawn = fields.Date(string="Withdrawn On", tracking=True)
    active = fields.Boolean(default=True, tracking=True)

    def _compute_display_name(self):
        scopes = dict(self._fields["scope"]._description_selection(self.env))
        for consent in self:
            consent.display_name = (
                f"{consent.partner_id.name} - {scopes.get(consent.scope, '')} "
                f"({consent.date})"
            )

    @api.model
    def _partners_objecting(self, partners, scope):
        """The people among ``partners`` whose latest consent record for
        ``scope`` is withdrawn: that processing must not happen for them."""
        if not partners:
            return partners
        consents = self.sudo().search(
            [("partner_id", "in", partners.ids), ("scope", "=", scope)],
            order="date desc, id desc",
        )
        latest = {}
        for consent in consents:
            latest.setdefault(consent.partner_id.id, consent)
        return partners.browse(
            [pid for pid, consent in latest.items() if consent.date_withdrawn]
        )
