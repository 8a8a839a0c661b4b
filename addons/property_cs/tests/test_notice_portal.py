# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import re
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .test_notice import NoticeCommon


@tagged("post_install", "-at_install")
class TestNoticePortal(NoticeCommon, HttpCase):
    """/my/notices over HTTP: a resident lists and opens the notices on
    display for their project and building, downloads their files and
    acknowledges them; never another project's or building's notice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notice_a = cls._notice(
            name="Lift maintenance A", requires_ack=True, body="<p>Body of A</p>"
        )
        cls.file_a = cls.env["property.notice.attachment"].create(
            {
                "notice_id": cls.notice_a.id,
                "name": "plan-a.txt",
                "datas": base64.b64encode(b"maintenance plan of A"),
            }
        )
        cls.file_a.action_confirm_no_personal_data()
        cls.notice_b = cls._notice(
            name="Garden party B", project_id=cls.project_b.id, requires_ack=True
        )
        cls.file_b = cls.env["property.notice.attachment"].create(
            {
                "notice_id": cls.notice_b.id,
                "name": "plan-b.txt",
                "datas": base64.b64encode(b"secret plan of B"),
            }
        )
        cls.file_b.action_confirm_no_personal_data()
        cls.notice_b2 = cls._notice(
            name="Building B2 only",
            building_ids=[Command.set(cls.building_a2.ids)],
        )
        cls.draft_a = cls._notice(name="Draft A not published")
        for notice in cls.notice_a | cls.notice_b | cls.notice_b2:
            notice._publish()

    def _listed(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/notices")
        self.assertEqual(response.status_code, 200)
        return {int(i) for i in re.findall(r'data-notice-id="(\d+)"', response.text)}

    def _assert_refused(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (303, 404), url)
        if response.status_code == 303:
            self.assertTrue(response.headers["Location"].endswith("/my/notices"), url)
        self.assertNotIn("Garden party B", response.text)

    def test_portal_isolation(self):
        self.assertEqual(self._listed("pcs_owner_a"), {self.notice_a.id})
        page = self.url_open(f"/my/notices/{self.notice_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Body of A", page.text)
        self.assertIn("plan-a.txt", page.text)
        file = self.url_open(f"/my/notices/{self.notice_a.id}/file/{self.file_a.id}")
        self.assertEqual(file.status_code, 200)
        self.assertEqual(file.content, b"maintenance plan of A")
        # another project's notice, its file, a file through the wrong notice,
        # another building's notice, a draft
        self._assert_refused(f"/my/notices/{self.notice_b.id}")
        self._assert_refused(f"/my/notices/{self.notice_b.id}/file/{self.file_b.id}")
        self._assert_refused(f"/my/notices/{self.notice_a.id}/file/{self.file_b.id}")
        self._assert_refused(f"/my/notices/{self.notice_b2.id}")
        self._assert_refused(f"/my/notices/{self.draft_a.id}")
        # the owner of project B sees only B's
        self.assertEqual(self._listed("pcs_owner_b"), {self.notice_b.id})
        self._assert_refused(f"/my/notices/{self.notice_a.id}")
        # the home page counts the notices on display
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        self.assertEqual(self._listed("pcs_tenant_a"), {self.notice_a.id})

    def test_acknowledge_over_http(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open(f"/my/notices/{self.notice_a.id}")
        self.assertIn("o_property_cs_notice_ack", page.text)
        response = self.url_open(
            f"/my/notices/{self.notice_a.id}/acknowledge",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_property_cs_notice_acked", response.text)
        self.assertNotIn(
            'class="btn btn-primary o_property_cs_notice_ack"', response.text
        )
        ack = self.env["property.notice.ack"].search(
            [("notice_id", "=", self.notice_a.id)]
        )
        self.assertEqual(ack.partner_id, self.owner_a)
        # acknowledging another project's notice records nothing
        response = self.url_open(
            f"/my/notices/{self.notice_b.id}/acknowledge",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertFalse(
            self.env["property.notice.ack"].search(
                [("notice_id", "=", self.notice_b.id)]
            )
        )
        # the list shows the acknowledgement
        listing = self.url_open("/my/notices")
        self.assertIn("Acknowledged", listing.text)

    def test_committee_member_over_http(self):
        """A current committee member of River View (no unit there) lists
        its notices, not Osmanthus Garden's, and never sees who else
        acknowledged; after the term the list is empty."""
        member = self.env["res.partner"].create({"name": "Chair of River View"})
        self._former_owner_of_b(member)
        new_test_user(
            self.env,
            login="pcs_chair_b",
            groups="base.group_portal",
            partner_id=member.id,
        )
        committee = self.env["property.committee"].create(
            {
                "name": "River View committee",
                "project_id": self.project_b.id,
                "date_start": "2024-01-01",
                "member_ids": [Command.create({"partner_id": member.id})],
            }
        )
        self.env["property.notice.ack"]._acknowledge(self.notice_b, self.owner_b)
        self.assertEqual(self._listed("pcs_chair_b"), {self.notice_b.id})
        page = self.url_open(f"/my/notices/{self.notice_b.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Garden party B", page.text)
        self.assertNotIn(self.owner_b.name, page.text)
        self._assert_refused(f"/my/notices/{self.notice_a.id}")
        committee.date_end = "2025-01-01"
        self.assertEqual(self._listed("pcs_chair_b"), set())

    def test_home_counts_notices(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(
            "/my/counters",
            data=json.dumps(
                {"jsonrpc": "2.0", "params": {"counters": ["property_notice_count"]}}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["result"]["property_notice_count"], 1)
        self.assertIn("/my/notices", self.url_open("/my/home").text)


@tagged("post_install", "-at_install")
class TestNoticeTour(HttpCase):
    """The demo owner (owner1, in Chinese) acknowledges a notice of their
    estate in the portal."""

    def test_owner_acknowledges_notice(self):
        owner = self.env.ref("property_cs.demo_user_owner1", raise_if_not_found=False)
        if not owner:
            self.skipTest("demo data not loaded")
        today = fields.Date.context_today(owner)
        notice = self.env["property.notice"].create(
            {
                "name": "单元门禁系统升级通知",
                "project_id": self.env.ref("property_cs.demo_project_ghy").id,
                "category_id": self.env.ref(
                    "property_cs.property_notice_category_other"
                ).id,
                "requires_ack": True,
                "body": "<p>门禁系统将于本周六升级，届时请使用门禁卡进出。</p>",
                "date_from": today,
                "date_until": today + timedelta(days=7),
            }
        )
        notice._publish()
        self.start_tour("/my", "property_cs_notice_ack_tour", login="owner1")
        ack = self.env["property.notice.ack"].search([("notice_id", "=", notice.id)])
        self.assertEqual(ack.partner_id, owner.partner_id)
        self.assertEqual(ack.role, "owner")
