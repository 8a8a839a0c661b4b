# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .test_renovation_works import PHOTO, RenovationWorksCommon


@tagged("post_install", "-at_install")
class TestRenovationViolationPortal(RenovationWorksCommon, HttpCase):
    """The applicant and the unit's owners see a violation in the portal
    and answer it there; nobody else opens it (D-20)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.violation = cls.env["property.renovation.violation"].create(
            {
                "renovation_id": cls.permit.id,
                "violation_type": "common_area",
                "user_id": cls.inspector.id,
                "description": "Lift door scratched by a ladder",
                "deduction_amount": 300.0,
                "deduction_reason": "Repaint the lift door panel",
                "attachment_ids": [Command.create({"name": "lift.png", "raw": PHOTO})],
            }
        )
        cls.url = f"/my/renovations/violation/{cls.violation.id}"

    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def test_owner_sees_violation_others_are_redirected(self):
        self.assertEqual(self.violation.access_url, self.url)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lift door scratched by a ladder", page.text)
        self.assertIn("o_property_cs_violation_answer", page.text)
        self.assertIn("/web/image/", page.text)
        for login in ("pcs_owner_b", "pcs_tenant_a"):
            self.authenticate(login, login)
            response = self.url_open(self.url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, login)
            self.assertTrue(response.headers["Location"].endswith("/my"), login)
            response = self._post(f"{self.url}/answer", {"answer": "Not mine"})
            self.assertEqual(response.status_code, 303, login)
        self.assertEqual(self.violation.state, "open")
        self.authenticate(None, None)
        response = self.url_open(self.url, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_owner_answers_with_photo(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self._post(
            f"{self.url}/answer",
            {"answer": "Repainted by our contractor"},
            files={"photos": ("door.png", PHOTO, "image/png")},
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(self.url))
        self.violation.invalidate_recordset()
        self.assertEqual(self.violation.state, "answered")
        message = self.violation.message_ids.filtered(
            lambda m: m.author_id == self.owner_a and m.message_type == "comment"
        )
        self.assertIn("Repainted by our contractor", message.body)
        self.assertEqual(message.attachment_ids.name, "door.png")
        self.assertIn(self.inspector, self.violation.activity_ids.user_id)
        # a file that is not a photo is refused, the text kept in the form
        page = self._post(
            f"{self.url}/answer",
            {"answer": "Here is the invoice"},
            files={"photos": ("invoice.txt", b"not a photo", "text/plain")},
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_property_cs_violation_error", page.text)
        self.assertIn("Here is the invoice", page.text)


@tagged("post_install", "-at_install")
class TestRenovationViolationTour(HttpCase):
    """The shipped demo owner (owner1, in Chinese) opens a violation of
    their renovation in the portal and answers it."""

    def test_owner_answers_violation_in_portal(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs", "portal", "mail"], ["zh_CN"]
        )
        owner = self.env.ref("property_cs.demo_user_owner1")
        unit = self.env.ref("property_cs.demo_unit_ghy_1_202")
        today = fields.Date.today()
        permit = (
            self.env["property.renovation"]
            .sudo()
            .create(
                {
                    "unit_id": unit.id,
                    "applicant_id": owner.partner_id.id,
                    "applicant_role": "owner",
                    "date_start": today - timedelta(days=5),
                    "date_end": today + timedelta(days=25),
                    "state": "approved",
                }
            )
        )
        violation = self.env["property.renovation.violation"].create(
            {
                "renovation_id": permit.id,
                "violation_type": "waste",
                "description": "装修垃圾堆放在楼道，影响通行。",
                "attachment_ids": [Command.create({"name": "楼道.png", "raw": PHOTO})],
            }
        )
        self.start_tour(
            permit.access_url,
            "property_cs_renovation_violation_tour",
            login="owner1",
        )
        self.assertEqual(violation.state, "answered")
        self.assertIn("垃圾清运完毕", violation.answer)
