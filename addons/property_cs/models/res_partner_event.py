# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .res_partner import PROPERTY_GROUPS


class ResPartner(models.Model):
    """Participation in community events on the owner file (D-30, D-5):
    the events the person or their household was invited to and attended,
    for staff; the person's invitations for the portal pages."""

    _inherit = "res.partner"

    property_event_invited_count = fields.Integer(
        string="Events Invited",
        compute="_compute_property_event_participation",
        groups=PROPERTY_GROUPS,
        help="Community events the person or their household was invited to "
        "(invitations skipped for a withdrawn consent not counted).",
    )
    property_event_attended_count = fields.Integer(
        string="Events Attended",
        compute="_compute_property_event_participation",
        groups=PROPERTY_GROUPS,
        help="Community events the person or a member of their household attended.",
    )

    def _compute_property_event_participation(self):
        data = self._property_event_participation_data()
        for partner in self:
            invited, attended = data.get(partner.id, (set(), set()))
            partner.property_event_invited_count = len(invited)
            partner.property_event_attended_count = len(attended)

    def _property_event_participation_data(self, project=None):
        """{partner id: (invited event ids, attended event ids)} of the
        partners, counting their current households (units): invitations
        not skipped, registrations attended (state done). A constant number
        of queries whatever the number of partners. ``project`` limits the
        events to one project."""
        partners = self.filtered("id")
        if not partners:
            return {}
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("is_current", "=", True)])
        )
        units_of = {}
        for link in links:
            units_of.setdefault(link.partner_id.id, set()).add(link.unit_id.id)
        unit_ids = list({unit for units in units_of.values() for unit in units})
        event_domain = (
            [("event_id.property_project_id", "=", project.id)] if project else []
        )
        invitations = (
            self.env["property.event.invitation"]
            .sudo()
            .search_read(
                [
                    ("state", "!=", "skipped"),
                    "|",
                    ("partner_id", "in", partners.ids),
                    ("unit_id", "in", unit_ids),
                    *event_domain,
                ],
                ["event_id", "partner_id", "unit_id"],
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
                    ("partner_id", "in", partners.ids),
                    ("property_unit_id", "in", unit_ids),
                    *event_domain,
                ],
                ["event_id", "partner_id", "property_unit_id"],
                load=None,
            )
        )

        def index(rows, unit_field):
            by_partner, by_unit = {}, {}
            for row in rows:
                by_partner.setdefault(row["partner_id"], set()).add(row["event_id"])
                if row[unit_field]:
                    by_unit.setdefault(row[unit_field], set()).add(row["event_id"])
            return by_partner, by_unit

        invited_p, invited_u = index(invitations, "unit_id")
        attended_p, attended_u = index(registrations, "property_unit_id")
        result = {}
        for partner in partners:
            units = units_of.get(partner.id, ())
            invited = set(invited_p.get(partner.id, ()))
            attended = set(attended_p.get(partner.id, ()))
            for unit in units:
                invited |= invited_u.get(unit, set())
                attended |= attended_u.get(unit, set())
            result[partner.id] = (invited, attended)
        return result

    def _property_event_participation(self):
        """Invited and attended counts of the person and their household,
        for the owner file, the key-customer ledger and other parts."""
        self.ensure_one()
        invited, attended = self._property_event_participation_data().get(
            self.id, (set(), set())
        )
        return {"invited": len(invited), "attended": len(attended)}

    def _property_event_invitations(self, events=None):
        """The invitations of this person and their current households that
        went out or will (not skipped), as superuser, for the portal pages
        that show an event as "invited" (owners do not read invitations
        themselves). ``events`` limits them to these events."""
        self.ensure_one()
        units = (
            self.env["property.unit.partner"]._portal_current_units(self).ids
            if self.id
            else []
        )
        domain = [
            ("state", "!=", "skipped"),
            "|",
            ("partner_id", "=", self.id),
            ("unit_id", "in", units),
        ]
        if events is not None:
            domain.append(("event_id", "in", events.ids))
        return self.env["property.event.invitation"].sudo().search(domain)

    def action_view_property_event_registrations(self):
        """The event places of the person and their current households."""
        self.ensure_one()
        units = (
            self.env["property.unit.partner"]
            .sudo()
            .search([("partner_id", "=", self.id), ("is_current", "=", True)])
            .unit_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Event Places of %(name)s", name=self.display_name),
            "res_model": "event.registration",
            "view_mode": "list,form",
            "domain": [
                "|",
                ("partner_id", "=", self.id),
                ("property_unit_id", "in", units.ids),
            ],
            "context": {"create": False},
        }
