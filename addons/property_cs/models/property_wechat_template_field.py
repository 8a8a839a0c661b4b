# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# what a template message's keyword may show
TEMPLATE_VALUES = [
    ("number", "Request Number"),
    ("subject", "Subject"),
    ("status", "Progress"),
    ("time", "Time"),
    ("project", "Project"),
    ("title", "Notice Title"),
    ("summary", "Message"),
]
# the platform's length limits by kind of keyword (characters)
KEY_LIMITS = {
    "thing": 20,
    "character_string": 32,
    "phrase": 5,
    "name": 10,
    "number": 32,
    "letter": 32,
    "symbol": 5,
    "car_number": 8,
    "phone_number": 17,
}


class PropertyWechatTemplateField(models.Model):
    """One keyword of a template message the Official Account chose in
    the platform's template library (e.g. "character_string1" shows the
    request number): what the system puts in it. Template messages reach
    an owner who has not written within 48 hours (D-14: information flows
    freely); the words are cut to the platform's limit for the keyword's
    kind."""

    _name = "property.wechat.template.field"
    _description = "WeChat Template Message Keyword"
    _order = "account_id, purpose, sequence, id"

    account_id = fields.Many2one(
        "property.wechat.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    purpose = fields.Selection(
        [("ticket", "Request Progress"), ("notice", "Notice")],
        string="Used For",
        required=True,
        default="ticket",
    )
    sequence = fields.Integer(default=10)
    key = fields.Char(
        string="Keyword",
        required=True,
        help="As the template's detail page shows it, without the braces and "
        "'.DATA': thing1, character_string2, time3...",
    )
    value = fields.Selection(TEMPLATE_VALUES, string="Shows", required=True)

    _sql_constraints = [
        (
            "key_uniq",
            "unique(account_id, purpose, key)",
            "Each keyword of a template is filled once.",
        )
    ]

    @api.constrains("key")
    def _check_key_format(self):
        for field in self:
            if not field.key.replace("_", "").isalnum():
                raise ValidationError(
                    self.env._(
                        "A keyword is letters, digits and underscores, as on the "
                        "template's detail page: %(key)s",
                        key=field.key,
                    )
                )

    def _format(self, values):
        """The template's ``data``: each keyword's value, cut to the
        platform's limit for its kind."""
        data = {}
        for field in self:
            text = str(values.get(field.value) or "")
            kind = field.key.rstrip("0123456789")
            limit = KEY_LIMITS.get(kind)
            if limit and len(text) > limit:
                text = text[: limit - 1] + "…" if limit > 5 else text[:limit]
            data[field.key] = {"value": text}
        return data
