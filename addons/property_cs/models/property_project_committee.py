# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyProject(models.Model):
    """The project's owners' committees, term by term (D-23). The
    memberships are reachable from the project so that the portal record
    rules of meetings and report packs can say "a project where the user
    is a current committee member"."""

    _inherit = "property.project"

    committee_ids = fields.One2many("property.committee", "project_id")
    committee_member_ids = fields.One2many("property.committee.member", "project_id")
    current_committee_id = fields.Many2one(
        "property.committee",
        compute="_compute_current_committee_id",
    )

    def _compute_current_committee_id(self):
        Committee = self.env["property.committee"]
        for project in self:
            project.current_committee_id = Committee._current_for_project(project)

    def action_open_committees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_committee_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
