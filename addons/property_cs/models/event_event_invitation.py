# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_datetime

from .property_handling_tip import OWNER_GROUPS

OWNER_ROLES = ("owner", "co_owner")
HOUSEHOLD_TARGETS = [
    ("all", "All Households"),
    ("children", "Households with Children"),
    ("elderly", "Households with Elderly Members"),
    ("children_elderly", "Households with Children or Elderly Members"),
]
# event types of the skeleton whose default audience is a household condition
TYPE_TARGETS = {
    "property_cs.event_type_children": "children",
    "property_cs.event_type_elderly": "elderly",
}


class EventEvent(models.Model):
    """Invitations of a community event (D-30) and the head start of key
    customers (D-5): the targeting rules build the invitation list, key
    customers first; they are invited, and may book, a number of days
    before booking opens for everyone else."""

    _inherit = "event.event"

    property_key_customer_days = fields.Integer(
        string="Key-Customer Head Start (Days)",
        compute="_compute_property_key_customer_days",
        store=True,
        readonly=False,
        precompute=True,
        help="Key customers are invited, and may book, this many days before "
        "booking opens for everyone; proposed from the project's setting.",
    )
    property_date_open_all = fields.Datetime(
        string="Booking Opens",
        tracking=True,
        copy=False,
        help="When booking opens for everyone invited; the invitations of "
        "the households go out then. Empty: booking is open now.",
    )
    property_date_open_key = fields.Datetime(
        string="Booking Opens for Key Customers",
        compute="_compute_property_date_open_key",
        store=True,
        help="Booking opens for everyone minus the key-customer head start; "
        "the key customers' invitations go out then.",
    )
    property_invite_key_customers = fields.Boolean(
        string="Invite Key Customers First",
        default=True,
        help="Invite the key customers of the project, whatever the buildings "
        "and households chosen below, ahead of everyone else.",
    )
    property_target_owner_group = fields.Selection(
        OWNER_GROUPS,
        string="Owner Group",
        help="Invite only the households with a member of this owner group; "
        "empty: every household.",
    )
    property_target_household = fields.Selection(
        HOUSEHOLD_TARGETS,
        string="Households to Invite",
        compute="_compute_property_target_household",
        store=True,
        readonly=False,
        help="Children are younger than the company's child age, elderly "
        "members at least the elderly age, on the day of the event (from "
        "the birthdays on the owner file).",
    )
    property_invitation_ids = fields.One2many(
        "property.event.invitation", "event_id", string="Invitations"
    )
    property_invitation_count = fields.Integer(
        string="Invitation Count", compute="_compute_property_invitation_count"
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("property_project_id")
    def _compute_property_key_customer_days(self):
        """Proposed from the project when it is set; a later change of the
        project's setting leaves existing events alone."""
        for event in self:
            project = event.property_project_id
            if project:
                event.property_key_customer_days = project.event_key_customer_days
            else:
                event.property_key_customer_days = event.property_key_customer_days or 0

    @api.depends("property_date_open_all", "property_key_customer_days")
    def _compute_property_date_open_key(self):
        for event in self:
            open_all = event.property_date_open_all
            event.property_date_open_key = open_all and open_all - timedelta(
                days=event.property_key_customer_days
            )

    @api.depends("event_type_id")
    def _compute_property_target_household(self):
        """The household condition of the event (children's or elderly
        activity) proposes whom to invite; staff may widen it."""
        types = {
            self.env.ref(xmlid, raise_if_not_found=False): target
            for xmlid, target in TYPE_TARGETS.items()
        }
        conditions = {"children": "children", "elderly": "elderly"}
        for event in self:
            condition = event.property_household_condition
            event.property_target_household = (
                conditions.get(condition)
                or types.get(event.event_type_id)
                or event.property_target_household
                or "all"
            )

    def _compute_property_invitation_count(self):
        data = dict(
            self.env["property.event.invitation"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.property_invitation_count = data.get(event, 0)

    @api.constrains("property_key_customer_days")
    def _check_property_key_customer_days(self):
        for event in self:
            if not 0 <= event.property_key_customer_days <= 60:
                raise ValidationError(
                    self.env._(
                        "The key-customer head start must be between 0 and 60 days."
                    )
                )

    @api.constrains("property_date_open_all", "date_begin")
    def _check_property_date_open_all(self):
        for event in self:
            if (
                event.property_date_open_all
                and event.date_begin
                and event.property_date_open_all > event.date_begin
            ):
                raise ValidationError(
                    self.env._(
                        "Booking for %(event)s must open before the event starts.",
                        event=event.name,
                    )
                )

    # ------------------------------------------------------------------
    # BOOKING WINDOW (D-5)
    # ------------------------------------------------------------------
    def _property_booking_open_for(self, partner):
        """Whether ``partner`` may book places on this event now, and if not
        why, in the reader's language with the date in the project's time
        zone. Key customers of the project (or anyone invited in the
        key-customer wave) may book from the key-customer opening, N days
        before everyone else (D-5); without an opening date booking is open.
        The reason never says that key customers book first."""
        self.ensure_one()
        allowed, reason = super()._property_booking_open_for(partner)
        event = self.sudo()
        if not allowed or not event.property_project_id:
            return allowed, reason
        now = fields.Datetime.now()
        opens = event.property_date_open_all
        if not opens or now >= opens:
            return True, ""
        if event.property_date_open_key and event._property_is_key_customer(partner):
            if now >= event.property_date_open_key:
                return True, ""
            opens = event.property_date_open_key
        tz = event.property_project_id.tz or "Asia/Shanghai"
        return False, self.env._(
            "Booking for this event opens on %(date)s.",
            date=format_datetime(self.env, opens, tz=tz, dt_format="short"),
        )

    def _property_is_key_customer(self, partner):
        """Whether ``partner`` (or the organisation they represent) is a key
        customer with a current unit in the event's project, or was invited
        in its key-customer wave."""
        self.ensure_one()
        people = (partner | partner.commercial_partner_id).sudo()
        if not people:
            return False
        current = (
            self.env["property.unit.partner"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "in", people.ids),
                    ("project_id", "=", self.property_project_id.id),
                    ("is_current", "=", True),
                ],
                limit=1,
            )
        )
        if current and people.filtered("is_key_customer"):
            return True
        return bool(
            self.env["property.event.invitation"]
            .sudo()
            .search_count(
                [
                    ("event_id", "=", self.id),
                    ("wave", "=", "key_customer"),
                    ("partner_id", "in", people.ids),
                ],
                limit=1,
            )
        )

    # ------------------------------------------------------------------
    # TARGETING (D-30, D-5)
    # ------------------------------------------------------------------
    def action_property_build_invitations(self):
        """Build (or complete) the invitation list of the events from their
        targeting rules; running it again adds only who is new."""
        self.check_access("write")
        for event in self:
            event.sudo()._property_build_invitations()
        if len(self) == 1:
            return self.action_view_property_invitations()
        return True

    def action_view_property_invitations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_event_invitation_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"search_default_group_wave": 1}
        return action

    def _property_target_thresholds(self):
        """The child and elderly ages of the event's company (settings)."""
        company = self.property_project_id.company_id or self.company_id
        return company.property_event_child_age, company.property_event_elderly_age

    @api.model
    def _property_household_of(self, links):
        """The household of a unit from its current links: the recipient
        (the tenant who lives there, else the first owner) and the members
        (the tenant's household when the unit is let, else everyone)."""
        tenants = links.filtered(lambda link: link.role == "tenant")
        owners = links.filtered(lambda link: link.role in OWNER_ROLES)
        recipient = (tenants or owners)[:1].partner_id
        members = (links - owners) if tenants else links
        return recipient, members.partner_id

    def _property_household_matches(self, members):
        """Whether a household's members meet the event's owner group and
        children/elderly rules; returns the most specific rule matched, or
        False."""
        self.ensure_one()
        rule = "building"
        group = self.property_target_owner_group
        if group:
            if not members.filtered(lambda p: p.owner_group == group):
                return False
            rule = "owner_group"
        target = self.property_target_household or "all"
        if target != "all":
            child_age, elderly_age = self._property_target_thresholds()
            day = (self.date_begin or fields.Datetime.now()).date()
            ages = [
                relativedelta(day, person.date_birth).years
                for person in members
                if person.date_birth
            ]
            # an age of 0 in the settings: no household counts as such
            children = (
                target in ("children", "children_elderly")
                and child_age
                and any(age < child_age for age in ages)
            )
            elderly = (
                target in ("elderly", "children_elderly")
                and elderly_age
                and any(age >= elderly_age for age in ages)
            )
            if not (children or elderly):
                return False
            rule = "household"
        return rule

    def _property_targets(self):
        """The invitation list of the event, in the order of its rules: key
        customers of the project first (wave key_customer, D-5), then the
        households of the chosen buildings (or all), kept when they meet the
        owner group and the children/elderly rules. A list of (partner,
        unit, wave, rule), one entry per person."""
        self.ensure_one()
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.property_project_id.id),
                    ("is_current", "=", True),
                    ("unit_id.active", "=", True),
                ]
            )
        )
        by_unit = {}
        for link in links:
            by_unit.setdefault(link.unit_id, link.browse())
            by_unit[link.unit_id] |= link
        households = {
            unit: self._property_household_of(unit_links)
            for unit, unit_links in by_unit.items()
        }
        targets, seen = [], set()
        if self.property_invite_key_customers:
            key_links = links.filtered(lambda link: link.partner_id.is_key_customer)
            for link in key_links.sorted(
                lambda link: (households[link.unit_id][0] != link.partner_id, link.id)
            ):
                if link.partner_id.id not in seen:
                    seen.add(link.partner_id.id)
                    targets.append(
                        (link.partner_id, link.unit_id, "key_customer", "key_customer")
                    )
        buildings = self.property_building_ids
        for unit, (recipient, members) in households.items():
            if not recipient or recipient.id in seen:
                continue
            if buildings and unit.building_id not in buildings:
                continue
            rule = self._property_household_matches(members)
            if rule:
                seen.add(recipient.id)
                targets.append((recipient, unit, "general", rule))
        return targets

    def _property_build_invitations(self):
        """Create the invitations of the people not yet on the list (no
        duplicate on a second run). People whose latest consent to event
        invitations is withdrawn are listed as skipped, never mailed; those
        who consent again are scheduled again. Without an opening date,
        booking opens for everyone after the key-customer head start."""
        self.ensure_one()
        if not self.property_project_id:
            raise UserError(
                self.env._(
                    "Choose the project of the event %(event)s before building "
                    "its invitation list.",
                    event=self.name,
                )
            )
        if not self.property_date_open_all:
            opens = fields.Datetime.now() + timedelta(
                days=self.property_key_customer_days
            )
            self.property_date_open_all = min(opens, self.date_begin)
        Invitation = self.env["property.event.invitation"].sudo()
        existing = Invitation.search([("event_id", "=", self.id)])
        existing._refresh_consent()
        invited = set(existing.partner_id.ids)
        targets = [t for t in self._property_targets() if t[0].id not in invited]
        objecting = self.env["property.consent"]._partners_objecting(
            self.env["res.partner"].browse([t[0].id for t in targets]), "events"
        )
        vals_list = [
            {
                "event_id": self.id,
                "partner_id": partner.id,
                "unit_id": unit.id,
                "wave": wave,
                "rule": rule,
                "state": "skipped" if partner in objecting else "scheduled",
                "skip_reason": "consent" if partner in objecting else False,
            }
            for partner, unit, wave, rule in targets
        ]
        return Invitation.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(vals_list)
