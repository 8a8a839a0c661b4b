# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import uuid
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyUnitPortalAccess(PropertyCsCommon, HttpCase):
    """Unit pages are for the signed-in current owners and residents only:
    no link carries a token, no token opens a page, and a link that ends
    takes the page away at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the day of the company (China), not of the server or the owner
        cls.today = cls.env["property.unit.partner"]._property_today()
        cls.yesterday = cls.today - timedelta(days=1)

    def _unit_links_on_my_units(self, login):
        """The unit links the portal user ``login`` finds under My Units."""
        self.authenticate(login, login)
        response = self.url_open("/my/units")
        self.assertEqual(response.status_code, 200)
        return re.findall(r'href="(/my/units/\d+[^"]*)"', response.text)

    def _owner_urls(self, unit, login):
        """Every URL an owner could hand on for ``unit``: the link of their
        My Units page, the unit's portal URL, and that URL with a token."""
        urls = [
            url.replace("&amp;", "&")
            for url in self._unit_links_on_my_units(login)
            if url.split("?")[0] == f"/my/units/{unit.id}"
        ]
        self.assertTrue(urls, f"{login} does not find unit {unit.complete_name}")
        portal_url = unit.sudo().get_portal_url()
        token = (
            unit.sudo().access_token
            if "access_token" in unit._fields
            else str(uuid.uuid4())
        )
        return [*urls, portal_url, f"/my/units/{unit.id}?access_token={token}"]

    def _assert_redirected(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 303, url)
        self.assertTrue(response.headers["Location"].endswith("/my"), url)

    def test_portal_owner_searches_current_links(self):
        """A portal owner may search links by "current": the company's day
        is read even though the owner cannot read the company's contact."""
        links = (
            self.env["property.unit.partner"]
            .with_user(self.portal_owner)
            .search([("is_current", "=", True)])
        )
        self.assertIn(self.portal_owner.partner_id, links.partner_id)

    def test_unit_links_carry_no_token(self):
        """The unit's portal URL, the My Units page and the unit model carry
        no access token."""
        for unit in (self.unit_a1, self.unit_a1.sudo()):
            self.assertEqual(unit.get_portal_url(), f"/my/units/{self.unit_a1.id}")
        as_owner = self.unit_a1.with_user(self.portal_owner)
        self.assertEqual(as_owner.get_portal_url(), f"/my/units/{self.unit_a1.id}")
        self.assertNotIn("access_token", self.env["property.unit"]._fields)
        # a mail link about the unit takes a portal user to the page, no token
        action = as_owner._get_access_action()
        self.assertEqual(action["url"], f"/my/units/{self.unit_a1.id}")
        links = self._unit_links_on_my_units("pcs_owner_a")
        self.assertEqual(links, [f"/my/units/{self.unit_a1.id}"])

    def test_tenant_with_owner_link_is_redirected(self):
        """A tenant of another unit holding the owner's link (with any token)
        cannot open the owner's unit nor see its household."""
        urls = self._owner_urls(self.unit_a1, "pcs_owner_a")
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        for url in urls:
            self._assert_redirected(url)
            html = self.url_open(url).text
            self.assertNotIn("Li Na", html, url)
            self.assertNotIn("o_property_cs_household", html, url)

    def test_former_owner_loses_unit_at_once(self):
        """After a sale the former owner (link ended yesterday) no longer opens
        the unit, with the old URL or token; the new owner does."""
        urls = self._owner_urls(self.unit_b1, "pcs_owner_b")
        link = self.unit_b1.partner_link_ids
        link.date_end = self.yesterday
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_b1.id,
                "partner_id": self.owner_a.id,
                "role": "owner",
                "date_start": self.today,
            }
        )
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        for url in urls:
            self._assert_redirected(url)
        html = self.url_open("/my/units").text
        self.assertNotIn("R1-201", html)
        self.assertIn("o_property_cs_no_unit", html)
        with self.assertRaises(AccessError):
            self.unit_b1.with_user(self.portal_owner_b).check_access("read")
        # the buyer sees the unit as its owner
        self.assertIn(
            f"/my/units/{self.unit_b1.id}", self._unit_links_on_my_units("pcs_owner_a")
        )
        html = self.url_open(f"/my/units/{self.unit_b1.id}").text
        self.assertIn("Zhang Wei", html)
        self.assertNotIn("Chen Jie", html)
        # the previous / next unit links of the page carry no token either
        self.assertIn(f'href="/my/units/{self.unit_a1.id}"', html)
        self.assertNotIn("access_token", html)

    def test_link_ending_today_still_opens(self):
        """A link ending today is current until the end of the day."""
        self.unit_b1.partner_link_ids.date_end = self.today
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        response = self.url_open(f"/my/units/{self.unit_b1.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("R1-201", response.text)

    def test_archived_link_loses_unit(self):
        """An archived link gives no access to the unit either."""
        urls = self._owner_urls(self.unit_b1, "pcs_owner_b")
        self.unit_b1.partner_link_ids.action_archive()
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        for url in urls:
            self._assert_redirected(url)
        with self.assertRaises(AccessError):
            self.unit_b1.with_user(self.portal_owner_b).check_access("read")

    def test_tenant_of_owner_occupied_unit_sees_only_themselves(self):
        """A tenant renting in an owner-occupied unit sees the unit, their own
        link and the project's contacts, not the owners' household."""
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.tenant_a.id,
                "role": "tenant",
                "date_start": "2024-01-01",
                "date_move_in": "2024-01-05",
            }
        )
        values = self.unit_a1._portal_unit_values(self.tenant_a)
        self.assertFalse(values["is_unit_owner"])
        self.assertEqual([m["name"] for m in values["household"]], ["Wang Fang"])
        owner_values = self.unit_a1._portal_unit_values(self.owner_a)
        self.assertEqual(
            sorted(m["name"] for m in owner_values["household"]),
            ["Li Na", "Wang Fang", "Zhang Wei"],
        )
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        response = self.url_open(f"/my/units/{self.unit_a1.id}")
        self.assertEqual(response.status_code, 200)
        household = response.text.split("o_property_cs_household", 1)[1]
        self.assertIn("Wang Fang", household)
        for name in ("Li Na", "Zhang Wei"):
            self.assertNotIn(name, response.text)
        self.assertIn("0571-88880000", response.text)
