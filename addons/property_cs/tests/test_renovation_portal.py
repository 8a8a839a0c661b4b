# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, tagged

from .test_renovation_application import SIGNATURE, RenovationCommon

PDF = b"%PDF-1.4\n% a scan\n"


@tagged("post_install", "-at_install")
class TestRenovationPortal(RenovationCommon, HttpCase):
    """Renovation applications in the portal: an owner sees their units'
    applications, a tenant only their own; the pages carry no token; the
    form, the upload policy, the submission and the signature (D-20)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.unit.partner"].create(
            {
                "unit_id": cls.unit_a2.id,
                "partner_id": cls.owner_b.id,
                "role": "owner",
                "date_start": "2019-01-01",
            }
        )
        cls.own = cls._apply_cls(cls.owner_a, cls.unit_a1)
        cls.tenant_app = cls._apply_cls(cls.tenant_a, cls.unit_a2)

    @classmethod
    def _apply_cls(cls, applicant, unit):
        today = fields.Date.context_today(cls.env.user)
        return cls.env["property.renovation"].create(
            {
                "unit_id": unit.id,
                "applicant_id": applicant.id,
                "scope_ids": [
                    Command.set(cls.env.ref("property_cs.renovation_scope_walls").ids)
                ],
                "date_start": today + timedelta(days=3),
                "date_end": today + timedelta(days=30),
            }
        )

    def _listed(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/renovations")
        self.assertEqual(response.status_code, 200)
        return {
            int(i) for i in re.findall(r'data-renovation-id="(\d+)"', response.text)
        }

    def _assert_redirected(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 303, url)
        self.assertTrue(response.headers["Location"].endswith("/my"), url)

    def test_portal_isolation(self):
        """The owner lists their unit's application, not the tenant's of
        another unit; the tenant only their own; the owner of the rented
        unit sees the tenant's; another's page redirects, with or without a
        token."""
        self.assertEqual(self._listed("pcs_owner_a"), {self.own.id})
        self._assert_redirected(f"/my/renovations/{self.tenant_app.id}")
        self.assertEqual(
            self.url_open(f"/my/renovations/{self.own.id}").status_code, 200
        )
        self.assertEqual(self._listed("pcs_tenant_a"), {self.tenant_app.id})
        self._assert_redirected(f"/my/renovations/{self.own.id}")
        token = self.own.sudo()._portal_ensure_token()
        self._assert_redirected(f"/my/renovations/{self.own.id}?access_token={token}")
        self.assertEqual(self._listed("pcs_owner_b"), {self.tenant_app.id})
        self.assertNotIn("access_token", self.own.get_portal_url())
        # the owner of the unit reads the tenant's application but cannot act
        response = self.url_open(
            f"/my/renovations/{self.tenant_app.id}/cancel",
            data={"csrf_token": self._csrf()},
        )
        self.assertIn("Only the applicant", response.text)
        self.assertEqual(self.tenant_app.state, "draft")

    def _csrf(self):
        return http.Request.csrf_token(self)

    def test_apply_submit_and_sign_over_http(self):
        """The form records the application with its documents and workers
        (numbers masked), refuses files the policy refuses, and the
        signature route stores the signature, the signer and the address."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        today = fields.Date.context_today(self.env.user)
        data = {
            "csrf_token": self._csrf(),
            "unit_id": str(self.unit_a1.id),
            "scope_ids": [str(self.scope_walls.id)],
            "date_start": str(today + timedelta(days=5)),
            "date_end": str(today + timedelta(days=35)),
            "description": "Repaint the partition walls",
            "worker_name": ["Li Gong", ""],
            "worker_id_number": ["110101199003079876", ""],
            "neighbour_notice": "on",
        }
        refused = self.url_open(
            "/my/renovations/new",
            data=data,
            files=[
                (
                    "document_title_proof",
                    ("title.exe", b"MZ\x90\x00binary", "application/octet-stream"),
                )
            ],
        )
        self.assertIn("is not a photo or a PDF document", refused.text)
        Renovation = self.env["property.renovation"]
        self.assertEqual(
            Renovation.search_count([("applicant_id", "=", self.owner_a.id)]), 1
        )
        response = self.url_open(
            "/my/renovations/new",
            data=data,
            files=[
                ("document_title_proof", ("title.pdf", PDF, "application/pdf")),
                ("document_applicant_id", ("id.pdf", PDF, "application/pdf")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        renovation = Renovation.search(
            [("applicant_id", "=", self.owner_a.id), ("id", "!=", self.own.id)]
        )
        self.assertEqual(len(renovation), 1)
        self.assertEqual(renovation.channel, "portal")
        self.assertEqual(renovation.applicant_role, "owner")
        self.assertFalse(renovation.missing_documents)
        self.assertEqual(
            set(renovation.document_ids.mapped("document_type")),
            {"title_proof", "applicant_id"},
        )
        self.assertEqual(renovation.worker_ids.name, "Li Gong")
        self.assertEqual(renovation.worker_ids.id_number_masked, "1***************76")
        self.assertNotIn("110101199003079876", response.text)
        # submit, declare, sign
        self.url_open(
            f"/my/renovations/{renovation.id}/submit", data={"csrf_token": self._csrf()}
        )
        self.assertEqual(renovation.state, "submitted")
        result = self.make_jsonrpc_request(
            f"/my/renovations/{renovation.id}/sign",
            {"name": "Zhang Wei", "signature": SIGNATURE.decode()},
        )
        self.assertIn("declaration", result["error"])
        self.url_open(
            f"/my/renovations/{renovation.id}/declare",
            data={
                "csrf_token": self._csrf(),
                "prohibition_ids": [str(i) for i in self.prohibitions.ids],
            },
        )
        result = self.make_jsonrpc_request(
            f"/my/renovations/{renovation.id}/sign",
            {"name": "Zhang Wei", "signature": SIGNATURE.decode()},
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.env.invalidate_all()
        self.assertTrue(renovation.is_signed)
        self.assertEqual(renovation.signed_by, "Zhang Wei")
        self.assertEqual(renovation.signed_ip, "127.0.0.1")
        self.assertEqual(renovation.prohibition_ids, self.prohibitions)

    def test_home_counter_and_unit_button(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_renovation_count"]}
        )
        self.assertEqual(counters["property_renovation_count"], 1)
        page = self.url_open(f"/my/units/{self.unit_a1.id}")
        self.assertIn(f"/my/renovations/new?unit={self.unit_a1.id}", page.text)


@tagged("post_install", "-at_install")
class TestRenovationTour(HttpCase):
    """The shipped demo owner (owner1, portal, Chinese) applies from the unit
    page with attachments, submits, ticks the declarations and signs."""

    def test_owner_applies_and_signs(self):
        owner_user = self.env.ref("property_cs.demo_user_owner1")
        unit = self.env.ref("property_cs.demo_unit_ghy_1_202")
        before = self.env["property.renovation"].search(
            [("applicant_id", "=", owner_user.partner_id.id)]
        )
        self.start_tour(
            f"/my/units/{unit.id}",
            "property_cs_renovation_apply_tour",
            login="owner1",
            timeout=180,
        )
        renovation = (
            self.env["property.renovation"].search(
                [("applicant_id", "=", owner_user.partner_id.id)]
            )
            - before
        )
        self.assertEqual(len(renovation), 1)
        self.assertEqual(renovation.unit_id, unit)
        self.assertEqual(renovation.state, "submitted")
        self.assertEqual(renovation.channel, "portal")
        self.assertFalse(renovation.missing_documents)
        self.assertTrue(renovation.is_signed)
        self.assertEqual(renovation.signed_by, owner_user.partner_id.name)
        self.assertTrue(renovation.signed_ip)
        self.assertEqual(
            renovation.prohibition_ids,
            self.env["property.renovation.prohibition"].search([]),
        )
        self.assertEqual(renovation.worker_ids.id_number_masked, "3***************17")
