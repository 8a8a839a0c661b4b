# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Participation in community events as an attribute of the sampled
households and a dimension of the results."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import PropertySurveyCommon, PropertySurveyResultsCommon


@tagged("post_install", "-at_install")
class TestEventAttribute(PropertySurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.units = cls._households(cls.building_a2, 5)
        now = fields.Datetime.now()
        Event = cls.env["event.event"]
        recent, old = Event.create(
            [
                {
                    "name": name,
                    "date_begin": now - timedelta(days=days),
                    "date_end": now - timedelta(days=days) + timedelta(hours=2),
                    "property_project_id": cls.project_a.id,
                    "event_mail_ids": [Command.clear()],
                }
                for name, days in (("Summer Fair", 60), ("Old Fair", 400))
            ]
        )
        u0, u1, u2, u3, _u4 = cls.units
        Registration = cls.env["event.registration"]
        Registration.create(
            [
                # a member booked for the household attended
                {
                    "event_id": recent.id,
                    "partner_id": cls.no_unit_partner.id,
                    "property_unit_id": u0.id,
                    "state": "done",
                },
                # the owner came as a walk-in, without the unit
                {
                    "event_id": recent.id,
                    "partner_id": u1.partner_link_ids.partner_id.id,
                    "state": "done",
                },
                # more than 12 months ago
                {
                    "event_id": old.id,
                    "partner_id": u2.partner_link_ids.partner_id.id,
                    "property_unit_id": u2.id,
                    "state": "done",
                },
                # booked but did not attend
                {
                    "event_id": recent.id,
                    "partner_id": u3.partner_link_ids.partner_id.id,
                    "property_unit_id": u3.id,
                    "state": "open",
                },
            ]
        )

    def test_attribute_filled_when_drawn(self):
        """The draw records which households took part in community events
        in the last 12 months (an attended place of the unit or of a person
        living there)."""
        campaign = self._campaign(
            building_ids=[Command.set(self.building_a2.ids)], sample_min=5
        )
        campaign.action_draw_sample()
        participant = {
            sample.unit_id: sample.property_event_participant
            for sample in campaign.sample_ids
        }
        u0, u1, u2, u3, u4 = self.units
        self.assertEqual(
            participant,
            {u0: True, u1: True, u2: False, u3: False, u4: False},
        )

    def test_attribute_filled_for_added_households(self):
        """A household added to a sample later (a swap) gets it too."""
        campaign = self._campaign(building_ids=[Command.set(self.building_a2.ids)])
        sample = self.env["property.survey.sample"].create(
            {
                "campaign_id": campaign.id,
                "unit_id": self.units[1].id,
                "building_id": self.building_a2.id,
            }
        )
        self.assertTrue(sample.property_event_participant)


@tagged("post_install", "-at_install")
class TestEventParticipationResults(PropertySurveyResultsCommon):
    def test_results_by_event_participation(self):
        """The results are grouped by participation too: R1 took part, R2
        and R3 did not (see the fixture's figures)."""
        self.campaign.sample_ids[:1].sudo().property_event_participant = True
        self._fixture()
        took_part = self._row(dimension="event_participation").filtered(
            lambda r: r.group_key == "1"
        )
        others = self._row(dimension="event_participation").filtered(
            lambda r: r.group_key == "0"
        )
        # R1: A (5, 4) → 87.5, B 3 → 50: 0.6 × 87.5 + 0.4 × 50 = 72.5
        self.assertAlmostEqual(took_part.degree, 72.5, places=2)
        self.assertAlmostEqual(took_part.rate, 100.0, places=2)
        self.assertEqual((took_part.sample_count, took_part.valid_count), (1, 1))
        # R2, R3: A 75 and 37.5 → 56.25, B 25 and 100 → 62.5 → 58.75
        self.assertAlmostEqual(others.degree, 58.75, places=2)
        self.assertAlmostEqual(others.rate, 50.0, places=2)
        self.assertEqual(others.valid_count, 2)
        self.assertEqual(
            others.sample_count, len(self.campaign.sample_ids) - 1, "the rest"
        )
        driver_a = self._row(self.driver_a, "event_participation").filtered(
            lambda r: r.group_key == "1"
        )
        self.assertAlmostEqual(driver_a.degree, 87.5, places=2)
        # the campaign report shows the same groups
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_survey.property_survey_campaign_report", self.campaign.ids
        )[0]
        html = html.decode() if isinstance(html, bytes) else str(html)
        self.assertIn("Results by Community Event Participation", html)
        self.assertIn(took_part.group_label, html)
        self.assertIn("72.5", html)
