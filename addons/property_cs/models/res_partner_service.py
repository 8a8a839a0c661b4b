# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    """The service history of an owner on their form: how many tickets,
    complaints and callbacks the reader may see, each opening its list.
    Counted as the reader (record rules apply: complaints stay confidential,
    D-18) and zero for a reader without access to a model."""

    _inherit = "res.partner"

    property_ticket_count = fields.Integer(
        string="Tickets", compute="_compute_property_service_counts"
    )
    property_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_property_service_counts"
    )
    property_callback_count = fields.Integer(
        string="Callbacks", compute="_compute_property_service_counts"
    )
    property_renovation_count = fields.Integer(
        string="Renovations", compute="_compute_property_renovation_count"
    )

    def _property_read_group(self, model, groupby):
        """[(partner, ..., count)] of the reader's visible records; empty
        when the reader may not read the model."""
        Model = self.env[model]
        if not self.ids or not Model.has_access("read"):
            return []
        return Model._read_group(
            [("partner_id", "in", self.ids)], ["partner_id", *groupby], ["__count"]
        )

    def _compute_property_service_counts(self):
        tickets = dict.fromkeys(self, 0)
        complaints = dict.fromkeys(self, 0)
        callbacks = dict.fromkeys(self, 0)
        for partner, kind, count in self._property_read_group(
            "property.ticket", ["kind"]
        ):
            counts = complaints if kind == "complaint" else tickets
            counts[partner] += count
        for partner, count in self._property_read_group("property.callback", []):
            callbacks[partner] += count
        for partner in self:
            partner.property_ticket_count = tickets[partner]
            partner.property_complaint_count = complaints[partner]
            partner.property_callback_count = callbacks[partner]

    def _compute_property_renovation_count(self):
        """The renovations the person applied for, as far as the reader may
        see them: they stay on the owner's history after the works."""
        Renovation = self.env["property.renovation"]
        counts = {}
        if self.ids and Renovation.has_access("read"):
            counts = dict(
                Renovation.with_context(active_test=False)._read_group(
                    [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
                )
            )
        for partner in self:
            partner.property_renovation_count = counts.get(partner, 0)

    def _property_history_action(self, xmlid, domain, context=None):
        """The action of xmlid on the owner's records, list first."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        action["views"] = sorted(action["views"], key=lambda view: view[1] != "list")
        return action

    def action_view_property_tickets(self):
        """The owner's tickets other than complaints, open and past."""
        return self._property_history_action(
            "property_cs.property_ticket_action",
            [("partner_id", "=", self.id), ("kind", "!=", "complaint")],
            {"default_partner_id": self.id},
        )

    def action_view_property_complaints(self):
        """The owner's complaints the reader may see."""
        return self._property_history_action(
            "property_cs.property_ticket_action_complaint",
            [("partner_id", "=", self.id), ("kind", "=", "complaint")],
            {"default_partner_id": self.id, "default_kind": "complaint"},
        )

    def action_view_property_callbacks(self):
        """The callbacks of the owner: satisfaction calls and care calls."""
        return self._property_history_action(
            "property_cs.property_callback_action",
            [("partner_id", "=", self.id)],
        )

    def action_view_property_renovations(self):
        """The renovations the person applied for, past and current."""
        return self._property_history_action(
            "property_cs.property_renovation_action",
            [("applicant_id", "=", self.id)],
            {"active_test": False},
        )
