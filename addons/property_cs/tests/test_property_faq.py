# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import TransactionCase, tagged

from .common import PropertyCsCommon

LANGS = ("zh_CN", "zh_TW")


def plain_text(html):
    return re.sub(r"<[^>]+>", "", html or "")


@tagged("post_install", "-at_install")
class TestPropertyFaqLibrary(TransactionCase):
    """The starter FAQ library shipped as editable data (D-15)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["property_cs"], list(LANGS), overwrite=True
        )
        # the data file's records, not the demo ones (demo_faq_...)
        cls.shipped_data = cls.env["ir.model.data"].search(
            [
                ("module", "=", "property_cs"),
                ("model", "=", "property.faq"),
                ("name", "=like", "faq\\_%"),
            ]
        )
        cls.shipped = cls.env["property.faq"].browse(cls.shipped_data.mapped("res_id"))

    def test_library_shipped_editable(self):
        """At least 30 active, published answers ship as noupdate data, in
        several categories, so that upgrades keep the administrator's edits."""
        shipped = self.shipped.filtered(lambda faq: faq.active and faq.is_published)
        self.assertGreaterEqual(len(shipped), 30)
        self.assertTrue(all(self.shipped_data.mapped("noupdate")))
        self.assertGreaterEqual(len(shipped.category_id), 8)
        self.assertFalse(shipped.project_ids, "the library is valid in every project")

    def test_answers_in_standard_language(self):
        """No shipped question or answer contains a flagged phrase, in English,
        zh_CN or zh_TW, and the Chinese texts are really translated."""
        Rule = self.env["property.reply.phrase"]
        for lang in LANGS + ("en_US",):
            self.assertTrue(Rule.search([("lang", "=", lang)]), lang)
        for faq in self.shipped:
            for lang in ("en_US",) + LANGS:
                record = faq.with_context(lang=lang)
                text = f"{record.name} {record.answer}"
                self.assertFalse(
                    Rule._find_in(text, lang).mapped("name"),
                    f"{faq.name} ({lang})",
                )
                if lang != "en_US":
                    # every paragraph translated: no English sentence left
                    self.assertNotRegex(plain_text(text), r"[A-Za-z]{4,}")

    def test_translations_loaded(self):
        """A shipped answer reads in the reader's language."""
        faq = self.env.ref("property_cs.faq_fee_scope")
        self.assertEqual(faq.name, "What do the property management fees cover?")
        self.assertEqual(faq.with_context(lang="zh_CN").name, "物业费包含哪些服务？")
        self.assertEqual(faq.with_context(lang="zh_TW").name, "管理費包含哪些服務？")
        answer = faq.with_context(lang="zh_CN").answer
        self.assertIn("物业费收费标准在小区公告栏和客户服务中心公示", answer)
        self.assertIn(
            "管理費收費標準公告於社區公告欄", faq.with_context(lang="zh_TW").answer
        )


@tagged("post_install", "-at_install")
class TestPropertyFaqAccess(PropertyCsCommon):
    """Staff read the general answers and those of their own projects; an
    answer restricted to another project is not in their list (it would name
    a project they may not read)."""

    def test_staff_read_general_and_own_project_answers(self):
        Faq = self.env["property.faq"]
        answer = "<p>Ask the service centre.</p>"
        general = Faq.create({"name": "Where is the service centre?", "answer": answer})
        own = Faq.create(
            {
                "name": "Clubhouse hours?",
                "answer": answer,
                "project_ids": [(6, 0, self.project_a.ids)],
            }
        )
        other = Faq.create(
            {
                "name": "Pool hours?",
                "answer": answer,
                "project_ids": [(6, 0, self.project_b.ids)],
            }
        )
        for role in ("agent", "department", "supervisor"):
            with self.subTest(role=role):
                visible = Faq.with_user(self.users[role]).search(
                    [("id", "in", (general | own | other).ids)]
                )
                self.assertEqual(visible, general | own)
                # what the list shows, as the web client reads it
                visible.web_read({"name": {}, "project_ids": {"fields": {}}})
        head_office = Faq.with_user(self.users["head_office"]).search(
            [("id", "in", (general | own | other).ids)]
        )
        self.assertEqual(head_office, general | own | other)
