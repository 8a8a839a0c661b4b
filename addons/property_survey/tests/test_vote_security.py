# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .vote_common import DURING, OPEN_AT, VOTE_END, VOTE_START, PropertyVoteCommon

RULE_LOGGERS = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


@tagged("post_install", "-at_install")
class TestVoteSecurity(PropertyVoteCommon):
    """Ballot secrecy per group, through the ORM as the web client and RPC
    call it: while the vote runs only its scrutineers read the ballots, an
    owner reads their own (or the one they cast as a proxy), staff read
    participation counts only; after the close staff read, never write,
    the ballots of their projects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.owner_x, cls.owner_y, cls.owner_z, cls.chair = Partner.create(
            [
                {"name": "Owner X", "mobile": "13900000011"},
                {"name": "Owner Y"},
                {"name": "Owner Z"},
                {"name": "Chair C"},
            ]
        )
        cls.proxy = Partner.create({"name": "Proxy P"})
        cls.units, _owners = cls._units(
            [100.0] * 4, owners=[cls.owner_x, cls.owner_y, cls.owner_z, cls.chair]
        )
        cls._make_committee_member(cls.chair, cls.vote_project)

        def portal(login, partner):
            return new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                partner_id=partner.id,
                name=partner.name,
            )

        cls.user_x = portal("vote_owner_x", cls.owner_x)
        cls.user_y = portal("vote_owner_y", cls.owner_y)
        cls.user_proxy = portal("vote_proxy_p", cls.proxy)
        cls.user_chair = portal("vote_chair", cls.chair)
        cls.other_agent = new_test_user(
            cls.env,
            login="vote_other_agent",
            groups="property_cs.group_property_cs_agent",
            name="Agent of River View",
        )
        cls.other_agent.property_project_ids = [Command.link(cls.project_b.id)]
        cls.staff = (
            cls.users["agent"],
            cls.users["supervisor"],
            cls.users["manager"],
            cls.users["head_office"],
        )
        cls.vote = cls.env["property.vote"].create(
            {
                "name": "Use the fund for the roof",
                "project_id": cls.vote_project.id,
                "matter_type_id": cls.use_fund.id,
                "date_start": VOTE_START,
                "date_end": VOTE_END,
                "scrutineer_ids": [Command.set(cls.chair.ids)],
            }
        )
        with freeze_time(OPEN_AT):
            cls.vote.action_open()
        with freeze_time(DURING):
            Ballot = cls.env["property.vote.ballot"].sudo()
            cls.ballot_x = Ballot.create(
                {
                    "vote_id": cls.vote.id,
                    "unit_id": cls.units[0].id,
                    "partner_id": cls.owner_x.id,
                    "choice": "yes",
                    "state": "valid",
                }
            )
            cls.ballot_z = Ballot.create(
                {
                    "vote_id": cls.vote.id,
                    "unit_id": cls.units[2].id,
                    "partner_id": cls.owner_z.id,
                    "proxy_partner_id": cls.proxy.id,
                    "choice": "no",
                    "channel": "paper",
                    "state": "valid",
                }
            )
        cls.ballots = cls.ballot_x | cls.ballot_z

    def _visible(self, user):
        return (
            self.env["property.vote.ballot"]
            .with_user(user)
            .search([("vote_id", "=", self.vote.id)])
        )

    @mute_logger(*RULE_LOGGERS)
    def test_staff_blind_while_open(self):
        """Agent, supervisor, project manager and head office find no ballot
        and cannot read one while the vote runs; the vote shows them the
        participation, not the choices."""
        for user in self.staff:
            with self.subTest(user=user.login):
                self.assertFalse(self._visible(user))
                Ballot = self.env["property.vote.ballot"].with_user(user)
                self.assertEqual(Ballot.search_count([]), 0)
                self.assertFalse(
                    Ballot._read_group(
                        [("vote_id", "=", self.vote.id)], ["choice"], ["__count"]
                    )
                )
                with self.assertRaises(AccessError):
                    self.ballot_x.with_user(user).read(["choice"])
                vote = self.vote.with_user(user)
                self.assertEqual(vote.participation_headcount, 2)
                self.assertEqual(vote.participation_area, 200.0)
                self.assertEqual(vote.yes_area, 0.0)
                self.assertEqual(vote.no_headcount, 0)
                self.assertFalse(vote.with_user(user).ballot_ids)
                electors = vote.elector_ids
                self.assertEqual(len(electors), 4)
                self.assertFalse(any(electors.mapped("has_voted")))

    @mute_logger(*RULE_LOGGERS)
    def test_scrutineer_reads_ballots_while_open(self):
        """The vote's scrutineer (a committee member in the portal) reads
        every ballot and sees which units voted; still writes none."""
        visible = self._visible(self.user_chair)
        self.assertEqual(visible, self.ballots)
        self.assertEqual(sorted(visible.mapped("choice")), ["no", "yes"])
        electors = self.vote.with_user(self.user_chair).elector_ids
        self.assertEqual(len(electors), 4)
        self.assertEqual(
            electors.filtered("has_voted").unit_id, self.units[0] | self.units[2]
        )
        with self.assertRaises(AccessError):
            self.ballot_x.with_user(self.user_chair).write({"choice": "no"})

    @mute_logger(*RULE_LOGGERS)
    def test_owner_sees_only_own_ballot(self):
        """An owner reads their own ballot, a proxy the ballot they cast;
        another owner reads none; nobody writes one over the ORM."""
        self.assertEqual(self._visible(self.user_x), self.ballot_x)
        self.assertEqual(self.ballot_x.with_user(self.user_x).choice, "yes")
        with self.assertRaises(AccessError):
            self.ballot_z.with_user(self.user_x).read(["choice"])
        self.assertEqual(self._visible(self.user_proxy), self.ballot_z)
        self.assertFalse(self._visible(self.user_y))
        with self.assertRaises(AccessError):
            self.ballot_x.with_user(self.user_y).read(["choice"])
        with self.assertRaises(AccessError):
            self.ballot_x.with_user(self.user_x).write({"choice": "no"})
        with self.assertRaises(AccessError):
            self.env["property.vote.ballot"].with_user(self.user_y).create(
                {
                    "vote_id": self.vote.id,
                    "unit_id": self.units[1].id,
                    "partner_id": self.owner_y.id,
                    "choice": "yes",
                }
            )
        # electorate: the owner's own unit only
        electors = (
            self.env["property.vote.elector"]
            .with_user(self.user_x)
            .search([("vote_id", "=", self.vote.id)])
        )
        self.assertEqual(electors.unit_id, self.units[0])

    @mute_logger(*RULE_LOGGERS)
    def test_staff_read_after_close_never_write(self):
        """Once closed, the staff of the project and head office read the
        ballots for the record; staff of another project do not; nobody
        writes them."""
        self._close(self.vote)
        for user in self.staff:
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), self.ballots)
                with self.assertRaises(AccessError):
                    self.ballot_x.with_user(user).write({"choice": "no"})
        self.assertFalse(self._visible(self.other_agent))
        self.assertTrue(
            self.vote.with_user(self.users["agent"])
            .elector_ids.filtered(lambda e: e.unit_id == self.units[0])
            .has_voted
        )

    @mute_logger(*RULE_LOGGERS)
    def test_vote_visibility(self):
        """Staff see the votes of their projects, head office all; an owner
        the open votes of their units; a draft vote is not shown in the
        portal; other projects' users see nothing."""
        self.assertEqual(self.vote.with_user(self.users["agent"]).name, self.vote.name)
        self.assertTrue(self.vote.with_user(self.users["head_office"]).name)
        with self.assertRaises(AccessError):
            self.vote.with_user(self.other_agent).read(["name"])
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner_b).read(["name"])
        Vote = self.env["property.vote"]
        self.assertEqual(
            Vote.with_user(self.user_y).search([("id", "=", self.vote.id)]),
            self.vote,
        )
        draft = Vote.create(
            {
                "name": "Next matter",
                "project_id": self.vote_project.id,
                "matter_type_id": self.use_fund.id,
            }
        )
        self.assertFalse(Vote.with_user(self.user_x).search([("id", "=", draft.id)]))
        self.assertFalse(
            Vote.with_user(self.portal_owner_b).search([("id", "=", self.vote.id)])
        )
        with self.assertRaises(AccessError):
            self.vote.with_user(self.users["head_office"]).write({"name": "Other"})
