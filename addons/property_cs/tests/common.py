# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "property_cs.group_property_cs_%s"
PROJECT_ROLES = (
    "agent",
    "supervisor",
    "manager",
    "department",
    "finance",
    "surveyor",
    "special_needs",
)
INTERNAL_ID_NUMBER = "110101199003071234"
# what owners must never see of themselves in the portal or in mails
INTERNAL_MARKERS = (
    "Dominant",
    "respected",  # the dominant handling tip
    "Civil servant",
    "rules and fairness",  # the civil-servant tip
    "Key Customer",
    "owners' committee",
    "1***************34",  # the mask of INTERNAL_ID_NUMBER
    INTERNAL_ID_NUMBER,
    "Wheelchair",
    "calls after 18:00",
)


class PropertyCsCommon(BaseCommon):
    """Two projects, owners in each, and one user per role on project A."""

    @classmethod
    def _tag_owner_with_internal_data(cls):
        """Give owner A every kind of internal data the portal must hide."""
        cls.owner_a.write(
            {
                "id_number": INTERNAL_ID_NUMBER,
                "special_needs": "Wheelchair user",
                "handling_note": "Prefers calls after 18:00",
            }
        )
        cls._make_committee_member(cls.owner_a, cls.project_a)

    @classmethod
    def _make_committee_member(cls, partner, project):
        """Make ``partner`` a current member of an owners' committee of
        ``project`` (the key-customer criterion is computed from it)."""
        committee = cls.env["property.committee"].search(
            [("project_id", "=", project.id)], limit=1
        ) or cls.env["property.committee"].create(
            {
                "name": f"Owners' Committee of {project.name}",
                "project_id": project.id,
                "date_start": "2020-01-01",
            }
        )
        Member = cls.env["property.committee.member"]
        current = Member.search(
            Member._current_domain()
            + [("committee_id", "=", committee.id), ("partner_id", "=", partner.id)],
            limit=1,
        )
        return current or Member.create(
            {"committee_id": committee.id, "partner_id": partner.id}
        )

    def flush_tracking(self):
        """Write pending chatter tracking, as the end of a request does."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    @property
    def env_tracking(self):
        """BaseCommon disables tracking; some tests need it."""
        return self.env(
            context=dict(self.env.context, tracking_disable=False, mail_notrack=False)
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # the tests' company and owners write English (the demo company is
        # Chinese): what the tests compute in the company's language is what
        # the owners read
        cls.company.partner_id.lang = "en_US"
        cls.project_a = cls.env["property.project"].create(
            {"name": "Osmanthus Garden", "code": "OG", "hotline": "0571-88880000"}
        )
        cls.project_b = cls.env["property.project"].create(
            {"name": "River View", "code": "RV"}
        )
        cls.building_a = cls.env["property.building"].create(
            {"name": "B1", "project_id": cls.project_a.id}
        )
        cls.building_b = cls.env["property.building"].create(
            {"name": "R1", "project_id": cls.project_b.id}
        )
        cls.unit_a1, cls.unit_a2, cls.unit_a3 = cls.env["property.unit"].create(
            [
                {"name": "101", "building_id": cls.building_a.id, "area": 100.0},
                {"name": "102", "building_id": cls.building_a.id, "area": 100.0},
                {"name": "103", "building_id": cls.building_a.id, "area": 1800.0},
            ]
        )
        cls.unit_b1 = cls.env["property.unit"].create(
            {"name": "201", "building_id": cls.building_b.id, "area": 90.0}
        )
        Partner = cls.env["res.partner"]
        cls.owner_a = Partner.create(
            {
                "name": "Zhang Wei",
                "email": "zhang.wei@example.com",
                "mobile": "13800000001",
                "personality_type": "dominant",
                "owner_group": "civil_servant",
            }
        )
        cls.owner_a_spouse = Partner.create({"name": "Li Na"})
        cls.tenant_a = Partner.create(
            {"name": "Wang Fang", "email": "wang.fang@example.com"}
        )
        cls.owner_b = Partner.create(
            {"name": "Chen Jie", "email": "chen.jie@example.com"}
        )
        cls.no_unit_partner = Partner.create({"name": "Supplier Contact"})
        Link = cls.env["property.unit.partner"]
        Link.create(
            [
                {
                    "unit_id": cls.unit_a1.id,
                    "partner_id": cls.owner_a.id,
                    "role": "owner",
                    "share": 50.0,
                    "date_start": "2020-01-01",
                    "date_move_in": "2020-02-01",
                },
                {
                    "unit_id": cls.unit_a1.id,
                    "partner_id": cls.owner_a_spouse.id,
                    "role": "co_owner",
                    "share": 50.0,
                    "date_start": "2020-01-01",
                    "date_move_in": "2020-02-01",
                },
                {
                    "unit_id": cls.unit_a2.id,
                    "partner_id": cls.tenant_a.id,
                    "role": "tenant",
                    "date_start": "2023-01-01",
                    "date_move_in": "2023-01-05",
                },
                {
                    "unit_id": cls.unit_b1.id,
                    "partner_id": cls.owner_b.id,
                    "role": "owner",
                    "date_start": "2021-06-01",
                },
            ]
        )
        cls.users = {}
        for role in PROJECT_ROLES:
            cls.users[role] = new_test_user(
                cls.env,
                login=f"pcs_{role}",
                groups=GROUP % role,
                name=f"PCS {role}",
            )
            cls.users[role].property_project_ids = [Command.link(cls.project_a.id)]
        cls.users["head_office"] = new_test_user(
            cls.env,
            login="pcs_head_office",
            groups=GROUP % "head_office",
            name="PCS head office",
        )
        cls.agent = cls.users["agent"]
        cls.manager = cls.users["manager"]
        cls.project_a.manager_id = cls.manager
        cls.portal_owner = new_test_user(
            cls.env,
            login="pcs_owner_a",
            groups="base.group_portal",
            partner_id=cls.owner_a.id,
            name=cls.owner_a.name,
        )
        cls.portal_tenant = new_test_user(
            cls.env,
            login="pcs_tenant_a",
            groups="base.group_portal",
            partner_id=cls.tenant_a.id,
            name=cls.tenant_a.name,
        )
        cls.portal_owner_b = new_test_user(
            cls.env,
            login="pcs_owner_b",
            groups="base.group_portal",
            partner_id=cls.owner_b.id,
            name=cls.owner_b.name,
        )
        # records created with tracking disabled are excluded from tracking
        # until the transaction's precommit runs, as a real request ends
        cls.env.flush_all()
        cls.env.cr.precommit.run()
