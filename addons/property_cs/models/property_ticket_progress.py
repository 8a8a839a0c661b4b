# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

OWNER_MESSAGE = {
    "message_type": "comment",
    "subtype_xmlid": "mail.mt_comment",
}


class PropertyTicket(models.Model):
    """What the owner sees and hears of their request (D-9, D-10): every
    new request, whatever its channel, is acknowledged with its number and
    the promised time; the progress told to the owner is a discussion
    message, visible in their portal history and emailed to them, while
    staff remarks stay internal notes."""

    _inherit = "property.ticket"

    def _track_template(self, changes):
        """Stage mails are owner-facing: posted as discussion messages (the
        portal history shows them) rather than internal notes. A done
        complaint waits for our callback, not for the owner's confirmation:
        it gets its own mail, without confirm or reopen links (D-24)."""
        res = super()._track_template(changes)
        if "stage_id" not in res:
            return res
        template, post_kwargs = res["stage_id"]
        ticket = self[0]
        done = self.env.ref(
            "property_cs.mail_template_ticket_done", raise_if_not_found=False
        )
        if ticket.kind == "complaint" and template == done:
            template = self.env.ref(
                "property_cs.mail_template_ticket_done_complaint",
                raise_if_not_found=False,
            )
        post_kwargs = dict(
            post_kwargs,
            **ticket._owner_message_author(),
            message_type="comment",
            subtype_id=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment"),
        )
        res["stage_id"] = (template, post_kwargs)
        return res

    def _owner_message_author(self):
        """A message the centre sends while the owner acts (their portal
        submission) is signed by the company, not by the owner."""
        self.ensure_one()
        if self.env.user.share:
            return {"author_id": self.sudo().company_id.partner_id.id}
        return {}

    def _owner_env(self):
        """The environment in the requester's language, for the words the
        owner reads (D-9): their language, else the company's."""
        self.ensure_one()
        # the sender may be a technician who cannot read the owner's file
        ticket = self.sudo()
        lang = (
            ticket.partner_id.lang
            or ticket.company_id.partner_id.lang
            or self.env.lang
            or "en_US"
        )
        return self.with_context(lang=lang).env

    def _owner_post_progress(self, body):
        """Post progress the owner may read: visible in their portal
        history, and emailed to them when they follow the request."""
        self.ensure_one()
        return self.sudo().message_post(body=body, **OWNER_MESSAGE)
