# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command

from odoo.addons.property_cs.tests.common import PropertyCsCommon

# the voting period of the fixtures (UTC); opened the day before
OPEN_AT = "2026-02-28 02:00:00"
VOTE_START = "2026-03-01 00:00:00"
DURING = "2026-03-05 04:00:00"
VOTE_END = "2026-03-10 10:00:00"
AFTER = "2026-03-11 02:00:00"


class PropertyVoteCommon(PropertyCsCommon):
    """An empty project "Vote Garden" (its developer known, the agent,
    supervisor and manager of project A assigned to it) where each test
    builds the electorate it needs with ``_units``, then runs a vote with
    ``_open`` / ``_cast`` / ``_close`` at fixed times (freeze_time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.developer = Partner.create(
            {"name": "Vote Garden Developer Co.", "is_company": True}
        )
        cls.vote_project = cls.env["property.project"].create(
            {
                "name": "Vote Garden",
                "code": "VG",
                "developer_partner_id": cls.developer.id,
            }
        )
        cls.vote_building = cls.env["property.building"].create(
            {"name": "V1", "project_id": cls.vote_project.id}
        )
        for role in ("agent", "supervisor", "manager"):
            cls.users[role].property_project_ids = [Command.link(cls.vote_project.id)]
        ref = cls.env.ref
        cls.use_fund = ref("property_survey.property_vote_matter_type_use_fund")
        cls.raise_fund = ref("property_survey.property_vote_matter_type_raise_fund")
        cls.unit_seq = 0

    @classmethod
    def _units(cls, areas, owners=None, handover="2021-01-01"):
        """One unit of "Vote Garden" per area (m²). ``owners`` gives, per
        unit, a partner, a recordset of co-owners (the first is the owner)
        or None (nobody); when ``owners`` is omitted each unit gets an owner
        of its own. Returns (units, owners per unit as a list)."""
        Partner = cls.env["res.partner"]
        units = cls.env["property.unit"]
        for area in areas:
            cls.unit_seq += 1
            units |= cls.env["property.unit"].create(
                {
                    "name": f"{100 + cls.unit_seq}",
                    "building_id": cls.vote_building.id,
                    "area": area,
                    "date_handover": handover,
                }
            )
        if owners is None:
            owners = [Partner.create({"name": f"Owner {unit.name}"}) for unit in units]
        links = []
        for unit, unit_owners in zip(units, owners, strict=True):
            for index, partner in enumerate(unit_owners or []):
                links.append(
                    {
                        "unit_id": unit.id,
                        "partner_id": partner.id,
                        "role": "owner" if index == 0 else "co_owner",
                        "share": 100.0 / len(unit_owners),
                        "date_start": "2020-01-01",
                    }
                )
        cls.env["property.unit.partner"].create(links)
        return units, list(owners)

    def _vote(self, matter_type=None, scrutineers=None, **values):
        """A draft vote of "Vote Garden" over the fixtures' voting period."""
        vals = {
            "name": "Replace the lifts",
            "project_id": self.vote_project.id,
            "matter_type_id": (matter_type or self.use_fund).id,
            "date_start": VOTE_START,
            "date_end": VOTE_END,
        }
        if scrutineers:
            vals["scrutineer_ids"] = [Command.set(scrutineers.ids)]
        vals.update(values)
        return self.env["property.vote"].create(vals)

    def _open(self, vote):
        with freeze_time(OPEN_AT):
            vote.action_open()
        return vote

    def _cast(self, vote, ballots, state="valid"):
        """Ballots [(unit, partner, choice)] cast during the period (as
        superuser, as the portal and the paper entry do)."""
        with freeze_time(DURING):
            return (
                self.env["property.vote.ballot"]
                .sudo()
                .create(
                    [
                        {
                            "vote_id": vote.id,
                            "unit_id": unit.id,
                            "partner_id": partner.id,
                            "choice": choice,
                            "channel": "portal",
                            "state": state,
                        }
                        for unit, partner, choice in ballots
                    ]
                )
            )

    def _close(self, vote):
        with freeze_time(AFTER):
            vote.action_close()
        return vote

    def _run(self, matter_type, units, owners, choices, **values):
        """Open a vote on ``units``, cast ``choices`` (per unit: "yes",
        "no", "abstain" or None for no ballot) by each unit's owner, close
        it and return it. The scrutineer is the first unit's owner."""
        first = owners[0]
        vote = self._vote(matter_type, scrutineers=first[:1], **values)
        self._open(vote)
        ballots = [
            (unit, unit_owners[:1], choice)
            for unit, unit_owners, choice in zip(units, owners, choices, strict=True)
            if choice
        ]
        self._cast(vote, ballots)
        return self._close(vote)
