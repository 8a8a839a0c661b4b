# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.property_cs.tests.common import PropertyCsCommon

SCAN = base64.b64encode(b"%PDF-1.4 signed paper ballot")
AUTHORISATION = base64.b64encode(b"%PDF-1.4 signed authorisation")


def open_vote(vote):
    """Open ``vote`` (the vote engine freezes its electorate)."""
    vote.action_open()


def close_vote(vote):
    """Close ``vote`` (its closing time must have passed)."""
    vote.action_close()


class VoteBallotCommon(PropertyCsCommon):
    """Project A with four handed-over units:

    ====  ======================================  =====================
    unit  owners (portal login)                   others
    ====  ======================================  =====================
    101   Zhang Wei (pcs_owner_a, owner),         —
          Li Na (pcs_spouse_a, co-owner)
    102   Zhou Min (pcs_owner_a2)                 Wang Fang, tenant
                                                  (pcs_tenant_a)
    103   Wu Gang (no portal account)             —
    104   Sun Li (pcs_scrutineer, scrutineer)     —
    105   Qian Hui (pcs_scrutineer2, scrutineer,  —
          member of the owners' committee)
    ====  ======================================  =====================

    Project B: unit 201 of Chen Jie (pcs_owner_b), with its own vote.
    Staff: the agent and the supervisor of project A, head office, and an
    agent of project B only. The vote of project A runs from 1 to 31 March
    2026 (UTC) unless a class sets other times."""

    DATE_START = "2026-03-01 00:00:00"
    DATE_END = "2026-03-31 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        Link = cls.env["property.unit.partner"]
        cls.unit_a4, cls.unit_a5 = cls.env["property.unit"].create(
            [
                {"name": "104", "building_id": cls.building_a.id, "area": 120.0},
                {"name": "105", "building_id": cls.building_a.id, "area": 80.0},
            ]
        )
        (
            cls.unit_a1
            | cls.unit_a2
            | cls.unit_a3
            | cls.unit_a4
            | cls.unit_a5
            | cls.unit_b1
        ).write({"date_handover": "2020-01-01"})
        cls.owner_a2 = Partner.create({"name": "Zhou Min"})
        cls.owner_a3 = Partner.create({"name": "Wu Gang"})
        cls.scrutineer = Partner.create({"name": "Sun Li"})
        cls.scrutineer2 = Partner.create({"name": "Qian Hui"})
        Link.create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "role": "owner",
                    "date_start": "2020-01-01",
                }
                for unit, partner in (
                    (cls.unit_a2, cls.owner_a2),
                    (cls.unit_a3, cls.owner_a3),
                    (cls.unit_a4, cls.scrutineer),
                    (cls.unit_a5, cls.scrutineer2),
                )
            ]
        )
        cls._make_committee_member(cls.scrutineer2, cls.project_a)
        portal = "base.group_portal"
        cls.portal_spouse = new_test_user(
            cls.env,
            login="pcs_spouse_a",
            groups=portal,
            partner_id=cls.owner_a_spouse.id,
            name=cls.owner_a_spouse.name,
        )
        cls.portal_owner_a2 = new_test_user(
            cls.env,
            login="pcs_owner_a2",
            groups=portal,
            partner_id=cls.owner_a2.id,
            name=cls.owner_a2.name,
        )
        cls.portal_scrutineer = new_test_user(
            cls.env,
            login="pcs_scrutineer",
            groups=portal,
            partner_id=cls.scrutineer.id,
            name=cls.scrutineer.name,
        )
        cls.portal_scrutineer2 = new_test_user(
            cls.env,
            login="pcs_scrutineer2",
            groups=portal,
            partner_id=cls.scrutineer2.id,
            name=cls.scrutineer2.name,
        )
        cls.supervisor = cls.users["supervisor"]
        cls.head_office = cls.users["head_office"]
        cls.agent_b = new_test_user(
            cls.env,
            login="pcs_agent_b",
            groups="property_cs.group_property_cs_agent",
            name="PCS agent B",
        )
        cls.agent_b.property_project_ids = [Command.set(cls.project_b.ids)]
        cls.matter_type = cls.env["property.vote.matter.type"].create(
            {"name": "Ordinary matter"}
        )
        cls.vote = cls._make_vote(
            name="Lift renewal",
            scrutineer_ids=[Command.set((cls.scrutineer | cls.scrutineer2).ids)],
        )
        cls.vote_b = cls._make_vote(
            name="River View gate",
            project_id=cls.project_b.id,
            scrutineer_ids=[Command.set(cls.owner_b.ids)],
        )
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _make_vote(cls, open_it=True, **vals):
        values = {
            "name": "Vote",
            "project_id": cls.project_a.id,
            "matter_type_id": cls.matter_type.id,
            "date_start": cls.DATE_START,
            "date_end": cls.DATE_END,
            "scrutineer_ids": [Command.set(cls.scrutineer.ids)],
        }
        values.update(vals)
        vote = cls.env["property.vote"].create(values)
        if open_it:
            open_vote(vote)
        return vote

    def _ballot(self, unit, vote=None):
        return (vote or self.vote).ballot_ids.filtered(
            lambda ballot: ballot.unit_id == unit
        )

    @classmethod
    def _cast(cls, partner, choice, units, vote=None):
        """Cast and confirm an e-ballot as ``partner``."""
        vote = (vote or cls.vote).with_user(partner.user_ids[:1])
        vote._portal_cast(partner, choice, units.ids)
        return vote._portal_confirm(partner, choice, units.ids)

    @classmethod
    def _enter(cls, user, unit, choice, scan=SCAN, vote=None):
        """Type in a paper ballot in the back office as ``user``."""
        return (
            cls.env["property.vote.paper.entry"]
            .with_user(user)
            .create(
                {
                    "vote_id": (vote or cls.vote).id,
                    "unit_id": unit.id,
                    "choice": choice,
                    "scan": scan,
                    "scan_filename": "ballot.pdf",
                }
            )
        )
