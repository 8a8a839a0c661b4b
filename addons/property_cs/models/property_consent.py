# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyConsent(models.Model):
    """A person's separate consent (单独同意, PIPL Art. 29) to the processing
    of sensitive personal information such as special needs and life-support
    data (D-3, domain_standards C3/C5)."""

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
