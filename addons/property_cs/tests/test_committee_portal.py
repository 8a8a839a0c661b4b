# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .test_committee_report import CommitteeReportCommon


class CommitteePortalCommon(CommitteeReportCommon):
    """Project A's pack shared, a draft one, a pack of project B shared;
    meetings with action items; owner A (chair of A) and owner B (member of
    B) are portal users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Report = cls.env["property.committee.report"]
        cls.pack.action_publish()
        cls.draft_pack = Report.create(
            {
                "project_id": cls.project_a.id,
                "date_from": "2026-07-01",
                "date_to": "2026-09-30",
                "work_plan": "<p>Draft plan not shared yet</p>",
            }
        )
        cls.pack_b = Report.create(
            {
                "project_id": cls.project_b.id,
                "date_from": "2026-04-01",
                "date_to": "2026-06-30",
                "work_plan": "<p>River View pumps overhauled</p>",
            }
        )
        cls.pack_b.action_publish()
        Meeting = cls.env["property.meeting"]
        cls.meeting = Meeting.create(
            {
                "name": "Summer meeting",
                "project_id": cls.project_a.id,
                "date": "2026-06-20 06:00:00",
                "agenda": "<p>Lift quotes</p>",
                "minutes": "<p>Quotes of three lift firms compared.</p>",
                "attendee_partner_ids": [(6, 0, cls.owner_a.ids)],
                "staff_user_ids": [(6, 0, cls.manager.ids)],
            }
        )
        cls.meeting.action_held()
        Action = cls.env["property.meeting.action"]
        cls.action_member = Action.create(
            {
                "meeting_id": cls.meeting.id,
                "name": "Review the quotes",
                "partner_id": cls.owner_a.id,
                "date_due": "2026-07-31",
            }
        )
        cls.action_staff = Action.create(
            {
                "meeting_id": cls.meeting.id,
                "name": "Collect a fourth quote",
                "user_id": cls.manager.id,
                "date_due": "2026-07-01",
            }
        )
        cls.meeting_b = Meeting.create(
            {
                "name": "River View meeting",
                "project_id": cls.project_b.id,
                "date": "2026-06-21 06:00:00",
                "minutes": "<p>Pumps</p>",
            }
        )
        cls.meeting_b.action_held()
        cls.action_b = Action.create(
            {"meeting_id": cls.meeting_b.id, "name": "Pump spare parts"}
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-07-05 04:00:00")
class TestCommitteePortalAccess(CommitteePortalCommon):
    def test_member_reads_own_project_only(self):
        """Over RPC a member reads their project's shared packs, committee
        meetings and action items, nothing of project B, no draft."""
        user = self.portal_owner
        Report = self.env["property.committee.report"].with_user(user)
        self.assertEqual(Report.search([]), self.pack)
        self.assertEqual(
            self.env["property.meeting"].with_user(user).search([]), self.meeting
        )
        self.assertEqual(
            self.env["property.meeting.action"].with_user(user).search([]),
            self.action_member | self.action_staff,
        )
        self.assertEqual(
            self.env["property.committee"].with_user(user).search([]),
            self.committee_a,
        )
        for record in (self.pack_b, self.draft_pack, self.meeting_b, self.action_b):
            with self.assertRaises(AccessError, msg=record):
                record.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.pack.with_user(user).write({"work_plan": "hacked"})
        with self.assertRaises(AccessError):
            self.action_member.with_user(user).action_done()
        self.assertEqual(
            self.env["property.committee.report"]
            .with_user(self.portal_owner_b)
            .search([]),
            self.pack_b,
        )

    def test_member_reads_no_personal_data(self):
        """A member reads no other owner's contact or identity data, nor the
        memberships themselves."""
        user = self.portal_owner
        for partner in (self.tenant_a, self.owner_b):
            with self.assertRaises(AccessError, msg=partner.name):
                partner.with_user(user).read(["name", "phone", "mobile"])
        with self.assertRaises(AccessError):
            self.env["property.committee.member"].with_user(user).search([])

    def test_ended_term_closes_access(self):
        """When the term ends, the former member reads nothing any more."""
        self.member_a.date_end = "2026-06-30"
        Report = self.env["property.committee.report"].with_user(self.portal_owner)
        self.assertFalse(Report.search([]))
        self.assertFalse(
            self.env["property.meeting"].with_user(self.portal_owner).search([])
        )

    def test_mark_done_only_own_item(self):
        self.action_member._portal_mark_done(self.owner_a, "Quotes reviewed")
        self.assertEqual(self.action_member.state, "done")
        self.assertEqual(self.action_member.result, "Quotes reviewed")
        with self.assertRaises(AccessError):
            self.action_staff._portal_mark_done(self.owner_a)


@tagged("post_install", "-at_install")
class TestCommitteePortalHttp(CommitteePortalCommon, HttpCase):
    def _post(self, url, data=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def test_dashboard_and_pages(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open("/my/committee")
        self.assertEqual(page.status_code, 200)
        html = page.text
        self.assertIn("Second Committee", html)
        self.assertIn("Osmanthus Garden 2026 Q2", html)
        self.assertNotIn("Draft plan", html)
        self.assertNotIn("River View", html)
        self.assertIn("Summer meeting", html)
        self.assertIn("Review the quotes", html)
        self.assertIn("/my/notices", html)
        self.assertIn("/my/letters", html)
        # the roster: names and roles of the current members, nothing more
        self.assertIn("Zhang Wei", html)
        for private in ("13800000001", "88886666", "zhang.wei@example.com", "B1-101"):
            self.assertNotIn(private, html)
        page = self.url_open(f"/my/committee/reports/{self.pack.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lift ropes replaced in B1", page.text)
        self.assertIn("o_tickets_received", page.text)
        for private in ("13800000001", "B1-101", "leaking pipe", "88886666"):
            self.assertNotIn(private, page.text)
        printable = self.url_open(
            f"/my/committee/reports/{self.pack.id}?report_type=html"
        )
        self.assertEqual(printable.status_code, 200)
        self.assertIn("Osmanthus Garden 2026 Q2", printable.text)
        self.assertNotIn("13800000001", printable.text)
        page = self.url_open(f"/my/committee/meetings/{self.meeting.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Quotes of three lift firms compared.", page.text)
        self.assertIn("o_property_committee_action_done", page.text)

    def test_other_records_redirect(self):
        """Another project's pack or meeting, a draft, and the pages of a
        non-member redirect to /my."""
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        for url in (
            f"/my/committee/reports/{self.pack_b.id}",
            f"/my/committee/reports/{self.draft_pack.id}",
            f"/my/committee/reports/{self.pack_b.id}?report_type=html",
            f"/my/committee/meetings/{self.meeting_b.id}",
            "/my/committee/reports/999999",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertTrue(response.headers["Location"].endswith("/my"), url)
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        for url in ("/my/committee", f"/my/committee/reports/{self.pack.id}"):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
        self.authenticate(None, None)
        response = self.url_open("/my/committee", allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])

    def test_mark_done_in_portal(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self._post(
            f"/my/committee/actions/{self.action_member.id}/done",
            {"result": "Quotes reviewed, the second one preferred"},
        )
        self.assertEqual(response.status_code, 303)
        self.action_member.invalidate_recordset()
        self.assertEqual(self.action_member.state, "done")
        self.assertIn("second one preferred", self.action_member.result)
        # an item assigned to staff is not the member's to close
        response = self._post(f"/my/committee/actions/{self.action_staff.id}/done")
        self.assertIn("error=action", response.headers["Location"])
        self.action_staff.invalidate_recordset()
        self.assertEqual(self.action_staff.state, "open")
        # another project's item is not even found
        response = self._post(f"/my/committee/actions/{self.action_b.id}/done")
        self.assertTrue(response.headers["Location"].endswith("/my"))


@tagged("post_install", "-at_install")
class TestCommitteeTour(HttpCase):
    """The shipped committee chair (committee1, in Chinese) opens the
    committee page in the portal and reads the shared report pack."""

    def test_committee_member_reads_report_pack(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs", "portal"], ["zh_CN"]
        )
        user = self.env.ref("property_cs.demo_user_committee1")
        self.assertTrue(user.partner_id.is_committee_member)
        pack = self.env.ref("property_cs.demo_committee_report_shared")
        if pack.state == "draft":
            # the demo shares it by a function, run on installation only
            pack.action_publish()
        self.assertEqual(pack.state, "published")
        self.assertTrue(pack.figures["tickets"]["received"])
        self.start_tour(
            "/my/committee", "property_cs_committee_tour", login="committee1"
        )
