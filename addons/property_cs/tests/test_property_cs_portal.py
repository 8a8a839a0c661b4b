# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import INTERNAL_MARKERS, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyCsPortal(PropertyCsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()
        cls.env["property.vehicle"].create(
            {"name": "浙A·D1234", "partner_id": cls.owner_a.id}
        )

    def _get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def _assert_no_internal_data(self, html, where):
        for marker in INTERNAL_MARKERS:
            self.assertNotIn(marker, html, f"{marker!r} leaked in {where}")

    def test_owner_units_pages(self):
        """An owner sees their unit, household and vehicle, not others' units."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        units_html = self._get("/my/units").text
        self.assertIn("B1-101", units_html)
        self.assertNotIn("B1-102", units_html)
        self.assertNotIn("R1-201", units_html)
        unit_html = self._get(f"/my/units/{self.unit_a1.id}").text
        self.assertIn("Li Na", unit_html)
        self.assertIn("浙A·D1234", unit_html)
        self.assertIn("0571-88880000", unit_html)

    def test_other_owner_unit_redirects(self):
        """Owner A cannot open owner B's unit by id."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        for unit in (self.unit_b1, self.unit_a2):
            response = self.url_open(f"/my/units/{unit.id}", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("/my"))

    def test_tenant_sees_rented_unit_not_owner_data(self):
        """A tenant sees the unit they rent and who lives there, not its
        absent owner nor the ownership shares, and no other unit."""
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_a2.id,
                "partner_id": self.owner_b.id,
                "role": "owner",
                "share": 75.0,
                "date_start": "2019-01-01",
            }
        )
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        html = self._get("/my/units").text
        self.assertIn("B1-102", html)
        self.assertNotIn("o_property_cs_no_unit", html)
        self.assertNotIn("B1-101", html)
        unit_html = self._get(f"/my/units/{self.unit_a2.id}").text
        self.assertIn("Wang Fang", unit_html)
        self.assertNotIn("Chen Jie", unit_html)
        self.assertNotIn("Share (%)", unit_html)
        self.assertNotIn("75.0", unit_html)
        response = self.url_open(f"/my/units/{self.unit_a1.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_unit_count"]}
        )
        self.assertEqual(counters["property_unit_count"], 1)

    def test_no_internal_data_in_portal(self):
        """No portal page shows handling tips, key-customer data or the ID."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        for url in (
            "/my",
            "/my/home",
            "/my/units",
            f"/my/units/{self.unit_a1.id}",
            "/my/account",
            "/my/security",
        ):
            self._assert_no_internal_data(self._get(url).text, url)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_unit_count"]}
        )
        self.assertEqual(counters["property_unit_count"], 1)

    def test_billed_owner_without_country_sees_account_errors(self):
        """An owner with a posted bill and no country who tries to change
        their name gets the page again with Odoo's message, not a server
        error; an unchanged name is saved."""
        self.owner_a.country_id = False
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.owner_a.id,
                "invoice_line_ids": [(0, 0, {"name": "物业费", "price_unit": 100.0})],
            }
        )
        invoice.action_post()
        self.assertFalse(self.owner_a.can_edit_vat())
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self._get("/my/account").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        form = {
            "csrf_token": token,
            "name": "Someone Else",
            "phone": "13800000001",
            "email": "zhang.wei@example.com",
            "street": "文三路 1 号",
            "city": "杭州",
        }
        response = self.url_open("/my/account", data=form)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_portal_details", response.text)
        self.assertEqual(self.owner_a.name, "Zhang Wei")
        form["name"] = self.owner_a.name
        response = self.url_open("/my/account", data=form, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.owner_a.invalidate_recordset()
        self.assertEqual(self.owner_a.street, "文三路 1 号")

    def test_no_internal_data_in_owner_templates(self):
        """Owner-facing mail templates never render internal data."""
        templates = (
            self.env["mail.template"]
            .search([("model", "=", "res.partner")])
            .filtered(lambda t: t.get_external_id()[t.id].startswith("property_cs."))
        )
        self.assertTrue(templates)
        for template in templates:
            for field in ("subject", "body_html"):
                rendered = template._render_field(field, self.owner_a.ids)[
                    self.owner_a.id
                ]
                self._assert_no_internal_data(str(rendered), template.name)

    def test_portal_tour(self):
        """Tour: an owner opens their unit from the portal home."""
        self.start_tour("/my", "property_cs_portal_unit_tour", login="pcs_owner_a")


@tagged("post_install", "-at_install")
class TestPropertyCsBackofficeTour(PropertyCsCommon, HttpCase):
    def test_owner_file_tour(self):
        """Tour: an agent finds an owner, sees the tip, reasons and masked ID."""
        self.owner_a.write({"id_number": "110101199003071234"})
        self._make_committee_member(self.owner_a, self.project_a)
        self.agent.write({"password": "pcs_agent"})
        self.start_tour(
            "/odoo/action-property_cs.res_partner_action_owner",
            "property_cs_owner_file_tour",
            login="pcs_agent",
        )
