# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .res_partner import PROPERTY_GROUPS

OWNER_ROLES = ("owner", "co_owner")
SPECIAL_NEEDS_GROUP = "property_cs.group_property_cs_special_needs"


class PropertyUnitPartner(models.Model):
    """Who owns, rents or lives in a unit, and since when (D-1, D-3).

    Owners and residents are ``res.partner`` records; this link carries the
    role, the ownership share and the move-in/move-out dates.
    """

    _name = "property.unit.partner"
    _description = "Unit Owner or Resident"
    _inherit = ["mail.thread"]
    _order = "unit_id, role_sequence, date_start desc, id"
    _rec_name = "partner_id"

    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    role = fields.Selection(
        [
            ("owner", "Owner"),
            ("co_owner", "Co-Owner"),
            ("tenant", "Tenant"),
            ("household", "Household Member"),
            ("resident", "Resident"),
        ],
        required=True,
        default="owner",
        tracking=True,
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    share = fields.Float(
        string="Ownership Share (%)",
        digits=(5, 2),
        tracking=True,
        help="Share of the unit held by this owner; the shares of a unit's "
        "current owners add up to at most 100 %.",
    )
    date_start = fields.Date(
        string="Start Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_end = fields.Date(string="End Date", tracking=True)
    pays_fees = fields.Boolean(
        string="Pays the Fees",
        tracking=True,
        help="The tenant pays the property fees of the unit for the time of "
        "this link; the owner stays jointly liable.",
    )
    date_move_in = fields.Date(string="Move-In Date", tracking=True)
    date_move_out = fields.Date(string="Move-Out Date", tracking=True)
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )
    active = fields.Boolean(default=True, tracking=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True, index=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    unit_area = fields.Float(related="unit_id.area", string="Unit Area (m²)")
    # contact and key-customer data of the person: property staff only, not
    # the other residents of the unit (portal) nor other internal users
    phone = fields.Char(related="partner_id.phone", groups=PROPERTY_GROUPS)
    mobile = fields.Char(related="partner_id.mobile", groups=PROPERTY_GROUPS)
    is_key_customer = fields.Boolean(
        related="partner_id.is_key_customer", groups=PROPERTY_GROUPS
    )
    key_customer_reasons = fields.Text(
        related="partner_id.key_customer_reasons", groups=PROPERTY_GROUPS
    )
    note = fields.Char()
    # special-needs ledger (sensitive: special-needs officers only)
    has_special_needs = fields.Boolean(
        related="partner_id.has_special_needs", groups=PROPERTY_GROUPS
    )
    special_needs = fields.Text(
        related="partner_id.special_needs", groups=SPECIAL_NEEDS_GROUP
    )
    is_life_support = fields.Boolean(
        related="partner_id.is_life_support", groups=SPECIAL_NEEDS_GROUP
    )
    is_frail_alone = fields.Boolean(
        related="partner_id.is_frail_alone", groups=SPECIAL_NEEDS_GROUP
    )
    is_special_needs_consent_missing = fields.Boolean(
        related="partner_id.is_special_needs_consent_missing", groups=PROPERTY_GROUPS
    )
    emergency_contact_name = fields.Char(
        related="partner_id.emergency_contact_name", groups=PROPERTY_GROUPS
    )
    emergency_contact_phone = fields.Char(
        related="partner_id.emergency_contact_phone", groups=PROPERTY_GROUPS
    )

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share >= 0 AND share <= 100)",
            "An ownership share must be between 0 and 100 %.",
        ),
    ]

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"owner": 1, "co_owner": 2, "tenant": 3, "household": 4, "resident": 5}
        for link in self:
            link.role_sequence = order.get(link.role, 9)

    @api.model
    def _property_today(self):
        """Today in the company's time zone (China by default): a link that
        ends today is current until midnight there, whatever the time zone
        of the person asking (a portal owner's may be unset, i.e. UTC). The
        company's time zone is read whatever the asker may read of the
        company's contact (a portal owner may not)."""
        tz = self.env.company.sudo().partner_id.tz or "Asia/Shanghai"
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.model
    def _portal_current_units(self, partner):
        """The units ``partner`` currently owns, co-owns, rents or lives in:
        the units they may submit requests or renovation applications for
        in the portal. Read as superuser: callers show only their names."""
        return (
            self.sudo()
            .search([("partner_id", "=", partner.id), ("is_current", "=", True)])
            .unit_id
        )

    def _is_current_on(self, day):
        self.ensure_one()
        return (
            self.active
            and self.date_start <= day
            and (not self.date_end or self.date_end >= day)
        )

    @api.depends("date_start", "date_end", "active")
    def _compute_is_current(self):
        today = self._property_today()
        for link in self:
            link.is_current = bool(link.date_start) and link._is_current_on(today)

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on 'Current'."))
        today = self._property_today()
        current = [
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") == bool(value):
            return current
        return [
            "|",
            ("date_start", ">", today),
            "&",
            ("date_end", "!=", False),
            ("date_end", "<", today),
        ]

    @api.constrains("date_start", "date_end", "date_move_in", "date_move_out")
    def _check_dates(self):
        for link in self:
            if link.date_end and link.date_end < link.date_start:
                raise ValidationError(
                    self.env._(
                        "%(partner)s on unit %(unit)s: the end date must be on or "
                        "after the start date.",
                        partner=link.partner_id.display_name,
                        unit=link.unit_id.complete_name,
                    )
                )
            if (
                link.date_move_in
                and link.date_move_out
                and link.date_move_out < link.date_move_in
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s on unit %(unit)s: the move-out date must be "
                        "on or after the move-in date.",
                        partner=link.partner_id.display_name,
                        unit=link.unit_id.complete_name,
                    )
                )

    @api.constrains("share", "role", "unit_id", "date_start", "date_end", "active")
    def _check_owner_shares(self):
        """The current owners' shares of a unit add up to at most 100 %."""
        for unit in self.unit_id:
            owners = unit.current_link_ids.filtered(
                lambda link: link.role in OWNER_ROLES
            )
            total = sum(owners.mapped("share"))
            if float_compare(total, 100.0, precision_digits=2) > 0:
                raise ValidationError(
                    self.env._(
                        "The current owners of unit %(unit)s would hold "
                        "%(total)s %% of it; ownership shares cannot exceed 100 %%.",
                        unit=unit.complete_name,
                        total=round(total, 2),
                    )
                )
        for link in self:
            if link.role not in OWNER_ROLES and link.share:
                raise ValidationError(
                    self.env._(
                        "Only owners and co-owners hold an ownership share "
                        "(%(partner)s is not one).",
                        partner=link.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("role", "owner") in OWNER_ROLES and "share" not in vals:
                unit = self.env["property.unit"].browse(vals.get("unit_id"))
                held = sum(
                    unit.current_link_ids.filtered(
                        lambda link: link.role in OWNER_ROLES
                    ).mapped("share")
                )
                vals["share"] = max(0.0, 100.0 - held)
        links = super().create(vals_list)
        for link in links:
            link.unit_id.message_post(
                body=self.env._(
                    "%(partner)s added as %(role)s.",
                    partner=link.partner_id.display_name,
                    role=dict(link._fields["role"]._description_selection(self.env))[
                        link.role
                    ],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return links

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._(
                "Owner and resident history is kept: set an end date or archive "
                "the link instead of deleting it."
            )
        )
