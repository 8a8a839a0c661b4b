# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .vote_ballot_common import open_vote


@tagged("post_install", "-at_install")
class TestVoteTours(HttpCase):
    """The shipped demo users, in Chinese: owner1 votes in the portal;
    committee1 (chair of the owners' committee, scrutineer of the vote)
    enters the second entry of a paper ballot. The running vote is made
    here, on the demo estate 绿城·桂花苑."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["property_cs", "property_survey", "portal"], ["zh_CN"]
        )
        cls.owner1 = cls.env.ref("property_cs.demo_user_owner1")
        cls.committee1 = cls.env.ref("property_cs.demo_user_committee1")
        cls.project = cls.env.ref("property_cs.demo_project_ghy")
        now = fields.Datetime.now()
        matter_type = cls.env["property.vote.matter.type"].create({"name": "一般事项"})
        cls.vote = cls.env["property.vote"].create(
            {
                "name": "关于增设电动自行车充电桩的表决",
                "project_id": cls.project.id,
                "matter_type_id": matter_type.id,
                "date_start": now - timedelta(days=1),
                "date_end": now + timedelta(days=14),
                "scrutineer_ids": [Command.set(cls.committee1.partner_id.ids)],
            }
        )
        open_vote(cls.vote)

    def _ballot(self, unit):
        self.env.invalidate_all()
        return self.vote.ballot_ids.filtered(lambda ballot: ballot.unit_id == unit)

    def test_owner_votes_in_portal(self):
        unit = self.env.ref("property_cs.demo_unit_ghy_1_202")
        self.start_tour("/my", "property_survey_vote_owner_tour", login="owner1")
        ballot = self._ballot(unit)
        self.assertEqual(
            (ballot.state, ballot.choice, ballot.channel), ("valid", "yes", "portal")
        )
        self.assertEqual(ballot.partner_id, self.owner1.partner_id)
        self.assertEqual(ballot.change_ids.user_id, self.owner1)

    def test_scrutineer_enters_paper_ballot(self):
        unit = self.env.ref("property_cs.demo_unit_ghy_1_204")
        agent = self.env.ref("property_cs.demo_user_agent")
        first = (
            self.env["property.vote.paper.entry"]
            .with_user(agent)
            .create(
                {
                    "vote_id": self.vote.id,
                    "unit_id": unit.id,
                    "choice": "no",
                    "scan": base64.b64encode(b"%PDF-1.4 signed paper ballot"),
                    "scan_filename": "1-204.pdf",
                }
            )
        )
        self.assertEqual(first.state, "pending")
        self.start_tour(
            "/my/votes", "property_survey_vote_paper_tour", login="committee1"
        )
        self.env.invalidate_all()
        # the agent reads only their own entry while the vote runs
        first = first.with_env(self.env)
        self.assertEqual(first.state, "matched")
        second = first.pair_entry_id
        self.assertEqual(second.user_id, self.committee1)
        ballot = self._ballot(unit)
        self.assertEqual(
            (ballot.state, ballot.choice, ballot.channel), ("valid", "no", "paper")
        )
