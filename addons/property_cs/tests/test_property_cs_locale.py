# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest
from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged
from odoo.tools import format_datetime, html2plaintext
from odoo.tools.translate import code_translations

from .common import PropertyCsCommon
from .test_property_complaint import T0, PropertyComplaintCommon


@tagged("post_install", "-at_install")
class TestGovernmentHotline(PropertyComplaintCommon):
    """The government hotline is a project setting (12345 on the mainland,
    1999 in Taipei): the channel label is generic and the recourse told to
    the owner carries the project's number."""

    def test_channel_label_is_generic(self):
        self.assertEqual(self.project_b.government_hotline_name, "12345")
        labels = dict(self.Ticket._fields["channel"]._description_selection(self.env))
        self.assertEqual(labels["hotline_12345"], "Government Hotline")
        ticket = self._complaint(channel="hotline_12345")
        self.project_a.government_hotline_name = "1999"
        self.assertEqual(ticket.government_hotline_name, "1999")

    def test_recourse_with_project_hotline(self):
        self.project_a.government_hotline_name = "1999"
        recourse = self.recourse_12345
        self.assertTrue(recourse.is_government_hotline)
        self.assertNotIn("12345", recourse.name)
        self.assertEqual(
            recourse.with_context(property_hotline_name="1999").display_name,
            f"{recourse.name} 1999",
        )
        ticket = self._walk_to(self._complaint(), "replied")
        reply = ticket.message_ids.filtered(
            lambda m: "We repair today" in (m.body or "")
        )
        self.assertEqual(len(reply), 1)
        self.assertIn(f"{recourse.name} 1999", reply.body)
        self.assertNotIn("12345", reply.body)


@tagged("post_install", "-at_install")
class TestComplaintReplyEscalationLanguage(PropertyComplaintCommon):
    def test_reply_escalation_in_chinese_and_local_time(self):
        """The complaint reply pass (a cron, no language) tells the agent in
        their language, with the deadline in the project's time zone."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.company.partner_id.lang = "zh_CN"
        self.agent.lang = "zh_CN"
        with freeze_time(T0):
            ticket = self._complaint()
        due = T0 + timedelta(days=10)
        with freeze_time(due - timedelta(days=1)):
            self.env["property.deadline"].with_context(lang=None)._cron_deadline_pass()
        zh = self.env(context={"lang": "zh_CN"})
        reply_label = dict(
            self.env["property.deadline.escalation"]
            ._fields["target"]
            ._description_selection(zh)
        )["reply"]
        self.assertNotEqual(reply_label, "Complaint Reply")
        activity = ticket.activity_ids.filtered(
            lambda a: a.user_id == self.agent and reply_label in (a.summary or "")
        )
        self.assertEqual(len(activity), 1)
        # 02:00 UTC is 10:00 in Shanghai
        deadline = format_datetime(zh, due, tz="Asia/Shanghai", lang_code="zh_CN")
        self.assertIn("10:00", deadline)
        self.assertEqual(
            html2plaintext(activity.note),
            zh._("Deadline: %(deadline)s", deadline=deadline),
        )
        self.assertNotIn("UTC", activity.note)


@tagged("post_install", "-at_install")
class TestCreationMessageLanguage(PropertyCsCommon):
    """Records created without a language (demo, crons, mail gateway) log
    their creation in the company's language, in one language."""

    def test_creation_message_in_one_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.company.partner_id.lang = "zh_CN"
        # the translation function falls back on the user's language when
        # the context has none
        self.env.user.lang = "zh_CN"
        env = self.env(context={})
        self.assertFalse(env.lang)
        ticket = env["property.ticket"].create(
            {"name": "Leak", "unit_id": self.unit_a1.id}
        )
        created = code_translations.get_python_translations("mail", "zh_CN")[
            "%s created"
        ]
        model_name = (
            self.env["ir.model"]._get("property.ticket").with_context(lang="zh_CN").name
        )
        self.assertNotEqual(model_name, "Service Ticket")
        bodies = ticket.message_ids.mapped("body")
        self.assertTrue(
            any(created % model_name in (body or "") for body in bodies), bodies
        )
        self.assertFalse([b for b in bodies if "Service Ticket" in (b or "")])


@tagged("post_install", "-at_install")
class TestDemoInChinese(TransactionCase):
    """The demo is a mainland company's: in China, in CNY, its people speak
    Chinese in Shanghai time, and what the demo wrote (mails to owners,
    chatter) reads in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("property_cs.demo_project_ghy", raise_if_not_found=False):
            raise unittest.SkipTest("demo data not installed")

    def test_demo_company_in_china(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.partner_id.lang, "zh_CN")
        self.assertEqual(company.partner_id.tz, "Asia/Shanghai")
        self.assertEqual(company._property_lang(), "zh_CN")

    def test_demo_people_speak_chinese(self):
        users = self.env["res.users"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", "property_cs"), ("model", "=", "res.users")])
            .mapped("res_id")
        )
        self.assertIn(self.env.ref("property_cs.demo_user_owner1"), users)
        self.assertIn(self.env.ref("property_cs.demo_user_agent"), users)
        for user in users | self.env.ref("base.user_admin"):
            self.assertEqual((user.login, user.lang), (user.login, "zh_CN"))
            self.assertEqual((user.login, user.tz), (user.login, "Asia/Shanghai"))
        partners = self.env["res.partner"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", "property_cs"), ("model", "=", "res.partner")])
            .mapped("res_id")
        )
        self.assertTrue(partners)
        self.assertEqual(set(partners.mapped("lang")), {"zh_CN"})

    def test_demo_writes_chinese(self):
        complaint = self.env.ref("property_cs.demo_complaint_plan")
        self.assertEqual(complaint.partner_id.lang, "zh_CN")
        template = self.env.ref("property_cs.mail_template_complaint_acknowledgement")
        subject = template.with_context(lang="zh_CN").subject.replace(
            "{{ object.number }}", complaint.number
        )
        self.assertNotIn("We received", subject)
        acknowledgement = complaint.message_ids.filtered(lambda m: m.subject == subject)
        self.assertEqual(len(acknowledgement), 1)
        self.assertNotIn("Dear", acknowledgement.body)
        self.assertIn(complaint.partner_id.name, acknowledgement.body)
        # the chatter of the demo records
        messages = (
            self.env["property.ticket"].search([]).message_ids
            | self.env.ref("property_cs.demo_project_ghy").unit_ids.message_ids
        )
        english = ("created", "Dear", "added as", "Acknowledgement sent")
        for message in messages:
            body = message.body or ""
            for text in english:
                self.assertNotIn(text, body, message.record_name)
