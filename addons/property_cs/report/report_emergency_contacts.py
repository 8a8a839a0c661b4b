# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

SPECIAL_NEEDS_GROUP = "property_cs.group_property_cs_special_needs"


class ReportEmergencyContacts(models.AbstractModel):
    """The per-building emergency contact list prints health data (special
    needs, life support, frail living alone: PIPL sensitive personal
    information), so only special-needs officers may render it, whatever the
    route (menu, ``/report/html``, ``/report/pdf``, RPC). The report action's
    ``groups_id`` only hides the print menu; this check is the server-side
    guard. The template reads the restricted fields as the user, never under
    ``sudo()``."""

    _name = "report.property_cs.report_emergency_contacts"
    _description = "Emergency Contact List"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group(SPECIAL_NEEDS_GROUP):
            raise AccessError(
                _(
                    "Only special-needs officers may print the emergency contact "
                    "list: it contains residents' health information."
                )
            )
        buildings = self.env["property.building"].browse(docids)
        buildings.check_access("read")
        self.env["property.access.log"]._log("emergency_list", buildings)
        return {
            "doc_ids": docids,
            "doc_model": "property.building",
            "docs": buildings,
        }
