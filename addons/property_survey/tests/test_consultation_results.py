# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_consultation import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultationResults(ConsultationCommon):
    """Results of the hand-computed fixture (see ConsultationCommon):

    - 101 (B1, civil servant): portal, Agree, open answer;
    - B1 C0000 (business): paper, Agree;
    - B1 C0001 (business): phone, No opinion;
    - B2 C0000 (civil servant): paper, Disagree, open answer;
    - B1 C0002 (unknown): paper begun, not finished; B2 C0001: nothing.

    All: 6 recipients, 4 answered (66.7 %); Agree 2 (50 %), Disagree 1
    (25 %), No opinion 1 (25 %). B1: 4 recipients, 3 answered (75 %); Agree
    2 (66.7 %), No opinion 1 (33.3 %). B2: 2 recipients, 1 answered (50 %);
    Disagree 1 (100 %). Civil servants: 2 of 2 (100 %), Agree 1, Disagree
    1 (50 % each). Business: 2 of 2, Agree 1, No opinion 1. Unknown: 2
    recipients, none answered."""

    def _row(self, consultation, dimension, key=None, question=None, option=None):
        rows = consultation.result_ids.filtered(
            lambda r: (
                r.dimension == dimension
                and (key is None or r.group_key == key)
                and r.question_id == (question or r.question_id.browse())
                and r.suggested_answer_id == (option or r.suggested_answer_id.browse())
            )
        )
        self.assertEqual(len(rows), 1, (dimension, key, question, option))
        return rows

    def _check(self, consultation, dimension, key, rec, answered, shares):
        choice_q, _comment_q = self._questions(consultation)
        options = choice_q.suggested_answer_ids.sorted("sequence")
        part = self._row(consultation, dimension, key)
        self.assertEqual(part.recipient_count, rec)
        self.assertEqual(part.answered_count, answered)
        self.assertAlmostEqual(part.response_rate, 100.0 * answered / rec, places=2)
        for option, (count, share) in zip(options, shares, strict=True):
            row = self._row(consultation, dimension, key, choice_q, option)
            self.assertEqual(row.answer_count, count, (key, option.value))
            self.assertAlmostEqual(row.share, share, places=2)
            self.assertEqual(row.question_answered_count, answered)

    def test_results_by_building_and_owner_type(self):
        consultation, recipients = self._fixture()
        self.assertEqual(recipients["b1_2"].answer_state, "in_progress")
        consultation.with_user(self.agent).action_close()
        self.assertEqual(consultation.recipient_count, 6)
        self.assertEqual(consultation.answered_count, 4)
        self.assertAlmostEqual(consultation.response_rate, 200 / 3, places=2)
        b1, b2 = str(self.building_a.id), str(self.building_a2.id)
        self._check(consultation, "overall", "all", 6, 4, [(2, 50), (1, 25), (1, 25)])
        self._check(
            consultation, "building", b1, 4, 3, [(2, 200 / 3), (0, 0), (1, 100 / 3)]
        )
        self._check(consultation, "building", b2, 2, 1, [(0, 0), (1, 100), (0, 0)])
        self._check(
            consultation,
            "owner_type",
            "civil_servant",
            2,
            2,
            [(1, 50), (1, 50), (0, 0)],
        )
        self._check(
            consultation, "owner_type", "business", 2, 2, [(1, 50), (0, 0), (1, 50)]
        )
        self._check(
            consultation, "owner_type", "unknown", 2, 0, [(0, 0), (0, 0), (0, 0)]
        )
        # the open question: answered by 2 of all, 1 in each building
        _choice_q, comment_q = self._questions(consultation)
        self.assertEqual(
            self._row(consultation, "overall", "all", comment_q).answer_count, 2
        )
        self.assertEqual(
            self._row(consultation, "building", b2, comment_q).answer_count, 1
        )
        labels = consultation.result_ids.filtered(
            lambda r: r.dimension == "owner_type" and not r.question_id
        ).mapped("group_label")
        self.assertEqual(
            labels,
            ["Successful Business Person", "Civil Servant", "Owner Type Unknown"],
        )
        # an answer finished after the close does not count
        late = recipients["b1_2"].sudo().user_input_ids
        self._fill(late)
        late.end_datetime = consultation.date_closed + timedelta(minutes=1)
        consultation.with_user(self.agent).action_compute_results()
        self._check(consultation, "overall", "all", 6, 4, [(2, 50), (1, 25), (1, 25)])

    def test_open_answers_tagged_and_actioned(self):
        consultation, _recipients = self._fixture()
        line = self.env["survey.user_input.line"].search(
            consultation._open_answer_domain()
            + [("value_text_box", "=", "Add a camera")]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(consultation.open_answer_count, 2)
        tag = self.env["property.survey.tag"].create({"name": "Safety"})
        line.with_user(self.agent).property_tag_ids = [Command.link(tag.id)]
        self.assertEqual(line.property_tag_ids, tag)
        # the answer itself stays as given
        with self.assertRaises(AccessError):
            line.with_user(self.agent).value_text_box = "Changed"
        # staff of another project neither read nor tag it
        with self.assertRaises(AccessError):
            line.with_user(self.agent_b).property_tag_ids = [Command.clear()]
        action = line.with_user(self.agent).action_create_improvement()
        self.assertEqual(action["context"]["default_consultation_id"], consultation.id)
        improvement = (
            self.env["property.survey.action"]
            .with_user(self.agent)
            .with_context(**action["context"])
            .create(
                {"name": "Camera at the charging points", "date_deadline": "2099-01-31"}
            )
        )
        self.assertEqual(improvement.consultation_id, consultation)
        self.assertFalse(improvement.campaign_id)
        self.assertEqual(improvement.open_answer, "Add a camera")
        self.assertEqual(consultation.action_ids, improvement)
        with self.assertRaises(UserError):
            self.env["property.survey.action"].create(
                {"name": "Orphan", "date_deadline": "2099-01-31"}
            )

    def test_publication_as_notice(self):
        consultation, _recipients = self._fixture()
        consultation.with_user(self.agent).action_close()
        with self.assertRaisesRegex(UserError, "decision"):
            consultation.with_user(self.supervisor).action_publish()
        consultation.with_user(self.agent).write(
            {
                "decision": "<p>Install twenty charging points next spring.</p>",
                "date_decision": "2026-06-30",
            }
        )
        # agents do not publish notices
        with self.assertRaises(UserError):
            consultation.with_user(self.agent).action_publish()
        self.assertTrue(consultation.with_user(self.supervisor).action_publish())
        self.assertEqual(consultation.state, "published")
        self.assertTrue(consultation.date_published)
        notice = consultation.notice_id
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.project_id, self.project_a)
        self.assertFalse(notice.building_ids)
        self.assertEqual(
            notice.category_id,
            self.env.ref("property_survey.property_notice_category_consultation"),
        )
        self.assertGreaterEqual(
            notice.date_until - notice.date_from,
            timedelta(days=self.project_a.notice_min_display_days),
        )
        self.assertIn("Charging points for electric bicycles", notice.name)
        body = str(notice.body)
        for text in ("66.7 %", "75.0 %", "Agree", "2 (50.0 %)", "B1", "B2"):
            self.assertIn(text, body)
        self.assertIn("Install twenty charging points", body)
        # neither owner types nor the text of open answers are published
        for text in ("Civil Servant", "Add a camera", "Too close"):
            self.assertNotIn(text, body)
        # the owners of the project read it in their notices portal
        Notice = self.env["property.notice"]
        for user in (self.portal_owner, self.portal_owner2):
            self.assertIn(
                notice, Notice.with_user(user).search([("id", "=", notice.id)])
            )
        self.assertFalse(
            Notice.with_user(self.portal_owner_b).search([("id", "=", notice.id)])
        )
        values = self._recipient(consultation, self.unit_a1)._portal_values()
        self.assertEqual(values["notice"], notice)
        with self.assertRaises(UserError):
            consultation.with_user(self.supervisor).action_publish()

    def test_notice_in_the_project_language(self):
        """The notice is written in the project's language whoever
        publishes it."""
        lang = self.env["res.lang"]._activate_lang("zh_CN")
        self.company.partner_id.lang = lang.code
        self.env.ref(
            "property_survey.consultation_notice_body"
        ).update_field_translations("arch_db", {"zh_CN": {"Participation": "参与情况"}})
        consultation, _recipients = self._fixture()
        consultation.with_user(self.agent).action_close()
        consultation.decision = "<p>Go ahead.</p>"
        consultation.with_user(self.supervisor).with_context(
            lang="en_US"
        ).action_publish()
        body = str(consultation.notice_id.body)
        self.assertIn("参与情况", body)
        self.assertNotIn("Participation", body)

    def _render(self, consultation, lang):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent)
            .with_context(lang=lang)
            ._render_qweb_html(
                "property_survey.property_consultation_report", consultation.ids
            )[0]
        )
        return html.decode() if isinstance(html, bytes) else str(html)

    def test_report_html(self):
        consultation, _recipients = self._fixture()
        consultation.with_user(self.agent).action_close()
        consultation.decision = "<p>Install twenty charging points next spring.</p>"
        html = self._render(consultation, "en_US")
        for text in (
            "Owner Consultation Report",
            "Charging points for electric bicycles",
            "Renovation of a Common Part",
            "66.7 %",
            "75.0 %",
            "100.0 %",
            "Civil Servant",
            "Successful Business Person",
            "Do you agree with this proposal?",
            "Add a camera",
            "Too close to the playground",
            "Install twenty charging points",
        ):
            self.assertIn(text, html)
        # the reader's language (the terms here stand for the merged .po)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.ref(
            "property_survey.report_consultation_document"
        ).update_field_translations(
            "arch_db",
            {"zh_CN": {"Participation": "参与情况", "Open Answers": "开放式回答"}},
        )
        html = self._render(consultation, "zh_CN")
        self.assertIn("参与情况", html)
        self.assertIn("开放式回答", html)
        self.assertNotIn("<h4>Participation</h4>", html)
        self.assertIn("66.7 %", html)
