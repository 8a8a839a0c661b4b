# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_partner import PROPERTY_GROUPS


class ResPartner(models.Model):
    """Owners' committee membership on the owner (D-23): the key-customer
    criterion "committee member" (D-5) is computed from the current
    memberships and ends with the term."""

    _inherit = "res.partner"

    committee_membership_ids = fields.One2many(
        "property.committee.member",
        "partner_id",
        string="Committee Memberships",
        groups=PROPERTY_GROUPS,
    )

    @api.depends(
        "committee_membership_ids.active",
        "committee_membership_ids.date_start",
        "committee_membership_ids.date_end",
        "committee_membership_ids.committee_id.active",
        "committee_membership_ids.committee_id.date_start",
        "committee_membership_ids.committee_id.date_end",
    )
    def _compute_is_committee_member(self):
        """A current member of an owners' committee (today in the company's
        time zone). Time alone ends a term: the daily
        ``_cron_refresh_committee_members`` recomputes the partners whose
        stored flag no longer matches."""
        origin = self.browse([pid for pid in self._origin.ids if pid])
        current = origin._property_committee_current_partners() if origin else origin
        for partner in self:
            partner.is_committee_member = partner._origin.id in current.ids

    def _property_committee_current_partners(self):
        """The partners of ``self`` (all when empty) who are current
        committee members."""
        Member = self.env["property.committee.member"].sudo()
        domain = Member._current_domain()
        if self.ids:
            domain += [("partner_id", "in", self.ids)]
        return Member.search(domain).partner_id

    def _property_committee_projects(self):
        """The projects where these partners are current members of the
        owners' committee (as superuser: callers decide what to show)."""
        Member = self.env["property.committee.member"].sudo()
        return Member.search(
            Member._current_domain() + [("partner_id", "in", self.ids)]
        ).project_id

    @api.model
    def _cron_refresh_committee_members(self):
        """Terms start and end without any write: recompute the committee
        criterion (and so the key-customer flag) of every partner whose
        stored value differs from their memberships today; ask the project
        manager to end the memberships of members who sold their units."""
        flagged = self.sudo().search([("is_committee_member", "=", True)])
        current = self.browse()._property_committee_current_partners()
        stale = (flagged - current) | (current - flagged)
        if stale:
            self.env.add_to_compute(self._fields["is_committee_member"], stale)
            stale.flush_recordset(["is_committee_member"])
            self._refresh_key_customer(stale)
        self.env["property.committee.member"]._cron_check_members_still_owners()
        return stale
