# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import GROUP, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyFestival(PropertyCsCommon):
    """Festival greetings to key customers (D-5)."""

    def test_seeded_festivals(self):
        """Five years of festivals with their real dates."""
        Festival = self.env["property.festival"]
        self.assertEqual(Festival.search_count([("year", "in", [2026, 2030])]), 14)
        spring_2027 = self.env.ref("property_cs.property_festival_spring_2027")
        self.assertEqual(str(spring_2027.date), "2027-02-06")
        mid_autumn_2028 = self.env.ref("property_cs.property_festival_mid_autumn_2028")
        self.assertEqual(str(mid_autumn_2028.date), "2028-10-03")

    def test_greetings_over_a_year(self):
        """Running the daily cron over 2027 greets a key customer once per
        festival: by email for cards, by a manager to-do for personal
        greetings; a customer who is not key is never greeted."""
        self.owner_a.is_influential = True
        Greeting = self.env["property.festival.greeting"]
        festivals_2027 = self.env["property.festival"].search([("year", "=", 2027)])
        day = datetime(2027, 1, 1)
        while day.year == 2027:
            with freeze_time(day):
                self.env["property.festival"]._cron_send_festival_greetings()
            day += timedelta(days=1)
        greetings = Greeting.search(
            [("partner_id", "=", self.owner_a.id), ("festival_id.year", "=", 2027)]
        )
        self.assertEqual(greetings.festival_id, festivals_2027)
        self.assertEqual(len(greetings), len(festivals_2027))
        visits = greetings.filtered(lambda g: g.method == "visit")
        self.assertEqual(
            set(visits.festival_id.mapped("name")),
            {"Spring Festival", "Mid-Autumn Festival"},
        )
        self.assertEqual(visits.user_id, self.manager)
        mails = self.owner_a.message_ids.filtered(
            lambda m: (m.subject or "").startswith("Season's greetings")
        )
        self.assertEqual(len(mails), len(festivals_2027) - 2)
        self.assertIn("Dragon Boat Festival", " ".join(mails.mapped("subject")))
        self.assertFalse(Greeting.search([("partner_id", "=", self.tenant_a.id)]))
        # agents of another project do not see these key customers
        outsider = new_test_user(
            self.env, login="pcs_agent_b", groups=GROUP % "agent", name="Agent B"
        )
        outsider.property_project_ids = [Command.link(self.project_b.id)]
        self.assertFalse(greetings.with_user(outsider)._filtered_access("read"))
        self.assertEqual(
            greetings.with_user(self.agent)._filtered_access("read"), greetings
        )
        # a second run on the same day greets nobody twice
        with freeze_time("2027-10-01"):
            self.env["property.festival"]._cron_send_festival_greetings()
        self.assertEqual(
            Greeting.search_count([("partner_id", "=", self.owner_a.id)]),
            len(greetings),
        )
