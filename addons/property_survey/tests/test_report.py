# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PropertySurveyResultsCommon

# Headings of the report as translated in the module's dictionary
# (/work/i18n_dicts/survey.json); the .po files are generated from it.
HEADINGS = {
    "en_US": ("Satisfaction Survey Report", "Method Statement", "Results by Driver"),
    "zh_CN": ("满意度调查报告", "抽样方法说明", "各满意度因素结果"),
    "zh_TW": ("滿意度調查報告", "抽樣方法說明", "各滿意度構面結果"),
}


@tagged("post_install", "-at_install")
class TestReport(PropertySurveyResultsCommon):
    """The campaign report renders in Chinese with the figures and the
    method statement (no wkhtmltopdf here: the HTML is checked)."""

    def _render(self, lang):
        self._fixture()
        html = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(
                "property_survey.property_survey_campaign_report", self.campaign.ids
            )[0]
        )
        return html.decode() if isinstance(html, bytes) else str(html)

    def _check(self, lang):
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(
                ["property_survey"], [lang], overwrite=True
            )
        html = self._render(lang)
        # figures of the hand-computed fixture (see PropertySurveyResultsCommon)
        self.assertIn("63.3", html)  # overall degree
        self.assertIn("66.7 %", html)  # overall rate and driver A rate
        self.assertIn("58.3", html)  # driver B degree
        self.assertIn("0.77", html)  # Cronbach's alpha of driver A
        self.assertIn("fixed-seed", html)  # the method statement
        for heading in HEADINGS[lang]:
            self.assertIn(heading, html)
        if lang != "en_US":
            self.assertNotIn(HEADINGS["en_US"][1], html)
        return html

    def test_report_html_en(self):
        self._check("en_US")

    def test_report_html_zh_cn(self):
        self._check("zh_CN")

    def test_report_html_zh_tw(self):
        self._check("zh_TW")
