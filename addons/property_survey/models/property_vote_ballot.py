# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BALLOT_CHOICES = [("yes", "For"), ("no", "Against"), ("abstain", "Abstain")]
BALLOT_CHANNELS = [("portal", "Portal E-Ballot"), ("paper", "Paper Ballot")]
BALLOT_STATES = [
    ("draft", "To Confirm"),
    ("valid", "Counted"),
    ("void", "Void"),
]


class PropertyVoteBallot(models.Model):
    """The ballot of one exclusive part (unit) in an owners' vote: co-owners
    of the unit cast one ballot between them; only counted ballots enter
    the result (Civil Code Art. 278, domain_standards G1).

    Integrity, whoever writes (superuser included, since the portal and the
    paper entry write as superuser after their own checks):

    - a ballot is created, changed or deleted only while its vote is open
      (``property.vote._check_vote_open``): after the close nothing changes;
    - it stays with its vote and unit;
    - its unit is in the vote's frozen electorate, and its voter may vote
      for the unit under the vote's co-owner rule
      (``property.vote.elector._may_vote``);
    - a counted ballot has a choice.

    Who reads ballots is decided by the record rules of
    security/property_vote_security.xml (secrecy while the vote runs)."""

    _name = "property.vote.ballot"
    _description = "Owners' Vote Ballot"
    _inherit = ["mail.thread"]
    _order = "vote_id, unit_id"

    vote_id = fields.Many2one(
        "property.vote", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="vote_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Voter", required=True, index=True, tracking=True
    )
    proxy_partner_id = fields.Many2one("res.partner", string="Proxy", tracking=True)
    choice = fields.Selection(BALLOT_CHOICES, tracking=True)
    channel = fields.Selection(BALLOT_CHANNELS, required=True, default="portal")
    state = fields.Selection(
        BALLOT_STATES, required=True, default="draft", readonly=True, tracking=True
    )

    _sql_constraints = [
        (
            "vote_unit_unique",
            "unique(vote_id, unit_id)",
            "A unit has one ballot per vote.",
        )
    ]

    # ------------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------------
    @api.constrains("vote_id", "unit_id", "partner_id", "state", "choice")
    def _check_elector(self):
        """The unit is in the vote's electorate, the voter may vote for it
        (an owner when the vote opened, the representative under the
        representative rule, the developer for its units), and a counted
        ballot has a choice."""
        for ballot in self.sudo():
            elector = ballot.vote_id._elector_for(ballot.unit_id)
            if not elector:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in the electorate of vote %(vote)s.",
                        unit=ballot.unit_id.display_name,
                        vote=ballot.vote_id.name,
                    )
                )
            if not elector._may_vote(ballot.partner_id):
                raise ValidationError(
                    self.env._(
                        "%(partner)s may not vote for unit %(unit)s in vote "
                        "%(vote)s: only its owners when the vote opened (or "
                        "its designated representative) may.",
                        partner=ballot.partner_id.display_name,
                        unit=ballot.unit_id.display_name,
                        vote=ballot.vote_id.name,
                    )
                )
            if ballot.state == "valid" and not ballot.choice:
                raise ValidationError(
                    self.env._(
                        "The ballot of unit %(unit)s has no choice: it cannot "
                        "be counted.",
                        unit=ballot.unit_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Ballots are cast only while their vote is open."""
        # who may not create at all is told so first (access error)
        self.check_access("create")
        Vote = self.env["property.vote"].sudo()
        for vote_id in {vals.get("vote_id") for vals in vals_list}:
            if not vote_id:
                continue
            Vote.browse(vote_id)._check_vote_open(allow_late_entry=True)
        return super().create(vals_list)

    def write(self, vals):
        """A ballot changes only while its vote is open, and stays with its
        vote and unit."""
        # who may not write at all is told so first (access error)
        self.check_access("write")
        if {"vote_id", "unit_id"} & set(vals):
            for ballot in self.sudo():
                if ("vote_id" in vals and vals["vote_id"] != ballot.vote_id.id) or (
                    "unit_id" in vals and vals["unit_id"] != ballot.unit_id.id
                ):
                    raise UserError(
                        self.env._(
                            "A ballot stays with its vote and unit: void it "
                            "and record a new one instead."
                        )
                    )
        self._check_votes_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vote_not_open(self):
        self._check_votes_open()

    def _check_votes_open(self):
        for vote in self.sudo().vote_id:
            vote._check_vote_open(allow_late_entry=True)
