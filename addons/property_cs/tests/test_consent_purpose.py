# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Consent per purpose: a withdrawn consent to greetings stops greetings."""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestConsentPurpose(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_a.write({"is_influential": True, "date_birth": "1990-03-07"})
        cls.spring = cls.env.ref("property_cs.property_festival_spring_2027")
        cls.Consent = cls.env["property.consent"]

    def _consent(self, withdrawn=False, date="2026-01-05"):
        return self.Consent.create(
            {
                "partner_id": self.owner_a.id,
                "scope": "greetings",
                "date": date,
                "purpose": "Festival and birthday greetings",
                "date_withdrawn": withdrawn,
            }
        )

    def _festival_greetings(self):
        return self.env["property.festival.greeting"]._greet(self.spring, self.owner_a)

    def _birthday_messages(self):
        with freeze_time("2027-03-07 09:00:00"):
            self.env["res.partner"]._cron_send_birthday_greetings()
        return self.owner_a.message_ids.filtered(
            lambda m: "birthday" in (m.subject or "").lower()
        )

    def test_withdrawn_consent_stops_greetings(self):
        self._consent(withdrawn="2026-06-01")
        self.assertFalse(self._festival_greetings())
        self.assertFalse(self._birthday_messages())
        self.assertEqual(
            self.Consent._partners_objecting(self.owner_a, "greetings"), self.owner_a
        )
        self.assertFalse(self.Consent._partners_objecting(self.owner_a, "surveys"))

    def test_given_consent_greets(self):
        """A consent on record (or a new one after a withdrawal) greets."""
        self._consent(withdrawn="2026-06-01")
        self._consent(date="2026-09-01")
        self.assertEqual(self._festival_greetings().partner_id, self.owner_a)
        self.assertEqual(len(self._birthday_messages()), 1)
