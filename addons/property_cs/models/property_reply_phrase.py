# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models

# Chinese characters (CJK unified ideographs): the text is Chinese
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class PropertyReplyPhrase(models.Model):
    """A phrase staff should not say to owners (D-15: no "I can't", "that's
    not my job", "but"), with the context and a suggested wording."""

    _name = "property.reply.phrase"
    _description = "Reply Phrase Rule"
    _order = "sequence, id"

    name = fields.Char(string="Phrase", required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    lang = fields.Char(
        string="Language Code",
        help="e.g. zh_CN or zh_TW; leave empty to check the phrase in every language.",
    )
    context = fields.Text(
        string="Why", translate=True, help="Why the phrase hurts the owner."
    )
    suggestion = fields.Text(string="Suggested Wording", required=True)

    @api.model
    def _find_in(self, text, lang=None):
        """Return the active rules whose phrase occurs in ``text`` (case and
        spacing ignored). The rules follow the language of the text itself:
        text with Chinese characters is checked against every Chinese rule
        (zh_CN, zh_TW) besides the rules of ``lang``, the reader's language;
        rules without language always apply, and without ``lang`` every rule
        does (D-15: a Chinese reply to an owner whose account is in English
        is still checked)."""
        plain = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", text or "")).lower()
        if not plain:
            return self.browse()
        domain = []
        if lang:
            domain = [("lang", "in", [False, lang])]
            if CJK.search(plain):
                domain = ["|", ("lang", "=like", "zh%"), *domain]
        return self.search(domain).filtered(
            lambda rule: re.sub(r"\s+", "", rule.name).lower() in plain
        )
