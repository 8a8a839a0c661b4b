# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

PORTAL_KINDS = ("inquiry", "repair", "complaint", "suggestion", "praise")


class PropertyTicket(models.Model):
    """What owners and tenants do with their tickets in the portal (D-9,
    D-10, D-14): submit with photos, follow, confirm or reopen. Controllers
    call these methods; they check the partner's rights, then act as
    superuser."""

    _inherit = "property.ticket"

    @api.model
    def _portal_units_for(self, partner):
        """Units a portal partner may submit requests for: the units they
        currently own or co-own, rent, or live in (tenants submit for their
        rented unit). Returned as superuser: the caller only shows their
        names."""
        return self.env["property.unit.partner"]._portal_current_units(partner)

    @api.model
    def _portal_ticket_domain(self, partner):
        """Tickets listed in the portal: those the partner requested or
        follows. Record rules apply on top. The followed tickets are read
        first: "requested or followed" as one condition with a sub-select
        makes PostgreSQL read every ticket of the company (a quarter of a
        second at a million tickets), two lists of ids use two indexes."""
        self.env["mail.followers"].flush_model(["res_model", "res_id", "partner_id"])
        self.env.cr.execute(
            """
            SELECT res_id FROM mail_followers
             WHERE res_model = %s AND partner_id = %s
            """,
            (self._name, partner.id),
        )
        followed = [row[0] for row in self.env.cr.fetchall()]
        return ["|", ("partner_id", "=", partner.id), ("id", "in", followed)]

    @api.model
    def _portal_kind_selection(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return [(kind, kinds[kind]) for kind in PORTAL_KINDS]

    @api.model
    def _portal_categories(self):
        return (
            self.env["property.ticket.category"].sudo().search([("active", "=", True)])
        )

    @api.model
    def _portal_create_ticket(self, partner, values, photos=None):
        """Record a request submitted from the portal (D-14).

        :param partner: the logged-in requester
        :param dict values: ``unit_id``, ``kind``, ``category_id``, ``name``
            (subject) and ``description`` (plain text), as posted
        :param photos: list of ``(file name, bytes)``, checked against the
            company's portal upload policy
        :return: the new ticket, as superuser
        :raise AccessError: the unit is not one of the partner's units
        :raise UserError: a value is missing or invalid
        """
        try:
            unit_id = int(values.get("unit_id") or 0)
        except ValueError:
            unit_id = 0
        unit = self._portal_units_for(partner).filtered(lambda u: u.id == unit_id)
        if not unit:
            raise AccessError(
                self.env._(
                    "You can only submit a request for a unit you own, rent or live in."
                )
            )
        kind = values.get("kind") or "repair"
        if kind not in PORTAL_KINDS:
            raise UserError(self.env._("Choose the type of your request."))
        subject = (values.get("name") or "").strip()
        if not subject:
            raise UserError(self.env._("Give your request a subject."))
        category = self.env["property.ticket.category"]
        if values.get("category_id"):
            try:
                category_id = int(values["category_id"])
            except ValueError:
                category_id = 0
            category = self._portal_categories().filtered(lambda c: c.id == category_id)
            if not category:
                raise UserError(self.env._("Choose a category from the list."))
        company = unit.company_id or self.env.company
        photos = company._property_check_uploads(photos or [], "portal")
        description = (values.get("description") or "").strip()
        ticket = self.sudo().create(
            {
                "name": subject[:200],
                "description": plaintext2html(description) if description else False,
                "kind": kind,
                "channel": "portal",
                "location_type": "unit",
                "project_id": unit.project_id.id,
                "unit_id": unit.id,
                "partner_id": partner.id,
                "email_from": partner.email,
                "category_id": category.id,
                "company_id": company.id,
            }
        )
        ticket.message_subscribe(partner_ids=partner.ids)
        attachments = ticket._portal_attach_photos(photos)
        ticket.message_post(
            body=self.env._("Request submitted from the portal."),
            author_id=partner.id,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return ticket

    def _portal_attach_photos(self, photos):
        """Create the checked photos (see
        ``res.company._property_check_uploads``) as
        pending uploads of the current user: ``message_post`` then links
        them to the ticket (res_model/res_id); for portal users it only
        accepts attachments they uploaded themselves."""
        self.ensure_one()
        if not photos:
            return self.env["ir.attachment"]
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": mimetype,
                        "res_model": "mail.compose.message",
                        "res_id": 0,
                    }
                    for name, content, mimetype in photos
                ]
            )
        )

    def _portal_ticket_values(self, partner):
        """What the requester may see of a ticket. Staff data (handling tips,
        key-customer reasons, assignee, department, internal notes) is never
        passed to the portal."""
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return {
            "ticket": self,
            "page_name": "property_ticket",
            "ticket_view": {
                "number": self.number,
                "name": self.name,
                "kind": kinds.get(self.kind, ""),
                "unit": self.unit_id.complete_name or self.common_area or "",
                "project": self.project_id.name,
                "category": self.category_id.complete_name or "",
                "stage": self._portal_stage_label(),
                "state": self.state,
                "date_reported": self.date_reported,
                "date_promised": self.date_promised,
                # until a time is promised: when we will give it (D-7)
                "date_commit_deadline": not self.date_promised
                and self.state in ("new", "dispatched", "in_progress", "paused")
                and not self.date_committed
                and self.date_commit_deadline,
                # the technician's departure of the current visit only: a
                # reopened ticket starts a new one (see ``_sla_restart``)
                "date_departed": self.state not in ("done", "closed", "cancelled")
                and self.date_departed,
                "date_arrived": self.date_arrived,
                "date_done": self.date_done,
                "date_closed": self.date_closed,
                "description": self.description,
            },
            "can_answer": self._portal_can_answer(partner),
            "awaits_callback": self.state == "done" and self.kind == "complaint",
        }

    def _portal_stage_label(self):
        """The status the requester reads, consistent with what they can do:
        a done complaint waits for our callback, not for their confirmation
        (D-24); other tickets show their stage."""
        self.ensure_one()
        if self.state == "done" and self.kind == "complaint":
            return (
                self.env._("Done, Awaiting Our Callback")
                if self.is_awaiting_callback
                else self.env._("Done, Called Back")
            )
        return self.stage_id.name or ""

    def _portal_can_answer(self, partner):
        """The requester confirms or reopens a done unit ticket (D-10); a
        complaint is confirmed by its callback instead (D-24)."""
        self.ensure_one()
        return (
            self.state == "done"
            and not self.is_awaiting_callback
            and self.needs_confirmation
            and self.location_type == "unit"
            and self.partner_id == partner
        )

    def _portal_check_answer(self, partner):
        """Only the requester answers: the partner given must be the
        ticket's requester and, when a user is signed in, that user's own
        partner (a link with the ticket's token does not let another
        signed-in person act in the requester's name)."""
        self.ensure_one()
        user = self.env.user
        signed_in = not user._is_public() and not user._is_superuser()
        if self.partner_id != partner or (signed_in and user.partner_id != partner):
            raise AccessError(
                self.env._("Only the requester can confirm or reopen this request.")
            )
        if not self._portal_can_answer(partner):
            raise UserError(
                self.env._(
                    "Request %(ticket)s is not waiting for your confirmation.",
                    ticket=self.display_name,
                )
            )

    def _portal_confirm(self, partner, via_token=False):
        """The requester confirms the closure of a done ticket (D-10)."""
        self._portal_check_answer(partner)
        ticket = self.sudo()
        ticket.action_close()
        body = (
            self.env._(
                "%(partner)s confirmed the closure from the email link.",
                partner=partner.name,
            )
            if via_token
            else self.env._(
                "%(partner)s confirmed the closure from the customer portal.",
                partner=partner.name,
            )
        )
        ticket.message_post(
            body=body,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def _portal_reopen(self, partner, reason, via_token=False):
        """The requester reopens a done ticket with a reason; the reopen
        count goes up (D-10)."""
        self._portal_check_answer(partner)
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Tell us why the request is not solved."))
        ticket = self.sudo()
        ticket.action_reopen()
        body = (
            self.env._(
                "%(partner)s reopened the request from the email link: %(reason)s",
                partner=partner.name,
                reason=reason,
            )
            if via_token
            else self.env._(
                "%(partner)s reopened the request from the customer portal: %(reason)s",
                partner=partner.name,
                reason=reason,
            )
        )
        ticket.message_post(
            body=body,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True
