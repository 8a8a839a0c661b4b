# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, HttpCase, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyTicketReply(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Parking dispute",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
            }
        )

    def _reply(self, body):
        form = Form(
            self.env["property.ticket.reply"]
            .with_user(self.agent)
            .with_context(default_ticket_id=self.ticket.id)
        )
        form.body = body
        return form.save()

    def test_phrase_rules_found(self):
        """The D-15 phrase rules are found in a reply, spacing ignored."""
        Rule = self.env["property.reply.phrase"]
        found = Rule._find_in("<p>这个 不归 我管，但是您可以问问别人</p>", "zh_CN")
        self.assertEqual(
            set(found.mapped("name")), {"不归我管", "但是"}, "zh_CN rules only"
        )
        self.assertEqual(
            Rule._find_in("<p>不歸我管</p>", "zh_TW").mapped("name"), ["不歸我管"]
        )
        self.assertFalse(Rule._find_in("<p>我们马上为您安排维修。</p>", "zh_CN"))

    def test_clean_reply_is_sent(self):
        """A reply without flagged phrases goes straight to the owner."""
        wizard = self._reply("<p>We will send a technician at 15:00 today.</p>")
        wizard.action_send()
        message = self.ticket.message_ids[0]
        self.assertIn("technician", message.body)
        self.assertIn(self.owner_a, message.partner_ids)

    def test_flagged_reply_shows_matches_then_logs_override(self):
        """Flagged phrases are shown; sending anyway is logged."""
        self.owner_a.lang = "en_US"
        wizard = self._reply("<p>Sorry, I can't help, it is not my job.</p>")
        before = len(self.ticket.message_ids)
        action = wizard.action_send()
        self.assertEqual(action["res_model"], "property.ticket.reply")
        self.assertEqual(len(self.ticket.message_ids), before, "nothing sent yet")
        self.assertEqual(
            set(wizard.phrase_ids.mapped("name")), {"I can't", "not my job"}
        )
        wizard.action_send()
        bodies = self.ticket.message_ids[:2].mapped("body")
        self.assertTrue(any("standard-language" in body for body in bodies))
        self.assertTrue(any("not my job" in body for body in bodies))


@tagged("post_install", "-at_install")
class TestPropertyFaqPortal(PropertyCsCommon, HttpCase):
    def test_owner_reads_published_faq(self):
        """Owners read published answers of their projects only."""
        Faq = self.env["property.faq"]
        Faq.create(
            [
                {"name": "Where is the office?", "answer": "<p>Building 1</p>"},
                {
                    "name": "Draft answer",
                    "answer": "<p>x</p>",
                    "is_published": False,
                },
                {
                    "name": "River View gym hours?",
                    "answer": "<p>6-22</p>",
                    "project_ids": [(4, self.project_b.id)],
                },
            ]
        )
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        html = self.url_open("/my/faq").text
        self.assertIn("Where is the office?", html)
        self.assertNotIn("Draft answer", html)
        self.assertNotIn("River View gym hours?", html)

    def test_owner_reads_shipped_faq_in_chinese(self):
        """The shipped FAQ library shows in the portal in the owner's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.portal_owner.lang = "zh_CN"
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        html = self.url_open("/my/faq").text
        self.assertIn("物业费包含哪些服务？", html)
        self.assertIn("请先关闭户内总水阀", html)
        self.assertIn("费用与账单", html, "grouped under the translated category")
        self.assertNotIn("What do the property management fees cover?", html)
