# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestEventTour(HttpCase):
    """The shipped demo owner (owner1, portal, Chinese) registers two
    members of the household for an upcoming event of 绿城·桂花苑 and sees
    the places left drop by two."""

    def test_owner_registers_two_household_members(self):
        owner = self.env.ref("property_cs.demo_user_owner1")
        now = fields.Datetime.now().replace(microsecond=0)
        event = self.env["event.event"].create(
            {
                "name": "社区亲子趣味运动会",
                "property_project_id": self.env.ref("property_cs.demo_project_ghy").id,
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=10, hours=3),
                "seats_limited": True,
                "seats_max": 20,
                "property_is_published": True,
                "event_mail_ids": [Command.clear()],
            }
        )
        household = self.env["event.registration"]._property_households(
            owner.partner_id
        )
        members = self.env["res.partner"].union(*household.values())
        self.start_tour("/my", "property_cs_event_register_tour", login="owner1")
        registrations = event.registration_ids
        self.assertEqual(len(registrations), 2)
        self.assertLessEqual(registrations.partner_id, members)
        self.assertEqual(registrations.property_booked_by_id, owner.partner_id)
        self.assertEqual(set(registrations.mapped("property_channel")), {"portal"})
        self.assertEqual(set(registrations.mapped("state")), {"open"})
        event.invalidate_recordset()
        self.assertEqual(event.seats_available, 18)
