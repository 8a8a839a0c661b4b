# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_warranty import WarrantyCommon

PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
# what a developer contact must never read of the owner
OWNER_DATA = ("Zhang Wei", "13800000001", "zhang.wei@example.com", "110101199003071234")
STAFF_ONLY_FIELDS = ("partner_id", "ticket_id", "handover_id")


@tagged("post_install", "-at_install")
class TestDeveloperPortal(WarrantyCommon, HttpCase):
    """The developer's contacts are portal users who see and answer only
    the items handed to their company, with the unit and the description
    and nothing of the owner (D-22)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_a.id_number = "110101199003071234"
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Bathroom floor leaks",
                "kind": "repair",
                "project_id": cls.project_a.id,
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "partner_phone": "13800000001",
            }
        )
        Defect = cls.env["property.warranty.defect"]
        cls.handed = Defect.create(
            {
                "unit_id": cls.unit_a1.id,
                "ticket_id": cls.ticket.id,
                "category_id": cls.cat_structure.id,
                "room": "Bathroom",
                "item": "Leaking shower floor",
                "description": "The shower floor leaks into the flat below.",
                "severity": "major",
                "attachment_ids": [Command.create({"name": "leak.png", "raw": PHOTO})],
            }
        )
        cls.handed.action_hand_to_developer()
        cls.draft = Defect.create(
            {
                "unit_id": cls.unit_a1.id,
                "category_id": cls.cat_structure.id,
                "item": "Draft item not passed on",
            }
        )
        cls.other = Defect.create(
            {
                "unit_id": cls.unit_b1.id,
                "category_id": cls.cat_structure.id,
                "item": "River View crack",
            }
        )
        cls.other.action_hand_to_developer()
        cls.url = f"/my/developer/{cls.handed.id}"

    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def test_list_and_page_show_only_handed_items_without_owner_data(self):
        self.assertEqual(self.handed.access_url, self.url)
        self.authenticate("pcs_developer", "pcs_developer")
        listing = self.url_open("/my/developer?view=all")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Leaking shower floor", listing.text)
        self.assertNotIn("Draft item not passed on", listing.text)
        self.assertNotIn("River View crack", listing.text)
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.unit_a1.complete_name, page.text)
        self.assertIn("The shower floor leaks into the flat below.", page.text)
        self.assertIn("o_property_cs_developer_answer", page.text)
        self.assertIn("/web/image/", page.text)
        for text in (*OWNER_DATA, "Bathroom floor leaks"):
            self.assertNotIn(text, listing.text)
            self.assertNotIn(text, page.text)
        # another company's item, a draft: back to /my
        for defect in (self.other, self.draft):
            response = self.url_open(
                f"/my/developer/{defect.id}", allow_redirects=False
            )
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("/my"))
        # the owner of the unit does not see the developer's page items
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(self.url, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        listing = self.url_open("/my/developer")
        self.assertNotIn("Leaking shower floor", listing.text)

    def test_developer_answers_and_reports_repair(self):
        self.authenticate("pcs_developer", "pcs_developer")
        response = self._post(
            f"{self.url}/answer",
            {"answer": "We re-lay the waterproofing", "date_planned": "2099-01-15"},
            files={"photos": ("plan.png", PHOTO, "image/png")},
        )
        self.assertEqual(response.status_code, 303)
        self.handed.invalidate_recordset()
        self.assertEqual(self.handed.developer_answer, "We re-lay the waterproofing")
        self.assertEqual(str(self.handed.date_planned), "2099-01-15")
        message = self.handed.message_ids.filtered(
            lambda m: m.author_id == self.dev_contact and m.message_type == "comment"
        )
        self.assertEqual(message.attachment_ids.name, "plan.png")
        # the owner is told on their request
        self.assertTrue(
            any(
                "We re-lay the waterproofing" in body
                for body in self.ticket.message_ids.mapped("body")
            )
        )
        # a wrong upload is refused, the text kept
        page = self._post(
            f"{self.url}/fixed",
            {"note": "Done"},
            files={"photos": ("notes.txt", b"not a photo", "text/plain")},
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_property_cs_developer_error", page.text)
        self.assertEqual(self.handed.state, "handed")
        response = self._post(f"{self.url}/fixed", {"note": "Waterproofing re-laid"})
        self.assertEqual(response.status_code, 303)
        self.handed.invalidate_recordset()
        self.assertEqual(self.handed.state, "fixed")
        self.assertEqual(self.handed.fix_note, "Waterproofing re-laid")
        # the other developer cannot answer this one
        self.authenticate("pcs_developer_b", "pcs_developer_b")
        response = self._post(f"{self.url}/answer", {"answer": "Not ours"})
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_rpc_reads_give_no_owner_data(self):
        """What a developer contact could read over RPC: its items, without
        the owner fields; not the request, the owner or the unit file."""
        Defect = self.env["property.warranty.defect"].with_user(self.dev_user)
        self.assertEqual(Defect.search([]), self.handed)
        # nor search on the owner
        with self.assertRaises(AccessError):
            Defect.search_count([("partner_id", "=", self.owner_a.id)])
        values = Defect.browse(self.handed.id).read()[0]
        for field in STAFF_ONLY_FIELDS:
            self.assertNotIn(field, values)
        flat = repr(values)
        for text in OWNER_DATA:
            self.assertNotIn(text, flat)
        self.assertEqual(values["unit_name"], self.unit_a1.complete_name)
        for field in STAFF_ONLY_FIELDS:
            with self.assertRaises(AccessError):
                Defect.browse(self.handed.id).read([field])
        with self.assertRaises(AccessError):
            Defect.browse(self.handed.id).read(["message_partner_ids"])
        with self.assertRaises(AccessError):
            Defect.browse(self.other.id).read(["item"])
        with self.assertRaises(AccessError):
            Defect.browse(self.draft.id).read(["item"])
        with self.assertRaises(AccessError):
            Defect.browse(self.handed.id).write({"description": "changed"})
        with self.assertRaises(AccessError):
            Defect.create({"unit_id": self.unit_a1.id, "item": "new"})
        env = self.env(user=self.dev_user)
        with self.assertRaises(AccessError):
            self.ticket.with_env(env).read(["partner_id"])
        self.assertFalse(env["property.ticket"].search([]))
        with self.assertRaises(AccessError):
            self.owner_a.with_env(env).read(["name", "mobile"])
        with self.assertRaises(AccessError):
            self.unit_a1.with_env(env).read(["complete_name"])
        self.assertFalse(
            env["property.unit.partner"].search([])
            if env["property.unit.partner"].has_access("read")
            else []
        )
        # the owner reads their request, not the item handed over
        owner_env = self.env(user=self.portal_owner)
        self.assertFalse(owner_env["property.warranty.defect"].search([]))
        with self.assertRaises(AccessError):
            self.ticket.with_env(owner_env).read(["warranty_defect_ids"])
        # the ticket's own warranty fields stay readable to its owner
        values = self.ticket.with_env(owner_env).read(
            ["name", "warranty_defect_count", "developer_warranty_text"]
        )[0]
        self.assertEqual(values["warranty_defect_count"], 1)
        # the history it reads names no owner either
        messages = env["mail.message"].search(
            [
                ("model", "=", "property.warranty.defect"),
                ("res_id", "=", self.handed.id),
            ]
        )
        self.assertTrue(messages)
        for message in messages:
            data = repr(message.read(["body", "author_id", "partner_ids"]))
            for text in OWNER_DATA:
                self.assertNotIn(text, data)

    def test_home_counter(self):
        self.authenticate("pcs_developer", "pcs_developer")
        response = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_developer_item_count"]}
        )
        self.assertEqual(response["property_developer_item_count"], 1)


@tagged("post_install", "-at_install")
class TestDeveloperDemo(HttpCase):
    """The shipped developer contact (developer1) sees the demo items of
    its company: to repair, overdue, repaired, closed; not the draft."""

    def test_demo_developer_portal(self):
        user = self.env.ref(
            "property_cs.demo_user_developer1", raise_if_not_found=False
        )
        if not user:
            self.skipTest("the demo data is not installed")
        Defect = self.env["property.warranty.defect"].with_user(user)
        items = Defect.search([])
        refs = {
            name: self.env.ref(f"property_cs.property_warranty_defect_{name}_demo")
            for name in ("leak", "wall", "crack", "lock", "drain", "lift_complaint")
        }
        for name in ("leak", "wall", "crack", "lock", "lift_complaint"):
            self.assertIn(refs[name], items, name)
        self.assertNotIn(refs["drain"], items)
        self.assertTrue(refs["wall"].is_overdue)
        self.assertEqual(refs["crack"].state, "fixed")
        self.authenticate("developer1", "demo2026")
        page = self.url_open("/my/developer?view=overdue")
        self.assertEqual(page.status_code, 200)
        self.assertIn(refs["wall"].item, page.text)


@tagged("post_install", "-at_install")
class TestDeveloperTour(HttpCase):
    """The shipped developer contact (developer1, in Chinese) answers the
    overdue defect of its company in the portal."""

    def test_developer_answers_in_portal(self):
        if not self.env.ref(
            "property_cs.demo_user_developer1", raise_if_not_found=False
        ):
            self.skipTest("the demo data is not installed")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs", "portal", "mail"], ["zh_CN"]
        )
        wall = self.env.ref("property_cs.property_warranty_defect_wall_demo")
        self.start_tour(
            "/my/developer?view=overdue",
            "property_cs_developer_tour",
            login="developer1",
        )
        self.assertIn("重新抹灰", wall.developer_answer)
        self.assertEqual(wall.state, "handed")
