# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

OWNER_ROLES = ("owner", "co_owner")
STAFF_GROUP = "base.group_user"
IDENTITY_GROUP = "property_cs.group_property_cs_identity"
SPECIAL_NEEDS_GROUP = "property_cs.group_property_cs_special_needs"

PERSONALITY_TIPS = {
    "friendly": _lt(
        "Friendly: serve them at your best and do not relax because they are "
        "easy-going."
    ),
    "dominant": _lt(
        "Dominant: be careful and well prepared, make them feel respected; "
        "this type raises most complaints."
    ),
    "analytical": _lt(
        "Analytical: be sincere, give a reasoned explanation with facts and figures."
    ),
    "self_centred": _lt(
        "Self-centred: control your emotions, stay courteous, apologise "
        "sincerely for our own faults."
    ),
}
OWNER_GROUP_TIPS = {
    "business": _lt(
        "Successful business person: values efficiency and status; offer a "
        "fast, personal channel."
    ),
    "manager": _lt(
        "Manager: expects professional process and clear commitments with dates."
    ),
    "civil_servant": _lt(
        "Civil servant: attentive to rules and fairness; cite regulations and "
        "the service contract."
    ),
    "expert": _lt(
        "Expert or scholar: expects accurate, technical explanations; never bluff."
    ),
    "real_estate": _lt(
        "Real-estate professional: knows the industry; be precise about "
        "standards and contract terms."
    ),
    "media": _lt(
        "Media person: handle with care and transparency; escalate sensitive "
        "matters to the project manager."
    ),
    "returnee": _lt(
        "Returnee from abroad: expects international service standards and privacy."
    ),
    "relocated": _lt(
        "Relocated household: may be unfamiliar with property services; "
        "explain fees and rules patiently."
    ),
}


def normalize_identity_number(number):
    """Upper-case the number and drop spaces and dashes."""
    return re.sub(r"[\s\-]", "", number or "").upper()


def mask_identity_number(number):
    """Keep the first four and last four characters: 1101**********1234."""
    number = normalize_identity_number(number)
    if not number:
        return False
    if len(number) <= 8:
        return number[:1] + "*" * (len(number) - 2) + number[-1:]
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


class ResPartner(models.Model):
    """Owners and residents are partners; this adds the owner file (D-3),
    the internal handling profile (D-4) and the key-customer flags (D-5)."""

    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Units, household, vehicles
    # ------------------------------------------------------------------
    unit_link_ids = fields.One2many(
        "property.unit.partner", "partner_id", string="Unit History"
    )
    unit_count = fields.Integer(compute="_compute_unit_count")
    household_link_ids = fields.Many2many(
        "property.unit.partner",
        string="Household",
        compute="_compute_household_link_ids",
        help="Everyone currently linked to the units this contact owns or lives in.",
    )
    vehicle_ids = fields.One2many("property.vehicle", "partner_id")
    parking_space_ids = fields.One2many(
        "property.parking.space", "partner_id", string="Parking Spaces"
    )
    # ------------------------------------------------------------------
    # Owner file (D-3)
    # ------------------------------------------------------------------
    date_birth = fields.Date(string="Birthday")
    emergency_contact_name = fields.Char(string="Emergency Contact")
    emergency_contact_phone = fields.Char()
    emergency_contact_relation = fields.Char(string="Relationship")
    preferred_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("email", "Email"),
            ("portal", "Portal"),
            ("messaging", "Messaging App"),
            ("visit", "Home Visit"),
        ],
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
    )
    id_number = fields.Char(
        string="ID Number",
        groups=IDENTITY_GROUP,
        copy=False,
        tracking=True,
        help="Full identity-document number; readable by the identity group only.",
    )
    id_number_masked = fields.Char(
        string="ID Number (Masked)",
        readonly=True,
        copy=False,
        tracking=True,
        groups=STAFF_GROUP,
    )
    id_number_hash = fields.Char(
        readonly=True, copy=False, index=True, groups=STAFF_GROUP
    )
    id_number_input = fields.Char(
        string="ID Number Entry",
        compute="_compute_id_number_input",
        inverse="_inverse_id_number_input",
        search="_search_id_number_input",
        groups=STAFF_GROUP,
        help="Type the full number to record it or to find its holder; the "
        "stored value is masked for you.",
    )
    # internal handling profile (D-4): staff only, never shown to owners
    personality_type = fields.Selection(
        [
            ("friendly", "Friendly"),
            ("dominant", "Dominant"),
            ("analytical", "Analytical"),
            ("self_centred", "Self-Centred"),
        ],
        groups=STAFF_GROUP,
        tracking=True,
    )
    owner_group = fields.Selection(
        [
            ("business", "Successful Business Person"),
            ("manager", "Manager"),
            ("civil_servant", "Civil Servant"),
            ("expert", "Expert or Scholar"),
            ("real_estate", "Real-Estate Professional"),
            ("media", "Media Person"),
            ("returnee", "Returnee from Abroad"),
            ("relocated", "Relocated Household"),
        ],
        groups=STAFF_GROUP,
        tracking=True,
    )
    handling_tip = fields.Text(
        compute="_compute_handling_tip",
        groups=STAFF_GROUP,
        help="How to serve this person, from the personality type and owner "
        "group, in the reader's language.",
    )
    handling_note = fields.Text(
        string="Personal Handling Notes",
        groups=STAFF_GROUP,
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
    )
    is_special_needs_consent_missing = fields.Boolean(
        string="Consent Missing",
        compute="_compute_is_special_needs_consent_missing",
        store=True,
        compute_sudo=True,
        help="Special-needs data is recorded without a valid (dated, not "
        "withdrawn) consent; PIPL Art. 29 requires separate consent.",
    )
    # ------------------------------------------------------------------
    # Key customers (D-5)
    # ------------------------------------------------------------------
    is_committee_member = fields.Boolean(
        string="Owners' Committee Member", tracking=True
    )
    is_committee_preparatory = fields.Boolean(
        string="Committee Preparatory Group", tracking=True
    )
    is_influential = fields.Boolean(
        string="Enthusiastic and Influential", tracking=True
    )
    is_prejudiced = fields.Boolean(
        string="Strongly Prejudiced",
        tracking=True,
        help="Strongly prejudiced against the developer or the property company.",
    )
    is_key_customer = fields.Boolean(
        string="Key Customer",
        compute="_compute_is_key_customer",
        store=True,
        compute_sudo=True,
        index=True,
    )
    key_customer_reasons = fields.Text(
        compute="_compute_key_customer_reasons",
        compute_sudo=True,
        help="Which key-customer criteria match, and why.",
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
        identity number (D-3, domain_standards C5)."""
        normalized = normalize_identity_number(number)
        return normalized or False, {
            "id_number_masked": mask_identity_number(normalized),
            "id_number_hash": self._hash_identity_number(normalized),
        }

    @api.model
    def _hash_identity_number(self, number):
        normalized = normalize_identity_number(number)
        if not normalized:
            return False
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(
            secret.encode(), normalized.encode(), hashlib.sha256
        ).hexdigest()

    def _search_id_number_input(self, operator, value):
        """Exact match on the full number only, never a partial one."""
        if operator not in ("=", "ilike", "like", "=ilike", "=like") or not value:
            return [("id", "=", 0)]
        return [("id_number_hash", "=", self._hash_identity_number(value))]

    @api.depends("personality_type", "owner_group", "handling_note")
    @api.depends_context("lang")
    def _compute_handling_tip(self):
        lang = self.env.lang or "en_US"
        for partner in self:
            tips = []
            if partner.personality_type:
                tips.append(PERSONALITY_TIPS[partner.personality_type]._translate(lang))
            if partner.owner_group:
                tips.append(OWNER_GROUP_TIPS[partner.owner_group]._translate(lang))
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

    @api.depends(
        "is_company",
        "parent_id.is_company",
        "parent_id.unit_link_ids.role",
        "parent_id.unit_link_ids.date_end",
        "is_committee_member",
        "is_committee_preparatory",
        "is_influential",
        "is_prejudiced",
        "has_special_needs",
        "unit_link_ids.role",
        "unit_link_ids.share",
        "unit_link_ids.active",
        "unit_link_ids.date_start",
        "unit_link_ids.date_end",
        "unit_link_ids.unit_id.area",
        "unit_link_ids.unit_id.project_id.total_area",
    )
    def _compute_is_key_customer(self):
        """Apply the key-customer criteria of D-5 and explain each match.

        Computed: holds at least the company's threshold (default 5 %) of a
        project's total floor area; is or represents an organisation owning
        units. Manual: committee member, preparatory group, influential,
        prejudiced; special needs, life support or frail living alone (shown
        without details, which only special-needs officers read).
        """
        for partner in self:
            partner.is_key_customer = bool(partner._get_key_customer_reasons())

    @api.depends_context("lang")
    def _compute_key_customer_reasons(self):
        for partner in self:
            partner.key_customer_reasons = (
                "\n".join(partner._get_key_customer_reasons()) or False
            )

    def _get_key_customer_reasons(self):
        """Return the explanation of every key-customer criterion that
        matches this partner, in the user's language (D-5)."""
        self.ensure_one()
        partner = self
        lang = self.env.lang or "en_US"
        today = fields.Date.context_today(self)
        reasons = []
        owned = partner.unit_link_ids.filtered(
            lambda link: link.role in OWNER_ROLES and link._is_current_on(today)
        )
        held = {}
        for link in owned:
            project = link.unit_id.project_id
            held[project] = held.get(project, 0.0) + (
                link.unit_id.area * link.share / 100.0
            )
        for project, area in held.items():
            if not project.total_area:
                continue
            pct = 100.0 * area / project.total_area
            threshold = project.company_id.property_key_area_share or 5.0
            if pct >= threshold:
                reasons.append(
                    self.env._(
                        "Owns %(pct)s %% of the floor area of %(project)s "
                        "(threshold %(threshold)s %%).",
                        pct=round(pct, 1),
                        project=project.name,
                        threshold=threshold,
                    )
                )
        if partner.is_company and owned:
            reasons.append(
                self.env._(
                    "Organisation owning %(count)s unit(s).",
                    count=len(owned.unit_id),
                )
            )
        elif partner.parent_id.is_company and partner.parent_id.unit_link_ids.filtered(
            lambda link: link.role in OWNER_ROLES and link._is_current_on(today)
        ):
            reasons.append(
                self.env._(
                    "Represents the owning organisation %(company)s.",
                    company=partner.parent_id.name,
                )
            )
        manual = [
            ("is_committee_member", _lt("Member of the owners' committee.")),
            (
                "is_committee_preparatory",
                _lt("Member of the owners' committee preparatory group."),
            ),
            ("is_influential", _lt("Enthusiastic and influential.")),
            (
                "is_prejudiced",
                _lt(
                    "Strongly prejudiced against the developer or the property company."
                ),
            ),
            (
                "has_special_needs",
                _lt("Special service needs (details in the special-needs ledger)."),
            ),
        ]
        reasons += [text._translate(lang) for field, text in manual if partner[field]]
        return reasons

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
            number, derived = self._prepare_identity_values(vals.pop("id_number"))
            vals.update(derived)
            super(ResPartner, self.sudo()).write({"id_number": number})
        if "lang" in vals and self.env["res.company"].sudo().search_count(
            [("partner_id", "in", self.ids)], limit=1
        ):
            # the language of a company is cached (res.company._property_lang)
            self.env.registry.clear_cache()
        return super().write(vals)

    def _track_prepare(self, fields_iter):
        """Track group-restricted fields (the identity number) whoever makes
        the change: the chatter and mails then hide the values from users
        outside the field's group (mail.tracking.value access filter)."""
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
    # BUSINESS: key-customer contact (D-5)
    # ------------------------------------------------------------------
    def _key_contact_manager(self):
        """The project manager of the first current project of the partner."""
        self.ensure_one()
        links = self.unit_link_ids.filtered("is_current")
        if not links:
            links = self.parent_id.unit_link_ids.filtered("is_current")
        return links.project_id.manager_id[:1]

    def _key_contact_deadline(self):
        self.ensure_one()
        company = self.env.company
        interval = company.property_key_contact_interval or 1
        unit = company.property_key_contact_interval_unit or "months"
        return fields.Date.context_today(self) + relativedelta(**{unit: interval})

    @api.model
    def _cron_schedule_key_customer_contacts(self):
        """Give every key customer an open, recurring manager contact activity
        (D-5). Completing it triggers the next one (activity chaining)."""
        activity_type = self.env.ref(
            "property_cs.mail_activity_type_key_customer_contact",
            raise_if_not_found=False,
        )
        if not activity_type:
            return
        key_customers = self.search([("is_key_customer", "=", True)])
        planned = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", key_customers.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        waiting = key_customers - self.browse(planned.mapped("res_id"))
        for partner in waiting:
            manager = partner._key_contact_manager()
            if not manager:
                continue
            partner.activity_schedule(
                act_type_xmlid="property_cs.mail_activity_type_key_customer_contact",
                date_deadline=partner._key_contact_deadline(),
                user_id=manager.id,
                note=partner.key_customer_reasons,
            )

    @api.model
    def _cron_refresh_key_customers(self):
        """Links that started or ended since yesterday change who is a key
        customer without any write: recompute those partners."""
        today = fields.Date.context_today(self)
        links = self.env["property.unit.partner"].search(
            [
                "|",
                ("date_start", "in", [today, today - timedelta(days=1)]),
                ("date_end", "in", [today, today - timedelta(days=1)]),
            ]
        )
        self._refresh_key_customer(links.partner_id)

    @api.model
    def _refresh_key_customer(self, partners):
        partners = partners | partners.child_ids
        if partners:
            self.env.add_to_compute(self._fields["is_key_customer"], partners)
            partners.flush_recordset(["is_key_customer"])

    @api.model
    def _cron_send_birthday_greetings(self):
        """Greet key customers on their birthday (D-5), once a year each."""
        template = self.env.ref(
            "property_cs.mail_template_birthday_greeting", raise_if_not_found=False
        )
        if not template:
            return
        today = fields.Date.context_today(self)
        candidates = self.search(
            [
                ("is_key_customer", "=", True),
                ("date_birth", "!=", False),
                ("email", "!=", False),
            ]
        )
        for partner in candidates.filtered(
            lambda p: (p.date_birth.month, p.date_birth.day) == (today.month, today.day)
        ):
            partner.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids,
            )
