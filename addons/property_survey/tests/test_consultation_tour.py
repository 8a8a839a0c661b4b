# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestConsultationTour(HttpCase):
    """The shipped owner (owner1, in Chinese, no email) answers a
    consultation of their building in the portal, through Odoo survey's own
    pages."""

    def test_owner_answers_in_the_portal(self):
        owner1 = self.env.ref("property_cs.demo_user_owner1", raise_if_not_found=False)
        if not owner1:
            self.skipTest("the tour runs on the demo data")
        survey = self.env["survey.survey"].create(
            {
                "title": "Tour consultation",
                "access_mode": "token",
                "users_login_required": True,
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Tour question",
                            "question_type": "simple_choice",
                            "constr_mandatory": True,
                            "suggested_answer_ids": [
                                Command.create({"value": "Tour agree"}),
                                Command.create({"value": "Tour disagree"}),
                            ],
                        }
                    ),
                    Command.create(
                        {"title": "Tour comment", "question_type": "text_box"}
                    ),
                ],
            }
        )
        consultation = self.env["property.consultation"].create(
            {
                "name": "Tour consultation",
                "project_id": self.env.ref("property_cs.demo_project_ghy").id,
                "scope": "buildings",
                "building_ids": [
                    Command.set(self.env.ref("property_cs.demo_building_ghy_1").ids)
                ],
                "date_start": "2000-01-01",
                "date_end": "2099-12-31",
                "survey_id": survey.id,
            }
        )
        consultation.action_open()
        self.start_tour(
            "/my/consultations", "property_survey_consultation_tour", login="owner1"
        )
        recipient = consultation.recipient_ids.filtered(
            lambda r: r.partner_id == owner1.partner_id
        )
        answer = recipient.user_input_ids
        self.assertEqual(recipient.answer_state, "done")
        self.assertEqual(recipient.channel, "portal")
        self.assertEqual(answer.partner_id, owner1.partner_id)
        self.assertEqual(
            answer.user_input_line_ids.suggested_answer_id.value, "Tour agree"
        )
        self.assertIn(
            "Tour comment from the portal",
            answer.user_input_line_ids.mapped("value_text_box"),
        )
