# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, models
from odoo.tools import file_open


class PropertyDemo(models.AbstractModel):
    """Demo hooks of the handover day (called by
    demo/property_handover_demo.xml only)."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_handover_present(self, handover_xmlids):
        """The owners of these demo handovers presented every document."""
        for xmlid in handover_xmlids:
            self.env.ref(xmlid).document_ids.write({"is_presented": True})
        return True

    @api.model
    def _property_demo_handover_sign(self, handover_xmlid):
        """The owner of this demo handover signs on the staff tablet."""
        handover = self.env.ref(handover_xmlid)
        with file_open("property_cs/static/img/handover_demo_signature.png", "rb") as f:
            signature = base64.b64encode(f.read())
        handover._sign(handover.partner_id.name, signature, False, "desk")
        return True
