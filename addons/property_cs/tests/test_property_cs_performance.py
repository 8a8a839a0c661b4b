# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PropertyCsCommon

OWNER_FORM_SPEC = {
    "display_name": {},
    "name": {},
    "unit_count": {},
    "is_key_customer": {},
    "key_customer_reasons": {},
    "handling_tip": {},
    "id_number_masked": {},
    "id_number_input": {},
    "unit_link_ids": {
        "fields": {
            "unit_id": {"fields": {"display_name": {}}},
            "project_id": {"fields": {"display_name": {}}},
            "role": {},
            "share": {},
            "date_start": {},
            "date_end": {},
            "date_move_in": {},
            "date_move_out": {},
            "active": {},
        }
    },
    "household_link_ids": {
        "fields": {
            "unit_id": {"fields": {"display_name": {}}},
            "partner_id": {"fields": {"display_name": {}}},
            "role": {},
            "phone": {},
            "date_move_in": {},
        }
    },
    "vehicle_ids": {"fields": {"name": {}, "parking_space_id": {}, "brand": {}}},
    "parking_space_ids": {
        "fields": {"project_id": {}, "name": {}, "holding": {}},
    },
}

UNIT_LIST_SPEC = {
    "project_id": {"fields": {"display_name": {}}},
    "building_id": {"fields": {"display_name": {}}},
    "complete_name": {},
    "floor": {},
    "area": {},
    "use_type": {},
    "owner_ids": {"fields": {"display_name": {}}},
    "date_handover": {},
    "occupancy": {},
    "status": {},
}


@tagged("post_install", "-at_install")
class TestPropertyCsPerformance(PropertyCsCommon):
    """Query counts of the hot screens stay constant in the number of units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big_owner = cls.env["res.partner"].create({"name": "Big Owner"})
        buildings = cls.env["property.building"].create(
            [{"name": f"P{i}", "project_id": cls.project_a.id} for i in range(1, 5)]
        )
        units = cls.env["property.unit"].create(
            [
                {
                    "name": f"{floor}{n:02d}",
                    "building_id": building.id,
                    "floor": floor,
                    "area": 80.0 + n,
                }
                for building in buildings
                for floor in range(1, 6)
                for n in range(1, 5)
            ]
        )
        cls.units = units
        owners = cls.env["res.partner"].create(
            [{"name": f"Owner {i}"} for i in range(len(units))]
        )
        cls.env["property.unit.partner"].create(
            [
                {"unit_id": unit.id, "partner_id": owner.id, "role": "owner"}
                for unit, owner in zip(units, owners, strict=True)
            ]
        )
        cls.env["property.unit.partner"].create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": cls.big_owner.id,
                    "role": "resident",
                    "date_move_in": "2024-01-01",
                }
                for unit in units[:40]
            ]
        )
        cls.env.flush_all()

    def _count_queries(self, func):
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        func()  # warm caches of views, rules and translations
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - before

    def test_owner_form_queries(self):
        """The owner form reads 20 or 40 units with the same queries."""
        partner = self.big_owner.with_user(self.agent)
        links = self.big_owner.unit_link_ids
        links[20:].action_archive()
        self.env.flush_all()

        def read_form():
            partner.web_read(OWNER_FORM_SPEC)

        with_20 = self._count_queries(read_form)
        links[20:].action_unarchive()
        self.env.flush_all()
        with_40 = self._count_queries(read_form)
        self.assertEqual(with_20, with_40)
        self.env.invalidate_all()
        # 16: whether each unit link is current reads the company's time zone
        with self.assertQueryCount(16):
            partner.web_read(OWNER_FORM_SPEC)

    def test_unit_list_queries(self):
        """The unit list of 80 rows costs as many queries as one of 20."""
        Unit = self.env["property.unit"].with_user(self.agent)

        def list_units(limit):
            return lambda: Unit.web_search_read(
                [("project_id", "=", self.project_a.id)],
                UNIT_LIST_SPEC,
                limit=limit,
            )

        small = self._count_queries(list_units(20))
        large = self._count_queries(list_units(80))
        self.assertEqual(small, large)
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            result = Unit.web_search_read(
                [("project_id", "=", self.project_a.id)], UNIT_LIST_SPEC, limit=80
            )
        self.assertEqual(len(result["records"]), 80)
