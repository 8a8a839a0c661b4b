# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestPropertySurveyAccess(BaseCommon):
    def test_surveyor_has_survey_rights(self):
        """Property surveyors design and collect surveys with Odoo's survey app."""
        surveyor = new_test_user(
            self.env,
            login="pcs_survey_surveyor",
            groups="property_cs.group_property_cs_surveyor",
        )
        self.assertTrue(surveyor.has_group("survey.group_survey_user"))
        survey = (
            self.env["survey.survey"]
            .with_user(surveyor)
            .create({"title": "Owner satisfaction 2026"})
        )
        self.assertEqual(survey.create_uid, surveyor)

    def test_menu_visible_to_surveyors_only(self):
        """The survey menu sits under Property, for surveyors and managers."""
        menu = self.env.ref("property_survey.property_survey_menu_root")
        surveyor = new_test_user(
            self.env,
            login="pcs_survey_surveyor2",
            groups="property_cs.group_property_cs_surveyor",
        )
        agent = new_test_user(
            self.env,
            login="pcs_survey_agent",
            groups="property_cs.group_property_cs_agent",
        )
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(surveyor)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(agent)._visible_menu_ids())
