# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

REGISTER_GROUPS = (
    "property_cs.group_property_cs_agent,"
    "property_cs.group_property_cs_department,"
    "property_cs.group_property_cs_head_office"
)


class PropertyTicket(models.Model):
    """The letters of the document register about a request or complaint
    (D-23), counted on its form."""

    _inherit = "property.ticket"

    register_entry_count = fields.Integer(
        string="Letters",
        compute="_compute_register_entry_count",
        groups=REGISTER_GROUPS,
    )

    def _register_entry_domain(self):
        self.ensure_one()
        field = "complaint_id" if self.kind == "complaint" else "ticket_id"
        return [(field, "=", self.id), ("state", "!=", "cancelled")]

    def _compute_register_entry_count(self):
        Entry = self.env["property.register.entry"].sudo()
        for ticket in self:
            ticket.register_entry_count = (
                Entry.search_count(ticket._register_entry_domain()) if ticket.id else 0
            )

    def action_view_register_entries(self):
        """The register's letters about this request or complaint."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_register_entry_action"
        )
        action.update(
            {
                "domain": self._register_entry_domain(),
                "context": {
                    "default_project_id": self.project_id.id,
                    "default_ticket_id": self.id if self.kind != "complaint" else False,
                    "default_complaint_id": self.id
                    if self.kind == "complaint"
                    else False,
                },
            }
        )
        return action
