# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A person's copy of their data: owners download it from the portal, the
personal-information officer produces it for a written request."""

import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import INTERNAL_ID_NUMBER, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPersonalDataCopy(PropertyCsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()
        cls.env["property.vehicle"].create(
            {"name": "浙A·D1234", "partner_id": cls.owner_a.id}
        )
        cls.ticket_a = cls.env["property.ticket"].create(
            {"name": "Kitchen tap leaks", "unit_id": cls.unit_a1.id}
        )
        cls.ticket_b = cls.env["property.ticket"].create(
            {"name": "Garage door noise", "unit_id": cls.unit_b1.id}
        )
        cls.officer = new_test_user(
            cls.env,
            login="pcs_privacy",
            groups="property_cs.group_property_cs_privacy",
            name="PCS privacy officer",
        )

    def test_owner_downloads_own_copy(self):
        """The copy holds the owner's file, units, household, vehicle and
        requests; nothing of other owners and no staff assessment."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open("/my/personal_data")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = json.loads(response.content)
        text = json.dumps(data, ensure_ascii=False)
        self.assertEqual(data["person"]["Name"], "Zhang Wei")
        self.assertIn(INTERNAL_ID_NUMBER, text, "their own number is theirs")
        self.assertIn("Wheelchair user", text, "their own special needs too")
        self.assertIn("Li Na", text)  # household of their unit
        self.assertIn("浙A·D1234", text)
        self.assertIn("Kitchen tap leaks", text)
        self.assertNotIn("Garage door noise", text)
        self.assertNotIn("Chen Jie", text)
        for marker in ("Dominant", "Civil servant", "calls after 18:00"):
            self.assertNotIn(marker, text)
        log = self.env["property.access.log"].search(
            [("user_id", "=", self.portal_owner.id), ("action", "=", "export")]
        )
        self.assertEqual(log.res_ids, str(self.owner_a.id))
        home = self.url_open("/my").text
        self.assertIn("/my/personal_data", home)

    @mute_logger("odoo.http")
    def test_owner_cannot_get_another_copy(self):
        """Neither another person's copy nor the staff copy of their own."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        for partner in (self.owner_b, self.owner_a):
            response = self.url_open(f"/property/personal_data/{partner.id}")
            self.assertEqual(response.status_code, 403)
        with self.assertRaises(AccessError):
            self.owner_b.with_user(self.portal_owner)._property_personal_data_file()

    def test_officer_copy_for_a_written_request(self):
        """Agents cannot produce a copy; the officer's includes assessments."""
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.agent).action_property_export_personal_data()
        action = self.owner_a.with_user(
            self.officer
        ).action_property_export_personal_data()
        self.assertEqual(action["url"], f"/property/personal_data/{self.owner_a.id}")
        self.authenticate("pcs_privacy", "pcs_privacy")
        data = json.loads(self.url_open(action["url"]).content)
        text = json.dumps(data, ensure_ascii=False)
        self.assertIn("Dominant", text)
        self.assertIn("Prefers calls after 18:00", text)
