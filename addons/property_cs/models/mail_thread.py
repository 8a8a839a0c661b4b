# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """Records created without a language (demo data, crons, the mail
        gateway) log "<model> created" in one language, the company's.
        Without this, the model name is read untranslated while the word
        "created" follows the fallback language of the translation function
        (the request's or the user's), which mixes the two."""
        if self.env.lang:
            return super()._creation_message()
        company = self.env.company
        field = self._fields.get("company_id")
        if field and field.comodel_name == "res.company" and self.sudo().company_id:
            company = self.sudo().company_id
        lang = company.sudo()._property_lang()
        return super(MailThread, self.with_context(lang=lang))._creation_message()
