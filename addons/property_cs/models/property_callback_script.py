# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .property_callback import CALLBACK_KINDS


class PropertyCallbackScript(models.Model):
    """What the caller says, per kind of callback (D-15 standard language,
    D-24). Rules may point to a script of their own."""

    _name = "property.callback.script"
    _description = "Callback Script"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        CALLBACK_KINDS, help="The default script of callbacks of this kind."
    )
    body = fields.Html(string="Script", translate=True, sanitize_attributes=False)

    def _get_scripts(self):
        """{kind: first active script of that kind}."""
        scripts = {}
        for script in self.search([("kind", "!=", False)]):
            scripts.setdefault(script.kind, script)
        return scripts
