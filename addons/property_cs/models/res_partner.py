# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from . import identity_number
from .property_handling_tip import OWNER_GROUPS, PERSONALITY_TYPES

# what an owner may choose in the portal as their preferred channel
PORTAL_CHANNELS = ("wechat", "sms", "email", "portal")

OWNER_ROLES = ("owner", "co_owner")
# the owner file is for the staff of the property service, not for every
# internal user (sales, events...) nor for owners over RPC
PROPERTY_GROUPS = ",".join(
    f"property_cs.group_property_cs_{role}"
    for role in (
        "agent",
        "department",
        "finance",
        "surveyor",
        "head_office",
        "special_needs",
    )
)
IDENTITY_GROUP = "property_cs.group_property_cs_identity"
SPECIAL_NEEDS_GROUP = "property_cs.group_property_cs_special_needs"


class ResPartner(models.Model):
    """Owners and residents are partners; this adds the owner file (D-3)
    and the internal handling profile (D-4); the key-customer flags (D-5)
    are in res_partner_key_customer.py, the identity-number functions in
    identity_number.py."""

    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Units, household, vehicles
    # ------------------------------------------------------------------
    unit_link_ids = fields.One2many(
        "property.unit.partner",
        "partner_id",
        string="Unit History",
    )
    unit_count = fields.Integer(compute="_compute_unit_count", groups=PROPERTY_GROUPS)
    household_link_ids = fields.Many2many(
        "property.unit.partner",
        string="Household",
        compute="_compute_household_link_ids",
        help="Everyone currently linked to the units this contact owns or lives in.",
        groups=PROPERTY_GROUPS,
    )
    vehicle_ids = fields.One2many("property.vehicle", "partner_id")
    parking_space_ids = fields.One2many(
        "property.parking.space",
        "partner_id",
        string="Parking Spaces",
    )
    # ------------------------------------------------------------------
    # Owner file (D-3)
    # ------------------------------------------------------------------
    date_birth = fields.Date(string="Birthday", groups=PROPERTY_GROUPS)
    emergency_contact_name = fields.Char(
        string="Emergency Contact", groups=PROPERTY_GROUPS
    )
    emergency_contact_phone = fields.Char(groups=PROPERTY_GROUPS)
    emergency_contact_relation = fields.Char(
        string="Relationship", groups=PROPERTY_GROUPS
    )
    preferred_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("email", "Email"),
            ("portal", "Portal"),
            ("wechat", "WeChat"),
            ("messaging", "Messaging App"),
            ("visit", "Home Visit"),
        ],
        groups=PROPERTY_GROUPS,
    )
    # identity document: entered by anyone, read by the identity group only
    id_document_type = fields.Selection(
        [
            ("resident_id", "Resident Identity Card"),
            ("passport", "Passport"),
            ("hk_macao", "Mainland Travel Permit for HK/Macao Residents"),
            ("taiwan", "Mainland Travel Permit for Taiwan Residents"),
            ("foreign_pr", "Foreign Permanent Resident ID Card"),
            ("business_licence", "Business Licence"),
            ("other", "Other"),
        ],
        string="ID Document Type",
        groups=PROPERTY_GROUPS,
    )
    id_number = fields.Char(
        string="ID Number",
        groups=IDENTITY_GROUP,
        copy=False,
        help="Full identity-document number; readable by the identity group "
        "only. Its changes are tracked by the masked number.",
    )
    id_number_masked = fields.Char(
        string="ID Number (Masked)",
        readonly=True,
        copy=False,
        tracking=True,
        groups=PROPERTY_GROUPS,
    )
    id_number_hash = fields.Char(
        readonly=True, copy=False, index=True, groups="base.group_system"
    )
    id_number_input = fields.Char(
        string="ID Number Entry",
        compute="_compute_id_number_input",
        inverse="_inverse_id_number_input",
        search="_search_id_number_input",
        groups=PROPERTY_GROUPS,
        help="Type the full number to record it or to find its holder; the "
        "stored value is masked for you.",
    )
    # internal handling profile (D-4): staff only, never shown to owners
    personality_type = fields.Selection(
        PERSONALITY_TYPES,
        groups=PROPERTY_GROUPS,
        tracking=True,
    )
    owner_group = fields.Selection(
        OWNER_GROUPS,
        groups=PROPERTY_GROUPS,
        tracking=True,
    )
    handling_tip = fields.Text(
        compute="_compute_handling_tip",
        groups=PROPERTY_GROUPS,
        help="How to serve this person, from the personality type and owner "
        "group, in the reader's language.",
    )
    handling_note = fields.Text(
        string="Personal Handling Notes",
        groups=PROPERTY_GROUPS,
        tracking=True,
        help="What staff learned about serving this person; internal only.",
    )
    # sensitive personal information (PIPL): special-needs officer only
    special_needs = fields.Text(groups=SPECIAL_NEEDS_GROUP, tracking=True)
    is_life_support = fields.Boolean(
        string="Relies on Life-Support Equipment",
        groups=SPECIAL_NEEDS_GROUP,
        tracking=True,
    )
    is_frail_alone = fields.Boolean(
        string="Disabled or Frail, Living Alone",
        groups=SPECIAL_NEEDS_GROUP,
        tracking=True,
    )
    consent_ids = fields.One2many(
        "property.consent",
        "partner_id",
        string="Consents",
        groups=SPECIAL_NEEDS_GROUP,
    )
    has_special_needs = fields.Boolean(
        string="In Special-Needs Ledger",
        compute="_compute_has_special_needs",
        store=True,
        compute_sudo=True,
        help="Set when special needs, life support or living alone frail is "
        "registered; the details are visible to special-needs officers only.",
        groups=PROPERTY_GROUPS,
    )
    is_special_needs_consent_missing = fields.Boolean(
        string="Consent Missing",
        compute="_compute_is_special_needs_consent_missing",
        store=True,
        compute_sudo=True,
        help="Special-needs data is recorded without a valid (dated, not "
        "withdrawn) consent; PIPL Art. 29 requires separate consent.",
        groups=PROPERTY_GROUPS,
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_unit_count(self):
        data = dict(
            self.env["property.unit.partner"]._read_group(
                [("partner_id", "in", self.ids), ("is_current", "=", True)],
                ["partner_id"],
                ["unit_id:count_distinct"],
            )
        )
        for partner in self:
            partner.unit_count = data.get(partner, 0)

    def _compute_household_link_ids(self):
        links = self.env["property.unit.partner"].search(
            [
                ("unit_id.partner_link_ids.partner_id", "in", self.ids),
                ("is_current", "=", True),
            ]
        )
        for partner in self:
            units = partner.unit_link_ids.filtered("is_current").unit_id
            partner.household_link_ids = links.filtered(
                lambda link, units=units: link.unit_id in units
            )

    def _compute_id_number_input(self):
        for partner in self:
            partner.id_number_input = False

    def _inverse_id_number_input(self):
        for partner in self:
            if partner.id_number_input:
                partner.write({"id_number": partner.id_number_input})

    def _prepare_identity_values(self, number):
        """The mask for everyone and a keyed hash for exact look-up of an
        identity number (D-3, domain_standards C5); the functions are in
        models/identity_number.py."""
        normalized = identity_number.normalize_identity_number(number)
        return normalized or False, {
            "id_number_masked": identity_number.mask_identity_number(normalized),
            "id_number_hash": self._hash_identity_number(normalized),
        }

    @api.model
    def _identity_secret(self):
        return self.env["ir.config_parameter"].sudo().get_param("database.secret")

    @api.model
    def _hash_identity_number(self, number):
        return identity_number.hash_identity_number(number, self._identity_secret())

    def _search_id_number_input(self, operator, value):
        """Exact match on the full number only, never a partial one, and for
        the identity group only: every lookup is logged and the lookups of a
        user are limited per hour (property.access.log._log_identity_lookup), so
        that a number cannot be confirmed by guessing (D-3)."""
        if not self.env.su and not self.env.user.has_group(IDENTITY_GROUP):
            raise AccessError(
                self.env._(
                    "Only identity-document readers may search contacts by "
                    "identity number."
                )
            )
        domain = identity_number.identity_search_domain(
            operator, value, self._identity_secret()
        )
        if domain == [("id", "=", 0)]:
            return domain
        partners = self.sudo().with_context(active_test=False).search(domain)
        self.env["property.access.log"]._log_identity_lookup(partners)
        return [("id", "in", partners.ids)]

    def _condition_to_sql(self, alias, fname, operator, value, query):
        """The mask is for reading only: a search on it (e.g. by the last
        digits) finds nobody (D-3)."""
        if fname == "id_number_masked":
            return SQL("FALSE")
        return super()._condition_to_sql(alias, fname, operator, value, query)

    def _check_identity_number(self, number, document_type):
        """Refuse a number that cannot be one of ``document_type``."""
        if not identity_number.is_valid_identity_number(number, document_type):
            raise ValidationError(
                self.env._(
                    "%(number)s is not a valid identity-document number: a "
                    "resident identity card has 18 characters (17 digits and a "
                    "digit or X), other documents 4 to 32 letters or digits.",
                    number=identity_number.mask_identity_number(number),
                )
            )

    @api.depends("personality_type", "owner_group", "handling_note")
    @api.depends_context("lang")
    def _compute_handling_tip(self):
        """The administrator's tips (property.handling.tip) of the personality
        type and owner group, then the staff notes (D-4)."""
        tip_map = self.env["property.handling.tip"]._tip_map()
        for partner in self:
            tips = [
                *tip_map.get(("personality", partner.personality_type), ()),
                *tip_map.get(("owner_group", partner.owner_group), ()),
            ]
            if partner.handling_note:
                tips.append(partner.handling_note)
            partner.handling_tip = "\n".join(tips) or False

    @api.depends(
        "has_special_needs",
        "consent_ids.scope",
        "consent_ids.date_withdrawn",
        "consent_ids.active",
    )
    def _compute_is_special_needs_consent_missing(self):
        """Sensitive data needs a separate consent (PIPL Art. 29, D-3)."""
        for partner in self:
            valid = partner.consent_ids.filtered(
                lambda c: (
                    c.scope in ("special_needs", "life_support")
                    and not c.date_withdrawn
                )
            )
            partner.is_special_needs_consent_missing = (
                partner.has_special_needs and not valid
            )

    @api.depends("special_needs", "is_life_support", "is_frail_alone")
    def _compute_has_special_needs(self):
        for partner in self:
            partner.has_special_needs = bool(
                partner.special_needs
                or partner.is_life_support
                or partner.is_frail_alone
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        numbers = [vals.pop("id_number", None) for vals in vals_list]
        partners = super().create(vals_list)
        for partner, number in zip(partners, numbers, strict=True):
            if number:
                partner.write({"id_number": number})
        return partners

    def write(self, vals):
        """Anyone who may edit the partner may record an identity number; it
        is stored for the identity group only (written as superuser), masked
        and hashed for everyone else."""
        if "id_number" in vals:
            vals = dict(vals)
            for partner in self:
                partner._check_identity_number(
                    vals["id_number"],
                    vals.get("id_document_type", partner.sudo().id_document_type),
                )
            number, derived = self._prepare_identity_values(vals.pop("id_number"))
            vals["id_number_masked"] = derived["id_number_masked"]
            super(ResPartner, self.sudo()).write(
                {"id_number": number, "id_number_hash": derived["id_number_hash"]}
            )
        if "lang" in vals and self.env["res.company"].sudo().search_count(
            [("partner_id", "in", self.ids)], limit=1
        ):
            # the language of a company is cached (res.company._property_lang)
            self.env.registry.clear_cache()
        return super().write(vals)

    def _track_prepare(self, fields_iter):
        """Track group-restricted fields whoever makes the change: the chatter
        and mails then hide the values from users outside the field's group
        (mail.tracking.value access filter). The identity number itself is
        not tracked, its mask is: no tracking value holds a clear number."""
        return super(ResPartner, self.sudo())._track_prepare(fields_iter)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_unit_history(self):
        if self.with_context(active_test=False).unit_link_ids:
            raise UserError(
                self.env._(
                    "Contacts with unit history cannot be deleted; archive them "
                    "instead."
                )
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_action"
        )
        action["domain"] = [("partner_link_ids.partner_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    def _portal_set_preferred_channel(self, channel):
        """The owner chooses in the portal how they are told about their
        requests and notices besides the portal (D-14): WeChat (their bound
        WeChat), SMS, email, or the portal only. Recorded on their file,
        where staff see it."""
        self.ensure_one()
        if channel not in PORTAL_CHANNELS:
            raise UserError(self.env._("Choose one of the channels offered."))
        partner = self.sudo()
        if partner.preferred_channel != channel:
            labels = dict(
                self._fields["preferred_channel"]._description_selection(self.env)
            )
            partner.preferred_channel = channel
            partner.message_post(
                body=self.env._(
                    "Preferred channel chosen in the portal: %(channel)s",
                    channel=labels[channel],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
