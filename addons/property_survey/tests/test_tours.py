# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE, PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyTours(PropertySurveyCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        owner = cls.env["res.partner"].create(
            {"name": "Tour Owner", "email": "tour.owner@example.com"}
        )
        cls.unit = cls.env["property.unit"].create(
            {"name": "T01", "building_id": cls.building_a2.id, "area": 80.0}
        )
        cls.env["property.unit.partner"].create(
            {
                "unit_id": cls.unit.id,
                "partner_id": owner.id,
                "role": "owner",
                "date_start": "2020-01-01",
            }
        )
        driver = cls.env.ref("property_survey.driver_customer_service")
        scale = {"question_type": "scale", "scale_min": 1, "scale_max": 5}
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Tour questionnaire",
                "questions_layout": "one_page",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        dict(scale, title="Tour courtesy", property_driver_id=driver.id)
                    ),
                    Command.create(
                        dict(scale, title="Tour response", property_driver_id=driver.id)
                    ),
                    Command.create(
                        dict(scale, title="Tour overall", property_is_overall=True)
                    ),
                    Command.create(
                        {"title": "Tour improve", "question_type": "text_box"}
                    ),
                ],
            }
        )
        today = "2026-01-01"
        cls.campaign = cls._campaign(
            survey_id=cls.survey.id,
            building_ids=[Command.set(cls.building_a2.ids)],
            date_start=today,
            date_end="2099-12-31",
        )
        cls.campaign.action_draw_sample()
        cls.sample = cls.campaign.sample_ids
        cls.campaign.action_start()

    def test_surveyor_enters_paper_questionnaire(self):
        self.sample.write(
            {
                "method": "paper",
                "surveyor_id": self.surveyor.id,
                "signature": SIGNATURE,
            }
        )
        self.start_tour(
            "/odoo/action-property_survey.property_survey_sample_action",
            "property_survey_paper_tour",
            login=self.surveyor.login,
        )
        answer = self.sample.user_input_ids
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.partner_id, self.surveyor.partner_id)
        self.assertEqual(answer.property_respondent_id.name, "Tour Owner")
        self.assertEqual(self.sample.collected_phone, "13911112222")
        self.assertTrue(answer.property_is_valid, answer.property_invalid_reason)
        self.assertIn(
            "Repaint the lobby", answer.user_input_line_ids.mapped("value_text_box")
        )

    def test_owner_answers_online_with_token(self):
        self.sample.method = "online"
        answer = self.sample.action_send_invitation()
        self.assertEqual(answer.partner_id.name, "Tour Owner")
        self.assertEqual(answer.deadline.date().isoformat(), "2099-12-31")
        self.start_tour(answer.get_start_url(), "property_survey_online_tour")
        self.assertEqual(answer.state, "done")
        self.assertTrue(answer.property_is_valid, answer.property_invalid_reason)
        self.campaign.action_compute_results()
        self.assertAlmostEqual(self.campaign.overall_degree, 37.5)
