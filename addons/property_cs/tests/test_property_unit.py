# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyUnit(PropertyCsCommon):
    def test_total_area_sums_units(self):
        """A project's total floor area is the sum of its active units."""
        self.assertAlmostEqual(self.project_a.total_area, 2000.0)
        self.unit_a3.area = 800.0
        self.assertAlmostEqual(self.project_a.total_area, 1000.0)
        self.assertEqual(self.building_a.unit_count, 3)

    @mute_logger("odoo.sql_db")
    def test_area_must_be_positive(self):
        """A unit's gross floor area must be greater than zero."""
        with self.assertRaises(ValidationError):
            self.unit_a1.area = 0.0

    def test_complete_name(self):
        """Units read as building-number and are found by it."""
        self.assertEqual(self.unit_a1.complete_name, "B1-101")
        found = self.env["property.unit"].name_search("B1-10")
        self.assertEqual(
            {u[0] for u in found}, {self.unit_a1.id, self.unit_a2.id, self.unit_a3.id}
        )

    def test_owner_shares_cannot_exceed_100(self):
        """Current owners' shares of a unit add up to at most 100 %."""
        with self.assertRaisesRegex(ValidationError, "100"):
            self.env["property.unit.partner"].create(
                {
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.no_unit_partner.id,
                    "role": "co_owner",
                    "share": 10.0,
                }
            )

    def test_past_owner_share_does_not_count(self):
        """An ended ownership frees its share for the next owner."""
        link = self.unit_b1.partner_link_ids
        link.date_end = "2024-01-01"
        new = self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_b1.id,
                "partner_id": self.no_unit_partner.id,
                "role": "owner",
                "date_start": "2024-01-02",
            }
        )
        self.assertEqual(new.share, 100.0, "default share is what is left")
        self.assertEqual(self.unit_b1.owner_ids, self.no_unit_partner)

    def test_end_after_start(self):
        """A link's end date cannot precede its start date."""
        with self.assertRaisesRegex(ValidationError, "end date"):
            self.unit_a2.partner_link_ids.date_end = "2022-12-31"
        with self.assertRaisesRegex(ValidationError, "move-out"):
            self.unit_a1.partner_link_ids[:1].date_move_out = "2020-01-31"

    def test_share_only_for_owners(self):
        """Tenants and household members hold no ownership share."""
        with self.assertRaises(ValidationError):
            self.unit_a2.partner_link_ids.share = 10.0

    def test_state_is_three_facts(self):
        """Delivery, occupancy and renovation combine into the status."""
        unit = self.unit_a3
        self.assertEqual(unit.status, "undelivered")
        unit.date_handover = "2024-05-01"
        self.assertEqual(unit.status, "vacant")
        self.assertEqual(str(unit.date_vacant_since), "2024-05-01")
        self.assertEqual(self.unit_a2.occupancy, "rented")
        self.assertEqual(self.unit_a1.occupancy, "owner_occupied")
        unit.renovation_state = "in_progress"
        self.assertEqual(unit.status, "renovating")

    def test_move_out_makes_unit_vacant(self):
        """When the last resident moves out the unit is vacant since that day."""
        self.unit_a2.partner_link_ids.date_move_out = "2025-03-31"
        self.assertEqual(self.unit_a2.occupancy, "vacant")
        self.assertEqual(str(self.unit_a2.date_vacant_since), "2025-03-31")

    def test_occupancy_tracked(self):
        """Occupancy changes are tracked in the unit's chatter."""
        link = self.unit_a2.partner_link_ids.with_env(self.env_tracking)
        link.date_move_out = "2025-03-31"
        link.env.flush_all()
        self.env.cr.precommit.run()
        self.unit_a2.invalidate_recordset(["message_ids"])
        tracked = self.unit_a2.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "occupancy"
        )
        self.assertTrue(tracked)
        # one change, from rented (the tenant lived there) to vacant
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked._name, "mail.tracking.value")
        self.assertEqual(
            (tracked.old_value_char, tracked.new_value_char), ("Rented", "Vacant")
        )

    @freeze_time("2026-06-01")
    def test_current_owners_and_residents(self):
        """A unit lists its current owners and residents; a partner its units."""
        self.assertEqual(self.unit_a1.owner_ids, self.owner_a | self.owner_a_spouse)
        self.assertEqual(self.unit_a2.resident_ids, self.tenant_a)
        self.assertFalse(self.unit_a2.owner_ids)
        self.assertEqual(self.owner_a.unit_count, 1)
        units = self.env["property.unit"].search(
            [("owner_ids", "in", self.owner_a.ids)]
        )
        self.assertEqual(units, self.unit_a1)
        self.assertEqual(
            self.owner_a.household_link_ids.partner_id,
            self.owner_a | self.owner_a_spouse,
        )

    def test_links_are_kept(self):
        """Unit history is never deleted: links and partners are archived."""
        with self.assertRaises(UserError):
            self.unit_a1.partner_link_ids.unlink()
        with self.assertRaises(UserError):
            self.owner_a.unlink()
        self.owner_a_spouse.action_archive()
        self.assertFalse(self.owner_a_spouse.active)
        self.no_unit_partner.unlink()

    def test_unit_form(self):
        """Staff create a unit from the form; the project follows the building."""
        form = Form(self.env["property.unit"])
        form.name = "104"
        form.building_id = self.building_a
        form.area = 88.5
        unit = form.save()
        self.assertEqual(unit.project_id, self.project_a)
        self.assertEqual(unit.status, "undelivered")
