# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .property_vote_ballot import BALLOT_CHOICES

ENTRY_STATES = [
    ("pending", "Awaiting Second Entry"),
    ("matched", "Matched and Counted"),
    ("mismatch", "Mismatch"),
    ("discarded", "Discarded"),
]
OPEN_ENTRY_STATES = ("pending", "mismatch")
HEAD_OFFICE = "property_cs.group_property_cs_head_office"
STAFF = "property_cs.group_property_cs_agent"


class PropertyVotePaperEntry(models.Model):
    """One typing of a paper ballot (issue 16: paper ballots entered by two
    staff or committee members, both must match). A paper ballot counts
    only when two entries made by two different people (project staff or
    the vote's scrutineers) agree on the unit and the choice: the second
    matching entry records the ballot (channel paper). Entries that
    disagree are both flagged and nothing counts until the wrong one is
    discarded and a new entry matches the remaining one. The same person
    cannot make both entries. Entries are blind: staff read only their own
    entries while the vote runs. The first entry of a ballot carries the
    scanned paper ballot. Paper ballots handed in before the end of the
    voting period may still be typed in (and wrong entries discarded) until
    the vote is closed; after the close nothing changes.

    A paper ballot and an e-ballot of the same unit: the one recorded last
    counts (for a paper ballot, when its second matching entry is made);
    the ballot's history shows the replaced choice and channel."""

    _name = "property.vote.paper.entry"
    _description = "Paper Ballot Entry"
    _order = "date_entered desc, id desc"
    _rec_name = "unit_id"

    vote_id = fields.Many2one(
        "property.vote",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', '=', 'open')]",
    )
    project_id = fields.Many2one(related="vote_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        domain="[('project_id', '=', project_id)]",
    )
    choice = fields.Selection(BALLOT_CHOICES, required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Entered by",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    date_entered = fields.Datetime(
        string="Entered On", required=True, readonly=True, default=fields.Datetime.now
    )
    scan = fields.Binary(
        string="Scanned Ballot",
        attachment=True,
        help="The scan of the signed paper ballot; required on the first entry "
        "of a ballot.",
    )
    scan_filename = fields.Char()
    state = fields.Selection(
        ENTRY_STATES,
        string="Status",
        required=True,
        default="pending",
        readonly=True,
        index=True,
    )
    pair_entry_id = fields.Many2one(
        "property.vote.paper.entry",
        string="Compared With",
        readonly=True,
        help="The other entry of the same ballot this one was compared with.",
    )
    ballot_id = fields.Many2one("property.vote.ballot", readonly=True)
    discarded_by_id = fields.Many2one("res.users", readonly=True)
    discard_reason = fields.Char(readonly=True)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Who entered and when are set here. Each entry is checked (open
        vote, the person's right to enter, unit of the vote, not twice by
        the same person, no unresolved mismatch) and compared with the
        waiting entry of the same unit: a match counts the ballot, a
        mismatch flags both entries."""
        for vals in vals_list:
            vals.update(user_id=self.env.uid, date_entered=fields.Datetime.now())
        entries = super().create(vals_list)
        for entry in entries:
            entry._paper_compare()
        return entries

    @api.ondelete(at_uninstall=False)
    def _unlink_except_evidence(self):
        raise UserError(
            self.env._(
                "Paper ballot entries are kept as evidence: discard a wrong "
                "entry instead of deleting it."
            )
        )

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    def _paper_check_right(self, user):
        """``user`` may enter paper ballots of this entry's vote: a
        scrutineer of the vote, or an internal user of the vote's project
        (customer-service staff) or of head office."""
        self.ensure_one()
        vote = self.sudo().vote_id
        if user.partner_id in vote.scrutineer_ids:
            return True
        if not user.share and (
            user.has_group(HEAD_OFFICE)
            or (user.has_group(STAFF) and vote.project_id in user.property_project_ids)
        ):
            return True
        raise AccessError(
            self.env._(
                "Only the vote's scrutineers and the project's staff enter paper "
                "ballots."
            )
        )

    def _paper_compare(self):
        """Compare a new entry with the entry of the same unit that waits
        for its second typing, and count the ballot when they match."""
        self.ensure_one()
        entry = self.sudo()
        vote = entry.vote_id
        vote._ballot_check_open(allow_late_entry=True)
        entry._paper_check_right(self.env.user)
        if entry.unit_id not in vote._ballot_units():
            raise UserError(
                self.env._(
                    "Unit %(unit)s is not part of the vote %(vote)s.",
                    unit=entry.unit_id.complete_name,
                    vote=vote.name,
                )
            )
        # two people typing the same unit at the same moment: the vote's
        # row is updated, not only locked, so that the later one, whose
        # snapshot (repeatable read) cannot see the earlier entry, fails
        # with a serialisation error; Odoo retries it, and it then compares
        # with that entry instead of waiting beside it
        self.env.cr.execute(
            "UPDATE property_vote SET write_date = write_date WHERE id = %s",
            (vote.id,),
        )
        others = entry.search(
            [
                ("id", "!=", entry.id),
                ("vote_id", "=", vote.id),
                ("unit_id", "=", entry.unit_id.id),
                ("state", "in", OPEN_ENTRY_STATES),
            ]
        )
        if others.filtered(lambda other: other.user_id == entry.user_id):
            raise UserError(
                self.env._(
                    "You already entered the paper ballot of unit %(unit)s: the "
                    "second entry must be made by someone else.",
                    unit=entry.unit_id.complete_name,
                )
            )
        if others.filtered(lambda other: other.state == "mismatch"):
            raise UserError(
                self.env._(
                    "The two entries of unit %(unit)s do not match: check the "
                    "scanned ballot and discard the wrong entry before entering "
                    "it again.",
                    unit=entry.unit_id.complete_name,
                )
            )
        if not others:
            if not entry.scan:
                raise UserError(
                    self.env._(
                        "Attach the scanned paper ballot to the first entry of "
                        "unit %(unit)s.",
                        unit=entry.unit_id.complete_name,
                    )
                )
            return entry
        first = others[0]
        if first.choice != entry.choice:
            (first | entry).write({"state": "mismatch"})
            first.pair_entry_id = entry
            entry.pair_entry_id = first
            return entry
        voter = vote._ballot_default_voter(entry.unit_id)
        ballot = vote.ballot_ids.filtered(
            lambda ballot: ballot.unit_id == entry.unit_id
        ) or self.env["property.vote.ballot"].sudo().create(
            {
                "vote_id": vote.id,
                "unit_id": entry.unit_id.id,
                "partner_id": voter.id,
                "channel": "paper",
            }
        )
        ballot._record_choice(
            entry.choice,
            "paper",
            voter,
            note=self.env._(
                "Paper ballot entered by %(first)s and %(second)s",
                first=first.user_id.name,
                second=entry.user_id.name,
            ),
        )
        first.write(
            {"state": "matched", "pair_entry_id": entry.id, "ballot_id": ballot.id}
        )
        entry.write(
            {"state": "matched", "pair_entry_id": first.id, "ballot_id": ballot.id}
        )
        return entry

    def action_discard(self, reason=False):
        """Discard a wrong entry (the person who made it, a scrutineer of
        the vote or head office): the other entry of a mismatch waits again
        for a second entry, by someone other than its author. A matched
        entry is never discarded (its ballot counts; a later ballot of the
        unit replaces it)."""
        user = self.env.user
        for entry in self.sudo():
            entry.vote_id._ballot_check_open(allow_late_entry=True)
            if entry.state not in OPEN_ENTRY_STATES:
                raise UserError(
                    self.env._(
                        "Only an entry awaiting its second entry or in a mismatch "
                        "can be discarded."
                    )
                )
            if not (
                entry.user_id == user
                or user.partner_id in entry.vote_id.scrutineer_ids
                or (not user.share and user.has_group(HEAD_OFFICE))
            ):
                raise AccessError(
                    self.env._(
                        "Only the person who made the entry, a scrutineer of the "
                        "vote or head office can discard it."
                    )
                )
            pair = entry.pair_entry_id
            entry.write(
                {
                    "state": "discarded",
                    "discarded_by_id": user.id,
                    "discard_reason": reason,
                }
            )
            if pair.state == "mismatch":
                pair.write({"state": "pending", "pair_entry_id": False})
        return True
