# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Anonymising former owners and residents, and the retention job."""

from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestErasureRetention(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="pcs_privacy",
            groups="property_cs.group_property_cs_privacy",
            name="PCS privacy officer",
        )
        # the tenant moved out four years ago
        cls.tenant_link = cls.tenant_a.unit_link_ids
        cls.tenant_link.write(
            {
                "date_start": date.today() - timedelta(days=8 * 365),
                "date_move_in": date.today() - timedelta(days=8 * 365),
                "date_end": date.today() - timedelta(days=4 * 365),
            }
        )
        cls.tenant_a.write(
            {
                "mobile": "13900000077",
                "date_birth": "1990-03-07",
                "special_needs": "Hearing aid",
                "emergency_contact_phone": "13900000088",
            }
        )
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Balcony drain blocked",
                "unit_id": cls.unit_a2.id,
                "partner_id": cls.tenant_a.id,
                "partner_phone": "13900000077",
            }
        )

    def test_anonymise_former_resident(self):
        """The officer anonymises a former resident: personal fields, phone
        on their requests and their words in the chatter go; the unit link
        and the request stay for the statistics; it is logged."""
        message = self.ticket.message_post(
            body="Call me on 13900000077",
            author_id=self.tenant_a.id,
            attachments=[("balcony.jpg", b"\xff\xd8\xff photo of the balcony")],
        )
        photo = message.attachment_ids
        self.assertTrue(photo)
        with self.assertRaises(AccessError):
            self.tenant_a.with_user(self.agent).action_property_anonymise()
        self.tenant_a.with_user(self.officer).action_property_anonymise()
        tenant = self.tenant_a.with_context(active_test=False)
        self.assertFalse(tenant.active)
        self.assertTrue(tenant.property_anonymised_date)
        self.assertNotIn("Wang Fang", tenant.name)
        for field in ("mobile", "email", "date_birth", "special_needs"):
            self.assertFalse(tenant[field], field)
        self.assertFalse(tenant.emergency_contact_phone)
        self.assertFalse(self.ticket.partner_phone)
        self.assertTrue(self.ticket.exists())
        link = self.tenant_link.with_context(active_test=False)
        self.assertEqual(link.role, "tenant")
        self.assertFalse(photo.exists(), "the photos they sent are removed")
        bodies = self.ticket.message_ids.mapped("body")
        self.assertFalse([b for b in bodies if "13900000077" in str(b)])
        self.assertTrue(
            self.env["property.access.log"].search(
                [("action", "=", "anonymised"), ("user_id", "=", self.officer.id)]
            )
        )

    def test_refused_with_every_reason(self):
        """A current owner with an open complaint and a legal hold: all the
        reasons in one message, nothing changed."""
        self.env["property.ticket"].create(
            {
                "name": "Lift noise",
                "kind": "complaint",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        self.owner_a.sudo().write(
            {"property_legal_hold": True, "property_legal_hold_reason": "lawsuit"}
        )
        with self.assertRaises(UserError) as caught:
            self.owner_a.with_user(self.officer).action_property_anonymise()
        message = str(caught.exception)
        self.assertIn("still a current owner or resident", message)
        self.assertIn("a complaint is still open", message)
        self.assertIn("lawsuit", message)
        self.assertEqual(self.owner_a.name, "Zhang Wei")

    def test_retention_job(self):
        """The daily job anonymises the former resident past the retention
        period, erases old public-form addresses, callback notes and the old
        tracked special needs; recent data stays; 0 keeps everything."""
        Submission = self.env["property.complaint.submission"]
        old_sub, new_sub = Submission.create(
            [
                {"ip_address": "10.0.0.1", "email": "a@example.com"},
                {"ip_address": "10.0.0.2", "email": "b@example.com"},
            ]
        )
        old_sub.project_id = new_sub.project_id = self.project_a
        self.env.cr.execute(
            "UPDATE property_complaint_submission SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=400), old_sub.id),
        )
        self.env_tracking["res.partner"].browse(self.owner_a.id).write(
            {"special_needs": "Wheelchair user"}
        )
        self.flush_tracking()
        tracking = self.env["mail.tracking.value"].search(
            [
                ("field_id.name", "=", "special_needs"),
                ("mail_message_id.res_id", "=", self.owner_a.id),
            ]
        )
        self.assertTrue(tracking)
        self.env.cr.execute(
            "UPDATE mail_tracking_value SET create_date = %s WHERE id IN %s",
            (fields.Datetime.now() - timedelta(days=400), tuple(tracking.ids)),
        )
        self.env.invalidate_all()
        self.company.write(
            {
                "property_retention_former_days": 0,
                "property_retention_submission_days": 0,
                "property_retention_tracking_days": 0,
            }
        )
        self.env["res.company"]._cron_property_retention()
        self.assertEqual(self.tenant_a.name, "Wang Fang")
        self.assertEqual(old_sub.ip_address, "10.0.0.1")
        self.assertTrue(tracking.exists())
        self.company.write(
            {
                "property_retention_former_days": 3 * 365,
                "property_retention_submission_days": 180,
                "property_retention_tracking_days": 365,
            }
        )
        self.env["res.company"]._cron_property_retention()
        self.env.invalidate_all()
        self.assertNotIn("Wang Fang", self.tenant_a.name)
        self.assertEqual(self.owner_a.name, "Zhang Wei", "current owner kept")
        self.assertFalse(old_sub.ip_address or old_sub.email)
        self.assertEqual(new_sub.ip_address, "10.0.0.2")
        self.assertFalse(tracking.exists())

    def test_blockers_queries_do_not_grow_with_people(self):
        """The nightly batch checks the blockers of many people with the same
        few queries as one person."""
        Partner = self.env["res.partner"]
        people = Partner.create([{"name": f"Former resident {i}"} for i in range(6)])

        def queries(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            partners._property_erasure_blockers()
            return self.env.cr.sql_log_count - before

        one = queries(people[:1])
        self.assertEqual(queries(people), one)
