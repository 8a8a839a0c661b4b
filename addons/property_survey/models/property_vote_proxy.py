# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

PROXY_SOURCES = [
    ("staff", "Recorded by Staff"),
    ("scrutineer", "Recorded by a Scrutineer"),
    ("owner", "Uploaded by the Owner"),
]


class PropertyVoteProxy(models.Model):
    """A proxy for an owners' vote (issue 16: proxies with an uploaded
    authorisation): an owner who may cast the ballot of a unit lets another
    person cast it in this vote. The signed authorisation is required; it
    is recorded by staff or a scrutineer, or uploaded by the owner in the
    portal. The proxy then casts the unit's ballot in the portal (the ballot
    records the proxy); the owner keeps the right to cast it, and the last
    recorded choice counts."""

    _name = "property.vote.proxy"
    _description = "Vote Proxy"
    _inherit = ["mail.thread"]
    _order = "vote_id, unit_id, id desc"
    _rec_name = "proxy_partner_id"

    vote_id = fields.Many2one(
        "property.vote",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('state', 'in', ('draft', 'open'))]",
    )
    project_id = fields.Many2one(related="vote_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        tracking=True,
        domain="[('project_id', '=', project_id)]",
    )
    owner_partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        tracking=True,
        help="The owner who gives the proxy; they must be able to cast the "
        "unit's ballot themselves.",
    )
    proxy_partner_id = fields.Many2one(
        "res.partner",
        string="Proxy",
        required=True,
        index=True,
        tracking=True,
        help="The person who casts the unit's ballot in the owner's name; "
        "with an account in the owners' portal they vote online.",
    )
    authorisation = fields.Binary(
        string="Signed Authorisation",
        attachment=True,
        help="The scanned authorisation signed by the owner; a proxy without "
        "it is refused.",
    )
    authorisation_filename = fields.Char()
    source = fields.Selection(
        PROXY_SOURCES, required=True, default="staff", readonly=True
    )
    recorded_by_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        default=lambda self: self.env.user,
    )
    date_recorded = fields.Datetime(
        string="Recorded On", readonly=True, default=fields.Datetime.now
    )
    state = fields.Selection(
        [("active", "Active"), ("revoked", "Revoked")],
        string="Status",
        required=True,
        default="active",
        readonly=True,
        tracking=True,
    )
    date_revoked = fields.Datetime(string="Revoked On", readonly=True)

    # ------------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------------

    @api.constrains("authorisation")
    def _check_authorisation(self):
        """A proxy without the signed authorisation is refused (checked at
        creation too, when no file was given at all)."""
        for proxy in self:
            if not proxy.sudo().authorisation:
                raise ValidationError(proxy._missing_authorisation_message())

    def _missing_authorisation_message(self):
        return self.env._(
            "A proxy needs the authorisation signed by the owner: upload it."
        )

    @api.constrains("vote_id", "unit_id", "owner_partner_id", "proxy_partner_id")
    def _check_parties(self):
        """The owner may cast the unit's ballot under the co-owner rule,
        the proxy is someone else, and a unit has one active proxy per
        vote."""
        for proxy in self.sudo():
            vote = proxy.vote_id
            if proxy.unit_id not in vote._ballot_units():
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not part of the vote %(vote)s.",
                        unit=proxy.unit_id.complete_name,
                        vote=vote.name,
                    )
                )
            if proxy.proxy_partner_id == proxy.owner_partner_id:
                raise ValidationError(
                    self.env._("The proxy must be someone other than the owner.")
                )
            if proxy.state == "active" and not vote._ballot_is_among(
                proxy.owner_partner_id, vote._ballot_voters(proxy.unit_id)
            ):
                raise ValidationError(
                    self.env._(
                        "%(owner)s cannot give a proxy for unit %(unit)s: only an "
                        "owner who may cast the unit's ballot can.",
                        owner=proxy.owner_partner_id.display_name,
                        unit=proxy.unit_id.complete_name,
                    )
                )
            others = self.search_count(
                [
                    ("id", "!=", proxy.id),
                    ("vote_id", "=", vote.id),
                    ("unit_id", "=", proxy.unit_id.id),
                    ("state", "=", "active"),
                ]
            )
            if proxy.state == "active" and others:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s already has a proxy in this vote: revoke "
                        "it first.",
                        unit=proxy.unit_id.complete_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Proxies are given before the close only; who recorded them and
        when is set here, not taken from the caller."""
        for vals in vals_list:
            vote = self.env["property.vote"].sudo().browse(vals.get("vote_id"))
            if vote.state not in ("draft", "open"):
                raise UserError(
                    self.env._(
                        "The vote %(vote)s is closed: proxies can no longer be given.",
                        vote=vote.name,
                    )
                )
            if not vals.get("authorisation"):
                raise ValidationError(self._missing_authorisation_message())
            vals.update(
                recorded_by_id=self.env.uid, date_recorded=fields.Datetime.now()
            )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_revoke(self):
        """End the proxy: the proxy can no longer cast the unit's ballot; a
        choice they recorded before stays (it was cast with authority)."""
        for proxy in self:
            if proxy.state != "active":
                continue
            if proxy.sudo().vote_id.state not in ("draft", "open"):
                raise UserError(
                    self.env._("The vote is closed: nothing changes any more.")
                )
            proxy.sudo().write(
                {"state": "revoked", "date_revoked": fields.Datetime.now()}
            )
        return True

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    def _is_effective(self):
        """Active, and its owner may still cast the unit's ballot."""
        self.ensure_one()
        proxy = self.sudo()
        return proxy.state == "active" and proxy.vote_id._ballot_is_among(
            proxy.owner_partner_id, proxy.vote_id._ballot_voters(proxy.unit_id)
        )

    def _portal_revoke(self, partner):
        """The owner who gave the proxy revokes it in the portal."""
        self.ensure_one()
        if self.sudo().owner_partner_id != partner:
            raise AccessError(self.env._("You did not give this proxy."))
        return self.sudo().action_revoke()
