# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.property_cs.models.property_unit_partner import OWNER_ROLES

from .property_vote_ballot import BALLOT_CHOICES

DEFAULT_TZ = "Asia/Shanghai"


class PropertyVote(models.Model):
    """Ballot capture on an owners' vote (issue 16, G1): who may cast the
    ballot of a unit (its current owners under the project's co-owner rule,
    or the holder of a proxy with a signed authorisation), the portal
    e-ballot with its confirmation step, and the lock at the close. The
    portal controllers call only the ``_portal_*`` methods, which check the
    caller and then work as superuser."""

    _inherit = "property.vote"

    proxy_ids = fields.One2many("property.vote.proxy", "vote_id", string="Proxies")
    paper_entry_ids = fields.One2many(
        "property.vote.paper.entry", "vote_id", string="Paper Ballot Entries"
    )

    # ------------------------------------------------------------------
    # OPEN / CLOSED
    # ------------------------------------------------------------------

    def _ballot_check_open(self, allow_late_entry=False):
        """Raise unless ballots may be cast or changed now (the vote
        engine's ``_check_vote_open``): the vote is open and within its
        voting period; with ``allow_late_entry`` (the typing of paper
        ballots handed in before the end) the period may have ended, as
        long as the vote is not closed. After the close nothing changes."""
        self.ensure_one()
        return self.sudo()._check_vote_open(allow_late_entry=allow_late_entry)

    def _ballot_is_open(self, allow_late_entry=False):
        self.ensure_one()
        try:
            self._ballot_check_open(allow_late_entry=allow_late_entry)
        except UserError:
            return False
        return True

    # ------------------------------------------------------------------
    # WHO MAY CAST
    # ------------------------------------------------------------------

    def _ballot_has_electorate(self):
        """Whether the vote engine froze the electorate of this vote when it
        opened (``property.vote.elector``): then who may cast is read from
        it; otherwise (a vote not opened yet) from the current owner links."""
        self.ensure_one()
        return bool(
            self.env["property.vote.elector"]
            .sudo()
            .search_count([("vote_id", "=", self.id)], limit=1)
        )

    def _ballot_coowner_rule(self):
        """'any_last': any owner or co-owner casts the unit's ballot and the
        last recorded choice counts; 'representative': only the co-owner
        designated for the unit (by default the owner listed first)."""
        self.ensure_one()
        vote = self.sudo()
        return (
            vote.coowner_rule
            or vote.project_id.property_vote_coowner_rule
            or "any_last"
        )

    def _ballot_units(self):
        """The units that vote (as superuser): the frozen electorate, or
        every unit of the vote's project."""
        self.ensure_one()
        if self._ballot_has_electorate():
            return (
                self.env["property.vote.elector"]
                .sudo()
                .search([("vote_id", "=", self.id)])
                .unit_id
            )
        return (
            self.env["property.unit"]
            .sudo()
            .search([("project_id", "=", self.sudo().project_id.id)])
        )

    def _ballot_owner_links(self, units=None):
        """The current owner and co-owner links of the project's units (of
        ``units`` only when given), as superuser, the owner first."""
        self.ensure_one()
        domain = [
            ("project_id", "=", self.sudo().project_id.id),
            ("role", "in", OWNER_ROLES),
            ("is_current", "=", True),
        ]
        if units is not None:
            domain.append(("unit_id", "in", units.ids))
        return (
            self.env["property.unit.partner"]
            .sudo()
            .search(domain)
            .sorted(lambda link: (link.unit_id.id, link.role_sequence, link.id))
        )

    def _ballot_electorate(self, units=None):
        """Who may cast the ballot of each unit (of ``units`` when given):
        ``{unit: (owners, voters, representative)}`` where ``owners`` are
        the unit's owners and co-owners, ``voters`` those who may cast its
        ballot under the co-owner rule and ``representative`` the owner a
        paper ballot is recorded for. Read from the frozen electorate when
        the vote engine made one, else from the current owner links and
        their "votes for the unit" flag (as the engine freezes them)."""
        self.ensure_one()
        vote = self.sudo()
        result = {}
        if vote._ballot_has_electorate():
            domain = [("vote_id", "=", vote.id)]
            if units is not None:
                domain.append(("unit_id", "in", units.ids))
            for elector in self.env["property.vote.elector"].sudo().search(domain):
                owners = elector.owner_partner_ids
                voters = owners.filtered(elector._may_vote)
                representative = elector.representative_partner_id or voters[:1]
                result[elector.unit_id] = (owners, voters, representative)
            return result
        representative_rule = vote._ballot_coowner_rule() == "representative"
        by_unit = {}
        for link in vote._ballot_owner_links(units):
            by_unit.setdefault(link.unit_id, link.browse())
            by_unit[link.unit_id] |= link
        for unit, links in by_unit.items():
            flagged = links.filtered("is_vote_representative")
            representative = (flagged or links)[:1].partner_id
            owners = links.partner_id
            result[unit] = (
                owners,
                representative if representative_rule else owners,
                representative,
            )
        return result

    def _ballot_owned_units(self, partner):
        """The units of the vote that ``partner`` owns or co-owns (or the
        company they are a contact of): in the frozen electorate, or by
        their current owner links."""
        self.ensure_one()
        if self._ballot_has_electorate():
            commercial = partner.commercial_partner_id
            return (
                self.env["property.vote.elector"]
                .sudo()
                .search(
                    [
                        ("vote_id", "=", self.id),
                        "|",
                        ("owner_partner_ids", "in", [partner.id, commercial.id]),
                        (
                            "owner_partner_ids.commercial_partner_id",
                            "=",
                            commercial.id,
                        ),
                    ]
                )
                .unit_id
            )
        return (
            self._ballot_owner_links()
            .filtered(lambda link: link.partner_id == partner)
            .unit_id
        )

    @api.model
    def _ballot_is_among(self, partner, partners):
        """``partner`` is one of ``partners``, or a contact of one of them."""
        return bool(
            partner
            and (partner in partners or partner.commercial_partner_id in partners)
        )

    def _ballot_voters(self, unit):
        """Who may cast the ballot of ``unit`` under the co-owner rule."""
        self.ensure_one()
        entry = self._ballot_electorate(unit).get(unit)
        return entry[1] if entry else self.env["res.partner"]

    def _ballot_default_voter(self, unit):
        """The owner a paper ballot of ``unit`` is recorded for: the unit's
        representative (the designated co-owner, else the owner listed
        first)."""
        self.ensure_one()
        entry = self._ballot_electorate(unit).get(unit)
        if not entry or not entry[2]:
            raise UserError(
                self.env._(
                    "Unit %(unit)s has no owner who may vote in %(vote)s.",
                    unit=unit.complete_name,
                    vote=self.sudo().name,
                )
            )
        return entry[2]

    def _portal_ballot_lines(self, partner):
        """The units ``partner`` acts for in this vote, one dict per unit:
        the units they own or co-own, then the units they hold an active
        proxy for. Each line gives the unit, its ballot (or an empty
        record), the owner the ballot is cast for, the proxy, whether the
        partner may cast it and, if not, why."""
        self.ensure_one()
        vote = self.sudo()
        ballots = {ballot.unit_id: ballot for ballot in vote.ballot_ids}
        empty = self.env["property.vote.ballot"].sudo()
        electorate = vote._ballot_electorate(vote._ballot_owned_units(partner))
        lines = []
        for unit, (_owners, voters, _representative) in sorted(
            electorate.items(), key=lambda item: item[0].complete_name
        ):
            can_cast = self._ballot_is_among(partner, voters)
            lines.append(
                {
                    "unit": unit,
                    "ballot": ballots.get(unit, empty),
                    "voter": partner,
                    "proxy": False,
                    "proxy_partner": False,
                    "can_cast": can_cast,
                    "reason": False
                    if can_cast
                    else self.env._(
                        "The co-owners designated %(names)s to vote for this unit.",
                        names=", ".join(voters.mapped("name")),
                    ),
                }
            )
        owned = self.env["property.unit"].sudo().browse([u.id for u in electorate])
        held = vote.proxy_ids.filtered(
            lambda proxy: (
                proxy.proxy_partner_id == partner
                and proxy.state == "active"
                and proxy.unit_id not in owned
            )
        )
        for proxy in held:
            effective = proxy._is_effective()
            lines.append(
                {
                    "unit": proxy.unit_id,
                    "ballot": ballots.get(proxy.unit_id, empty),
                    "voter": proxy.owner_partner_id,
                    "proxy": proxy,
                    "proxy_partner": partner,
                    "can_cast": effective,
                    "reason": False
                    if effective
                    else self.env._(
                        "The owner who gave you this proxy can no longer vote "
                        "for the unit."
                    ),
                }
            )
        return lines

    # ------------------------------------------------------------------
    # PORTAL: LIST AND PAGE
    # ------------------------------------------------------------------

    @api.model
    def _portal_votes(self, partner):
        """The votes ``partner`` sees in the portal (as superuser): the
        votes under way or past of the projects where they currently own or
        co-own a unit, the votes where they hold a proxy, cast a ballot or
        are a scrutineer. Draft votes are never shown."""
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("role", "in", OWNER_ROLES),
                    ("is_current", "=", True),
                ]
            )
        )
        proxies = (
            self.env["property.vote.proxy"]
            .sudo()
            .search([("proxy_partner_id", "=", partner.id)])
        )
        ballots = (
            self.env["property.vote.ballot"]
            .sudo()
            .search(
                [
                    "|",
                    ("partner_id", "=", partner.id),
                    ("proxy_partner_id", "=", partner.id),
                ]
            )
        )
        votes = proxies.vote_id | ballots.vote_id
        if "property.vote.elector" in self.env:
            # owners in the electorate frozen when the vote opened
            votes |= (
                self.env["property.vote.elector"]
                .sudo()
                .search([("owner_partner_ids", "in", partner.ids)])
                .vote_id
            )
        return self.sudo().search(
            [
                ("state", "!=", "draft"),
                "|",
                "|",
                ("project_id", "in", links.project_id.ids),
                ("id", "in", votes.ids),
                ("scrutineer_ids", "in", partner.ids),
            ]
        )

    def _portal_check_access(self, partner):
        """Raise AccessError unless ``partner`` sees this vote in the
        portal; return the vote as superuser."""
        self.ensure_one()
        if not self.exists() or self not in self._portal_votes(partner):
            raise AccessError(self.env._("This vote is not available to you."))
        return self.sudo()

    def _ballot_choice_labels(self):
        """[(choice, label)] in the reader's language."""
        return (
            self.env["property.vote.ballot"]
            ._fields["choice"]
            ._description_selection(self.env)
        )

    def _portal_tz(self):
        self.ensure_one()
        return self.sudo().project_id.tz or DEFAULT_TZ

    def _portal_values(self, partner):
        """What ``partner`` sees on the vote's page: the matter, the closing
        time (shown in the project's time zone), their units with the
        ballot of each, the history of those ballots and the proxies they
        gave. Never another unit's ballot."""
        vote = self._portal_check_access(partner)
        lines = vote._portal_ballot_lines(partner)
        units = self.env["property.unit"].sudo()
        for line in lines:
            units |= line["unit"]
        history = (
            self.env["property.vote.ballot.change"]
            .sudo()
            .search([("vote_id", "=", vote.id), ("unit_id", "in", units.ids)])
        )
        proxies_given = vote.proxy_ids.filtered(
            lambda proxy: (
                proxy.owner_partner_id == partner
                and proxy.state == "active"
                and proxy.unit_id in units
            )
        )
        is_open = vote._ballot_is_open()
        return {
            "vote": vote,
            "lines": lines,
            "history": history,
            "is_open": is_open,
            "can_cast": is_open and any(line["can_cast"] for line in lines),
            "tz": vote._portal_tz(),
            "choices": vote._ballot_choice_labels(),
            "matter_text": vote.matter_text,
            "is_scrutineer": partner in vote.scrutineer_ids,
            "proxies_given": proxies_given,
            "grant_lines": [
                line
                for line in lines
                if line["can_cast"]
                and not line["proxy"]
                and line["unit"] not in proxies_given.unit_id
            ],
            "page_name": "property_vote",
        }

    # ------------------------------------------------------------------
    # PORTAL: CAST AND CONFIRM
    # ------------------------------------------------------------------

    def _portal_castable_lines(self, partner):
        return {
            line["unit"].id: line
            for line in self._portal_ballot_lines(partner)
            if line["can_cast"]
        }

    def _portal_cast(self, partner, choice, unit_ids=None):
        """First step of the e-ballot: ``partner`` chooses ``choice`` for
        the units ``unit_ids`` (all the units they may cast for when not
        given). Nothing counts yet: the choice waits for
        :meth:`_portal_confirm`; a ballot that already counts keeps its
        recorded choice meanwhile. Returns the ballots to confirm."""
        vote = self._portal_check_access(partner)
        vote._ballot_check_open()
        if choice not in dict(BALLOT_CHOICES):
            raise UserError(self.env._("Choose For, Against or Abstain."))
        lines = vote._portal_castable_lines(partner)
        wanted = {int(unit_id) for unit_id in unit_ids or []} or set(lines)
        if not wanted or not wanted <= set(lines):
            raise AccessError(
                self.env._("You may not cast the ballot of this unit in this vote.")
            )
        Ballot = self.env["property.vote.ballot"].sudo()
        ballots = Ballot
        now = fields.Datetime.now()
        for unit_id in sorted(wanted):
            line = lines[unit_id]
            ballot = line["ballot"] or Ballot.create(
                {
                    "vote_id": vote.id,
                    "unit_id": unit_id,
                    "partner_id": line["voter"].id,
                    "channel": "portal",
                }
            )
            ballot.write(
                {
                    "pending_choice": choice,
                    "pending_partner_id": partner.id,
                    "date_pending": now,
                }
            )
            ballots |= ballot
        return ballots

    def _portal_pending_ballots(self, partner):
        """The ballots ``partner`` cast in this vote and has not confirmed."""
        vote = self._portal_check_access(partner)
        return vote.ballot_ids.filtered(
            lambda ballot: (
                ballot.pending_partner_id == partner and ballot.pending_choice
            )
        )

    def _portal_confirm(self, partner, choice, unit_ids=None):
        """Second step of the e-ballot: ``partner`` confirms the ``choice``
        they were shown for their pending ballots (of ``unit_ids`` when
        given). The choice is recorded and counts; a change of a counted
        ballot is kept in its history. Refused after the close, for a unit
        the partner may no longer cast for, or when the pending choice is
        not the one shown."""
        vote = self._portal_check_access(partner)
        vote._ballot_check_open()
        ballots = vote._portal_pending_ballots(partner)
        if unit_ids:
            wanted = {int(unit_id) for unit_id in unit_ids}
            ballots = ballots.filtered(lambda ballot: ballot.unit_id.id in wanted)
        if not ballots:
            raise UserError(
                self.env._("There is no ballot waiting for your confirmation.")
            )
        if any(ballot.pending_choice != choice for ballot in ballots):
            raise UserError(
                self.env._(
                    "Your choice changed in the meantime: please check it and "
                    "confirm again."
                )
            )
        lines = vote._portal_castable_lines(partner)
        for ballot in ballots:
            line = lines.get(ballot.unit_id.id)
            if not line:
                raise AccessError(
                    self.env._(
                        "You may no longer cast the ballot of unit %(unit)s.",
                        unit=ballot.unit_id.complete_name,
                    )
                )
            ballot._record_choice(
                choice, "portal", line["voter"], line["proxy_partner"]
            )
        return ballots
