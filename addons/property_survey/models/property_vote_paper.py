# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import models
from odoo.exceptions import AccessError, UserError

from .property_vote_ballot import BALLOT_CHOICES


class PropertyVote(models.Model):
    """The scrutineers' portal pages of a vote (issue 16): the vote's
    scrutineers (committee members or appointed owners, portal users)
    type in paper ballots for the double entry, resolve mismatches and
    record proxies with the signed authorisation; owners give proxies on
    the vote's page. Controllers call these methods only."""

    _inherit = "property.vote"

    # ------------------------------------------------------------------
    # PORTAL: SCRUTINEERS
    # ------------------------------------------------------------------

    def _portal_check_scrutineer(self, partner):
        """Raise AccessError unless ``partner`` is a scrutineer of this
        vote (and the vote is not a draft); return the vote as superuser."""
        self.ensure_one()
        vote = self.sudo().exists()
        if not vote or vote.state == "draft" or partner not in vote.scrutineer_ids:
            raise AccessError(self.env._("Only the vote's scrutineers see this page."))
        return vote

    def _portal_paper_values(self, partner):
        """The scrutineer's paper-ballot page: the units to choose from,
        the entries waiting for their second typing (unit, who, when, never
        the choice, so that the second entry stays blind), the mismatches
        with both entries, the counted paper ballots and the proxies."""
        vote = self._portal_check_scrutineer(partner)
        entries = vote.paper_entry_ids
        units = vote._ballot_units()
        electorate = vote._ballot_electorate()
        return {
            "vote": vote,
            "tz": vote._portal_tz(),
            # paper ballots handed in before the end are typed until the
            # vote is closed
            "is_open": vote._ballot_is_open(allow_late_entry=True),
            "units": units.sorted("complete_name"),
            "choices": vote._ballot_choice_labels(),
            "awaiting": entries.filtered(lambda entry: entry.state == "pending"),
            "mismatches": entries.filtered(lambda entry: entry.state == "mismatch"),
            "counted": vote.ballot_ids.filtered(
                lambda ballot: ballot.state == "valid" and ballot.channel == "paper"
            ),
            "proxies": vote.proxy_ids.filtered(lambda proxy: proxy.state == "active"),
            # (unit, owner) pairs for recording a proxy: the owners who may
            # cast the unit's ballot
            "voter_pairs": sorted(
                (
                    (unit, voter)
                    for unit, (_owners, voters, _rep) in electorate.items()
                    for voter in voters
                ),
                key=lambda pair: (pair[0].complete_name, pair[1].name or ""),
            ),
            "page_name": "property_vote_paper",
        }

    def _portal_paper_enter(self, partner, unit_id, choice, scan=None, filename=None):
        """A scrutineer types in a paper ballot (``scan``: the file's bytes,
        required for the first entry of a unit). Returns the entry, whose
        state tells whether it waits, matched (and counted) or mismatched;
        a refused entry leaves nothing behind."""
        vote = self._portal_check_scrutineer(partner)
        unit = vote._ballot_units().filtered(lambda unit: unit.id == int(unit_id or 0))
        if not unit:
            raise UserError(self.env._("Choose a unit of this vote."))
        if choice not in dict(BALLOT_CHOICES):
            raise UserError(self.env._("Choose For, Against or Abstain."))
        with self.env.cr.savepoint():
            return (
                self.env["property.vote.paper.entry"]
                .sudo()
                .create(
                    {
                        "vote_id": vote.id,
                        "unit_id": unit.id,
                        "choice": choice,
                        "scan": scan and base64.b64encode(scan),
                        "scan_filename": scan and filename,
                    }
                )
            )

    def _portal_paper_entry(self, partner, entry_id):
        """An entry of this vote, for one of its scrutineers (superuser)."""
        vote = self._portal_check_scrutineer(partner)
        entry = vote.paper_entry_ids.filtered(lambda entry: entry.id == entry_id)
        if not entry:
            raise AccessError(self.env._("This entry is not part of the vote."))
        return entry

    def _portal_paper_discard(self, partner, entry_id, reason=False):
        """A scrutineer discards a wrong entry (see
        ``property.vote.paper.entry.action_discard``)."""
        entry = self._portal_paper_entry(partner, entry_id)
        with self.env.cr.savepoint():
            return entry.action_discard(reason=reason)

    # ------------------------------------------------------------------
    # PORTAL: PROXIES
    # ------------------------------------------------------------------

    def _portal_grant_proxy(self, partner, unit_id, proxy_login, data, filename):
        """An owner gives a proxy in the portal for a unit whose ballot they
        may cast. The proxy is named by the login of their portal account;
        the signed authorisation (``data``: the file's bytes) is required."""
        vote = self._portal_check_access(partner)
        line = vote._portal_castable_lines(partner).get(int(unit_id or 0))
        if not line or line["proxy"]:
            raise AccessError(self.env._("You may not give a proxy for this unit."))
        return vote._ballot_create_proxy(
            line["unit"], partner, proxy_login, data, filename, "owner"
        )

    def _portal_record_proxy(
        self, partner, unit_id, owner_id, proxy_login, data, filename
    ):
        """A scrutineer records a proxy given by the owner ``owner_id`` of
        unit ``unit_id`` (one who may cast its ballot), with the signed
        authorisation."""
        vote = self._portal_check_scrutineer(partner)
        unit = vote._ballot_units().filtered(lambda unit: unit.id == unit_id)
        owner = self.env["res.partner"].sudo().browse(owner_id).exists()
        if not unit or not owner:
            raise UserError(self.env._("Choose the unit and the owner."))
        return vote._ballot_create_proxy(
            unit, owner, proxy_login, data, filename, "scrutineer"
        )

    def _ballot_create_proxy(self, unit, owner, proxy_login, data, filename, source):
        """Create the proxy of ``owner`` for ``unit`` from the portal: the
        vote is open, the authorisation is there, and the proxy has an
        account in the owners' portal (named by its login). A refused proxy
        leaves nothing behind."""
        self.ensure_one()
        self._ballot_check_open()
        if not data:
            raise UserError(
                self.env._(
                    "Upload the authorisation signed by the owner: a proxy "
                    "without it is refused."
                )
            )
        login = (proxy_login or "").strip()
        proxy_user = login and self.env["res.users"].sudo().search(
            [("login", "=", login), ("share", "=", True)], limit=1
        )
        if not proxy_user:
            raise UserError(
                self.env._(
                    "No account of the owners' portal has this login. Ask your "
                    "proxy for the login of their portal account, or have the "
                    "proxy recorded at the service centre."
                )
            )
        with self.env.cr.savepoint():
            return (
                self.env["property.vote.proxy"]
                .sudo()
                .create(
                    {
                        "vote_id": self.id,
                        "unit_id": unit.id,
                        "owner_partner_id": owner.id,
                        "proxy_partner_id": proxy_user.partner_id.id,
                        "authorisation": base64.b64encode(data),
                        "authorisation_filename": filename,
                        "source": source,
                    }
                )
            )

    def _portal_revoke_proxy(self, partner, proxy_id):
        """The owner revokes a proxy they gave for this vote."""
        vote = self._portal_check_access(partner)
        proxy = vote.proxy_ids.filtered(lambda proxy: proxy.id == proxy_id)
        if not proxy:
            raise AccessError(self.env._("This proxy is not part of the vote."))
        with self.env.cr.savepoint():
            return proxy._portal_revoke(partner)
