# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestSurveySecurity(PropertySurveyCommon):
    """Access per group: head office runs campaigns, project managers read
    those of their projects, surveyors see their own households only,
    agents see nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households(cls.building_a, 30)
        cls.campaign = cls._campaign(method="paper")
        cls.campaign.action_draw_sample()
        cls.mine = cls.campaign.sample_ids[:3]
        cls.mine.surveyor_id = cls.surveyor
        cls.campaign.action_start()

    def test_head_office_runs_campaigns(self):
        Campaign = self.env["property.survey.campaign"].with_user(self.head_office)
        campaign = Campaign.create(
            {
                "name": "Committee survey",
                "date_start": "2026-03-01",
                "date_end": "2026-03-31",
                "project_ids": [Command.set(self.project_b.ids)],
                "organiser": "committee",
            }
        )
        campaign.action_draw_sample()
        self.assertTrue(campaign.sample_ids)
        self.assertTrue(
            self.env["property.survey.sample"]
            .with_user(self.head_office)
            .search_count([("campaign_id", "=", self.campaign.id)])
        )

    def test_project_manager_blind_while_running(self):
        Sample = self.env["property.survey.sample"].with_user(self.manager)
        self.assertFalse(Sample.search([("campaign_id", "=", self.campaign.id)]))
        # the manager sees the campaign of the project, not its sample
        campaign = self.campaign.with_user(self.manager)
        self.assertEqual(campaign.sample_count, len(self.campaign.sample_ids))
        self.campaign.action_close()
        self.assertTrue(Sample.search([("campaign_id", "=", self.campaign.id)]))
        self.assertTrue(
            self.env["property.survey.result"]
            .with_user(self.manager)
            .search([("campaign_id", "=", self.campaign.id)])
        )

    def test_project_manager_other_project(self):
        other = self._campaign(project_ids=[Command.set(self.project_b.ids)])
        Campaign = self.env["property.survey.campaign"].with_user(self.manager)
        self.assertFalse(Campaign.search([("id", "=", other.id)]))

    def test_surveyor_sees_own_households(self):
        Sample = self.env["property.survey.sample"].with_user(self.surveyor)
        self.assertEqual(Sample.search([]), self.mine)
        self.assertEqual(
            self.env["property.survey.campaign"].with_user(self.surveyor).search([]),
            self.campaign,
        )
        with self.assertRaises(AccessError):
            self.env["property.survey.campaign"].with_user(self.surveyor).create(
                {
                    "name": "Mine",
                    "date_start": "2026-01-01",
                    "date_end": "2026-01-31",
                    "project_ids": [Command.set(self.project_a.ids)],
                }
            )
        # another surveyor cannot enter my household's questionnaire
        with self.assertRaises(UserError):
            self.mine[0].with_user(self.head_office).action_enter_questionnaire()
        action = self.mine[0].with_user(self.surveyor).action_enter_questionnaire()
        self.assertIn("answer_token=", action["url"])

    def test_agent_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["property.survey.campaign"].with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            self.env["property.survey.sample"].with_user(self.agent).search([])

    def test_answers_are_evidence(self):
        answer = self._answer(self.mine[0], {})
        with self.assertRaises(UserError):
            answer.unlink()

    def test_campaign_form(self):
        """The campaign form works for head office: a new campaign gets its
        questionnaire and equal weights."""
        with Form(
            self.env["property.survey.campaign"].with_user(self.head_office)
        ) as form:
            form.name = "Spring pulse"
            form.date_start = "2026-04-01"
            form.date_end = "2026-04-30"
            form.project_ids.add(self.project_b)
            form.scale = "7"
        campaign = form.record
        self.assertTrue(campaign.survey_id)
        self.assertEqual(campaign.satisfied_level, 6)
        self.assertAlmostEqual(campaign.weight_total, 100.0)
        self.assertEqual(len(campaign.weight_ids), 8)
        self.assertEqual(set(campaign._rating_questions().mapped("scale_max")), {7})

    def test_head_office_tags_open_answers(self):
        improve = self.campaign.survey_id.question_ids.filtered(
            lambda q: q.question_type == "text_box"
        )[:1]
        self._answer(self.mine[0], {improve: "Fix the gate"})
        self.assertTrue(self.head_office.has_group("survey.group_survey_user"))
        action = self.env.ref("property_survey.property_survey_open_answer_action")
        Line = self.env["survey.user_input.line"].with_user(self.head_office)
        lines = Line.search(safe_eval(action.domain))
        self.assertIn("Fix the gate", lines.mapped("value_text_box"))
        tag = (
            self.env["property.survey.tag"]
            .with_user(self.head_office)
            .create({"name": "Gate"})
        )
        lines.write({"property_tag_ids": [Command.link(tag.id)]})
        # the project manager does not see them while the campaign runs
        self.assertFalse(
            self.env["survey.user_input.line"]
            .with_user(self.manager)
            .search(safe_eval(action.domain))
        )

    def test_cron_reminds_surveyors(self):
        today = fields.Date.context_today(self.campaign)
        self.campaign.date_end = today + timedelta(days=3)
        Campaign = self.env["property.survey.campaign"]
        Campaign._cron_remind_surveyors()
        activity = self.campaign.activity_ids.filtered(
            lambda a: a.user_id == self.surveyor
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("3 households", activity.summary)
        Campaign._cron_remind_surveyors()
        self.assertEqual(len(self.campaign.activity_ids), 1)

    def test_send_online_invitations(self):
        self.mine.write({"method": "online"})
        Sample = self.env["property.survey.sample"]
        action = self.campaign.action_send_invitations()
        # queued, not sent in the request: the invitation workers send them
        self.assertIn("3", action["params"]["message"])
        self.assertEqual(self.mine.mapped("invitation_queued"), [True] * 3)
        self.assertFalse(self.mine.user_input_ids)
        self.assertEqual(Sample._cron_send_invitations(), 3)
        self.assertEqual(self.mine.mapped("invitation_queued"), [False] * 3)
        self.assertEqual(len(self.mine.user_input_ids), 3)
        self.assertEqual(self.mine.user_input_ids.partner_id, self.mine.respondent_id)
        # no second answer for the same household
        self.campaign.action_send_invitations()
        Sample._cron_send_invitations()
        self.assertEqual(len(self.mine.user_input_ids), 3)
        self.assertEqual(Sample._cron_send_invitations(), 0)
