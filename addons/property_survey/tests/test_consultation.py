# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..models import sampling
from .common_consultation import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultationScope(ConsultationCommon):
    """Whom a consultation asks: all owners, the owners of some buildings,
    or a sample drawn with the campaigns' stratified sampler."""

    def test_questionnaire_created_with_one_click(self):
        """The questionnaire is an Odoo survey for invited, logged-in owners,
        with starter questions, opened in the survey editor."""
        consultation = (
            self.env["property.consultation"]
            .with_user(self.agent)
            .create(
                {
                    "name": "Paid parcel lockers",
                    "kind": "paid_service",
                    "project_id": self.project_a.id,
                    "date_end": "2099-12-31",
                }
            )
        )
        action = consultation.action_create_survey()
        survey = consultation.sudo().survey_id
        self.assertEqual(action["res_model"], "survey.survey")
        self.assertEqual(action["res_id"], survey.id)
        self.assertEqual(survey.access_mode, "token")
        self.assertTrue(survey.users_login_required)
        self.assertEqual(survey.title, "Paid parcel lockers")
        self.assertEqual(
            survey.question_ids.mapped("question_type"),
            ["simple_choice", "text_box"],
        )
        self.assertEqual(
            survey.question_ids[0].suggested_answer_ids.mapped("value"),
            ["Agree", "Disagree", "No opinion"],
        )
        # the agent edits it in the survey editor
        self.assertTrue(self.agent.has_group("survey.group_survey_user"))
        with Form(survey.with_user(self.agent)) as form:
            form.title = "Paid parcel lockers at the gate"
        self.assertEqual(survey.title, "Paid parcel lockers at the gate")
        # a second click opens the same questionnaire
        self.assertEqual(consultation.action_create_survey()["res_id"], survey.id)

    def test_scope_all_owners(self):
        """Every unit with a current owner, once, answered by its first
        owner; tenants and empty units are not asked."""
        consultation = self._consultation()
        consultation.with_user(self.agent).action_compute_recipients()
        recipients = consultation.recipient_ids
        self.assertEqual(len(recipients), 6)
        self.assertEqual(
            recipients.unit_id, self.unit_a1 | self.b1_units | self.b2_units
        )
        self.assertNotIn(self.unit_a2, recipients.unit_id)  # tenant only
        self.assertNotIn(self.unit_a3, recipients.unit_id)  # nobody
        a1 = self._recipient(consultation, self.unit_a1)
        self.assertEqual(a1.partner_id, self.owner_a)  # not the co-owner
        self.assertEqual(a1.sudo().owner_group, "civil_servant")
        self.assertEqual(a1.building_id, self.building_a)

    def test_scope_buildings(self):
        consultation = self._consultation(
            scope="buildings", building_ids=[Command.set(self.building_a2.ids)]
        )
        consultation.with_user(self.agent).action_open()
        self.assertEqual(consultation.state, "open")
        self.assertEqual(consultation.recipient_ids.unit_id, self.b2_units)
        # the scope is frozen once open
        with self.assertRaises(UserError):
            consultation.with_user(self.agent).building_ids = [
                Command.set(self.building_a.ids)
            ]

    def test_scope_buildings_needs_buildings(self):
        consultation = self._consultation(scope="buildings")
        with self.assertRaises(UserError):
            consultation.with_user(self.agent).action_open()

    def test_scope_sample_with_stratified_sampler(self):
        """A sampled consultation draws with models/sampling.py: frame of 50
        units, n = max(ceil(20 % × 50), 20) = 20; strata (B1, civil servant)
        1, (B1, business) 2, (B1, unknown) 27, (B2, civil servant) 1, (B2,
        unknown) 19; largest remainder gives 0, 1, 11, 0, 8, then one for
        each empty stratum from the strata furthest above their quota:
        1, 1, 10, 1, 7 → 12 units in B1 and 8 in B2."""
        self._households(self.building_a, 26, prefix="S")
        self._households(self.building_a2, 18, prefix="S")
        consultation = self._consultation(
            scope="sample", sample_rate=20.0, sample_min=20, seed="consult-seed"
        )
        consultation.with_user(self.agent).action_draw_sample()
        data = consultation.sudo()
        self.assertEqual(data.frame_size, 50)
        self.assertEqual(data.sample_size, 20)
        self.assertEqual(data.strata_count, 5)
        self.assertEqual(data.strata_rule, "full")
        recipients = consultation.recipient_ids
        self.assertEqual(len(recipients), 20)
        self.assertEqual(
            len(recipients.filtered(lambda r: r.building_id == self.building_a)), 12
        )
        self.assertEqual(
            len(recipients.filtered(lambda r: r.building_id == self.building_a2)), 8
        )
        # each civil servant is a stratum of one: always drawn
        self.assertIn(self.unit_a1, recipients.unit_id)
        self.assertIn(self.b2_units[0], recipients.unit_id)
        self.assertEqual(len(recipients.unit_id & self.b1_units[:2]), 1)
        # the very draw of the shared sampler, from the same frame and seed
        frame = consultation._get_frame()
        strata, _rule, _full = sampling.draw(frame, 20, "consult-seed")
        expected = {unit for s in strata for unit in s["units"][: s["alloc"]]}
        self.assertEqual(set(recipients.unit_id.ids), expected)
        self.assertEqual([s["alloc"] for s in strata], [1, 1, 10, 1, 7])
        # reproducible from the seed
        consultation.with_user(self.agent).action_draw_sample()
        self.assertEqual(set(consultation.recipient_ids.unit_id.ids), expected)
        self.assertIn("consult-seed", consultation.sudo().method_statement)
        # opening keeps the draw; then it is frozen
        consultation.with_user(self.agent).action_open()
        self.assertEqual(set(consultation.recipient_ids.unit_id.ids), expected)
        with self.assertRaises(UserError):
            consultation.with_user(self.agent).action_draw_sample()
        with self.assertRaises(UserError):
            consultation.with_user(self.agent).seed = "another"

    def test_recipients_not_added_by_hand(self):
        """Recipients come from the register or the draw, never by hand."""
        consultation = self._consultation()
        with self.assertRaises(AccessError):
            self.env["property.consultation.recipient"].with_user(self.agent).create(
                {
                    "consultation_id": consultation.id,
                    "unit_id": self.unit_a2.id,
                    "partner_id": self.tenant_a.id,
                }
            )
        consultation.with_user(self.agent).action_open()
        recipient = consultation.recipient_ids[:1].with_user(self.agent)
        with self.assertRaises(UserError):
            recipient.partner_id = self.tenant_a
        with self.assertRaises(UserError):
            recipient.channel = "paper"

    def test_open_needs_questions_and_period(self):
        consultation = (
            self.env["property.consultation"]
            .with_user(self.agent)
            .create(
                {
                    "name": "No questions yet",
                    "project_id": self.project_a.id,
                    "date_start": "2020-01-01",
                    "date_end": "2020-01-31",
                }
            )
        )
        with self.assertRaises(UserError):
            consultation.action_open()
        consultation.action_create_survey()
        with self.assertRaisesRegex(UserError, "already over"):
            consultation.action_open()
        with self.assertRaises(UserError):
            consultation.state = "open"


@tagged("post_install", "-at_install")
class TestConsultationAnswers(ConsultationCommon):
    """Answers in the portal, on paper and on the phone: one per recipient,
    tied to the right person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultation = cls._consultation()
        cls.consultation.with_user(cls.agent).action_open()

    def test_portal_answer_tied_to_owner(self):
        recipient = self._recipient(self.consultation, self.unit_a1)
        url = recipient.with_user(self.portal_owner)._portal_start_answer(self.owner_a)
        answer = recipient.sudo().user_input_ids
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.partner_id, self.owner_a)
        self.assertEqual(answer.property_respondent_id, self.owner_a)
        self.assertIn(answer.access_token, url)
        self.assertEqual(recipient.channel, "portal")
        self.assertEqual(recipient.answer_state, "in_progress")
        self.assertTrue(answer.deadline)
        # resuming gives the same answer
        self.assertEqual(
            recipient.with_user(self.portal_owner)._portal_start_answer(self.owner_a),
            url,
        )
        self._fill(answer, choice=0)
        self.assertEqual(recipient.answer_state, "done")
        self.assertTrue(recipient.date_answered)
        self.assertFalse(answer.deadline)  # the owner may still read it later
        with self.assertRaisesRegex(UserError, "already answered"):
            recipient.with_user(self.portal_owner)._portal_start_answer(self.owner_a)

    def test_nobody_answers_for_someone_else(self):
        recipient = self._recipient(self.consultation, self.unit_a1)
        # another owner of the project, and an owner of another project
        for user in (self.portal_owner2, self.portal_owner_b, self.portal_tenant):
            with self.assertRaises(AccessError):
                recipient.with_user(user)._portal_start_answer(user.partner_id)
        self.assertFalse(recipient.sudo().user_input_ids)

    def test_one_answer_per_recipient(self):
        recipient = self._recipient(self.consultation, self.unit_a1)
        self._answer_portal(recipient, self.portal_owner, choice=0)
        # no paper sheet nor phone answer on top of it
        recipient.with_user(self.agent).write(
            {"scan": "iVBORw0KGgo=", "scan_filename": "sheet.png"}
        )
        with self.assertRaisesRegex(UserError, "already answered"):
            recipient.with_user(self.agent).action_enter_paper_answer()
        with self.assertRaisesRegex(UserError, "already answered"):
            recipient.with_user(self.agent)._start_phone_answer("13800000001")
        # nor a second survey answer in the database
        survey = self.consultation.survey_id
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                survey.sudo()._create_answer(
                    partner=self.agent.partner_id,
                    check_attempts=False,
                    property_consultation_recipient_id=recipient.id,
                )
        # an answer begun in the portal is not taken over on paper
        other = self._recipient(self.consultation, self.b1_units[0])
        other.with_user(self.portal_owner2)._portal_start_answer(self.b1_owners[0])
        other.with_user(self.agent).write({"scan": "iVBORw0KGgo="})
        with self.assertRaisesRegex(UserError, "begun in another way"):
            other.with_user(self.agent).action_enter_paper_answer()
        # unless staff discard the unfinished one first
        other.with_user(self.agent).action_discard_unfinished_answer()
        self.assertFalse(other.sudo().user_input_ids)
        self.assertFalse(other.channel)
        other.with_user(self.agent).action_enter_paper_answer()
        self.assertEqual(other.channel, "paper")
        # a finished answer is kept
        done = recipient.sudo().user_input_ids
        with self.assertRaises(UserError):
            done.unlink()

    def test_paper_answer_with_scanned_sheet(self):
        recipient = self._recipient(self.consultation, self.b2_units[0])
        with self.assertRaisesRegex(UserError, "scanned"):
            recipient.with_user(self.agent).action_enter_paper_answer()
        answer = self._answer_paper(recipient, choice=1)
        self.assertEqual(answer.partner_id, self.agent.partner_id)
        self.assertEqual(answer.property_respondent_id, self.b2_owners[0])
        self.assertEqual(recipient.channel, "paper")
        self.assertEqual(recipient.sudo().entered_by_id, self.agent)
        self.assertTrue(recipient.sudo().date_contact)
        self.assertEqual(recipient.answer_state, "done")
        # staff of other projects and owners cannot enter it
        other = self._recipient(self.consultation, self.b2_units[1])
        other.with_user(self.agent).write({"scan": "iVBORw0KGgo="})
        for user in (self.agent_b, self.portal_owner):
            with self.assertRaises(AccessError):
                other.with_user(user).action_enter_paper_answer()

    def test_phone_answer_identifies_the_caller(self):
        """The wizard identifies the caller from their number with the
        shared phone-intake helper and proposes their unit's recipient."""
        recipient = self._recipient(self.consultation, self.b1_units[1])
        wizard = (
            self.env["property.consultation.phone"]
            .with_user(self.agent)
            .create(
                {
                    "consultation_id": self.consultation.id,
                    "caller_phone": "+86 139-0000-1111",
                }
            )
        )
        self.assertEqual(wizard.caller_id, self.b1_owners[1])
        self.assertEqual(wizard.recipient_id, recipient)
        action = wizard.action_confirm()
        answer = recipient.sudo().user_input_ids
        self.assertIn(answer.access_token, action["url"])
        self.assertEqual(answer.partner_id, self.agent.partner_id)
        data = recipient.sudo()
        self.assertEqual(data.channel, "phone")
        self.assertEqual(data.caller_id, self.b1_owners[1])
        self.assertEqual(data.caller_phone, "+86 139-0000-1111")
        self.assertEqual(data.entered_by_id, self.agent)
        self.assertEqual(data.date_contact, wizard.date_call)
        # an unknown number, or someone who does not own the unit, is refused
        other = self._recipient(self.consultation, self.b2_units[0])
        with self.assertRaisesRegex(UserError, "cannot be identified"):
            other.with_user(self.agent)._start_phone_answer("021-5555 0000")
        with self.assertRaisesRegex(UserError, "not an owner"):
            other.with_user(self.agent)._start_phone_answer("13800000001")
        self.assertFalse(other.sudo().user_input_ids)

    def test_close_ends_unfinished_answers(self):
        recipient = self._recipient(self.consultation, self.unit_a1)
        recipient.with_user(self.portal_owner)._portal_start_answer(self.owner_a)
        self.consultation.with_user(self.agent).action_close()
        self.assertEqual(self.consultation.state, "closed")
        answer = recipient.sudo().user_input_ids
        self.assertLessEqual(answer.deadline, self.consultation.date_closed)
        with self.assertRaisesRegex(UserError, "not open"):
            recipient.with_user(self.portal_owner)._portal_start_answer(self.owner_a)
