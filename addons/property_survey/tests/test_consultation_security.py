# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_consultation import ConsultationCommon

MUTED = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


@tagged("post_install", "-at_install")
class TestConsultationSecurity(ConsultationCommon):
    """Who reads and runs consultations, over the ORM as RPC calls do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.open_a = cls._consultation(name="Open in A")
        cls.open_a.with_user(cls.agent).action_open()
        cls.draft_a = cls._consultation(name="Draft in A")
        cls.open_b = cls._consultation(
            user=cls.agent_b, name="Open in B", project_id=cls.project_b.id
        )
        cls.open_b.with_user(cls.agent_b).action_open()
        cls.answer_a = cls._answer_portal_cls(cls.open_a)
        cls.all = cls.open_a | cls.draft_a | cls.open_b

    @classmethod
    def _answer_portal_cls(cls, consultation):
        recipient = consultation.recipient_ids.filtered(
            lambda r: r.unit_id == cls.unit_a1
        )
        recipient.with_user(cls.portal_owner)._portal_start_answer(cls.owner_a)
        return recipient.sudo().user_input_ids

    def _visible(self, user, model="property.consultation"):
        return self.env[model].with_user(user).search([("id", "in", self.all.ids)])

    @mute_logger(*MUTED)
    def test_staff_run_consultations_of_their_projects(self):
        for role in ("agent", "supervisor", "manager"):
            user = self.users[role]
            self.assertEqual(self._visible(user), self.open_a | self.draft_a, role)
            with self.assertRaises(AccessError):
                self.open_b.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.open_b.with_user(user).write({"name": "Hijacked"})
            with self.assertRaises(AccessError):
                self.open_b.with_user(user).action_close()
            self.draft_a.with_user(user).write({"name": f"Draft in A ({role})"})
        self.assertEqual(self._visible(self.agent_b), self.open_b)
        # the recipients and results follow the consultation's project
        Recipient = self.env["property.consultation.recipient"]
        self.assertEqual(
            Recipient.with_user(self.agent).search([]).consultation_id, self.open_a
        )
        self.assertEqual(
            Recipient.with_user(self.agent_b).search([]).consultation_id, self.open_b
        )

    @mute_logger(*MUTED)
    def test_head_office_runs_all(self):
        head_office = self.users["head_office"]
        self.assertEqual(self._visible(head_office), self.all)
        self.open_b.with_user(head_office).action_compute_results()
        self.assertTrue(self.open_b.date_results)

    @mute_logger(*MUTED)
    def test_other_staff_have_no_access(self):
        for role in ("department", "finance", "surveyor", "special_needs"):
            with self.assertRaises(AccessError, msg=role):
                self._visible(self.users[role])

    @mute_logger(*MUTED)
    def test_owner_sees_only_consultations_addressed_to_them(self):
        # owner A: the open consultation of their project, not the draft,
        # not project B's
        self.assertEqual(self._visible(self.portal_owner), self.open_a)
        self.assertEqual(self._visible(self.portal_owner2), self.open_a)
        self.assertEqual(self._visible(self.portal_owner_b), self.open_b)
        self.assertFalse(self._visible(self.portal_tenant))
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.portal_owner).read(["name"])
        with self.assertRaises(AccessError):
            self.open_a.with_user(self.portal_owner).write({"name": "Mine"})
        # only their own recipient row
        Recipient = self.env["property.consultation.recipient"]
        mine = Recipient.with_user(self.portal_owner).search([])
        self.assertEqual(mine.unit_id, self.unit_a1)
        other = Recipient.with_user(self.portal_owner2).search([])
        self.assertEqual(other.unit_id, self.b1_units[0])
        with self.assertRaises(AccessError):
            mine.with_env(other.env).read(["answer_state"])
        # staff-only data is not theirs
        with self.assertRaises(AccessError):
            self.open_a.with_user(self.portal_owner).read(["survey_id"])
        with self.assertRaises(AccessError):
            mine.read(["caller_phone"])
        # and no answer, not even their own, over the ORM
        for user in (self.portal_owner, self.portal_owner2):
            with self.assertRaises(AccessError):
                self.env["survey.user_input"].with_user(user).search(
                    [("id", "=", self.answer_a.id)]
                )

    @mute_logger(*MUTED)
    def test_answers_hidden_from_other_projects(self):
        """Staff with survey rights see the questionnaire and the answers of
        their projects' consultations only."""
        self.assertTrue(self.agent_b.has_group("survey.group_survey_user"))
        Input = self.env["survey.user_input"]
        self.assertFalse(
            Input.with_user(self.agent_b).search([("id", "=", self.answer_a.id)])
        )
        with self.assertRaises(AccessError):
            Input.browse(self.answer_a.id).with_user(self.agent_b).read(["state"])
        survey_a = self.open_a.survey_id
        self.assertFalse(
            self.env["survey.survey"]
            .with_user(self.agent_b)
            .search([("id", "=", survey_a.id)])
        )
        with self.assertRaises(AccessError):
            survey_a.with_user(self.agent_b).write({"title": "Hijacked"})
        # the project's staff and head office read them
        for user in (self.agent, self.users["head_office"]):
            self.assertEqual(
                Input.with_user(user).search([("id", "=", self.answer_a.id)]),
                self.answer_a,
            )


@tagged("post_install", "-at_install")
class TestConsultationPortal(ConsultationCommon, HttpCase):
    """The portal pages: an owner never sees another owner's answer or a
    consultation not addressed to them, whatever URL they type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultation = cls._consultation(name="Lift renewal consultation")
        cls.consultation.with_user(cls.agent).action_open()
        cls.other = cls._consultation(
            user=cls.agent_b, name="River View only", project_id=cls.project_b.id
        )
        cls.other.with_user(cls.agent_b).action_open()
        cls.recipient_a = cls.consultation.recipient_ids.filtered(
            lambda r: r.unit_id == cls.unit_a1
        )
        cls.recipient_2 = cls.consultation.recipient_ids.filtered(
            lambda r: r.unit_id == cls.b1_units[0]
        )

    def test_portal_list_and_answer_flow(self):
        self.authenticate(self.portal_owner.login, self.portal_owner.login)
        page = self.url_open("/my/consultations")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lift renewal consultation", page.text)
        self.assertNotIn("River View only", page.text)
        self.assertIn(self.unit_a1.complete_name, page.text)
        self.assertNotIn(self.b1_units[0].complete_name, page.text)
        home = self.url_open("/my")
        self.assertIn("/my/consultations", home.text)
        detail = self.url_open(f"/my/consultations/{self.consultation.id}")
        self.assertIn("o_property_consultation_answer", detail.text)
        # answering redirects to the survey's own page of their answer
        response = self.url_open(
            f"/my/consultations/{self.consultation.id}/answer/{self.recipient_a.id}",
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        answer = self.recipient_a.sudo().user_input_ids
        self.assertEqual(answer.partner_id, self.owner_a)
        self.assertIn(answer.access_token, response.headers["Location"])
        fill = self.url_open(answer.get_start_url())
        self.assertEqual(fill.status_code, 200)
        self.assertIn("Lift renewal consultation", fill.text)
        self.assertNotIn("Survey Access Error", fill.text)
        self._fill(answer, choice=0, comment="SECRET-OWNER-A")
        detail = self.url_open(f"/my/consultations/{self.consultation.id}")
        self.assertIn("o_consultation_answered_on", detail.text)
        self.assertNotIn("o_property_consultation_answer", detail.text)

    def test_portal_isolation_by_url(self):
        self.recipient_a.with_user(self.portal_owner)._portal_start_answer(self.owner_a)
        answer_a = self.recipient_a.sudo().user_input_ids
        self._fill(answer_a, choice=1, comment="SECRET-OWNER-A")
        # owner 2 is asked too, but sees only their own unit and answer
        self.authenticate(self.portal_owner2.login, self.portal_owner2.login)
        detail = self.url_open(f"/my/consultations/{self.consultation.id}")
        self.assertIn(self.b1_units[0].complete_name, detail.text)
        self.assertNotIn(self.unit_a1.complete_name, detail.text)
        self.assertNotIn(answer_a.access_token, detail.text)
        # a consultation not addressed to them
        response = self.url_open(
            f"/my/consultations/{self.other.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/consultations"))
        # answering for owner A's unit
        response = self.url_open(
            f"/my/consultations/{self.consultation.id}/answer/{self.recipient_a.id}",
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/consultations"))
        self.assertEqual(len(self.recipient_a.sudo().user_input_ids), 1)
        # owner A's answer link, had it leaked: core survey refuses another user
        for url in (
            answer_a.get_start_url(),
            f"/survey/{answer_a.survey_id.access_token}/{answer_a.access_token}",
        ):
            page = self.url_open(url)
            self.assertIn("Survey Access Error", page.text)
            self.assertNotIn("SECRET-OWNER-A", page.text)
        # the survey without an answer token: invited people only
        page = self.url_open(f"/survey/start/{answer_a.survey_id.access_token}")
        self.assertNotIn("js_question-wrapper", page.text)
        self.assertFalse(
            self.recipient_2.sudo().user_input_ids,
            "no answer was created for owner 2 by the survey's public link",
        )
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("survey_id", "=", answer_a.survey_id.id)]
            ),
            1,
        )
