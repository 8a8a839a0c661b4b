# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class PropertyHandover(models.Model):
    """The owner's handover record in the portal (D-19): what was checked,
    found and handed over, and the signature with the portal signature
    form. The page carries no token: only the owner opens it (record
    rule), and only the owner signs."""

    _inherit = "property.handover"

    def _portal_state_label(self):
        """The status in plain words for the owner."""
        self.ensure_one()
        labels = {
            "draft": self.env._("Handover not open yet"),
            "notified": self.env._("Move-in notice sent"),
            "booked": self.env._("Appointment booked"),
            "in_progress": self.env._("Handover under way"),
            "done": self.env._("Handed over"),
            "cancelled": self.env._("Cancelled"),
        }
        return labels.get(self.state, self.state)

    def _portal_is_owner(self, partner):
        self.ensure_one()
        return self.partner_id == partner

    def _portal_values(self, partner):
        """What the owner reads of their handover: the unit, the checklist,
        the defects (room, item, severity, description), the keys and the
        meter readings; never the staff's internal notes or activities."""
        self.ensure_one()
        is_owner = self._portal_is_owner(partner)
        handover = self.sudo()
        blockers = handover._sign_blockers()
        return {
            "handover": handover,
            "page_name": "property_handover",
            "state_label": self._portal_state_label(),
            "documents": handover.document_ids,
            "defects": handover.defect_ids,
            "keys": handover.key_ids,
            "readings": handover.meter_reading_ids,
            "photo_urls": handover._portal_defect_photo_urls(),
            "blockers": blockers,
            "can_sign": is_owner and handover.state == "in_progress" and not blockers,
            "access_token": False,
        }

    def _portal_defect_photo_urls(self):
        """The defects' photos as image links the owner may open (each
        photo gets an access token; the defect itself stays unreadable)."""
        self.ensure_one()
        urls = {}
        for defect in self.sudo().defect_ids:
            urls[defect.id] = [
                f"/web/image/{photo.id}?access_token={photo.generate_access_token()[0]}"
                for photo in defect.attachment_ids
                if (photo.mimetype or "").startswith("image/")
            ]
        return urls

    def _portal_check_owner(self, partner):
        self.ensure_one()
        if not self._portal_is_owner(partner):
            raise AccessError(
                self.env._(
                    "Only the owner receiving the unit signs its handover record."
                )
            )

    def _portal_sign(self, partner, name, signature, ip_address):
        """The owner signs the handover record with the portal signature
        form."""
        self.ensure_one()
        self._portal_check_owner(partner)
        return self.sudo()._sign(name, signature, ip_address, "portal")

    def get_portal_url(
        self,
        suffix=None,
        report_type=None,
        download=None,
        query_string=None,
        anchor=None,
    ):
        """The record's portal page, never with a token: only the owner
        opens it (record rule), so a forwarded link opens nothing."""
        self.ensure_one()
        params = "".join(
            (
                f"&report_type={report_type}" if report_type else "",
                "&download=true" if download else "",
                query_string or "",
            )
        )
        if params:
            params = "?" + params.lstrip("&?")
        return (
            f"{self.access_url}{suffix or ''}{params}{'#' + anchor if anchor else ''}"
        )
