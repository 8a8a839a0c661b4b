# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .vote_ballot_common import AUTHORISATION, VoteBallotCommon, close_vote


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10 02:00:00")
class TestVoteBallot(VoteBallotCommon):
    """E-ballots with their confirmation, changes and the close."""

    def test_e_ballot_counts_only_once_confirmed(self):
        """The cast waits for the confirmation; confirmed, it counts and the
        history has its first row."""
        vote = self.vote.with_user(self.portal_owner)
        vote._portal_cast(self.owner_a, "yes", self.unit_a1.ids)
        ballot = self._ballot(self.unit_a1)
        self.assertEqual(ballot.state, "draft")
        self.assertFalse(ballot.choice)
        self.assertEqual(ballot.pending_choice, "yes")
        self.assertEqual(ballot.pending_partner_id, self.owner_a)
        self.assertFalse(ballot.change_ids)
        vote._portal_confirm(self.owner_a, "yes", self.unit_a1.ids)
        self.assertEqual(ballot.state, "valid")
        self.assertEqual(ballot.choice, "yes")
        self.assertEqual(ballot.channel, "portal")
        self.assertEqual(ballot.partner_id, self.owner_a)
        self.assertFalse(ballot.pending_choice)
        self.assertEqual(str(ballot.date_recorded), "2026-03-10 02:00:00")
        change = ballot.change_ids
        self.assertEqual(len(change), 1)
        self.assertEqual(
            (change.old_choice, change.new_choice, change.channel),
            (False, "yes", "portal"),
        )
        self.assertEqual(change.user_id, self.portal_owner)
        self.assertEqual(change.partner_id, self.owner_a)

    def test_change_before_close_recorded(self):
        """A change keeps counting the recorded choice until it is
        confirmed; then the history shows old and new choice."""
        self._cast(self.owner_a, "yes", self.unit_a1)
        ballot = self._ballot(self.unit_a1)
        vote = self.vote.with_user(self.portal_owner)
        with freeze_time("2026-03-12 08:30:00"):
            vote._portal_cast(self.owner_a, "no", self.unit_a1.ids)
            self.assertEqual((ballot.state, ballot.choice), ("valid", "yes"))
            self.assertEqual(ballot.pending_choice, "no")
            vote._portal_confirm(self.owner_a, "no", self.unit_a1.ids)
        self.assertEqual((ballot.state, ballot.choice), ("valid", "no"))
        history = ballot.change_ids.sorted("date")
        self.assertEqual(
            [(c.old_choice, c.new_choice) for c in history],
            [(False, "yes"), ("yes", "no")],
        )
        self.assertEqual(str(history[-1].date), "2026-03-12 08:30:00")
        self.assertEqual(history[-1].old_channel, "portal")

    def test_confirmation_is_of_what_was_shown(self):
        """Confirming another choice than the pending one, or nothing
        pending, is refused."""
        vote = self.vote.with_user(self.portal_owner)
        with self.assertRaises(UserError):
            vote._portal_confirm(self.owner_a, "yes")
        vote._portal_cast(self.owner_a, "yes", self.unit_a1.ids)
        with self.assertRaises(UserError):
            vote._portal_confirm(self.owner_a, "no")
        with self.assertRaises(UserError):
            vote._portal_cast(self.owner_a, "maybe", self.unit_a1.ids)
        self.assertNotEqual(self._ballot(self.unit_a1).state, "valid")

    def test_no_change_after_close(self):
        """After the closing time, and once closed, nothing changes: no
        cast, no confirmation, no paper entry, no proxy."""
        self._cast(self.owner_a, "yes", self.unit_a1)
        vote = self.vote.with_user(self.portal_owner)
        vote._portal_cast(self.owner_a, "no", self.unit_a1.ids)
        ballot = self._ballot(self.unit_a1)
        with freeze_time("2026-03-31 10:00:01"):
            # the closing time passed, the vote is not closed yet: no more
            # e-ballots, but paper ballots handed in are still typed in
            with self.assertRaises(UserError):
                vote._portal_confirm(self.owner_a, "no", self.unit_a1.ids)
            with self.assertRaises(UserError):
                vote._portal_cast(self.owner_a, "no", self.unit_a1.ids)
            late = self._enter(self.agent, self.unit_a3, "yes")
            self.assertEqual(late.state, "pending")
            close_vote(self.vote)
            self.assertEqual(self.vote.state, "closed")
            with self.assertRaises(UserError):
                vote._portal_cast(self.owner_a, "abstain", self.unit_a1.ids)
            with self.assertRaises(UserError):
                vote._portal_confirm(self.owner_a, "no", self.unit_a1.ids)
            with self.assertRaises(UserError):
                self._enter(self.supervisor, self.unit_a3, "yes")
            with self.assertRaises(UserError):
                late.with_user(self.agent).action_discard()
            with self.assertRaises(UserError):
                self.vote.with_user(self.portal_owner_a2)._portal_grant_proxy(
                    self.owner_a2, self.unit_a2.id, "pcs_tenant_a", b"x", "a.pdf"
                )
            self.assertFalse(self.vote._portal_values(self.owner_a)["is_open"])
        self.assertEqual((ballot.state, ballot.choice), ("valid", "yes"))
        self.assertEqual(len(ballot.change_ids), 1)
        self.assertEqual(self.vote.paper_entry_ids, late)
        self.assertEqual(late.state, "pending")
        self.assertFalse(self._ballot(self.unit_a3))

    def test_not_open_before_start(self):
        """Before its opening time a vote takes no ballot; a draft vote is
        not shown in the portal at all."""
        vote = self._make_vote(date_start="2026-03-20 00:00:00")
        with self.assertRaises(UserError):
            vote.with_user(self.portal_owner)._portal_cast(
                self.owner_a, "yes", self.unit_a1.ids
            )
        self.assertFalse(vote._portal_values(self.owner_a)["can_cast"])
        draft = self._make_vote(open_it=False)
        with self.assertRaises(AccessError):
            draft._portal_values(self.owner_a)
        with self.assertRaises(AccessError):
            draft.with_user(self.portal_owner)._portal_cast(
                self.owner_a, "yes", self.unit_a1.ids
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10 02:00:00")
class TestVoteCoOwners(VoteBallotCommon):
    """Co-owners cast one ballot: any of them with the last one counting,
    or only the designated representative."""

    def test_any_co_owner_last_counts(self):
        self.assertEqual(self.project_a.property_vote_coowner_rule, "any_last")
        self._cast(self.owner_a, "yes", self.unit_a1)
        with freeze_time("2026-03-11 02:00:00"):
            self._cast(self.owner_a_spouse, "no", self.unit_a1)
        ballot = self._ballot(self.unit_a1)
        self.assertEqual(len(self.vote.ballot_ids), 1)
        self.assertEqual(
            (ballot.choice, ballot.partner_id), ("no", self.owner_a_spouse)
        )
        history = ballot.change_ids.sorted("date")
        self.assertEqual(history.partner_id.mapped("name"), ["Zhang Wei", "Li Na"])
        self.assertEqual(history[-1].old_choice, "yes")

    def test_co_owner_cannot_confirm_the_others_cast(self):
        """The pending choice belongs to who cast it: a co-owner's later
        cast replaces it and the first cannot confirm any more."""
        vote = self.vote
        vote.with_user(self.portal_owner)._portal_cast(
            self.owner_a, "yes", self.unit_a1.ids
        )
        vote.with_user(self.portal_spouse)._portal_cast(
            self.owner_a_spouse, "abstain", self.unit_a1.ids
        )
        with self.assertRaises(UserError):
            vote.with_user(self.portal_owner)._portal_confirm(self.owner_a, "yes")
        vote.with_user(self.portal_spouse)._portal_confirm(
            self.owner_a_spouse, "abstain"
        )
        self.assertEqual(self._ballot(self.unit_a1).choice, "abstain")

    def test_representative_only(self):
        """Under the representative rule only the designated co-owner
        casts; the other sees why."""
        self.project_a.property_vote_coowner_rule = "representative"
        spouse_link = self.unit_a1.partner_link_ids.filtered(
            lambda link: link.partner_id == self.owner_a_spouse
        )
        spouse_link.is_vote_representative = True
        vote = self._make_vote(name="Fund raise")
        lines = vote._portal_ballot_lines(self.owner_a)
        self.assertEqual(len(lines), 1)
        self.assertFalse(lines[0]["can_cast"])
        self.assertIn("Li Na", lines[0]["reason"])
        with self.assertRaises(AccessError):
            vote.with_user(self.portal_owner)._portal_cast(
                self.owner_a, "yes", self.unit_a1.ids
            )
        self._cast(self.owner_a_spouse, "yes", self.unit_a1, vote=vote)
        self.assertEqual(
            self._ballot(self.unit_a1, vote).partner_id, self.owner_a_spouse
        )
        # the owner may not give a proxy either
        with self.assertRaises(AccessError):
            vote.with_user(self.portal_owner)._portal_grant_proxy(
                self.owner_a, self.unit_a1.id, "pcs_tenant_a", b"x", "a.pdf"
            )

    def test_representative_defaults_to_first_owner(self):
        """Without a designation, the owner listed first represents the
        unit."""
        self.project_a.property_vote_coowner_rule = "representative"
        vote = self._make_vote(name="Fund raise")
        self._cast(self.owner_a, "no", self.unit_a1, vote=vote)
        with self.assertRaises(AccessError):
            vote.with_user(self.portal_spouse)._portal_cast(
                self.owner_a_spouse, "yes", self.unit_a1.ids
            )
        self.assertEqual(self._ballot(self.unit_a1, vote).choice, "no")


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10 02:00:00")
class TestVoteProxy(VoteBallotCommon):
    """Proxies need the signed authorisation; the proxy then casts the
    unit's ballot, which records them."""

    def _proxy(self, user=None, **vals):
        values = {
            "vote_id": self.vote.id,
            "unit_id": self.unit_a2.id,
            "owner_partner_id": self.owner_a2.id,
            "proxy_partner_id": self.tenant_a.id,
            "authorisation": AUTHORISATION,
            "authorisation_filename": "authorisation.pdf",
        }
        values.update(vals)
        return (
            self.env["property.vote.proxy"].with_user(user or self.agent).create(values)
        )

    def test_proxy_casts_with_authorisation(self):
        proxy = self._proxy()
        self.assertEqual(proxy.recorded_by_id, self.agent)
        self.assertEqual(proxy.source, "staff")
        lines = self.vote._portal_ballot_lines(self.tenant_a)
        self.assertEqual([line["unit"] for line in lines], [self.unit_a2])
        self.assertTrue(lines[0]["can_cast"])
        self._cast(self.tenant_a, "yes", self.unit_a2)
        ballot = self._ballot(self.unit_a2)
        self.assertEqual(ballot.state, "valid")
        self.assertEqual(ballot.partner_id, self.owner_a2)
        self.assertEqual(ballot.proxy_partner_id, self.tenant_a)
        self.assertEqual(ballot.change_ids.proxy_partner_id, self.tenant_a)
        # the owner keeps the right to vote: the last recorded choice counts
        self._cast(self.owner_a2, "no", self.unit_a2)
        self.assertEqual(ballot.choice, "no")
        self.assertFalse(ballot.proxy_partner_id)

    def test_proxy_without_authorisation_refused(self):
        with self.assertRaises(ValidationError):
            self._proxy(authorisation=False)
        with self.assertRaises(UserError):
            self.vote.with_user(self.portal_owner_a2)._portal_grant_proxy(
                self.owner_a2, self.unit_a2.id, "pcs_tenant_a", None, None
            )
        self.assertFalse(self.vote.proxy_ids)
        # without a proxy the tenant casts nothing
        self.assertFalse(self.vote._portal_ballot_lines(self.tenant_a))
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_tenant)._portal_cast(
                self.tenant_a, "yes", self.unit_a2.ids
            )

    def test_proxy_only_from_a_voter_once_per_unit(self):
        with self.assertRaises(ValidationError):
            self._proxy(
                owner_partner_id=self.tenant_a.id, proxy_partner_id=self.owner_b.id
            )
        with self.assertRaises(ValidationError):
            self._proxy(proxy_partner_id=self.owner_a2.id)
        self._proxy()
        with self.assertRaises(ValidationError):
            self._proxy(proxy_partner_id=self.owner_b.id)
        # an agent of another project records none here
        with self.assertRaises(AccessError):
            self._proxy(user=self.agent_b, proxy_partner_id=self.owner_b.id)

    def test_revoked_proxy_casts_nothing(self):
        proxy = self._proxy()
        self.vote.with_user(self.portal_tenant)._portal_cast(
            self.tenant_a, "yes", self.unit_a2.ids
        )
        proxy.with_user(self.agent).action_revoke()
        self.assertEqual(proxy.state, "revoked")
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_tenant)._portal_confirm(
                self.tenant_a, "yes"
            )
        self.assertNotEqual(self._ballot(self.unit_a2).state, "valid")

    def test_owner_gives_and_revokes_proxy_in_portal(self):
        vote = self.vote.with_user(self.portal_owner_a2)
        with self.assertRaises(UserError):
            vote._portal_grant_proxy(
                self.owner_a2, self.unit_a2.id, "nobody", b"%PDF", "a.pdf"
            )
        with self.assertRaises(AccessError):
            vote._portal_grant_proxy(
                self.owner_a2, self.unit_a1.id, "pcs_tenant_a", b"%PDF", "a.pdf"
            )
        proxy = vote._portal_grant_proxy(
            self.owner_a2, self.unit_a2.id, " pcs_tenant_a ", b"%PDF", "a.pdf"
        )
        self.assertEqual(proxy.source, "owner")
        self.assertEqual(proxy.proxy_partner_id, self.tenant_a)
        self.assertEqual(proxy.owner_partner_id, self.owner_a2)
        self.assertTrue(proxy.authorisation)
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner)._portal_revoke_proxy(
                self.owner_a, proxy.id
            )
        vote._portal_revoke_proxy(self.owner_a2, proxy.id)
        self.assertEqual(proxy.state, "revoked")

    def test_scrutineer_records_proxy(self):
        vote = self.vote.with_user(self.portal_scrutineer)
        proxy = vote._portal_record_proxy(
            self.scrutineer,
            self.unit_a2.id,
            self.owner_a2.id,
            "pcs_tenant_a",
            b"%PDF",
            "a.pdf",
        )
        self.assertEqual(proxy.source, "scrutineer")
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner)._portal_record_proxy(
                self.owner_a,
                self.unit_a3.id,
                self.owner_a3.id,
                "pcs_tenant_a",
                b"x",
                "a",
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10 02:00:00")
class TestVotePaperEntry(VoteBallotCommon):
    """Paper ballots count when two entries by two different people
    match."""

    def test_double_entry_match_counted(self):
        first = self._enter(self.agent, self.unit_a3, "yes")
        self.assertEqual(first.state, "pending")
        self.assertEqual(first.user_id, self.agent)
        self.assertFalse(self._ballot(self.unit_a3))
        second = self._enter(self.supervisor, self.unit_a3, "yes", scan=False)
        self.assertEqual((first.state, second.state), ("matched", "matched"))
        self.assertEqual(second.pair_entry_id, first)
        ballot = self._ballot(self.unit_a3)
        self.assertEqual(
            (ballot.state, ballot.channel, ballot.choice),
            ("valid", "paper", "yes"),
        )
        self.assertEqual(ballot.partner_id, self.owner_a3)
        self.assertEqual(first.ballot_id, ballot)
        self.assertEqual(ballot.change_ids.user_id, self.supervisor)
        self.assertIn("PCS agent", ballot.change_ids.note)

    def test_entries_of_a_vote_are_serialised(self):
        """Each entry updates the vote's row before it looks for the other
        entry of its unit, so two entries typed at once never both wait."""
        queries = []
        cursor = self.env.cr
        execute = cursor.execute

        def spy(query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(query, params, log_exceptions)

        with patch.object(cursor, "execute", spy):
            self._enter(self.agent, self.unit_a3, "yes")
        lock = next(
            i
            for i, query in enumerate(queries)
            if query.startswith("UPDATE property_vote SET write_date = write_date")
        )
        search = next(
            i
            for i, query in enumerate(queries)
            if query.startswith("SELECT")
            and '"property_vote_paper_entry"."state" IN' in query
        )
        self.assertLess(lock, search)

    def test_mismatch_refused_until_resolved(self):
        first = self._enter(self.agent, self.unit_a3, "yes")
        second = self._enter(self.supervisor, self.unit_a3, "no", scan=False)
        self.assertEqual((first.state, second.state), ("mismatch", "mismatch"))
        self.assertFalse(
            self._ballot(self.unit_a3).filtered(lambda b: b.state == "valid")
        )
        # a third entry is refused while the mismatch stands
        with self.assertRaises(UserError) as refused:
            self._enter(self.head_office, self.unit_a3, "yes")
        self.assertIn("do not match", str(refused.exception))
        # someone else than its author cannot discard an entry
        with self.assertRaises(AccessError):
            second.with_user(self.agent).action_discard()
        second.with_user(self.supervisor).action_discard(reason="Misread the box")
        self.assertEqual(second.state, "discarded")
        self.assertEqual(first.state, "pending")
        third = self._enter(self.head_office, self.unit_a3, "yes", scan=False)
        self.assertEqual(third.state, "matched")
        self.assertEqual(self._ballot(self.unit_a3).choice, "yes")
        # a matched entry is never discarded
        with self.assertRaises(UserError):
            third.with_user(self.head_office).action_discard()

    def test_same_person_twice_refused(self):
        self._enter(self.agent, self.unit_a3, "yes")
        with self.assertRaises(UserError) as refused:
            self._enter(self.agent, self.unit_a3, "yes")
        self.assertIn("someone else", str(refused.exception))
        self.assertEqual(len(self.vote.paper_entry_ids), 1)
        self.assertFalse(self._ballot(self.unit_a3))
        # nor through the portal as a scrutineer who entered first
        vote = self.vote.with_user(self.portal_scrutineer)
        vote._portal_paper_enter(
            self.scrutineer, self.unit_a1.id, "no", b"%PDF", "s.pdf"
        )
        with self.assertRaises(UserError):
            vote._portal_paper_enter(self.scrutineer, self.unit_a1.id, "no")
        self.assertEqual(len(self.vote.paper_entry_ids), 2)

    def test_first_entry_needs_the_scan(self):
        with self.assertRaises(UserError) as refused:
            self._enter(self.agent, self.unit_a3, "yes", scan=False)
        self.assertIn("scanned", str(refused.exception))
        self.assertFalse(self.vote.paper_entry_ids)

    def test_who_may_enter(self):
        """Staff of another project and owners who are not scrutineers
        enter nothing; scrutineers enter through the portal."""
        with self.assertRaises(AccessError):
            self._enter(self.agent_b, self.unit_a3, "yes")
        with self.assertRaises(AccessError):
            self.vote.with_user(self.portal_owner)._portal_paper_enter(
                self.owner_a, self.unit_a3.id, "yes", b"%PDF", "s.pdf"
            )
        with self.assertRaises(UserError):
            self._enter(self.agent, self.unit_b1, "yes")
        entry = self.vote.with_user(self.portal_scrutineer)._portal_paper_enter(
            self.scrutineer, self.unit_a3.id, "abstain", b"%PDF", "s.pdf"
        )
        self.assertEqual(entry.user_id, self.portal_scrutineer)
        second = self.vote.with_user(self.portal_scrutineer2)._portal_paper_enter(
            self.scrutineer2, self.unit_a3.id, "abstain"
        )
        self.assertEqual(second.state, "matched")
        self.assertEqual(self._ballot(self.unit_a3).choice, "abstain")

    def test_paper_and_e_ballot_last_recorded_counts(self):
        """A paper ballot recorded after an e-ballot replaces it, and the
        other way round; the history shows both channels."""
        self._cast(self.owner_a, "yes", self.unit_a1)
        with freeze_time("2026-03-15 02:00:00"):
            self._enter(self.agent, self.unit_a1, "no")
            self._enter(self.supervisor, self.unit_a1, "no", scan=False)
        ballot = self._ballot(self.unit_a1)
        self.assertEqual((ballot.channel, ballot.choice), ("paper", "no"))
        with freeze_time("2026-03-16 02:00:00"):
            self._cast(self.owner_a_spouse, "abstain", self.unit_a1)
        self.assertEqual((ballot.channel, ballot.choice), ("portal", "abstain"))
        history = ballot.change_ids.sorted("date")
        self.assertEqual(
            [(c.old_channel, c.channel, c.old_choice, c.new_choice) for c in history],
            [
                (False, "portal", False, "yes"),
                ("portal", "paper", "yes", "no"),
                ("paper", "portal", "no", "abstain"),
            ],
        )

    def test_entries_are_blind_while_running(self):
        """Staff read only their own entries and no ballot history while
        the vote runs; their project's once it is closed."""
        self._enter(self.agent, self.unit_a3, "yes")
        self._enter(self.supervisor, self.unit_a3, "yes", scan=False)
        Entry = self.env["property.vote.paper.entry"]
        Change = self.env["property.vote.ballot.change"]
        for user in (self.agent, self.supervisor):
            entries = Entry.with_user(user).search([])
            self.assertEqual(len(entries), 1)
            self.assertEqual(entries.user_id, user)
        self.assertFalse(Entry.with_user(self.head_office).search([]))
        for user in (self.agent, self.supervisor, self.head_office):
            self.assertFalse(Change.with_user(user).search([]))
        self.assertFalse(Entry.with_user(self.agent_b).search([]))
        with freeze_time("2026-04-01 00:00:00"):
            close_vote(self.vote)
        self.assertEqual(len(Entry.with_user(self.agent).search([])), 2)
        self.assertEqual(len(Change.with_user(self.agent).search([])), 1)
        self.assertEqual(len(Change.with_user(self.head_office).search([])), 1)
        self.assertFalse(Entry.with_user(self.agent_b).search([]))
        self.assertFalse(Change.with_user(self.agent_b).search([]))

    def test_entries_are_kept(self):
        entry = self._enter(self.agent, self.unit_a3, "yes")
        with self.assertRaises(UserError):
            entry.unlink()
        with self.assertRaises(AccessError):
            entry.with_user(self.agent).write({"choice": "no"})
