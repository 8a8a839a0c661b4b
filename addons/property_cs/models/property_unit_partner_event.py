# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .res_partner import PROPERTY_GROUPS


class PropertyUnitPartner(models.Model):
    """Participation in community events on the key-customer ledger (D-5,
    D-30): the events of the link's project the person or the unit's
    household was invited to and attended."""

    _inherit = "property.unit.partner"

    property_event_invited_count = fields.Integer(
        string="Events Invited",
        compute="_compute_property_event_participation",
        groups=PROPERTY_GROUPS,
        help="Community events of the project the person or this household "
        "was invited to.",
    )
    property_event_attended_count = fields.Integer(
        string="Events Attended",
        compute="_compute_property_event_participation",
        groups=PROPERTY_GROUPS,
        help="Community events of the project the person or a member of this "
        "household attended.",
    )

    def _compute_property_event_participation(self):
        """Distinct events of the link's project with an invitation (not
        skipped) to the person or the unit, and with an attended place of
        the person or booked for the unit. A constant number of queries."""
        links = self.filtered("id")
        partner_ids = links.partner_id.ids
        unit_ids = links.unit_id.ids
        invitations = (
            self.env["property.event.invitation"]
            .sudo()
            .search_read(
                [
                    ("state", "!=", "skipped"),
                    "|",
                    ("partner_id", "in", partner_ids),
                    ("unit_id", "in", unit_ids),
                ],
                ["event_id", "partner_id", "unit_id", "project_id"],
                load=None,
            )
        )
        registrations = (
            self.env["event.registration"]
            .sudo()
            .search_read(
                [
                    ("state", "=", "done"),
                    "|",
                    ("partner_id", "in", partner_ids),
                    ("property_unit_id", "in", unit_ids),
                ],
                ["event_id", "partner_id", "property_unit_id", "property_project_id"],
                load=None,
            )
        )
        invited = self._index_events(invitations, "project_id", "unit_id")
        attended = self._index_events(
            registrations, "property_project_id", "property_unit_id"
        )
        for link in self:
            project = link.project_id.id
            keys = (
                ("partner", project, link.partner_id.id),
                ("unit", project, link.unit_id.id),
            )
            link.property_event_invited_count = len(
                set().union(*(invited.get(key, set()) for key in keys))
            )
            link.property_event_attended_count = len(
                set().union(*(attended.get(key, set()) for key in keys))
            )

    @staticmethod
    def _index_events(rows, project_field, unit_field):
        """{("partner"|"unit", project id, id): {event ids}} of ``rows``."""
        index = {}
        for row in rows:
            project = row[project_field]
            keys = [("partner", project, row["partner_id"])]
            if row[unit_field]:
                keys.append(("unit", project, row[unit_field]))
            for key in keys:
                index.setdefault(key, set()).add(row["event_id"])
        return index
