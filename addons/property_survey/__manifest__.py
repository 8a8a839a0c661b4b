# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Property Satisfaction Surveys",
    "summary": "Owner-satisfaction surveys with independent surveyors and samples",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property_cs",
    "license": "LGPL-3",
    "depends": ["property_cs", "survey", "base_automation"],
    "data": [
        "security/property_survey_groups.xml",
        "security/ir.model.access.csv",
        "security/property_survey_security.xml",
        "data/property_survey_data.xml",
        "data/mail_template_data.xml",
        "data/property_survey_pulse_data.xml",
        "data/base_automation_data.xml",
        "data/ir_cron_data.xml",
        "views/property_survey_campaign_views.xml",
        "views/property_survey_sample_views.xml",
        "views/property_survey_result_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_survey_menus.xml",
        "views/property_survey_pulse_views.xml",
        "report/property_survey_campaign_report.xml",
        "security/property_vote_ballot_security.xml",
        "views/property_vote_ballot_capture_views.xml",
        "views/property_vote_portal_templates.xml",
    ],
    "demo": ["demo/property_survey_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "property_survey/static/tests/tours/*.js",
        ],
    },
    "application": False,
}
