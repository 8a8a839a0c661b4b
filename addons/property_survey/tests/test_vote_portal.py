# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .vote_ballot_common import VoteBallotCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10 02:00:00")
class TestVotePortalIsolation(VoteBallotCommon):
    """Owners see only their own ballots and votes, by ORM and through the
    portal methods; scrutineers only their vote's paper pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cast(cls.owner_a, "yes", cls.unit_a1)
        cls._cast(cls.owner_a2, "no", cls.unit_a2)
        cls._cast(cls.owner_b, "yes", cls.unit_b1, vote=cls.vote_b)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_owner_reads_only_own_ballot_by_orm(self):
        Ballot = self.env["property.vote.ballot"]
        mine = self._ballot(self.unit_a1)
        other = self._ballot(self.unit_a2)
        self.assertEqual(Ballot.with_user(self.portal_owner).search([]), mine)
        self.assertEqual(Ballot.with_user(self.portal_spouse).search([]), mine)
        self.assertEqual(
            Ballot.with_user(self.portal_owner_b).search([]),
            self._ballot(self.unit_b1, self.vote_b),
        )
        self.assertEqual(
            mine.with_user(self.portal_owner).read(["choice"])[0]["choice"], "yes"
        )
        for user in (self.portal_owner, self.portal_tenant, self.portal_owner_b):
            with self.assertRaises(AccessError, msg=user.login):
                other.with_user(user).read(["choice"])
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_owner).write({"choice": "no"})
        Change = self.env["property.vote.ballot.change"]
        self.assertEqual(
            Change.with_user(self.portal_owner).search([]), mine.change_ids
        )
        self.assertFalse(Change.with_user(self.portal_tenant).search([]))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_owner_reads_only_own_votes_by_orm(self):
        Vote = self.env["property.vote"]
        draft = self._make_vote(open_it=False, name="Draft matter")
        self.assertEqual(Vote.with_user(self.portal_owner).search([]), self.vote)
        self.assertEqual(Vote.with_user(self.portal_owner_b).search([]), self.vote_b)
        self.assertFalse(Vote.with_user(self.portal_tenant).search([]))
        for record in (self.vote_b, draft):
            with self.assertRaises(AccessError):
                record.with_user(self.portal_owner).read(["name"])
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner).write({"name": "Hacked"})

    def test_portal_methods_check_the_caller(self):
        """Another project's vote, another owner's unit and the scrutineer
        pages are refused."""
        vote_a_as_b = self.vote.with_user(self.portal_owner_b)
        with self.assertRaises(AccessError):
            vote_a_as_b._portal_values(self.owner_b)
        with self.assertRaises(AccessError):
            vote_a_as_b._portal_cast(self.owner_b, "no", self.unit_a1.ids)
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner)._portal_cast(
                self.owner_a, "no", self.unit_a2.ids
            )
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner)._portal_paper_values(self.owner_a)
        with self.assertRaises(AccessError):
            self.vote_b.with_user(self.portal_scrutineer)._portal_paper_values(
                self.scrutineer
            )
        values = self.vote._portal_values(self.owner_a)
        self.assertEqual([line["unit"] for line in values["lines"]], [self.unit_a1])
        self.assertEqual(values["history"], self._ballot(self.unit_a1).change_ids)
        self.assertEqual(values["tz"], "Asia/Shanghai")
        self.assertEqual(self.vote._portal_votes(self.owner_a), self.vote)
        self.assertEqual(self.vote._portal_votes(self.scrutineer2), self.vote)
        self.assertFalse(self.vote._portal_votes(self.tenant_a))
        values = self.vote._portal_paper_values(self.scrutineer)
        self.assertIn(self.unit_a3, values["units"])
        self.assertNotIn(self.unit_b1, values["units"])


@tagged("post_install", "-at_install")
class TestVotePortalHttp(VoteBallotCommon, HttpCase):
    """The e-ballot, proxies and paper entry over HTTP, and the pages other
    people may not open."""

    DATE_START = fields.Datetime.to_string(datetime.now() - timedelta(days=1))
    DATE_END = fields.Datetime.to_string(datetime.now() + timedelta(days=10))

    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def test_owner_votes_with_confirmation(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open("/my/votes")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lift renewal", page.text)
        self.assertNotIn("River View gate", page.text)
        url = f"/my/votes/{self.vote.id}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("B1-101", page.text)
        self.assertNotIn("B1-102", page.text)
        self.assertIn("o_property_vote_cast_form", page.text)
        response = self._post(
            f"{url}/cast", {"choice": "yes", "unit_ids": str(self.unit_a1.id)}
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"{url}/confirm"))
        self.env.invalidate_all()
        ballot = self._ballot(self.unit_a1)
        self.assertNotEqual(ballot.state, "valid")
        page = self.url_open(f"{url}/confirm")
        self.assertIn("o_property_vote_confirm_choice", page.text)
        self.assertIn('data-choice="yes"', page.text)
        response = self._post(
            f"{url}/confirm", {"choice": "yes", "unit_ids": str(self.unit_a1.id)}
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("recorded=1", response.headers["Location"])
        self.env.invalidate_all()
        self.assertEqual((ballot.state, ballot.choice), ("valid", "yes"))
        page = self.url_open(f"{url}?recorded=1")
        self.assertIn("o_property_vote_recorded", page.text)
        self.assertIn("o_property_vote_history_row", page.text)
        # with nothing to confirm, the confirmation page leads back
        response = self.url_open(f"{url}/confirm", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        # the home page counts the owner's votes
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_vote_count"]}
        )
        self.assertEqual(counters["property_vote_count"], 1)

    @mute_logger("odoo.http")
    def test_other_votes_and_units_not_found_or_forbidden(self):
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        url = f"/my/votes/{self.vote.id}"
        for path in (url, f"{url}/confirm", f"{url}/paper", "/my/votes/999999"):
            self.assertEqual(self.url_open(path).status_code, 404, path)
        response = self._post(
            f"{url}/cast", {"choice": "no", "unit_ids": str(self.unit_a1.id)}
        )
        self.assertEqual(response.status_code, 404)
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self._post(
            f"{url}/cast", {"choice": "no", "unit_ids": str(self.unit_a2.id)}
        )
        self.assertEqual(response.status_code, 403)
        self.env.invalidate_all()
        self.assertFalse(self._ballot(self.unit_a2))
        self.assertEqual(self.url_open(f"{url}/paper").status_code, 404)
        self.authenticate("pcs_scrutineer", "pcs_scrutineer")
        self.assertEqual(self.url_open(f"{url}/paper").status_code, 200)
        self.assertEqual(
            self.url_open(f"/my/votes/{self.vote_b.id}/paper").status_code, 404
        )
        self.authenticate(None, None)
        response = self.url_open(url, allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])

    def test_scrutineers_enter_paper_ballot(self):
        url = f"/my/votes/{self.vote.id}/paper"
        self.authenticate("pcs_scrutineer", "pcs_scrutineer")
        response = self._post(
            url,
            {"unit_id": str(self.unit_a3.id), "choice": "no"},
            files={"scan": ("ballot.pdf", b"%PDF-1.4 ballot", "application/pdf")},
        )
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        entry = self.vote.paper_entry_ids
        self.assertEqual(entry.state, "pending")
        self.assertEqual(entry.scan_filename, "ballot.pdf")
        self.assertTrue(response.headers["Location"].endswith(f"?entry_id={entry.id}"))
        page = self.url_open(response.headers["Location"])
        self.assertIn('data-state="pending"', page.text)
        scan = self.url_open(f"{url}/{entry.id}/scan")
        self.assertEqual(scan.content, b"%PDF-1.4 ballot")
        # the same scrutineer again: refused, shown on the page
        page = self._post(url, {"unit_id": str(self.unit_a3.id), "choice": "no"})
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_property_vote_paper_error", page.text)
        self.authenticate("pcs_scrutineer2", "pcs_scrutineer2")
        # the second scrutineer sees the unit waiting, not its choice
        page = self.url_open(url)
        waiting = page.text.split("Waiting for a Second Entry")[1]
        self.assertIn(f'data-unit-id="{self.unit_a3.id}"', waiting)
        self.assertNotIn("Against", waiting)
        response = self._post(url, {"unit_id": str(self.unit_a3.id), "choice": "no"})
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(len(self.vote.paper_entry_ids), 2)
        ballot = self._ballot(self.unit_a3)
        self.assertEqual(
            (ballot.state, ballot.channel, ballot.choice), ("valid", "paper", "no")
        )
        page = self.url_open(response.headers["Location"])
        self.assertIn('data-state="matched"', page.text)
        self.assertIn("o_property_vote_counted_row", page.text)

    def test_owner_gives_proxy_with_authorisation(self):
        url = f"/my/votes/{self.vote.id}"
        self.authenticate("pcs_owner_a2", "pcs_owner_a2")
        page = self._post(
            f"{url}/proxy",
            {"unit_id": str(self.unit_a2.id), "proxy_login": "pcs_tenant_a"},
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_property_vote_error", page.text)
        self.assertFalse(self.vote.proxy_ids)
        response = self._post(
            f"{url}/proxy",
            {"unit_id": str(self.unit_a2.id), "proxy_login": "pcs_tenant_a"},
            files={"authorisation": ("auth.pdf", b"%PDF-1.4 auth", "application/pdf")},
        )
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        proxy = self.vote.proxy_ids
        self.assertEqual(proxy.proxy_partner_id, self.tenant_a)
        self.assertEqual(proxy.source, "owner")
        # the proxy votes for the unit
        self.authenticate("pcs_tenant_a", "pcs_tenant_a")
        page = self.url_open(url)
        self.assertIn("B1-102", page.text)
        self._post(
            f"{url}/cast", {"choice": "abstain", "unit_ids": str(self.unit_a2.id)}
        )
        self._post(
            f"{url}/confirm", {"choice": "abstain", "unit_ids": str(self.unit_a2.id)}
        )
        self.env.invalidate_all()
        ballot = self._ballot(self.unit_a2)
        self.assertEqual((ballot.state, ballot.choice), ("valid", "abstain"))
        self.assertEqual(ballot.proxy_partner_id, self.tenant_a)
