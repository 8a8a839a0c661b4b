# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PROJECT_ROLES, PropertyCsCommon

MODELS = (
    "property.project",
    "property.building",
    "property.unit",
    "property.unit.partner",
)


@tagged("post_install", "-at_install", "security")
class TestPropertyCsSecurity(PropertyCsCommon):
    def _visible(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_staff_see_assigned_projects_only(self):
        """Every staff role of project A sees A's records, none of B's."""
        for role in PROJECT_ROLES:
            user = self.users[role]
            units = self._visible(user, "property.unit")
            self.assertIn(self.unit_a1, units, role)
            self.assertNotIn(self.unit_b1, units, role)
            self.assertNotIn(self.project_b, self._visible(user, "property.project"))
            self.assertNotIn(self.building_b, self._visible(user, "property.building"))
            links = self._visible(user, "property.unit.partner")
            self.assertNotIn(self.owner_b, links.partner_id, role)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_agent_cannot_read_other_project(self):
        """An agent of project A cannot read a unit or an owner of project B."""
        with self.assertRaises(AccessError):
            self.unit_b1.with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError):
            self.owner_b.with_user(self.agent).read(["name"])
        Partner = self.env["res.partner"].with_user(self.agent)
        self.assertNotIn(self.owner_b, Partner.search([]))
        self.assertFalse(Partner.name_search("Chen Jie"))

    def test_partners_without_units_unaffected(self):
        """Contacts with no unit link stay visible (chatter, vendors, users)."""
        Partner = self.env["res.partner"].with_user(self.agent)
        visible = Partner.search([])
        self.assertIn(self.no_unit_partner, visible)
        self.assertIn(self.env.company.partner_id, visible)
        self.assertIn(self.users["head_office"].partner_id, visible)
        self.assertIn(self.owner_a, visible)

    def test_partner_with_units_in_both_projects_visible(self):
        """A partner linked to A and B stays visible to A's staff."""
        self.env["property.unit.partner"].create(
            {"unit_id": self.unit_a3.id, "partner_id": self.owner_b.id}
        )
        self.assertIn(
            self.owner_b, self.env["res.partner"].with_user(self.agent).search([])
        )

    def test_assignment_change_applies(self):
        """Assigning project B to the agent opens B's records."""
        self.agent.property_project_ids = [(4, self.project_b.id)]
        self.assertIn(self.unit_b1, self._visible(self.agent, "property.unit"))

    def test_project_staff_change_applies(self):
        """Adding the agent to project B's staff opens B's records at once."""
        self.assertNotIn(self.unit_b1, self._visible(self.agent, "property.unit"))
        self.project_b.user_ids = [(4, self.agent.id)]
        self.assertIn(self.unit_b1, self._visible(self.agent, "property.unit"))
        project_c = self.env["property.project"].create(
            {"name": "New Town", "user_ids": [(4, self.agent.id)]}
        )
        self.assertIn(project_c, self._visible(self.agent, "property.project"))

    def test_head_office_sees_all(self):
        """Head office sees every project, read-only."""
        user = self.users["head_office"]
        for model in MODELS:
            self.assertEqual(
                self._visible(user, model),
                self.env[model].search([]),
                model,
            )
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(user).write({"floor": 3})

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_crud_per_group(self):
        """Agents maintain links, managers units; department staff only read."""
        agent_link = (
            self.env["property.unit.partner"]
            .with_user(self.agent)
            .create(
                {
                    "unit_id": self.unit_a3.id,
                    "partner_id": self.no_unit_partner.id,
                    "role": "resident",
                }
            )
        )
        self.assertTrue(agent_link)
        with self.assertRaises(AccessError):
            self.env["property.unit"].with_user(self.agent).create(
                {"name": "999", "building_id": self.building_a.id, "area": 50}
            )
        self.env["property.unit"].with_user(self.manager).create(
            {"name": "999", "building_id": self.building_a.id, "area": 50}
        )
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(self.users["department"]).write({"floor": 2})
        with self.assertRaises(AccessError):
            self.env["property.unit.partner"].with_user(self.users["finance"]).create(
                {"unit_id": self.unit_a3.id, "partner_id": self.owner_a.id}
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_owner_sees_own_units_and_household(self):
        """Owners see their units and household, nothing of other owners."""
        user = self.portal_owner
        self.assertEqual(self._visible(user, "property.unit"), self.unit_a1)
        self.assertEqual(
            self._visible(user, "property.unit.partner").partner_id,
            self.owner_a | self.owner_a_spouse,
        )
        self.assertEqual(self._visible(user, "property.project"), self.project_a)
        with self.assertRaises(AccessError):
            self.unit_b1.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.unit_a2.with_user(user).read(["name"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_tenant_sees_only_self(self):
        """A tenant sees their own link, not the unit's owners, and only the
        unit they rent."""
        user = self.portal_tenant
        links = self._visible(user, "property.unit.partner")
        self.assertEqual(links.partner_id, self.tenant_a)
        self.assertEqual(self._visible(user, "property.unit"), self.unit_a2)

    def test_ended_ownership_loses_portal_access(self):
        """A former owner no longer sees the unit in the portal."""
        self.unit_b1.partner_link_ids.date_end = "2024-01-01"
        self.assertFalse(self._visible(self.portal_owner_b, "property.unit"))

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_portal_cannot_write(self):
        """Portal users never write property records."""
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(self.portal_owner).write({"floor": 9})
