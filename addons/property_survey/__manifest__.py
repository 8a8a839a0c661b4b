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
    "depends": ["property_cs", "survey"],
    "data": [
        "security/property_survey_groups.xml",
        "views/property_survey_menus.xml",
    ],
    "application": False,
}
