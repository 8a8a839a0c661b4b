# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestIndependence(PropertySurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households(cls.building_a, 30)
        cls.campaign = cls._campaign()
        cls.campaign.action_draw_sample()
        cls.sample = (
            cls.campaign.sample_ids.filtered(lambda s: s.unit_id == cls.unit_a1)
            or cls.campaign.sample_ids[0]
        )

    def _surveyor(self, login):
        return new_test_user(
            self.env, login=login, groups="property_cs.group_property_cs_surveyor"
        )

    def test_independent_surveyor_assigned(self):
        self.sample.surveyor_id = self.surveyor
        self.assertEqual(self.sample.surveyor_id, self.surveyor)

    def test_refused_project_user(self):
        user = self._surveyor("svy_project_user")
        user.property_project_ids = [Command.link(self.project_a.id)]
        with self.assertRaisesRegex(ValidationError, "user of the surveyed project"):
            self.sample.surveyor_id = user

    def test_refused_department_member(self):
        user = self._surveyor("svy_department")
        self.env["property.department"].create(
            {
                "name": "Engineering A",
                "kind": "engineering",
                "project_id": self.project_a.id,
                "member_ids": [Command.link(user.id)],
            }
        )
        with self.assertRaisesRegex(ValidationError, "member of the department"):
            self.sample.surveyor_id = user

    def test_refused_related_to_unit(self):
        user = self._surveyor("svy_related")
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.sample.unit_id.id,
                "partner_id": user.partner_id.id,
                "role": "household",
                "date_start": "2021-01-01",
            }
        )
        with self.assertRaisesRegex(ValidationError, "related to the surveyed unit"):
            self.sample.surveyor_id = user


@tagged("post_install", "-at_install")
class TestSecrecy(PropertySurveyCommon, HttpCase):
    """Responses of a running campaign are hidden from users of the surveyed
    project, even with Survey User rights (D-27)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households(cls.building_a, 30)
        cls.campaign = cls._campaign(method="paper")
        cls.campaign.action_draw_sample()
        cls.campaign.sample_ids.surveyor_id = cls.surveyor
        cls.campaign.action_start()
        cls.survey = cls.campaign.survey_id

    def test_secrecy_orm_and_results_page(self):
        agent = self.agent
        agent.groups_id = [Command.link(self.env.ref("survey.group_survey_user").id)]
        self.assertTrue(agent.has_group("survey.group_survey_user"))
        sample = self.campaign.sample_ids[0]
        improve = self.env.ref("property_survey.survey_question_improve")
        improve = self.survey.question_ids.filtered(lambda q: q.title == improve.title)
        answer = self._answer(sample, {improve: "SECRET-OPEN-ANSWER"})
        # the questionnaire is restricted to the manager and the surveyors
        self.assertEqual(
            self.survey.restrict_user_ids - self.survey.user_id,
            self.head_office | self.surveyor,
        )
        self.assertNotIn(agent, self.survey.restrict_user_ids)
        Input = self.env["survey.user_input"].with_user(agent)
        self.assertFalse(Input.search([("id", "=", answer.id)]))
        with self.assertRaises(AccessError):
            Input.browse(answer.id).read(["state"])
        Line = self.env["survey.user_input.line"].with_user(agent)
        self.assertFalse(Line.search([("user_input_id", "=", answer.id)]))
        Sample = self.env["property.survey.sample"].with_user(agent)
        with self.assertRaises(AccessError):
            Sample.browse(sample.id).read(["unit_name"])
        # even when someone lifts the questionnaire's restriction, the
        # global rule still hides the answers of the running campaign
        self.survey.sudo().with_context(active_test=False).restrict_user_ids = [
            Command.clear()
        ]
        self.assertFalse(Input.search([("survey_id", "=", self.survey.id)]))
        self.env.flush_all()
        self.authenticate(agent.login, agent.login)
        page = self.url_open(f"/survey/results/{self.survey.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("SECRET-OPEN-ANSWER", page.text)
        # the surveyor, outside the project, sees it
        self.assertTrue(
            self.env["survey.user_input"]
            .with_user(self.surveyor)
            .search([("id", "=", answer.id)])
        )
        self.authenticate(self.head_office.login, self.head_office.login)
        page = self.url_open(f"/survey/results/{self.survey.id}")
        self.assertIn("SECRET-OPEN-ANSWER", page.text)
        # once closed, the project sees its results
        self.campaign.action_close()
        self.assertTrue(Input.search([("id", "=", answer.id)]))
