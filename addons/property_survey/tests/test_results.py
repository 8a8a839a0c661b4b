# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from ..models import survey_statistics as stats
from .common import PropertySurveyResultsCommon


@tagged("post_install", "-at_install")
class TestResults(PropertySurveyResultsCommon):
    """Figures of the hand-computed fixture (see PropertySurveyResultsCommon)."""

    def test_degree_rate_alpha(self):
        self._fixture()
        a, b, overall = self._row(self.driver_a), self._row(self.driver_b), self._row()
        self.assertAlmostEqual(a.degree, 200 / 3, places=2)
        self.assertAlmostEqual(a.rate, 200 / 3, places=2)
        self.assertAlmostEqual(b.degree, 175 / 3, places=2)
        self.assertAlmostEqual(b.rate, 100 / 3, places=2)
        self.assertAlmostEqual(overall.degree, 190 / 3, places=2)
        self.assertAlmostEqual(overall.rate, 200 / 3, places=2)
        # degree and rate are different measures (D-29)
        self.assertNotAlmostEqual(overall.degree, overall.rate, places=1)
        self.assertTrue(a.has_alpha)
        self.assertAlmostEqual(a.alpha, 10 / 13, places=3)
        self.assertFalse(b.has_alpha)  # a single-question driver
        self.assertEqual(overall.valid_count, 3)
        self.assertAlmostEqual(self.campaign.overall_degree, 190 / 3, places=2)
        self.assertEqual(self.campaign.valid_count, 3)
        self.assertEqual(self.campaign.response_count, 3)
        self.assertAlmostEqual(
            self.campaign.response_rate, 300 / self.campaign.sample_count, places=2
        )
        self.assertFalse(self.campaign.min_sample_met)
        self.assertFalse(self.campaign.target_met)  # 66.7 % < 80 %
        # by building and by project
        self.assertEqual(self._row(dimension="project").project_id, self.project_a)
        self.assertAlmostEqual(self._row(dimension="project").degree, 190 / 3, places=2)

    def test_driver_classification(self):
        self._fixture()
        a, b = self._row(self.driver_a), self._row(self.driver_b)
        self.assertEqual(a.importance_source, "correlation")
        self.assertAlmostEqual(a.importance, -0.7206, places=3)
        self.assertAlmostEqual(b.importance, 0.9820, places=3)
        self.assertEqual(a.classification, "maintain")
        self.assertEqual(b.classification, "priority")
        known = {
            "a": (0.9, 80.0),
            "b": (0.8, 50.0),
            "c": (0.2, 90.0),
            "d": (0.1, 40.0),
        }
        self.assertEqual(
            stats.classify(known),
            {"a": "strength", "b": "priority", "c": "maintain", "d": "low_priority"},
        )

    def test_statistics_helpers(self):
        self.assertAlmostEqual(stats.level_score(4, 5), 75.0)
        self.assertAlmostEqual(stats.level_score(8, 10), 700 / 9)
        self.assertAlmostEqual(
            stats.cronbach_alpha([[5, 4], [4, 4], [2, 3]]), 10 / 13, places=6
        )
        self.assertIsNone(stats.cronbach_alpha([[3, 3], [3, 3]]))
        self.assertIsNone(stats.correlation([1, 2], [1, 2]))

    def test_trend_and_actioned_driver(self):
        """The next campaign shows the change of actioned drivers."""
        self._fixture()
        self.env["property.survey.action"].create(
            {
                "name": "Faster repairs",
                "campaign_id": self.campaign.id,
                "driver_id": self.driver_b.id,
                "date_deadline": "2026-12-31",
            }
        ).action_done()
        self.campaign.action_close()
        nxt = self._campaign(
            name="Owner satisfaction 2027",
            date_start="2027-01-01",
            date_end="2027-12-31",
            survey_id=self.survey.id,
            method="paper",
            seed="2027",
        )
        self.assertEqual(nxt.previous_campaign_id, self.campaign)
        for weight in nxt.weight_ids:
            weight.weight = 60.0 if weight.driver_id == self.driver_a else 40.0
        nxt.action_start()
        for sample in nxt.sample_ids[:2]:
            self._answer(
                sample,
                {self.q["A1"]: 4, self.q["A2"]: 4, self.q["B1"]: 5, self.q["O"]: 5},
                date="2027-03-01",
            )
        nxt.action_compute_results()
        b = nxt.result_ids.filtered(
            lambda r: r.dimension == "overall" and r.driver_id == self.driver_b
        )
        self.assertTrue(b.actioned)
        self.assertTrue(b.has_previous)
        self.assertAlmostEqual(b.trend, 100 - 175 / 3, places=2)
        a = nxt.result_ids.filtered(
            lambda r: r.dimension == "overall" and r.driver_id == self.driver_a
        )
        self.assertFalse(a.actioned)

    def test_open_answers_tag_and_action(self):
        self._fixture()
        line = self.env["survey.user_input.line"].search(
            [
                ("property_campaign_id", "=", self.campaign.id),
                ("answer_type", "=", "text_box"),
            ],
            limit=1,
        )
        tag = self.env["property.survey.tag"].create({"name": "Lifts"})
        line.property_tag_ids = [Command.link(tag.id)]
        action = line.action_create_improvement()
        self.assertEqual(action["context"]["default_line_id"], line.id)
        improvement = (
            self.env["property.survey.action"]
            .with_context(**action["context"])
            .create({"date_deadline": "2026-09-30"})
        )
        self.assertEqual(improvement.open_answer, "More lift cleaning")
        self.assertEqual(improvement.state, "open")

    def test_raw_data_export_is_anonymous(self):
        self._fixture()
        self.campaign.action_close()
        header, rows = self.campaign._raw_data_rows()
        self.assertEqual(len(rows), 3)
        self.assertIn("A1", header)
        flat = repr(rows)
        for sample in self.campaign.sample_ids:
            self.assertNotIn(sample.respondent_name, flat)
            self.assertNotIn(sample.unit_name, flat)
        self.assertNotIn("More lift cleaning", flat)
        action = self.campaign.action_export_raw_data()
        self.assertIn("/web/content/", action["url"])

    def test_target_missed_alert(self):
        """Closing below the target schedules an activity for the manager
        (automation rule)."""
        self._fixture()
        self.campaign.action_close()
        self.assertFalse(self.campaign.target_met)
        activity = self.campaign.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head_office)
        self.assertIn("66.7", activity.summary)
