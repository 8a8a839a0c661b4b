# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import consteq

CONFIRM_LINK_METHODS = ("_portal_confirm", "_portal_reopen")


class PropertyTicket(models.Model):
    """The portal token of a ticket opens it for reading in the requester's
    name: staff must not read it. Only administrators read the field; the
    links sent to owners are built as superuser. Answering without signing
    in (confirm, reopen) needs the done mail's confirmation link, which
    works once and expires (D-10)."""

    _inherit = "property.ticket"

    access_token = fields.Char(groups="base.group_system")
    # the done mail's confirmation link (D-10): only its hash is stored
    confirm_link_hash = fields.Char(
        string="Confirmation Link Hash", copy=False, groups="base.group_system"
    )
    confirm_link_expiry = fields.Datetime(
        string="Confirmation Link Expiry", copy=False, groups="base.group_system"
    )
    confirm_link_used = fields.Boolean(
        string="Confirmation Link Used", copy=False, groups="base.group_system"
    )

    def _portal_ensure_token(self):
        """Return the token, created if missing, whoever builds the link."""
        return super(PropertyTicket, self.sudo())._portal_ensure_token()

    def get_portal_url(
        self,
        suffix=None,
        report_type=None,
        download=None,
        query_string=None,
        anchor=None,
    ):
        """The tokenised link only for code running as superuser (the mails
        and pages built for the requester) and administrators; anyone else
        calling this public method gets the link without the token."""
        if self.env.su or self.env.user.has_group("base.group_system"):
            return super().get_portal_url(
                suffix=suffix,
                report_type=report_type,
                download=download,
                query_string=query_string,
                anchor=anchor,
            )
        self.ensure_one()
        return "{}{}{}{}".format(
            self.access_url,
            suffix or "",
            f"?{query_string.lstrip('&')}" if query_string else "",
            f"#{anchor}" if anchor else "",
        )

    @staticmethod
    def _confirm_link_digest(token):
        return hashlib.sha256(token.encode()).hexdigest()

    def _confirm_link_url(self):
        """Issue the link of the done mail that lets the requester confirm
        or reopen without signing in (D-10). It replaces any earlier link,
        works once and expires after the company's number of days. The
        ticket's reading token never answers. The messages of one moment
        (the done mail and the WeChat message) carry the same link: within
        a transaction, a link still valid is given again.

        :return: the absolute link
        """
        self.ensure_one()
        ticket = self.sudo()
        issued = self.env.cr.cache.setdefault("property_confirm_links", {})
        token = issued.get(ticket.id)
        if (
            token
            and ticket.confirm_link_hash == self._confirm_link_digest(token)
            and not ticket.confirm_link_used
            and ticket.confirm_link_expiry
            and ticket.confirm_link_expiry > fields.Datetime.now()
        ):
            return f"{ticket.get_base_url()}/my/tickets/{ticket.id}/answer/{token}"
        token = secrets.token_urlsafe(32)
        issued[ticket.id] = token
        days = ticket.company_id.property_confirm_link_days or 7
        ticket.write(
            {
                "confirm_link_hash": self._confirm_link_digest(token),
                "confirm_link_expiry": fields.Datetime.now() + timedelta(days=days),
                "confirm_link_used": False,
            }
        )
        return f"{ticket.get_base_url()}/my/tickets/{ticket.id}/answer/{token}"

    def _confirm_link_check(self, token):
        """Check a confirmation link without using it.

        :return: the requester it was sent to
        :raise AccessError: with the reason the link is refused
        """
        self.ensure_one()
        ticket = self.sudo()
        if not (
            token
            and ticket.confirm_link_hash
            and consteq(self._confirm_link_digest(token), ticket.confirm_link_hash)
        ):
            raise AccessError(self.env._("This confirmation link is not valid."))
        if ticket.confirm_link_used:
            raise AccessError(
                self.env._("This confirmation link has already been used.")
            )
        if ticket.confirm_link_expiry < fields.Datetime.now():
            raise AccessError(
                self.env._(
                    "This confirmation link has expired. Sign in to the customer "
                    "portal or call us to confirm or reopen your request."
                )
            )
        return ticket.partner_id

    def _confirm_link_answer(self, token, method, *args):
        """Confirm or reopen through the confirmation link, in the name of
        the requester it was sent to; the link is then used up.

        :param str method: ``_portal_confirm`` or ``_portal_reopen``
        :raise AccessError: the link is refused (see ``_confirm_link_check``)
        :raise UserError: the answer is refused (nothing is used up)
        """
        self.ensure_one()
        if method not in CONFIRM_LINK_METHODS:
            raise AccessError(self.env._("This confirmation link is not valid."))
        partner = self._confirm_link_check(token)
        getattr(self.sudo(), method)(partner, *args, via_token=True)
        self.sudo().confirm_link_used = True
        return True
