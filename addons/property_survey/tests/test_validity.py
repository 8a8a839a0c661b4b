# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SIGNATURE, PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestValidity(PropertySurveyCommon):
    """Every invalidity rule of D-28, with its reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households(cls.building_a, 30)
        cls.campaign = cls._campaign(method="paper")
        cls.campaign.action_draw_sample()
        cls.campaign.sample_ids.surveyor_id = cls.surveyor
        cls.campaign.action_start()
        cls.questions = cls.campaign._rating_questions()
        # households of the large stratum (it has reserves)
        cls.samples = cls.campaign.sample_ids.filtered(lambda s: not s.customer_type)

    def _full(self, level=4):
        return dict.fromkeys(self.questions, level)

    def test_valid(self):
        answer = self._answer(self.samples[0], self._full())
        self.assertTrue(answer.property_is_valid, answer.property_invalid_reason)
        self.assertEqual(self.samples[0].response_state, "valid")

    def test_flagged_forged(self):
        answer = self._answer(self.samples[0], self._full())
        with self.assertRaises(UserError):
            answer.property_flag = "forged"
        answer.write({"property_flag": "forged", "property_flag_reason": "Same hand"})
        self.assertFalse(answer.property_is_valid)
        self.assertIn("Same hand", answer.property_invalid_reason)
        sample = self.samples[0]
        self.assertEqual(sample.response_state, "invalid")
        # an invalid questionnaire makes the household swappable
        replacement = sample.action_swap("invalid")
        self.assertEqual(replacement.stratum_key, sample.stratum_key)

    def test_too_few_answers(self):
        few = dict(list(self._full().items())[:5])
        answer = self._answer(self.samples[0], few)
        self.assertFalse(answer.property_is_valid)
        self.assertIn(
            "of the rating questions answered", answer.property_invalid_reason
        )

    def test_missing_signature_and_phone(self):
        answer = self._answer(self.samples[0], self._full(), collected=False)
        self.assertFalse(answer.property_is_valid)
        self.assertIn("signature is missing", answer.property_invalid_reason)
        self.assertIn("phone is missing", answer.property_invalid_reason)
        # online answers need neither
        online = self._answer(self.samples[1], self._full(), method="online")
        self.assertTrue(online.property_is_valid, online.property_invalid_reason)

    def test_signature_collected_later(self):
        """Recording the signature and phone after entering the card makes
        the questionnaire valid."""
        answer = self._answer(self.samples[0], self._full(), collected=False)
        self.assertFalse(answer.property_is_valid)
        self.samples[0].write(
            {"signature": SIGNATURE, "collected_phone": "13911112222"}
        )
        self.assertTrue(answer.property_is_valid, answer.property_invalid_reason)
        self.assertEqual(self.samples[0].response_state, "valid")

    def test_not_sampled(self):
        survey = self.campaign.survey_id.sudo()
        answer = survey._create_answer(
            partner=self.surveyor.partner_id,
            check_attempts=False,
            property_method="online",
        )
        answer._mark_done()
        self.assertEqual(answer.property_campaign_id, self.campaign)
        self.assertFalse(answer.property_is_valid)
        self.assertIn("not in the sample", answer.property_invalid_reason)

    def test_duplicate_household(self):
        first = self._answer(self.samples[0], self._full())
        second = self._answer(self.samples[0], self._full(5))
        self.assertTrue(first.property_is_valid)
        self.assertFalse(second.property_is_valid)
        self.assertIn("already received", second.property_invalid_reason)

    def test_outside_window(self):
        answer = self._answer(self.samples[0], self._full(), date="2027-02-01")
        self.assertFalse(answer.property_is_valid)
        self.assertIn("outside the campaign", answer.property_invalid_reason)

    def test_invalid_excluded_from_results(self):
        self._answer(self.samples[0], self._full(5))
        self._answer(self.samples[1], self._full(1), collected=False)
        self.campaign.action_compute_results()
        self.assertEqual(self.campaign.valid_count, 1)
        self.assertEqual(self.campaign.response_count, 2)
        self.assertAlmostEqual(self.campaign.overall_degree, 100.0)
