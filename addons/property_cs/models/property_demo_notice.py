# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyDemo(models.AbstractModel):
    """Demo hooks of the public notices (called by
    demo/property_notice_demo.xml only)."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_notice_past(self, notice_xmlid):
        """A notice published at the start of its display period, in the
        past, and expired since."""
        notice = self.env.ref(notice_xmlid)
        notice._workflow_write(
            {
                "state": "expired",
                "publisher_id": self.env.user.id,
                "date_published": fields.Datetime.to_datetime(notice.date_from),
            }
        )
        return True

    @api.model
    def _property_demo_notice_ack(self, notice_xmlid, partner_xmlid):
        """``partner`` acknowledged the notice in the portal."""
        self.env["property.notice.ack"]._acknowledge(
            self.env.ref(notice_xmlid), self.env.ref(partner_xmlid)
        )
        return True
