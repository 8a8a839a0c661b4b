# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest

from odoo.tests import TransactionCase, tagged

from .common import PropertySurveyCommon


def _selection_labels(env):
    """English labels of the unit types and customer types."""
    unit_types = env["property.unit"]._fields["use_type"]._description_selection(env)
    customer_types = (
        env["res.partner"]._fields["owner_group"]._description_selection(env)
    )
    return dict(unit_types), dict(customer_types)


@tagged("post_install", "-at_install")
class TestCampaignLocale(PropertySurveyCommon):
    """A campaign's questionnaire bears the campaign's name; the stored
    sample-group labels are in the company's language."""

    def test_questionnaire_titled_after_campaign(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_survey"], ["zh_CN"], overwrite=True
        )
        campaign = self._campaign()
        survey = campaign.survey_id
        self.assertEqual(survey.with_context(lang="en_US").title, campaign.name)
        self.assertEqual(survey.with_context(lang="zh_CN").title, campaign.name)
        # the questions keep their translations
        template = self.env.ref("property_survey.survey_owner_satisfaction")
        self.assertEqual(
            survey.question_ids.with_context(lang="zh_CN").mapped("title"),
            template.question_ids.with_context(lang="zh_CN").mapped("title"),
        )

    def test_stratum_labels_in_company_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.company.partner_id.lang = "zh_CN"
        self._households(self.building_a2, 10)
        campaign = self._campaign()
        campaign.with_context(lang="en_US").action_draw_sample()
        labels = set(campaign.sample_ids.mapped("stratum_label"))
        self.assertTrue(labels)
        zh = self.env(context={"lang": "zh_CN"})
        residential = _selection_labels(zh)[0]["residential"]
        self.assertNotEqual(residential, "Residential")
        self.assertTrue(any(residential in label for label in labels), labels)
        unit_types, customer_types = _selection_labels(self.env)
        for label in labels:
            for english in list(unit_types.values()) + list(customer_types.values()):
                self.assertNotIn(english, label)


@tagged("post_install", "-at_install")
class TestDemoSurveysInChinese(TransactionCase):
    """The demo campaigns: their questionnaires are titled after them and
    read in Chinese, their sample groups are labelled in Chinese."""

    def test_demo_campaigns(self):
        campaign = self.env.ref(
            "property_survey.demo_campaign_2025", raise_if_not_found=False
        )
        if not campaign:
            raise unittest.SkipTest("demo data not installed")
        campaigns = campaign | self.env.ref("property_survey.demo_campaign_2026")
        unit_types, customer_types = _selection_labels(self.env)
        english = list(unit_types.values()) + list(customer_types.values())
        for campaign in campaigns:
            survey = campaign.survey_id.with_context(lang="zh_CN")
            self.assertEqual(survey.title, campaign.name)
            self.assertNotIn("(copy)", survey.with_context(lang="en_US").title)
            for question in survey.question_ids:
                self.assertNotEqual(
                    question.title,
                    question.with_context(lang="en_US").title,
                    "question without its Chinese translation",
                )
            for label in set(campaign.sample_ids.mapped("stratum_label")):
                for text in english:
                    self.assertNotIn(text, label)
