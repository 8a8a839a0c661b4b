# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PropertyVoteDemo(models.AbstractModel):
    """Demo data of owners' votes: called only from
    demo/property_vote_demo.xml, never by the production models.

    Opening a vote and casting its ballots go through one function call:
    XML functions run only when the demo is installed, so that an update of
    a database where the demo vote is new leaves it in draft instead of
    failing on ballots of a vote that is not open."""

    _name = "property.vote.demo"
    _description = "Owners' Vote Demo Data"

    @api.model
    def _open_with_ballots(self, vote_id, ballots):
        """Open the vote ``vote_id`` (if still a draft) and cast counted
        ``ballots`` [(unit id, voter id, choice, channel)]."""
        vote = self.env["property.vote"].browse(vote_id)
        if vote.state == "draft":
            vote.action_open()
        self.env["property.vote.ballot"].create(
            [
                {
                    "vote_id": vote.id,
                    "unit_id": unit_id,
                    "partner_id": partner_id,
                    "choice": choice,
                    "channel": channel,
                    "state": "valid",
                }
                for unit_id, partner_id, choice, channel in ballots
            ]
        )
        return vote
