# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..models import sampling
from .common import PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestSamplingAlgorithm(BaseCase):
    """The sampling algorithm on hand-built frames, without the ORM."""

    def test_sample_size_edges(self):
        """n = max(ceil(20 % × frame), 20), capped at the frame (D-26)."""
        self.assertEqual(sampling.sample_size(0, 20, 20), 0)
        self.assertEqual(sampling.sample_size(7, 20, 20), 7)
        self.assertEqual(sampling.sample_size(19, 20, 20), 19)
        self.assertEqual(sampling.sample_size(20, 20, 20), 20)
        self.assertEqual(sampling.sample_size(99, 20, 20), 20)
        self.assertEqual(sampling.sample_size(100, 20, 20), 20)
        self.assertEqual(sampling.sample_size(101, 20, 20), 21)
        self.assertEqual(sampling.sample_size(1000, 20, 20), 200)

    def test_allocation_largest_remainder(self):
        self.assertEqual(sampling.largest_remainder([50, 30, 20], 10), [5, 3, 2])
        # quotas 3.5 / 1.0 / 0.5: the remainder tie goes to the larger stratum
        self.assertEqual(sampling.largest_remainder([7, 2, 1], 5), [4, 1, 0])
        # then at least one per non-empty stratum, taken from the stratum
        # furthest above its quota
        self.assertEqual(sampling.allocate([7, 2, 1], 5), [3, 1, 1])
        self.assertEqual(sum(sampling.allocate([97, 1, 1, 1], 4)), 4)
        self.assertEqual(sampling.allocate([97, 1, 1, 1], 4), [1, 1, 1, 1])

    @staticmethod
    def _frame(spec):
        """Frame rows from (building, use type, customer type, count)."""
        rows, unit = [], 0
        for building, use_type, customer_type, count in spec:
            for _i in range(count):
                unit += 1
                rows.append(
                    {
                        "unit": unit,
                        "building": building,
                        "use_type": use_type,
                        "customer_type": customer_type,
                    }
                )
        return rows

    def test_stratify_full(self):
        """Building × property type × customer type, proportional with at
        least one per stratum."""
        frame = self._frame(
            [
                (1, "residential", "", 60),
                (1, "commercial", "", 10),
                (2, "residential", "expert", 30),
            ]
        )
        strata, alloc, rule, full = sampling.stratify(frame, 20)
        self.assertEqual(rule, "full")
        self.assertEqual(full, 3)
        self.assertEqual(
            list(strata),
            [
                (1, "residential", ""),
                (1, "commercial", ""),
                (2, "residential", "expert"),
            ],
        )
        self.assertEqual(alloc, [12, 2, 6])

    def test_stratify_buildings_first(self):
        """More strata than n: by building; more buildings than n: some
        buildings get no household."""
        frame = self._frame(
            [
                (1, "residential", "", 5),
                (1, "commercial", "", 1),
                (1, "office", "x", 1),
                (2, "residential", "", 3),
            ]
        )
        strata, alloc, rule, full = sampling.stratify(frame, 2)
        self.assertEqual((rule, full), ("building", 4))
        self.assertEqual(list(strata), [(1, "", ""), (2, "", "")])
        self.assertEqual(alloc, [1, 1])
        strata, alloc, rule, _full = sampling.stratify(frame, 1)
        self.assertEqual(rule, "building_partial")
        self.assertEqual(alloc, [1, 0])

    def test_draw_seeded(self):
        """The same seed gives the same order; each stratum's order holds
        all its units, the sample being the first ``alloc`` of them."""
        frame = self._frame([(1, "residential", "", 40), (2, "residential", "", 20)])
        strata, rule, full = sampling.draw(frame, 12, "seed-a")
        self.assertEqual((rule, full), ("full", 2))
        self.assertEqual(
            [s["skey"] for s in strata], ["1|residential|", "2|residential|"]
        )
        self.assertEqual([s["alloc"] for s in strata], [8, 4])
        self.assertEqual(sorted(strata[0]["units"]), list(range(1, 41)))
        again, _rule, _full = sampling.draw(frame, 12, "seed-a")
        self.assertEqual([s["units"] for s in again], [s["units"] for s in strata])
        other, _rule, _full = sampling.draw(frame, 12, "seed-b")
        self.assertNotEqual(other[0]["units"], strata[0]["units"])
        self.assertEqual(
            strata[0]["units"],
            sampling.seeded_order("seed-a", "1|residential|", range(1, 41)),
        )


@tagged("post_install", "-at_install")
class TestSampling(PropertySurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.units_b1 = cls._households(cls.building_a, 60)
        cls.shops_b1 = cls._households(cls.building_a, 10, "commercial", "S")
        cls.units_b2 = cls._households(cls.building_a2, 30)

    def test_draw_frame_and_strata(self):
        """Frame = current households; strata = building × property type ×
        customer type; proportional allocation with one per stratum."""
        campaign = self._campaign()
        campaign.action_draw_sample()
        # 60 + 10 + 30 new households + unit 101 (owners) + 102 (tenant)
        self.assertEqual(campaign.frame_size, 102)
        self.assertEqual(campaign.sample_size, 21)
        samples = campaign.sample_ids
        self.assertEqual(len(samples), 21)
        self.assertEqual(campaign.strata_rule, "full")
        by_stratum = {}
        for sample in samples:
            by_stratum.setdefault(sample.stratum_key, 0)
            by_stratum[sample.stratum_key] += 1
        # the civil-servant owner of 101 is a stratum of its own
        self.assertEqual(campaign.strata_count, 4)
        self.assertEqual(sorted(by_stratum.values()), [1, 2, 6, 12])
        self.assertIn("seed fixed-seed", campaign.method_statement)
        self.assertFalse(samples.filtered(lambda s: s.project_id != self.project_a))

    def test_strata_outnumber_n(self):
        """More strata than n: buildings take precedence, and the method
        statement says so."""
        campaign = self._campaign(sample_rate=1.0, sample_min=2)
        campaign.action_draw_sample()
        self.assertEqual(campaign.sample_size, 2)
        self.assertEqual(campaign.strata_rule, "building")
        self.assertEqual(campaign.strata_count, 2)
        self.assertEqual(
            campaign.sample_ids.building_id, self.building_a | self.building_a2
        )
        self.assertIn("buildings take precedence", campaign.method_statement)
        campaign = self._campaign(sample_rate=0.5, sample_min=1, seed="other")
        campaign.action_draw_sample()
        self.assertEqual(campaign.strata_rule, "building_partial")
        self.assertEqual(len(campaign.sample_ids), 1)
        self.assertIn("some buildings", campaign.method_statement)

    def test_seed_reproducible(self):
        first = self._campaign()
        first.action_draw_sample()
        again = self._campaign()
        again.action_draw_sample()
        self.assertEqual(first.sample_ids.unit_id, again.sample_ids.unit_id)
        other = self._campaign(seed="another-seed")
        other.action_draw_sample()
        self.assertNotEqual(first.sample_ids.unit_id, other.sample_ids.unit_id)
        # redrawing a draft with its seed gives the same sample
        units = first.sample_ids.unit_id
        first.action_draw_sample()
        self.assertEqual(first.sample_ids.unit_id, units)

    def test_frozen_when_started(self):
        campaign = self._campaign()
        campaign.action_start()
        self.assertEqual(campaign.state, "running")
        self.assertTrue(campaign.date_drawn)
        with self.assertRaises(UserError):
            campaign.seed = "changed"
        with self.assertRaises(UserError):
            campaign.action_draw_sample()
        with self.assertRaises(UserError):
            campaign.project_ids = [Command.link(self.project_b.id)]
        with self.assertRaises(UserError):
            campaign.sample_ids[:1].unlink()

    def test_weights_sum_to_100(self):
        campaign = self._campaign()
        self.assertAlmostEqual(campaign.weight_total, 100.0)
        campaign.weight_ids[:1].weight += 5
        with self.assertRaises(UserError):
            campaign.action_start()

    def test_weights_frozen_once_started(self):
        """The weights of a running or closed campaign cannot change, not
        even record by record, and the form shows them read-only."""
        campaign = self._campaign()
        campaign.action_start()
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        manager = self.users["manager"]
        weight = campaign.weight_ids[:1].with_user(manager)
        with self.assertRaisesRegex(UserError, "frozen"):
            weight.weight = 50.0
        with self.assertRaisesRegex(UserError, "frozen"):
            weight.unlink()
        driver = self.env["property.survey.driver"].create(
            {"name": "Parking", "code": "parking_test"}
        )
        with self.assertRaisesRegex(UserError, "frozen"):
            self.env["property.survey.campaign.weight"].with_user(manager).create(
                {"campaign_id": campaign.id, "driver_id": driver.id}
            )
        arch = campaign.get_views([(False, "form")])["views"]["form"]["arch"]
        field = etree.fromstring(arch).xpath("//field[@name='weight_ids']")[0]
        self.assertEqual(field.get("readonly"), "state != 'draft'")

    def test_swaps(self):
        """Swaps only for recorded reasons, from the reserve of the same
        stratum in draw order, logged; never by the service centre."""
        campaign = self._campaign()
        campaign.action_start()
        # a stratum with a reserve (stratum keys start with a building id:
        # their text order depends on the ids, not on the reserves)
        draw = campaign.draw_order
        sample = campaign.sample_ids.filtered(
            lambda s: len(draw[s.stratum_key]["units"]) > draw[s.stratum_key]["alloc"]
        ).sorted("stratum_key")[-1]
        order = campaign.draw_order[sample.stratum_key]["units"]
        with self.assertRaises(UserError):
            sample.action_swap("unreachable")  # no attempts recorded
        with self.assertRaises(UserError):
            sample.action_swap("not-a-reason")
        with self.assertRaises(UserError):
            # staff of the surveyed centre do not even see the sample
            sample.with_user(self.manager).action_swap("vacant")
        with self.assertRaises(UserError):
            sample.with_user(self.manager).sudo()._check_swap_allowed("vacant")
        for _i in range(campaign.max_attempts):
            sample.action_log_attempt()
        replacement = sample.action_swap("unreachable", "three calls, no answer")
        self.assertEqual(sample.state, "swapped")
        self.assertEqual(replacement.stratum_key, sample.stratum_key)
        allocated = campaign.draw_order[sample.stratum_key]["alloc"]
        self.assertEqual(replacement.unit_id.id, order[allocated])
        self.assertEqual(replacement.replaces_id, sample)
        log = campaign.swap_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.reason, "unreachable")
        self.assertEqual(log.sample_in_id, replacement)
        # a reserve that is no longer a household is skipped
        moved = self.env["property.unit"].browse(order[allocated + 1])
        moved.partner_link_ids.write({"date_end": "2020-06-30"})
        second = replacement.action_swap("vacant")
        self.assertEqual(second.unit_id.id, order[allocated + 2])
        self.assertEqual(second.draw_rank, allocated + 3)
        self.assertEqual(len(campaign.swap_ids), 2)
        with self.assertRaises(UserError):
            log.unlink()
        self.assertEqual(campaign.sample_count, len(campaign.sample_ids) - 2)


@tagged("post_install", "-at_install")
class TestSamplingPerformance(PropertySurveyCommon):
    """The draw takes the same number of queries whatever the frame size."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Project = cls.env["property.project"]
        cls.small = Project.create({"name": "Small", "code": "SM"})
        cls.large = Project.create({"name": "Large", "code": "LG"})
        for project, count in ((cls.small, 25), (cls.large, 250)):
            building = cls.env["property.building"].create(
                {"name": "T1", "project_id": project.id}
            )
            cls._households(building, count, prefix=project.code)

    def test_draw_query_count_constant(self):
        warm = self._campaign(project_ids=[Command.set(self.small.ids)], seed="w")
        warm.action_draw_sample()
        small, large = (
            self._campaign(project_ids=[Command.set(project.ids)])
            for project in (self.small, self.large)
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        small.action_draw_sample()
        self.env.flush_all()
        queries = self.cr.sql_log_count - before
        self.assertLessEqual(queries, 20)
        # ten times the frame, the same number of queries
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            large.action_draw_sample()
            self.env.flush_all()
        self.assertEqual(len(small.sample_ids), 20)
        self.assertEqual(len(large.sample_ids), 50)
