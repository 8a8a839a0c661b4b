# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from . import notice_privacy

# a reason to publish despite names says something
MIN_REASON_LENGTH = 5


class PropertyNotice(models.Model):
    """Publication and its personal-information rules (issue 14,
    domain_standards C9, PIPL Art. 25):

    - phone numbers (other than the company's and the project's published
      numbers) and identity-card numbers block the publication;
    - names of the people living in the project found in the text warn: the
      publisher gives a reason, which is logged, to publish anyway;
    - each attachment needs the publisher's confirmation that it holds no
      personal information (text files are checked as the text is);
    - an arrears notice never carries names, honorifics such as 王先生, unit
      numbers, nor attachments.

    The pattern functions are in models/notice_privacy.py."""

    _inherit = "property.notice"

    # ------------------------------------------------------------------
    # WHAT IS CHECKED
    # ------------------------------------------------------------------
    def _privacy_text(self):
        """The text the residents read: the title and the body."""
        self.ensure_one()
        return "\n".join([self.name or "", html2plaintext(self.body or "")])

    def _privacy_allowed_phones(self):
        """The numbers that may be published: the company's, the project's
        hotline and complaint phone, the government hotline."""
        self.ensure_one()
        company = self.company_id.sudo().partner_id
        project = self.project_id.sudo()
        return [
            number
            for number in (
                company.phone,
                company.mobile,
                project.hotline,
                project.complaint_phone,
                project.government_hotline_name,
            )
            if number
        ]

    def _privacy_resident_names(self):
        """The names of the people currently linked to a unit of the project
        (owners, co-owners, tenants, residents)."""
        self.ensure_one()
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [("project_id", "=", self.project_id.id), ("is_current", "=", True)]
            )
        )
        return sorted(set(links.partner_id.mapped("name")), key=len, reverse=True)

    def _privacy_unit_names(self):
        """The unit numbers of the project as they would be written: the
        full unit name (1幢-101) and a unit number that is not a bare number
        (2-203)."""
        self.ensure_one()
        units = (
            self.env["property.unit"]
            .sudo()
            .search([("project_id", "=", self.project_id.id)])
        )
        names = set(units.mapped("complete_name"))
        names |= {name for name in units.mapped("name") if not name.isdigit()}
        return sorted(names, key=len, reverse=True)

    def _privacy_attachment_texts(self):
        """{attachment: text} of the attachments that are text files."""
        self.ensure_one()
        texts = {}
        for attachment in self.attachment_ids:
            if not (attachment.mimetype or "").startswith("text/"):
                continue
            try:
                raw = base64.b64decode(attachment.sudo().datas or b"")
            except (binascii.Error, ValueError):
                continue
            texts[attachment] = raw.decode("utf-8", errors="ignore")
        return texts

    def _privacy_findings(self):
        """Check the notice: returns (blocking messages, names found). The
        blocking messages mask what was found."""
        self.ensure_one()
        mask = notice_privacy.mask
        blocking = []
        names = []
        sources = [(self.env._("the text"), self._privacy_text())]
        sources += [
            (attachment.name, text)
            for attachment, text in self._privacy_attachment_texts().items()
        ]
        allowed = self._privacy_allowed_phones()
        resident_names = self._privacy_resident_names()
        for where, text in sources:
            phones = notice_privacy.find_phone_numbers(text, allowed)
            if phones:
                blocking.append(
                    self.env._(
                        "Phone numbers in %(where)s: %(found)s. Only the "
                        "company's and the project's published numbers may "
                        "appear in a notice.",
                        where=where,
                        found=", ".join(mask(p) for p in phones),
                    )
                )
            numbers = notice_privacy.find_identity_numbers(text)
            if numbers:
                blocking.append(
                    self.env._(
                        "Identity-card numbers in %(where)s: %(found)s.",
                        where=where,
                        found=", ".join(mask(n) for n in numbers),
                    )
                )
            for name in notice_privacy.find_names(text, resident_names):
                if name not in names:
                    names.append(name)
        if self.kind == "arrears":
            blocking += self._privacy_arrears_findings(names)
            names = []
        return blocking, names

    def _privacy_arrears_findings(self, names):
        """An arrears notice never carries names or unit numbers."""
        self.ensure_one()
        mask = notice_privacy.mask
        text = self._privacy_text()
        blocking = []
        persons = names + [
            found
            for found in notice_privacy.find_honorifics(text)
            if found not in names
        ]
        if persons:
            blocking.append(
                self.env._(
                    "An arrears notice never names anyone: %(found)s.",
                    found=", ".join(mask(n) for n in persons),
                )
            )
        units = notice_privacy.find_unit_numbers(text, self._privacy_unit_names())
        if units:
            blocking.append(
                self.env._(
                    "An arrears notice never gives unit numbers: %(found)s.",
                    found=", ".join(units),
                )
            )
        if self.attachment_ids:
            blocking.append(
                self.env._(
                    "An arrears notice is published as text only: attachments "
                    "could carry names or unit numbers."
                )
            )
        return blocking

    def _check_publishable(self):
        """What blocks any publication: state, display period and the
        blocking personal-information findings. Returns the names found."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "Notice %(notice)s is not a draft: it cannot be published.",
                    notice=self.name,
                )
            )
        if not self.body and not self.attachment_ids:
            raise UserError(
                self.env._(
                    "Notice %(notice)s has neither text nor attachments.",
                    notice=self.name,
                )
            )
        if self.date_until and self.date_until < self._notice_today():
            raise UserError(
                self.env._(
                    "The display period of notice %(notice)s is already over.",
                    notice=self.name,
                )
            )
        self._check_minimum_display()
        self._check_publish_extra()
        blocking, names = self._privacy_findings()
        if blocking:
            raise UserError(
                self.env._(
                    "Notice %(notice)s cannot be published:\n%(problems)s",
                    notice=self.name,
                    problems="\n".join(f"- {problem}" for problem in blocking),
                )
            )
        return names

    def _unconfirmed_attachments(self, user):
        """The attachments that ``user`` has not confirmed free of personal
        information (in their current version)."""
        self.ensure_one()
        return self.attachment_ids.filtered(
            lambda attachment: attachment.confirmed_uid != user
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_publish(self):
        """Publish the notice, or open the publication form when names were
        found or attachments still need the publisher's confirmation."""
        self.ensure_one()
        self._check_publisher()
        names = self._check_publishable()
        unconfirmed = self._unconfirmed_attachments(self.env.user)
        if not names and not unconfirmed:
            return self._publish()
        wizard = self.env["property.notice.publish"].create(
            {
                "notice_id": self.id,
                "names_found": "\n".join(names) or False,
                "line_ids": [
                    fields.Command.create({"attachment_id": attachment.id})
                    for attachment in self.attachment_ids
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Publish %(notice)s", notice=self.name),
            "res_model": "property.notice.publish",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _publish(self, reason=False):
        """Publish after the checks: no blocking finding; names found need a
        reason, which is logged; every attachment confirmed by the
        publisher."""
        self.ensure_one()
        self._check_publisher()
        names = self._check_publishable()
        reason = (reason or "").strip()
        if names and len(reason) < MIN_REASON_LENGTH:
            raise UserError(
                self.env._(
                    "Names of residents were found in notice %(notice)s "
                    "(%(names)s): give the reason to publish it anyway.",
                    notice=self.name,
                    names=", ".join(names),
                )
            )
        unconfirmed = self._unconfirmed_attachments(self.env.user)
        if unconfirmed:
            raise UserError(
                self.env._(
                    "Confirm that these attachments hold no personal "
                    "information before publishing: %(files)s",
                    files=", ".join(unconfirmed.mapped("name")),
                )
            )
        self._workflow_write(
            {
                "state": "published",
                "date_published": fields.Datetime.now(),
                "publisher_id": self.env.user.id,
                "publish_reason": reason if names else False,
            }
        )
        env = self._company_env()
        if names:
            self.message_post(
                body=env._(
                    "Published by %(user)s although names were found "
                    "(%(names)s). Reason: %(reason)s",
                    user=self.env.user.name,
                    names=", ".join(names),
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        if self.attachment_ids:
            self.message_post(
                body=env._(
                    "%(user)s confirmed that the attachments hold no personal "
                    "information: %(files)s",
                    user=self.env.user.name,
                    files=", ".join(self.attachment_ids.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._on_publish()
        return True
