# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from .res_partner import OWNER_ROLES, PROPERTY_GROUPS

_lt = LazyTranslate(__name__)


class ResPartner(models.Model):
    """Key customers (D-5): the explained criteria, the recurring manager
    contact and the birthday greetings."""

    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Key customers (D-5)
    # ------------------------------------------------------------------
    # computed from the committee memberships (res_partner_committee.py)
    is_committee_member = fields.Boolean(
        string="Owners' Committee Member",
        help="A current member of the project's owners' committee (from the "
        "committee's members and terms).",
        compute="_compute_is_committee_member",
        store=True,
        compute_sudo=True,
        tracking=True,
        groups=PROPERTY_GROUPS,
    )
    is_committee_preparatory = fields.Boolean(
        string="Committee Preparatory Group", tracking=True, groups=PROPERTY_GROUPS
    )
    is_influential = fields.Boolean(
        string="Enthusiastic and Influential", tracking=True, groups=PROPERTY_GROUPS
    )
    is_prejudiced = fields.Boolean(
        string="Strongly Prejudiced",
        tracking=True,
        help="Strongly prejudiced against the developer or the property company.",
        groups=PROPERTY_GROUPS,
    )
    is_key_customer = fields.Boolean(
        string="Key Customer",
        compute="_compute_is_key_customer",
        store=True,
        compute_sudo=True,
        index=True,
        groups=PROPERTY_GROUPS,
    )
    key_customer_reasons = fields.Text(
        compute="_compute_key_customer_reasons",
        compute_sudo=True,
        help="Which key-customer criteria match, and why.",
        groups=PROPERTY_GROUPS,
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
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
        units; is a current member of an owners' committee (D-23).
        Manual: preparatory group, influential,
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
        """Greet key customers on their birthday (D-5), once a year each,
        unless they withdrew their consent to greetings."""
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
        candidates = candidates.filtered(
            lambda p: (p.date_birth.month, p.date_birth.day) == (today.month, today.day)
        )
        candidates -= self.env["property.consent"]._partners_objecting(
            candidates, "greetings"
        )
        for partner in candidates:
            partner.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids,
            )
