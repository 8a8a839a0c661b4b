# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyVoteElector(models.Model):
    """One exclusive part (unit) of the electorate of a vote, frozen when
    the vote opens (Civil Code Art. 278, domain_standards G1): its area from
    the register on that day, who may vote for it and the key under which
    it enters the headcount (``property.vote._voter_key``).

    Electors are written only by ``property.vote.action_open`` (as
    superuser); nobody edits them afterwards, so that the totals the result
    is measured against cannot move while the vote runs or after it."""

    _name = "property.vote.elector"
    _description = "Vote Electorate Entry"
    _order = "vote_id, building_id, unit_id"
    _rec_name = "unit_id"

    vote_id = fields.Many2one(
        "property.vote", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="vote_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    area = fields.Float(
        string="Exclusive Area (m²)",
        digits=(16, 2),
        required=True,
        aggregator="sum",
        help="The unit's area in the register when the vote opened.",
    )
    voter_key = fields.Char(
        string="Headcount Key",
        required=True,
        index=True,
        help="Units with the same key count as one owner in the headcount: "
        "the developer's unsold or undelivered units, and the units of one "
        "owner when the project counts each owner once.",
    )
    is_developer = fields.Boolean(
        string="Developer's Unit",
        help="Not delivered, or still owned by the developer, when the vote "
        "opened: counted in the developer's one headcount.",
    )
    owner_partner_ids = fields.Many2many(
        "res.partner",
        "property_vote_elector_owner_rel",
        "elector_id",
        "partner_id",
        string="Owners When Opened",
        help="Who may cast the unit's ballot: its owners and co-owners when "
        "the vote opened, or the developer for its units.",
    )
    representative_partner_id = fields.Many2one(
        "res.partner",
        string="Vote Representative",
        help="The co-owner who casts the unit's ballot when the project lets "
        "only a designated representative vote.",
    )
    has_voted = fields.Boolean(
        string="Voted",
        compute="_compute_has_voted",
        help="The unit has a counted ballot. Shown once the vote is closed: "
        "while it runs, property staff see participation counts only.",
    )

    _sql_constraints = [
        (
            "vote_unit_unique",
            "unique(vote_id, unit_id)",
            "A unit appears once in the electorate of a vote.",
        )
    ]

    @api.depends("vote_id.state")
    @api.depends_context("uid")
    def _compute_has_voted(self):
        """Whether the unit took part, for the staff once the vote is
        closed; for a scrutineer of the vote at any time (they see the
        ballots themselves)."""
        partner = self.env.user.partner_id
        visible = self.filtered(
            lambda elector: (
                elector.vote_id.state in ("closed", "published")
                or partner in elector.vote_id.sudo().scrutineer_ids
            )
        )
        voted = set()
        if visible:
            Ballot = self.env["property.vote.ballot"].sudo()
            for ballot in Ballot.search(
                [
                    ("vote_id", "in", visible.vote_id.ids),
                    ("state", "=", "valid"),
                ]
            ):
                voted.add((ballot.vote_id.id, ballot.unit_id.id))
        for elector in self:
            elector.has_voted = (
                elector in visible and (elector.vote_id.id, elector.unit_id.id) in voted
            )

    def _may_vote(self, partner):
        """Whether ``partner`` may cast this unit's ballot under the vote's
        co-owner rule: an owner when the vote opened (a contact of an owning
        company counts as the company), and under the representative rule
        only the unit's representative."""
        self.ensure_one()
        elector = self.sudo()
        if not partner:
            return False
        commercial = partner.commercial_partner_id
        if elector.vote_id.coowner_rule == "representative":
            representative = elector.representative_partner_id
            return bool(representative) and commercial in (
                representative | representative.commercial_partner_id
            )
        owners = elector.owner_partner_ids
        return commercial in (owners | owners.commercial_partner_id)
