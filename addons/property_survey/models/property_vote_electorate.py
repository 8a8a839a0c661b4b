# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .property_vote import OWNER_ROLES


class PropertyVote(models.Model):
    """The electorate of an owners' vote and its headcount (Civil Code Art.
    278, domain_standards G1; Supreme People's Court interpretation on
    building division ownership, Art. 8-9): every exclusive part of the
    project, with its area from the register and the key under which it
    enters the headcount, frozen when the vote opens
    (``property.vote.elector``)."""

    _inherit = "property.vote"

    # ------------------------------------------------------------------
    # ELECTORATE AND HEADCOUNT
    # ------------------------------------------------------------------
    def _today(self):
        """Today in the company's time zone (as unit links count it)."""
        return self.env["property.unit.partner"]._property_today()

    def _owner_links(self, unit, day):
        """The unit's owner and co-owner links current on ``day``, the
        owner first (as the register orders them)."""
        return (
            unit.sudo()
            .partner_link_ids.filtered(
                lambda link: link.role in OWNER_ROLES and link._is_current_on(day)
            )
            .sorted(lambda link: (link.role_sequence, link.id))
        )

    def _is_developer_unit(self, unit, day):
        """The developer's part (Supreme People's Court interpretation on
        building division ownership, Art. 9): not delivered on ``day`` (no
        handover date, or a later one), or unsold (no current owner, or
        owned only by the developer)."""
        self.ensure_one()
        if not unit.date_handover or unit.date_handover > day:
            return True
        owners = self._owner_links(unit, day).partner_id.commercial_partner_id
        developer = self.project_id.sudo().developer_partner_id.commercial_partner_id
        return not owners or (bool(developer) and owners == developer)

    def _voter_key(self, unit, day=None):
        """The key under which ``unit`` enters the headcount of this vote
        (units with the same key count as one owner), on ``day`` (default
        today; the electorate keeps the key of the opening day):

        - ``"developer"``: the developer's unsold or undelivered units, all
          together one owner (whatever the headcount rule);
        - ``"unit:<id>"``: one per unit, under the "per_part" rule;
        - ``"owners:<ids>"``: the sorted commercial partners owning the unit,
          under the "buyer_once" rule, so that the units of the same owner
          (or the same co-owners) count once. A unit co-owned by A and B and
          a unit of A alone are two owners: the buyers differ."""
        self.ensure_one()
        day = day or self._today()
        if self._is_developer_unit(unit, day):
            return "developer"
        if self.headcount_rule == "per_part":
            return f"unit:{unit.id}"
        owners = self._owner_links(unit, day).partner_id.commercial_partner_id
        return "owners:" + ",".join(str(pid) for pid in sorted(owners.ids))

    def _prepare_elector_values(self, day):
        """One electorate entry per active unit of the project: its area in
        the register, its headcount key, who may vote for it (the owners and
        co-owners, the developer for its units) and the representative of
        co-owners (the co-owner flagged as vote representative on the unit's
        register, else the owner listed first)."""
        self.ensure_one()
        units = (
            self.env["property.unit"]
            .sudo()
            .search([("project_id", "=", self.project_id.id)])
        )
        developer = self.project_id.sudo().developer_partner_id
        values = []
        for unit in units:
            links = self._owner_links(unit, day)
            is_developer = self._is_developer_unit(unit, day)
            if is_developer:
                voters = developer
                representative = developer
            else:
                voters = links.partner_id
                flagged = links.filtered("is_vote_representative")
                representative = (flagged or links)[:1].partner_id
            values.append(
                {
                    "vote_id": self.id,
                    "unit_id": unit.id,
                    "area": unit.area,
                    "voter_key": self._voter_key(unit, day),
                    "is_developer": is_developer,
                    "owner_partner_ids": [fields.Command.set(voters.ids)],
                    "representative_partner_id": representative.id,
                }
            )
        return values

    def _elector_for(self, unit):
        """The electorate entry of ``unit`` in this vote (as superuser),
        empty when the unit is not part of it."""
        self.ensure_one()
        return (
            self.env["property.vote.elector"]
            .sudo()
            .search([("vote_id", "=", self.id), ("unit_id", "=", unit.id)], limit=1)
        )

    def _electors_of(self, partner):
        """The electorate entries (as superuser) whose ballot ``partner`` may
        cast under the vote's co-owner rule: the units they owned when the
        vote opened, and under the representative rule only those where they
        are the representative."""
        self.ensure_one()
        electors = self.env["property.vote.elector"].sudo()
        if not partner:
            return electors
        commercial = partner.commercial_partner_id
        candidates = electors.search(
            [
                ("vote_id", "=", self.id),
                "|",
                ("owner_partner_ids", "in", [partner.id, commercial.id]),
                ("owner_partner_ids.commercial_partner_id", "=", commercial.id),
            ]
        )
        return candidates.filtered(lambda elector: elector._may_vote(partner))
