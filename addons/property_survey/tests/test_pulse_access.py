# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PropertySurveyCommon


@tagged("post_install", "-at_install", "security")
class TestPulseAccess(PropertySurveyCommon):
    """Pulse answers about a ticket are read by the staff of the ticket's
    project, head office and survey managers only, not by every user with
    survey rights (owners' privacy)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        survey_user = cls.env.ref("survey.group_survey_user")
        cls.company.property_satisfaction_channel = "survey"
        pulse = cls.env.ref("property_survey.survey_service_pulse")
        category = cls.env.ref("property_cs.property_ticket_category_water_leak")
        category.parent_id.pulse_survey_id = pulse
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Tap",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "category_id": category.id,
            }
        )
        cls.ticket.action_done()
        cls.ticket.action_close()
        cls.answer = cls.ticket.pulse_input_ids
        cls.line = cls.env["survey.user_input.line"].create(
            {
                "user_input_id": cls.answer.id,
                "question_id": cls.env.ref(
                    "property_survey.survey_pulse_question_solved"
                ).id,
                "answer_type": "scale",
                "value_scale": 2,
            }
        )
        # an internal user with the default survey rights and no project
        cls.outsider = new_test_user(
            cls.env,
            login="pcs_survey_outsider",
            groups="base.group_user,survey.group_survey_user",
            name="Outsider",
        )
        cls.staff_b = new_test_user(
            cls.env,
            login="pcs_survey_staff_b",
            groups="base.group_user,survey.group_survey_user",
            name="Staff B",
        )
        cls.staff_b.property_project_ids = [Command.link(cls.project_b.id)]
        cls.agent.groups_id = [Command.link(survey_user.id)]

    def _sees(self, user, record):
        return bool(record.with_user(user).search([("id", "=", record.id)]))

    def test_setup(self):
        self.assertEqual(len(self.answer), 1)
        self.assertTrue(self.outsider.has_group("survey.group_survey_user"))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_outsiders_do_not_read_pulse_answers(self):
        for user in (self.outsider, self.staff_b):
            for record in (self.answer, self.line):
                self.assertFalse(self._sees(user, record), (user.login, record._name))
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["create_date"])

    def test_project_staff_and_head_office_read_pulse_answers(self):
        for user in (self.agent, self.head_office, self.env.ref("base.user_admin")):
            for record in (self.answer, self.line):
                self.assertTrue(self._sees(user, record), (user.login, record._name))

    def test_other_answers_unaffected(self):
        """Answers not linked to a ticket keep the survey module's rules."""
        survey = self.env.ref("property_survey.survey_service_pulse")
        answer = survey._create_answer(partner=self.owner_b)
        self.assertTrue(self._sees(self.outsider, answer))
