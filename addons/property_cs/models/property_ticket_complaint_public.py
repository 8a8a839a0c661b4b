# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import consteq, email_normalize


class PropertyTicket(models.Model):
    """A complaint filed on the public form (D-13): it joins an owner's
    portal only after the owner on file opens the verification link."""

    _inherit = "property.ticket"

    # public form (D-13): the owner on file verifies before portal linking
    complaint_submitter_name = fields.Char(
        string="Filed By",
        readonly=True,
        copy=False,
        help="Name typed on the public form.",
    )
    complaint_verify_token = fields.Char(
        copy=False, readonly=True, groups="base.group_system"
    )
    complaint_verify_partner_id = fields.Many2one(
        "res.partner",
        string="Owner to Verify",
        readonly=True,
        copy=False,
        help="The owner on file whose email or phone the public form named; "
        "the complaint joins their portal once they open the emailed link.",
    )

    # ------------------------------------------------------------------
    # PUBLIC FORM VERIFICATION (D-13)
    # ------------------------------------------------------------------
    def _complaint_find_owner_on_file(self):
        """The contact on file whose email, else phone, the public form
        gave; preferring one with a current unit in the project."""
        self.ensure_one()
        Partner = self.env["res.partner"].sudo()
        partners = Partner
        email = email_normalize(self.email_from or "")
        if email:
            partners = Partner.search([("email_normalized", "=", email)])
        if not partners and self.partner_phone:
            partners = self._find_caller(self.partner_phone)[0].sudo()
        in_project = partners.filtered(
            lambda p: p.unit_link_ids.filtered(
                lambda link: link.is_current and link.project_id == self.project_id
            )
        )
        return (in_project or partners)[:1]

    def _complaint_request_verification(self):
        """Send a verification link to the email on file of the owner the
        public form names. Nothing joins anyone's portal before that link is
        opened: typing someone's email does not put records into their
        portal. Without an email on file an agent confirms the sender."""
        self.ensure_one()
        partner = self._complaint_find_owner_on_file()
        if not partner.email:
            self.message_post(
                body=self.env._(
                    "No owner on file to verify this complaint: confirm the "
                    "sender by phone, then choose the owner."
                ),
                subtype_xmlid="mail.mt_note",
            )
            return False
        token = secrets.token_urlsafe(32)
        self.sudo().write(
            {"complaint_verify_token": token, "complaint_verify_partner_id": partner.id}
        )
        template = self.env.ref("property_cs.mail_template_complaint_verification")
        url = f"{self.get_base_url()}/complaint/verify/{self.id}/{token}"
        template.sudo().with_context(
            verify_email=partner.email_formatted, verify_url=url
        ).send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")
        self.message_post(
            body=self.env._(
                "Verification link sent to the email on file of %(partner)s.",
                partner=partner.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _complaint_check_verify_token(self, token):
        """Check a verification link's token without using it.

        :return: the owner on file the link was sent to
        :raise AccessError: the link is not (or no longer) valid
        """
        self.ensure_one()
        ticket = self.sudo()
        if not (
            token
            and ticket.complaint_verify_token
            and consteq(token, ticket.complaint_verify_token)
            and ticket.complaint_verify_partner_id
        ):
            raise AccessError(self.env._("This verification link is not valid."))
        return ticket.complaint_verify_partner_id

    def _complaint_verify(self, token):
        """The owner confirmed from the verification link (a POST from its
        landing page, never the link's GET): the complaint becomes theirs
        and joins their portal (D-13)."""
        self.ensure_one()
        ticket = self.sudo()
        partner = self._complaint_check_verify_token(token)
        vals = {
            "partner_id": partner.id,
            "is_sender_unverified": False,
            "complaint_verify_token": False,
        }
        units = partner.unit_link_ids.filtered(
            lambda link: link.is_current and link.project_id == ticket.project_id
        ).unit_id
        if len(units) == 1 and not ticket.unit_id:
            vals["unit_id"] = units.id
        ticket.write(vals)
        ticket.message_subscribe(partner_ids=partner.ids)
        ticket.message_post(
            body=self.env._(
                "%(partner)s confirmed the complaint from the verification link.",
                partner=partner.name,
            ),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return partner

    def _complaint_is_unverified(self):
        """A complaint whose sender is not confirmed yet (public form, email):
        its tracking link is open to anyone who has it."""
        self.ensure_one()
        return self.kind == "complaint" and self.is_sender_unverified
