# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

STAFF = "base.group_user"
STATEMENT_READERS = (
    "property_cs.group_property_cs_manager,property_cs.group_property_cs_finance,"
    "property_cs.group_property_cs_head_office,property_cs.group_property_cs_admin"
)


class ResPartner(models.Model):
    """The developer's page (D-22): a developer is the partner set as the
    developer of a project; its form counts the warranty defects open and
    overdue, the quality complaints handed to it, its monthly statements
    and the coordination meetings, each a button to the list."""

    _inherit = "res.partner"

    property_developer_project_ids = fields.One2many(
        "property.project",
        "developer_partner_id",
        string="Developer of Projects",
        groups=STAFF,
    )
    is_property_developer = fields.Boolean(
        string="Is a Developer",
        compute="_compute_is_property_developer",
        compute_sudo=True,
        groups=STAFF,
    )
    property_defect_open_count = fields.Integer(
        string="Open Defects",
        compute="_compute_property_developer_counts",
        groups=STAFF,
    )
    property_defect_overdue_count = fields.Integer(
        string="Overdue Defects",
        compute="_compute_property_developer_counts",
        groups=STAFF,
    )
    property_complaint_handed_count = fields.Integer(
        string="Complaints Passed On",
        compute="_compute_property_developer_counts",
        groups=STAFF,
    )
    property_developer_statement_count = fields.Integer(
        string="Statements",
        compute="_compute_property_developer_statement_count",
        groups=STATEMENT_READERS,
    )
    property_developer_meeting_count = fields.Integer(
        string="Coordination Meetings",
        compute="_compute_property_developer_counts",
        groups=STAFF,
    )

    def _compute_is_property_developer(self):
        developers = set(
            self.env["property.project"]
            .with_context(active_test=False)
            .search([("developer_partner_id", "in", self.commercial_partner_id.ids)])
            .developer_partner_id.ids
        )
        for partner in self:
            partner.is_property_developer = (
                partner.commercial_partner_id.id in developers
            )

    @api.depends_context("uid")
    def _compute_property_developer_counts(self):
        """Counted with the reader's rights (their projects)."""
        Defect = self.env["property.warranty.defect"]
        Meeting = self.env["property.meeting"]
        ids = self.commercial_partner_id.ids
        open_counts, overdue_counts, meetings = {}, {}, {}
        if Defect.has_access("read") and ids:
            domain = [("developer_partner_id", "in", ids), ("state", "=", "handed")]
            for partner, kind, count in Defect._read_group(
                domain, ["developer_partner_id", "kind"], ["__count"]
            ):
                open_counts[partner.id, kind] = count
            for partner, count in Defect._read_group(
                [*domain, ("kind", "=", "defect"), ("date_due", "<", Defect._today())],
                ["developer_partner_id"],
                ["__count"],
            ):
                overdue_counts[partner.id] = count
        if Meeting.has_access("read") and ids:
            meetings = {
                partner.id: count
                for partner, count in Meeting._read_group(
                    [("kind", "=", "developer"), ("developer_partner_id", "in", ids)],
                    ["developer_partner_id"],
                    ["__count"],
                )
            }
        for partner in self:
            developer = partner.commercial_partner_id.id
            partner.property_defect_open_count = open_counts.get(
                (developer, "defect"), 0
            )
            partner.property_defect_overdue_count = overdue_counts.get(developer, 0)
            partner.property_complaint_handed_count = open_counts.get(
                (developer, "complaint"), 0
            )
            partner.property_developer_meeting_count = meetings.get(developer, 0)

    @api.depends_context("uid")
    def _compute_property_developer_statement_count(self):
        Statement = self.env["property.developer.statement"]
        counts = {}
        if Statement.has_access("read") and self.ids:
            counts = {
                partner.id: count
                for partner, count in Statement._read_group(
                    [("partner_id", "in", self.commercial_partner_id.ids)],
                    ["partner_id"],
                    ["__count"],
                )
            }
        for partner in self:
            partner.property_developer_statement_count = counts.get(
                partner.commercial_partner_id.id, 0
            )

    def _property_developer_action(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_developer_defects(self):
        """The developer's open warranty defects (the overdue first)."""
        developer = self.commercial_partner_id
        return self._property_developer_action(
            "property_cs.property_warranty_defect_action",
            [("developer_partner_id", "=", developer.id), ("kind", "=", "defect")],
            {
                "search_default_filter_open": 1,
                "default_developer_partner_id": developer.id,
            },
        )

    def action_view_developer_overdue(self):
        developer = self.commercial_partner_id
        return self._property_developer_action(
            "property_cs.property_warranty_defect_action",
            [("developer_partner_id", "=", developer.id), ("kind", "=", "defect")],
            {"search_default_filter_overdue": 1},
        )

    def action_view_developer_complaints(self):
        developer = self.commercial_partner_id
        return self._property_developer_action(
            "property_cs.property_warranty_defect_action_complaint",
            [("developer_partner_id", "=", developer.id), ("kind", "=", "complaint")],
            {"search_default_filter_open": 1},
        )

    def action_view_developer_statements(self):
        developer = self.commercial_partner_id
        return self._property_developer_action(
            "property_cs.property_developer_statement_action",
            [("partner_id", "=", developer.id)],
            {"default_partner_id": developer.id},
        )

    def action_view_developer_meetings(self):
        developer = self.commercial_partner_id
        return self._property_developer_action(
            "property_cs.property_meeting_action_developer",
            [("kind", "=", "developer"), ("developer_partner_id", "=", developer.id)],
            {"default_kind": "developer", "default_developer_partner_id": developer.id},
        )
