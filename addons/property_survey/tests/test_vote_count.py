# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.property_survey.models import vote_arithmetic as arith

from .vote_common import AFTER, DURING, OPEN_AT, VOTE_END, PropertyVoteCommon


@tagged("post_install", "-at_install")
class TestVoteArithmetic(TransactionCase):
    """The exact arithmetic: integers, no float error at the boundaries."""

    def test_meets_exact_fractions(self):
        """Exactly 2/3 and 3/4 reach "at least"; exactly 1/2 does not reach
        "more than 1/2"; a whole of zero reaches nothing."""
        self.assertTrue(arith.meets(20000, 30000, 2, 3))
        self.assertFalse(arith.meets(20000, 30001, 2, 3))
        self.assertTrue(arith.meets(2, 3, 2, 3))
        self.assertTrue(arith.meets(30000, 40000, 3, 4))
        self.assertFalse(arith.meets(30000, 40001, 3, 4))
        self.assertFalse(arith.meets(20000, 40000, 1, 2, strict=True))
        self.assertTrue(arith.meets(20001, 40001, 1, 2, strict=True))
        self.assertFalse(arith.meets(0, 0, 1, 2))
        # the float way gets this one wrong: 0.7 * 3 = 2.0999999999999996
        self.assertTrue(arith.meets(arith.to_cents(0.7) * 3, 210, 1, 1))

    def test_cents_and_labels(self):
        """Areas become exact hundredths; the shown arithmetic rounds for
        display only."""
        self.assertEqual(arith.to_cents(158.44), 15844)
        self.assertEqual(arith.to_cents(0.1 + 0.2), 30)
        self.assertEqual(arith.to_cents(12345.67), 1234567)
        self.assertEqual(arith.format_area(1234567), "12,345.67")
        self.assertEqual(arith.format_percent(arith.percent(20000, 30001)), "66.66%")
        self.assertEqual(arith.format_percent(arith.percent(2, 3)), "66.67%")
        # next to a threshold, enough decimals not to show the threshold's
        # own figure for a share that misses it
        self.assertEqual(str(arith.threshold_percent(30000, 40001, 3, 4)), "74.998")
        self.assertEqual(str(arith.threshold_percent(2, 3, 2, 3)), "66.67")
        self.assertEqual(str(arith.threshold_percent(20000, 30001, 2, 3)), "66.66")
        self.assertEqual(arith.fraction_label(2, 3), "≥ 2/3")
        self.assertEqual(arith.fraction_label(1, 2, True), "> 1/2")
        self.assertEqual(arith.comparison_sign(True), "≥")
        self.assertEqual(arith.comparison_sign(False), "<")
        self.assertEqual(arith.comparison_sign(True, True), ">")
        self.assertEqual(arith.comparison_sign(False, True), "≤")


@tagged("post_install", "-at_install")
class TestVoteCount(PropertyVoteCommon):
    """Hand-computed fixtures of the count: thresholds of each matter type
    at their exact boundaries, the headcount rules, the ballots that count,
    the close lock, the publication and the printed result."""

    # ------------------------------------------------------------------
    # matter types
    # ------------------------------------------------------------------
    def test_matter_types_shipped(self):
        """The shipped matter types carry the Civil Code's thresholds."""
        special = self.env["property.vote.matter.type"].search(
            [("kind", "=", "special")]
        )
        ordinary = self.env["property.vote.matter.type"].search(
            [("kind", "=", "ordinary")]
        )
        self.assertGreaterEqual(len(special), 4)
        self.assertGreaterEqual(len(ordinary), 6)
        for matter in special | ordinary:
            self.assertEqual(matter.quorum_label, "≥ 2/3")
        self.assertEqual(set(special.mapped("majority_label")), {"≥ 3/4"})
        self.assertEqual(set(ordinary.mapped("majority_label")), {"> 1/2"})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.use_fund.quorum_numerator = 4

    def test_thresholds_frozen_at_opening(self):
        """Editing a matter type does not change an opened vote."""
        units, owners = self._units([100.0, 100.0, 100.0])
        vote = self._open(self._vote(scrutineers=owners[0]))
        self.use_fund.write({"majority_numerator": 2, "majority_denominator": 3})
        self.assertEqual(vote.majority_label, "> 1/2")
        with self.assertRaises(UserError):
            vote.matter_type_id = self.raise_fund
        with self.assertRaises(UserError):
            vote.headcount_rule = "per_part"

    # ------------------------------------------------------------------
    # quorum
    # ------------------------------------------------------------------
    def test_quorum_exactly_two_thirds_passes(self):
        """3 units of 100 m², 3 owners; 2 vote for: 200/300 m² = 2/3 and
        2/3 owners exactly → quorum reached; 200/200 in favour → passed."""
        units, owners = self._units([100.0, 100.0, 100.0])
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", None])
        self.assertEqual(vote.total_area, 300.0)
        self.assertEqual(vote.total_headcount, 3)
        self.assertEqual(vote.participation_area, 200.0)
        self.assertEqual(vote.participation_headcount, 2)
        self.assertTrue(vote.quorum_area_met)
        self.assertTrue(vote.quorum_headcount_met)
        self.assertEqual(vote.result_state, "passed")
        self.assertTrue(vote.is_passed)
        self.assertIn(
            "participating area 200.00 m² / total area 300.00 m² = 66.67% ≥ 2/3: "
            "reached",
            vote.result_text,
        )
        self.assertIn(
            "participating owners 2 / total owners 3 = 66.67% ≥ 2/3", vote.result_text
        )

    def test_quorum_area_just_under_two_thirds_fails(self):
        """100 + 100 of 300.01 m² take part: 20000 × 3 < 2 × 30001 → no
        quorum, although 2/3 of the owners took part."""
        units, owners = self._units([100.0, 100.0, 100.01])
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", None])
        self.assertFalse(vote.quorum_area_met)
        self.assertTrue(vote.quorum_headcount_met)
        self.assertEqual(vote.result_state, "no_quorum")
        self.assertFalse(vote.is_passed)
        self.assertIn(
            "participating area 200.00 m² / total area 300.01 m² = 66.66% < 2/3: "
            "not reached",
            vote.result_text,
        )

    def test_quorum_headcount_under_two_thirds_fails(self):
        """Owners of 300 + 10 of 330 m² vote (93.9 % of the area) but they
        are 2 of 4 owners: no quorum."""
        units, owners = self._units([300.0, 10.0, 10.0, 10.0])
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", None, None])
        self.assertTrue(vote.quorum_area_met)
        self.assertFalse(vote.quorum_headcount_met)
        self.assertEqual(vote.result_state, "no_quorum")

    # ------------------------------------------------------------------
    # majorities
    # ------------------------------------------------------------------
    def test_special_exactly_three_quarters_passes(self):
        """Raising the fund, 4 × 100 m², all vote, 3 for: 300/400 m² and 3/4
        owners, exactly three quarters → passed."""
        units, owners = self._units([100.0] * 4)
        vote = self._run(self.raise_fund, units, owners, ["yes", "yes", "yes", "no"])
        self.assertEqual(vote.yes_area, 300.0)
        self.assertEqual(vote.no_area, 100.0)
        self.assertEqual(vote.yes_headcount, 3)
        self.assertEqual(vote.no_headcount, 1)
        self.assertTrue(vote.majority_area_met)
        self.assertTrue(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "passed")
        self.assertIn(
            "area in favour 300.00 m² / participating area 400.00 m² = 75.00% ≥ "
            "3/4: reached",
            vote.result_text,
        )

    def test_special_just_under_three_quarters_fails(self):
        """The owner against holds 100.01 m²: 300/400.01 is under 3/4 by
        area (3/4 of the owners still) → rejected."""
        units, owners = self._units([100.0, 100.0, 100.0, 100.01])
        vote = self._run(self.raise_fund, units, owners, ["yes", "yes", "yes", "no"])
        self.assertFalse(vote.majority_area_met)
        self.assertTrue(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "rejected")
        # 74.998 %: two decimals would show the threshold's own 75.00 %
        self.assertIn(
            "area in favour 300.00 m² / participating area 400.01 m² = 74.998% < "
            "3/4: not reached",
            vote.result_text,
        )

    def test_ordinary_exactly_half_fails(self):
        """Using the fund, 4 × 100 m², 2 for and 2 against: exactly half of
        the area and of the owners is not more than half → rejected."""
        units, owners = self._units([100.0] * 4)
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", "no", "no"])
        self.assertFalse(vote.majority_area_met)
        self.assertFalse(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "rejected")
        self.assertIn("= 50.00% ≤ 1/2: not reached", vote.result_text)

    def test_ordinary_just_over_half_passes(self):
        """For: 100 + 50 + 50.01 = 200.01 m² of 400.01, 3 of 5 owners: just
        over half by area and by headcount → passed."""
        units, owners = self._units([100.0, 50.0, 50.01, 100.0, 100.0])
        choices = ["yes", "yes", "yes", "no", "no"]
        vote = self._run(self.use_fund, units, owners, choices)
        self.assertEqual(vote.yes_area, 200.01)
        self.assertTrue(vote.majority_area_met)
        self.assertTrue(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "passed")
        self.assertIn(
            "area in favour 200.01 m² / participating area 400.01 m² = 50.001% > "
            "1/2: reached",
            vote.result_text,
        )
        self.assertIn(
            "owners in favour 3 / participating owners 5 = 60.00% > 1/2: reached",
            vote.result_text,
        )

    def test_ordinary_exactly_half_by_area_fails(self):
        """For: 100 + 50 + 50 = 200 m² of 400, 3 of 5 owners: exactly half
        of the area is not more than half → rejected although 3/5 of the
        owners are for."""
        units, owners = self._units([100.0, 50.0, 50.0, 100.0, 100.0])
        choices = ["yes", "yes", "yes", "no", "no"]
        vote = self._run(self.use_fund, units, owners, choices)
        self.assertFalse(vote.majority_area_met)
        self.assertTrue(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "rejected")

    def test_abstentions_take_part_but_are_not_for(self):
        """3 × 100 m²: one for, one abstains → quorum reached (2/3), half for
        is not more than half → rejected."""
        units, owners = self._units([100.0] * 3)
        vote = self._run(self.use_fund, units, owners, ["yes", "abstain", None])
        self.assertTrue(vote.quorum_met)
        self.assertEqual(vote.abstain_area, 100.0)
        self.assertEqual(vote.abstain_headcount, 1)
        self.assertEqual(vote.result_state, "rejected")

    # ------------------------------------------------------------------
    # headcount rules
    # ------------------------------------------------------------------
    def _buyer_fixture(self):
        """Buyer B owns 3 units, C and D one each (5 × 100 m²)."""
        Partner = self.env["res.partner"]
        buyer, owner_c, owner_d = Partner.create(
            [{"name": "Buyer B"}, {"name": "Owner C"}, {"name": "Owner D"}]
        )
        return self._units([100.0] * 5, owners=[buyer, buyer, buyer, owner_c, owner_d])

    def test_buyer_of_several_units_counts_once(self):
        """buyer_once: owners = B, C, D (3). B for on 3 units, C against:
        2/3 owners take part, 1 of 2 for is not more than half → rejected
        by headcount although 300/400 m² are for."""
        units, owners = self._buyer_fixture()
        choices = ["yes", "yes", "yes", "no", None]
        vote = self._run(self.use_fund, units, owners, choices)
        self.assertEqual(vote.headcount_rule, "buyer_once")
        self.assertEqual(vote.total_headcount, 3)
        self.assertEqual(vote.participation_headcount, 2)
        self.assertEqual(vote.yes_headcount, 1)
        self.assertTrue(vote.majority_area_met)
        self.assertFalse(vote.majority_headcount_met)
        self.assertEqual(vote.result_state, "rejected")
        keys = vote.elector_ids.mapped("voter_key")
        self.assertEqual(len(set(keys)), 3)

    def test_per_part_setting_counts_each_unit(self):
        """per_part (project setting): owners = units = 5; 4 take part, 3 of
        4 for → passed."""
        self.vote_project.property_vote_headcount_rule = "per_part"
        units, owners = self._buyer_fixture()
        choices = ["yes", "yes", "yes", "no", None]
        vote = self._run(self.use_fund, units, owners, choices)
        self.assertEqual(vote.headcount_rule, "per_part")
        self.assertEqual(vote.total_headcount, 5)
        self.assertEqual(vote.participation_headcount, 4)
        self.assertEqual(vote.yes_headcount, 3)
        self.assertEqual(vote.result_state, "passed")

    def test_owner_with_split_ballots_counts_as_abstaining(self):
        """Buyer B votes for on two units and against on the third: B takes
        part once and counts as abstaining in the headcount; each unit's area
        counts for its own choice."""
        units, owners = self._buyer_fixture()
        vote = self._run(
            self.use_fund, units, owners, ["yes", "yes", "no", "yes", "yes"]
        )
        self.assertEqual(vote.participation_headcount, 3)
        self.assertEqual(vote.yes_headcount, 2)
        self.assertEqual(vote.abstain_headcount, 1)
        self.assertEqual(vote.yes_area, 400.0)
        self.assertEqual(vote.no_area, 100.0)
        self.assertIn("1 owners counted once voted differently", vote.result_text)

    def test_developer_units_count_as_one(self):
        """Two undelivered units (one already sold), one delivered unit the
        developer still owns, and two owners' units: the developer's three
        units are one owner (3 owners in all) and only the developer votes
        for them."""
        Partner = self.env["res.partner"]
        buyer, owner_e, owner_f = Partner.create(
            [
                {"name": "Buyer Not Handed Over"},
                {"name": "Owner E"},
                {"name": "Owner F"},
            ]
        )
        undelivered, _owners = self._units(
            [80.0, 90.0], owners=[None, buyer], handover=False
        )
        unsold, _owners = self._units([70.0], owners=[self.developer])
        units, owners = self._units([100.0, 100.0], owners=[owner_e, owner_f])
        vote = self._open(self._vote(scrutineers=owner_e))
        developer_electors = vote.elector_ids.filtered("is_developer")
        self.assertEqual(developer_electors.unit_id, undelivered | unsold)
        self.assertEqual(set(developer_electors.mapped("voter_key")), {"developer"})
        self.assertEqual(developer_electors.owner_partner_ids, self.developer)
        self.assertEqual(vote.total_headcount, 3)
        self.assertEqual(vote.total_area, 440.0)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._cast(vote, [(undelivered[1], buyer, "yes")])
        self._cast(
            vote,
            [
                (undelivered[0], self.developer, "yes"),
                (undelivered[1], self.developer, "yes"),
                (units[0], owner_e, "yes"),
            ],
        )
        self._close(vote)
        # 80 + 90 + 100 = 270 of 440 m² (61.36 %) → no quorum by area;
        # 2 of 3 owners (the developer once) → quorum by headcount
        self.assertEqual(vote.participation_headcount, 2)
        self.assertEqual(vote.yes_headcount, 2)
        self.assertEqual(vote.participation_area, 270.0)
        self.assertTrue(vote.quorum_headcount_met)
        self.assertFalse(vote.quorum_area_met)

    def test_coowners_cast_one_ballot_last_counts(self):
        """any_last: either co-owner casts the unit's ballot, a change by the
        other replaces it (the last counts), a second ballot for the unit is
        refused; a tenant cannot vote."""
        Partner = self.env["res.partner"]
        owner, co_owner, other, tenant = Partner.create(
            [
                {"name": "Wu"},
                {"name": "Wu's spouse"},
                {"name": "Neighbour"},
                {"name": "Tenant"},
            ]
        )
        units, owners = self._units([100.0, 100.0], owners=[owner | co_owner, other])
        self.env["property.unit.partner"].create(
            {
                "unit_id": units[1].id,
                "partner_id": tenant.id,
                "role": "tenant",
                "date_start": "2024-01-01",
            }
        )
        vote = self._open(self._vote(scrutineers=other))
        ballot = self._cast(vote, [(units[0], co_owner, "no")])
        with freeze_time(DURING):
            ballot.sudo().write({"partner_id": owner.id, "choice": "yes"})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self._cast(vote, [(units[0], owner, "no")])
                self.env.flush_all()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._cast(vote, [(units[1], tenant, "yes")])
        self._close(vote)
        self.assertEqual(vote.yes_area, 100.0)
        self.assertEqual(vote.no_area, 0.0)
        self.assertEqual(vote.ballot_valid_count, 1)

    def test_representative_rule(self):
        """representative: only the co-owner flagged as the unit's vote
        representative casts its ballot."""
        self.vote_project.property_vote_coowner_rule = "representative"
        Partner = self.env["res.partner"]
        owner, co_owner, other = Partner.create(
            [{"name": "Zhou"}, {"name": "Zhou's spouse"}, {"name": "Neighbour"}]
        )
        units, owners = self._units([100.0, 100.0], owners=[owner | co_owner, other])
        units[0].partner_link_ids.filtered(
            lambda link: link.partner_id == co_owner
        ).is_vote_representative = True
        vote = self._open(self._vote(scrutineers=other))
        elector = vote._elector_for(units[0])
        self.assertEqual(elector.representative_partner_id, co_owner)
        self.assertEqual(vote._electors_of(owner), self.env["property.vote.elector"])
        self.assertEqual(vote._electors_of(co_owner), elector)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._cast(vote, [(units[0], owner, "yes")])
        self._cast(vote, [(units[0], co_owner, "yes")])
        # without a flag, the owner listed first represents the unit
        self.assertEqual(vote._elector_for(units[1]).representative_partner_id, other)

    # ------------------------------------------------------------------
    # what counts, and when
    # ------------------------------------------------------------------
    def test_void_and_draft_ballots_not_counted(self):
        """Only "valid" ballots count: a ballot to confirm and a void ballot
        are listed in the counts but weigh nothing."""
        units, owners = self._units([100.0] * 3)
        vote = self._open(self._vote(scrutineers=owners[0]))
        self._cast(vote, [(units[0], owners[0], "yes")])
        self._cast(vote, [(units[1], owners[1], "yes")], state="draft")
        self._cast(vote, [(units[2], owners[2], "yes")], state="void")
        self._close(vote)
        self.assertEqual(vote.participation_area, 100.0)
        self.assertEqual(vote.participation_headcount, 1)
        self.assertEqual(vote.ballot_valid_count, 1)
        self.assertEqual(vote.ballot_draft_count, 1)
        self.assertEqual(vote.ballot_void_count, 1)
        self.assertEqual(vote.result_state, "no_quorum")

    def test_choices_hidden_while_open(self):
        """While voting runs the vote shows participation only: no choice,
        no majority, no verdict; they appear once closed."""
        units, owners = self._units([100.0] * 3)
        vote = self._open(self._vote(scrutineers=owners[0]))
        self._cast(vote, [(units[0], owners[0], "yes"), (units[1], owners[1], "yes")])
        vote.invalidate_recordset()
        self.assertTrue(vote.results_hidden)
        self.assertEqual(vote.participation_area, 200.0)
        self.assertTrue(vote.quorum_met)
        self.assertEqual(vote.yes_area, 0.0)
        self.assertEqual(vote.yes_headcount, 0)
        self.assertEqual(vote.result_state, "pending")
        self.assertNotIn("in favour", vote.result_text)
        # the scrutineers' tally (portal pages check the scrutineer first)
        self.assertEqual(vote._count_result()["yes_area"], 20000)
        self._close(vote)
        self.assertEqual(vote.yes_area, 200.0)
        self.assertEqual(vote.result_state, "passed")

    def test_no_change_after_close(self):
        """After the close no ballot is cast, changed or deleted, even as
        superuser; the matter and the period are frozen; past the end the
        portal is refused while late paper entry is still allowed."""
        units, owners = self._units([100.0] * 3)
        vote = self._open(self._vote(scrutineers=owners[0]))
        ballot = self._cast(vote, [(units[0], owners[0], "yes")])
        with freeze_time(OPEN_AT), self.assertRaises(UserError):
            vote._check_vote_open()  # not started yet
        with freeze_time("2026-03-10 11:00:00"):
            with self.assertRaises(UserError):
                vote._check_vote_open()
            self.assertTrue(vote._check_vote_open(allow_late_entry=True))
        with freeze_time("2026-03-10 09:00:00"), self.assertRaises(UserError):
            vote.action_close()
        with freeze_time(DURING):
            vote.date_end = "2026-03-12 10:00:00"  # extended while open
            with self.assertRaises(UserError):
                vote.date_end = VOTE_END  # never shortened
        with freeze_time("2026-03-12 11:00:00"):
            vote.action_close()
        self.assertEqual(vote.state, "closed")
        with freeze_time(AFTER):
            with self.assertRaises(UserError):
                vote._check_vote_open(allow_late_entry=True)
            with self.assertRaises(UserError):
                ballot.sudo().write({"choice": "no"})
            with self.assertRaises(UserError):
                ballot.sudo().unlink()
            with self.assertRaises(UserError):
                self.env["property.vote.ballot"].sudo().create(
                    {
                        "vote_id": vote.id,
                        "unit_id": units[1].id,
                        "partner_id": owners[1].id,
                        "choice": "yes",
                        "state": "valid",
                    }
                )
            with self.assertRaises(UserError):
                vote.date_end = "2026-03-20 10:00:00"
            with self.assertRaises(UserError):
                vote.name = "Another matter"
            with self.assertRaises(UserError):
                vote.unlink()
        self.assertEqual(ballot.choice, "yes")

    def test_open_checks(self):
        """A vote opens with a future end and a scrutineer who is a committee
        member or an owner of the project, never staff; only project
        managers run the workflow; the state is not written directly."""
        units, owners = self._units([100.0] * 2)
        # a staff member who owns a unit is still staff
        self._units([50.0], owners=[self.agent.partner_id])
        vote = self._vote()
        with freeze_time(OPEN_AT), self.assertRaises(UserError):
            vote.action_open()  # no scrutineer
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            vote.scrutineer_ids = [Command.set(self.owner_b.ids)]  # other project
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            vote.scrutineer_ids = [Command.set(self.agent.partner_id.ids)]
        vote.scrutineer_ids = [Command.set(owners[0].ids)]
        with freeze_time(AFTER), self.assertRaises(UserError):
            vote.action_open()  # closing time already past
        with freeze_time(OPEN_AT), self.assertRaises(UserError):
            vote.with_user(self.agent).action_open()
        with self.assertRaises(UserError):
            vote.with_user(self.agent).write({"state": "open"})
        with freeze_time(OPEN_AT):
            vote.with_user(self.manager).action_open()
        self.assertEqual(vote.state, "open")
        self.assertEqual(vote.elector_count, 3)

    # ------------------------------------------------------------------
    # publication and printed result
    # ------------------------------------------------------------------
    def test_publish_notice_thirty_days(self):
        """Publishing creates the project's result notice, on display from
        today for 30 days (the project's setting: 45 gives 45, under 30 is
        refused)."""
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.vote_project.property_vote_display_days = 29
        units, owners = self._units([100.0] * 3)
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", None])
        with freeze_time(AFTER):
            vote.with_user(self.manager).action_publish()
        notice = vote.notice_id
        self.assertEqual(vote.state, "published")
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.project_id, self.vote_project)
        self.assertEqual(
            notice.category_id,
            self.env.ref("property_survey.property_notice_category_vote_result"),
        )
        self.assertEqual(notice.date_from, date(2026, 3, 11))
        self.assertEqual(notice.date_until, date(2026, 3, 11) + timedelta(days=30))
        body = str(notice.body)
        self.assertIn(units[0].complete_name, body)
        self.assertNotIn(units[2].complete_name, body)
        self.assertIn("66.67% ≥ 2/3", body)
        self.assertNotIn(owners[0].name, body)  # the scrutineer is not named
        with self.assertRaises(UserError):
            vote.action_publish()  # once

        self.vote_project.property_vote_display_days = 45
        units, owners = self._units([100.0] * 3)
        vote = self._run(self.use_fund, units, owners, ["yes", "yes", None], name="B")
        with freeze_time(AFTER):
            vote.action_publish()
        self.assertEqual(
            vote.notice_id.date_until, date(2026, 3, 11) + timedelta(days=45)
        )

    def test_report_html(self):
        """The printed result lists the units that took part by number, the
        figures and the arithmetic, names the scrutineers, and carries no
        phone or identity number nor any unit's choice."""
        units, owners = self._units([100.0, 100.0, 100.0])
        owners[1].write({"mobile": "13912345678", "phone": "0571-86001234"})
        owners[1].id_number = "110101199003071234"
        vote = self._run(self.use_fund, units, owners, ["yes", "no", None])
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_survey.property_vote_result_report", vote.ids
        )[0]
        html = html.decode() if isinstance(html, bytes) else str(html)
        self.assertIn("Result of the Owners' Vote", html)
        self.assertIn(units[0].complete_name, html)
        self.assertIn(units[1].complete_name, html)
        self.assertNotIn(units[2].complete_name, html)
        self.assertIn("200.00 m² / total area 300.00 m² = 66.67% ≥ 2/3", html)
        self.assertIn(owners[0].name, html)  # the scrutineer signs
        for secret in ("13912345678", "0571-86001234", "110101199003071234"):
            self.assertNotIn(secret, html)
        self.assertNotIn(owners[1].name, html)

    def test_report_hidden_while_open(self):
        """Printed while voting runs, the result shows no figures."""
        units, owners = self._units([100.0, 100.0, 100.0])
        vote = self._open(self._vote(scrutineers=owners[0]))
        self._cast(vote, [(units[1], owners[1], "no")])
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_survey.property_vote_result_report", vote.ids
        )[0]
        html = html.decode() if isinstance(html, bytes) else str(html)
        self.assertIn("The result is shown once voting is closed.", html)
        self.assertNotIn(units[1].complete_name, html)
