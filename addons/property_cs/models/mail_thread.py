# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import formataddr


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

    def _message_compute_author(
        self, author_id=None, email_from=None, raise_on_email=True
    ):
        """Staff work without an email address of their own (most front-desk
        staff have none): what the system sends on their behalf goes out
        under their name from the project's address, else the company's.
        Others (portal, public) still need an address of their own."""
        author_id, email_from = super()._message_compute_author(
            author_id, email_from, raise_on_email=False
        )
        if not email_from and raise_on_email:
            if not author_id and not self.env.user.share:
                # a template without sender, rendered for a user without email
                author_id = self.env.user.partner_id.id
            email_from = self._property_staff_email_from(author_id)
        if not email_from and raise_on_email:
            # the standard error, in the standard wording
            return super()._message_compute_author(
                author_id, email_from, raise_on_email=True
            )
        return author_id, email_from

    def _property_staff_email_from(self, author_id):
        """``"Staff Name" <project or company address>`` when the author is an
        internal user, else False."""
        author = self.env["res.partner"].browse(author_id).sudo()
        if not author or not author.user_ids.filtered(lambda u: not u.share):
            return False
        address = self._property_sender_address()
        return formataddr((author.name, address)) if address else False

    def _property_sender_address(self):
        """The address staff messages go out from: the record's project alias,
        else its company's email, else the company's default sender."""
        record = self[:1].sudo()
        project = self.env["property.project"]
        company = self.env.company
        if record:
            if record._name == "property.project":
                project = record
            elif "project_id" in record._fields:
                project = record.project_id
            if "company_id" in record._fields and record.company_id:
                company = record.company_id
        if project._name == "property.project" and project.alias_email:
            return project.alias_email
        company = company.sudo()
        return company.email or company.alias_domain_id.default_from_email or False
