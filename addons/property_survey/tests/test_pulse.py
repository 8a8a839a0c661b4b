# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestPulseSurvey(PropertySurveyCommon):
    """Post-service pulse survey after closure, per category, respecting
    the one-contact rule, reported as its own series (D-29)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pulse = cls.env.ref("property_survey.survey_service_pulse")
        cls.category = cls.env.ref("property_cs.property_ticket_category_water_leak")
        cls.category.parent_id.pulse_survey_id = cls.pulse

    def _close(self, category=None):
        ticket = self.env["property.ticket"].create(
            {
                "name": "Tap",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "category_id": (category or self.category).id,
            }
        )
        ticket.action_done()
        ticket.action_close()
        return ticket

    def test_pulse_is_the_one_contact(self):
        self.company.property_satisfaction_channel = "survey"
        ticket = self._close()
        self.assertEqual(ticket.satisfaction_contact, "survey")
        answer = ticket.pulse_input_ids
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.survey_id, self.pulse)  # inherited from parent
        self.assertEqual(answer.partner_id, self.owner_a)
        self.assertTrue(answer.deadline)
        # no second contact: neither a rating nor a callback
        self.assertFalse(ticket._claim_satisfaction_contact("rating"))
        self.assertFalse(ticket._claim_satisfaction_contact("callback"))
        # reopening and closing again does not ask twice
        ticket.action_reopen()
        ticket.action_done()
        ticket.action_close()
        self.assertEqual(len(ticket.pulse_input_ids), 1)

    def test_no_pulse_when_rating_is_the_contact(self):
        self.company.property_satisfaction_channel = "rating"
        ticket = self._close()
        self.assertFalse(ticket.pulse_input_ids)

    def test_no_pulse_without_category_survey(self):
        self.company.property_satisfaction_channel = "survey"
        self.category.parent_id.pulse_survey_id = False
        ticket = self._close()
        self.assertFalse(ticket.pulse_input_ids)
        self.assertFalse(ticket.satisfaction_contact)

    def test_pulse_series_apart_from_campaigns(self):
        self.company.property_satisfaction_channel = "survey"
        ticket = self._close()
        answer = ticket.pulse_input_ids
        question = self.env.ref("property_survey.survey_pulse_question_solved")
        self.env["survey.user_input.line"].create(
            {
                "user_input_id": answer.id,
                "question_id": question.id,
                "answer_type": "scale",
                "value_scale": 4,
            }
        )
        answer._mark_done()
        self.assertFalse(answer.property_campaign_id)
        self.env.flush_all()
        rows = self.env["property.survey.pulse.report"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(len(rows), 1)
        self.assertAlmostEqual(rows.score, 75.0)
        self.assertEqual(rows.satisfied, 100.0)
        self.assertEqual(rows.category_id, self.category)
        # the company's satisfied levels apply: only the top level now
        self.company.property_survey_top_levels = 1
        self.env.flush_all()
        self.env.invalidate_all()
        rows = self.env["property.survey.pulse.report"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(rows.satisfied, 0.0)
