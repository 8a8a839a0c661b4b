# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyKeyCustomer(PropertyCsCommon):
    def _activities(self, partner):
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact"
        )
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def test_floor_area_share(self):
        """An owner of >= 5 % of a project's floor area is a key customer."""
        # unit_a1 is 100 m² of 2000 m², held 50/50: 2.5 % each
        self.assertFalse(self.owner_a.is_key_customer)
        self.unit_a3.area = 700.0  # total 900 m²: 50 m² is 5.6 %
        self.assertTrue(self.owner_a.is_key_customer)
        self.assertIn("5.6 %", self.owner_a.key_customer_reasons)
        self.assertIn("Osmanthus Garden", self.owner_a.key_customer_reasons)

    def test_threshold_is_a_setting(self):
        """The 5 % threshold is a company setting."""
        self.company.property_key_area_share = 2.0
        self.env["res.partner"]._refresh_key_customer(self.owner_a)
        self.assertTrue(self.owner_a.is_key_customer)
        self.assertIn("threshold 2.0 %", self.owner_a.key_customer_reasons)

    def test_threshold_change_reevaluates_owners(self):
        """Lowering or raising the threshold in Settings re-evaluates every
        owner of the company's projects at once, without any other write."""
        self.assertFalse(self.owner_a.is_key_customer)  # 2.5 % < 5 %
        settings = self.env["res.config.settings"].create({})
        settings.property_key_area_share = 2.0
        settings.execute()
        self.env.invalidate_all()
        self.assertTrue(self.owner_a.is_key_customer)
        self.assertEqual(
            self.env["res.partner"].search(
                [("is_key_customer", "=", True), ("id", "=", self.owner_a.id)]
            ),
            self.owner_a,
            "the stored flag is updated",
        )
        self.company.property_key_area_share = 5.0
        self.env.invalidate_all()
        self.assertFalse(self.owner_a.is_key_customer)

    def test_organisation(self):
        """An organisation owning units, and its representatives, are key."""
        company = self.env["res.partner"].create(
            {"name": "Hengda Trading Co.", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Liu Yang", "parent_id": company.id}
        )
        self.env["property.unit.partner"].create(
            {"unit_id": self.unit_a2.id, "partner_id": company.id, "role": "owner"}
        )
        self.assertTrue(company.is_key_customer)
        self.assertIn("Organisation owning 1 unit", company.key_customer_reasons)
        self.assertTrue(contact.is_key_customer)
        self.assertIn("Hengda Trading", contact.key_customer_reasons)

    def test_manual_criteria(self):
        """Preparatory group, influence and prejudice are ticked by staff and
        explained."""
        owner = self.tenant_a
        self.assertFalse(owner.is_key_customer)
        owner.is_committee_preparatory = True
        owner.is_prejudiced = True
        self.assertTrue(owner.is_key_customer)
        self.assertIn("preparatory group", owner.key_customer_reasons)
        self.assertIn("prejudiced", owner.key_customer_reasons)
        owner.write({"is_committee_preparatory": False, "is_prejudiced": False})
        self.assertFalse(owner.is_key_customer)

    def test_committee_member_criterion(self):
        """Committee membership is computed from the owners' committee (not
        ticked) and explained."""
        self.assertFalse(self.owner_a.is_key_customer)
        member = self._make_committee_member(self.owner_a, self.project_a)
        self.assertTrue(self.owner_a.is_committee_member)
        self.assertTrue(self.owner_a.is_key_customer)
        self.assertIn("owners' committee", self.owner_a.key_customer_reasons)
        member.active = False
        self.assertFalse(self.owner_a.is_key_customer)

    def test_ended_ownership_refreshed_by_cron(self):
        """When an ownership ends, the nightly refresh drops the area reason."""
        self.unit_a3.area = 700.0
        self.assertTrue(self.owner_a.is_key_customer)
        self.unit_a1.partner_link_ids.filtered(
            lambda link: link.partner_id == self.owner_a
        ).date_end = "2026-03-01"
        with freeze_time("2026-03-02"):
            self.env["res.partner"]._cron_refresh_key_customers()
            self.assertFalse(self.owner_a.is_key_customer)

    @freeze_time("2026-05-10")
    def test_monthly_contact_activity(self):
        """Each key customer gets one recurring manager-contact activity."""
        self.owner_b.is_influential = True  # project B: no manager
        self.owner_a.is_influential = True
        Partner = self.env["res.partner"]
        Partner._cron_schedule_key_customer_contacts()
        activity = self._activities(self.owner_a)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(str(activity.date_deadline), "2026-06-10")
        self.assertFalse(
            self._activities(self.owner_b), "project B has no manager: no activity"
        )
        Partner._cron_schedule_key_customer_contacts()
        self.assertEqual(len(self._activities(self.owner_a)), 1, "never twice")
        # overdue is visible: the activity state turns overdue
        with freeze_time("2026-06-11"):
            activity.invalidate_recordset(["state"])
            self.assertEqual(activity.state, "overdue")
            self.assertEqual(self.owner_a.activity_state, "overdue")
        # done: the chained type plans the next contact a month later
        activity.action_feedback(feedback="Called, all fine.")
        following = self._activities(self.owner_a)
        self.assertEqual(len(following), 1)
        self.assertEqual(str(following.date_deadline), "2026-07-10")

    def test_interval_setting(self):
        """The contact interval is a setting, also applied to the chaining."""
        settings = Form(self.env["res.config.settings"])
        settings.property_key_contact_interval = 2
        settings.property_key_contact_interval_unit = "weeks"
        settings.save().execute()
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact"
        )
        self.assertEqual(
            (activity_type.delay_count, activity_type.delay_unit), (2, "weeks")
        )
        self.assertEqual(activity_type.triggered_next_type_id, activity_type)
        with freeze_time("2026-05-10"):
            self.owner_a.is_influential = True
            self.env["res.partner"]._cron_schedule_key_customer_contacts()
            self.assertEqual(
                str(self._activities(self.owner_a).date_deadline), "2026-05-24"
            )

    @freeze_time("2026-03-07")
    def test_birthday_greeting(self):
        """Key customers receive a birthday greeting, with no internal data."""
        self.owner_a.write({"is_influential": True, "date_birth": "1990-03-07"})
        self.env["res.partner"]._cron_send_birthday_greetings()
        message = self.owner_a.message_ids.filtered(
            lambda m: "birthday" in (m.subject or "").lower()
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.owner_a, message.partner_ids)
        self.assertNotIn("respected", message.body)
