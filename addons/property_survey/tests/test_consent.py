# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A withdrawn consent to surveys stops surveys of that person."""

from odoo.tests import tagged

from .common import PropertySurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyConsent(PropertySurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pulse = cls.env.ref("property_survey.survey_service_pulse")
        cls.category = cls.env.ref("property_cs.property_ticket_category_water_leak")
        cls.category.parent_id.pulse_survey_id = cls.pulse
        cls.company.property_satisfaction_channel = "survey"

    def _withdraw(self, partner, scope="surveys"):
        return self.env["property.consent"].create(
            {
                "partner_id": partner.id,
                "scope": scope,
                "date": "2026-01-05",
                "purpose": "Satisfaction surveys",
                "date_withdrawn": "2026-02-01",
            }
        )

    def _close_ticket(self):
        ticket = self.env["property.ticket"].create(
            {
                "name": "Tap",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "category_id": self.category.id,
            }
        )
        ticket.action_done()
        ticket.action_close()
        return ticket

    def test_no_pulse_survey_after_withdrawal(self):
        self.assertTrue(self._close_ticket().pulse_input_ids, "control: asked")
        self._withdraw(self.owner_a)
        self.assertFalse(self._close_ticket().pulse_input_ids)

    def test_consent_given_again_counts(self):
        """The latest record decides: a new consent after a withdrawal."""
        self._withdraw(self.owner_a)
        self.env["property.consent"].create(
            {
                "partner_id": self.owner_a.id,
                "scope": "surveys",
                "date": "2026-03-01",
                "purpose": "Satisfaction surveys",
            }
        )
        self.assertTrue(self._close_ticket().pulse_input_ids)

    def test_campaign_frame_skips_objecting_respondent(self):
        """The household is still surveyed through another member; a
        withdrawal for another purpose changes nothing."""
        campaign = self._campaign()

        def respondent(unit):
            rows = [r for r in campaign._get_frame() if r["unit"] == unit.id]
            return rows and rows[0]["partner"]

        self.assertEqual(respondent(self.unit_a1), self.owner_a.id)
        self._withdraw(self.owner_a, scope="greetings")
        self.assertEqual(respondent(self.unit_a1), self.owner_a.id)
        self._withdraw(self.owner_a)
        self.assertEqual(respondent(self.unit_a1), self.owner_a_spouse.id)
        self._withdraw(self.owner_a_spouse)
        self.assertFalse(respondent(self.unit_a1), "nobody left to ask")
