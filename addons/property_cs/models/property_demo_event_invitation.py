# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class PropertyDemo(models.AbstractModel):
    """Demo hooks of the event invitations (called by
    demo/property_event_invitation_demo.xml only)."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_event_invitations(self, project_xmlid):
        """Invite the households of the project to its upcoming events: the
        events open for booking since yesterday (the key customers a few
        days earlier, so their invitations went out first), the invitation
        lists built from each event's rules and the due invitations sent."""
        project = self.env.ref(project_xmlid, raise_if_not_found=False)
        if not project:
            return True
        now = fields.Datetime.now()
        events = self.env["event.event"].search(
            [("property_project_id", "=", project.id), ("date_begin", ">", now)],
            order="date_begin, id",
        )
        for event in events:
            if not event.property_date_open_all:
                event.property_date_open_all = min(
                    now - timedelta(days=1), event.date_begin
                )
            event._property_build_invitations()
        self.env["property.event.invitation"]._cron_send_invitations()
        return True
