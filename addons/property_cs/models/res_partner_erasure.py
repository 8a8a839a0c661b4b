# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

PRIVACY_GROUP = "property_cs.group_property_cs_privacy"
# personal fields emptied on anonymisation (the name is replaced)
ERASED_PARTNER_FIELDS = [
    "phone",
    "mobile",
    "email",
    "street",
    "street2",
    "zip",
    "city",
    "website",
    "comment",
    "image_1920",
    "date_birth",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "id_number",
    "personality_type",
    "owner_group",
    "handling_note",
    "special_needs",
    "is_life_support",
    "is_frail_alone",
    "is_prejudiced",
    "is_influential",
]
# a complaint in neither state is still open
ENDED_TICKET_STATES = ("closed", "cancelled")


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_legal_hold = fields.Boolean(
        string="Legal Hold",
        groups=PRIVACY_GROUP,
        help="A dispute or lawsuit: this person's data is kept as it is.",
    )
    property_legal_hold_reason = fields.Char(
        string="Legal Hold Reason", groups=PRIVACY_GROUP
    )
    property_anonymised_date = fields.Datetime(
        string="Anonymised On", readonly=True, copy=False
    )

    def _property_erasure_blockers(self):
        """Why this person's data may not be anonymised now (PIPL Art. 47
        and its exceptions): still an owner or resident of a unit (the
        service contract is the legal basis), money still owed, a complaint
        still open, a legal hold. Returns ``{partner id: [reason, ...]}``;
        the same few queries for one person or for the nightly batch."""
        partners = self.sudo()
        commercial = partners.commercial_partner_id
        owing = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", commercial.ids),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", ">", 0),
                ]
            )
            .partner_id.commercial_partner_id
        )
        complaining = {
            partner.id
            for [partner] in self.env["property.ticket"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("kind", "=", "complaint"),
                    ("state", "not in", ENDED_TICKET_STATES),
                ],
                ["partner_id"],
            )
        }
        blockers = {}
        for partner in partners:
            reasons = []
            if partner.property_anonymised_date:
                reasons.append(self.env._("already anonymised"))
            if partner.user_ids.filtered(lambda u: not u.share):
                reasons.append(self.env._("the contact of a staff member"))
            if partner.unit_link_ids.filtered("is_current"):
                reasons.append(
                    self.env._("still a current owner or resident of a unit")
                )
            if partner.commercial_partner_id in owing:
                reasons.append(self.env._("money is still owed"))
            if partner.id in complaining:
                reasons.append(self.env._("a complaint is still open"))
            if partner.property_legal_hold:
                reasons.append(
                    self.env._(
                        "legal hold: %(reason)s",
                        reason=partner.property_legal_hold_reason or "-",
                    )
                )
            if reasons:
                blockers[partner.id] = reasons
        return blockers

    def action_property_anonymise(self):
        """On a lawful request, the personal-information officer anonymises a
        former owner or resident; refused with every reason at once while
        something still requires the data."""
        if not self.env.user.has_group(PRIVACY_GROUP):
            raise AccessError(
                self.env._("Only the personal-information officer anonymises people.")
            )
        blockers = self._property_erasure_blockers()
        if blockers:
            raise UserError(
                "\n".join(
                    self.env._(
                        "%(person)s cannot be anonymised: %(reasons)s.",
                        person=self.browse(pid).display_name,
                        reasons=self.env._("; ").join(reasons),
                    )
                    for pid, reasons in blockers.items()
                )
            )
        self._property_anonymise()
        return True

    def _property_anonymise(self):
        """Replace the personal information of these people across the
        property models and the chatter, keeping what accounting law and
        statistics need: accounting documents (a person with journal entries
        keeps their name on them), unit links with roles and dates, tickets
        and callbacks with their categories, times and results.

        Callers check ``_property_erasure_blockers`` first."""
        env = self.env
        partners = self.sudo()
        for partner in partners:
            if partner.property_anonymised_date:
                continue
            env["property.access.log"]._log(
                "anonymised", partner, details=partner.display_name
            )
            has_accounting = bool(
                env["account.move"]
                .sudo()
                .search_count([("partner_id", "=", partner.id)], limit=1)
            )
            values = dict.fromkeys(ERASED_PARTNER_FIELDS, False)
            values.update(
                property_anonymised_date=fields.Datetime.now(),
                active=False,
            )
            if not has_accounting:
                values["name"] = env._("Anonymised person %(id)s", id=partner.id)
            # a former owner's portal account is closed with the person
            for user in partner.with_context(active_test=False).user_ids:
                user.write({"active": False, "login": f"anonymised-{user.id}"})
            # active_test: base checks for active users before archiving
            partner.with_context(tracking_disable=True, active_test=True).write(
                {k: v for k, v in values.items() if k in partner._fields}
            )
            partner.consent_ids.with_context(active_test=False).write(
                {"attachment_ids": [(5, 0, 0)]}
            )
            partner.vehicle_ids.with_context(active_test=False).write(
                {"name": env._("Anonymised"), "active": False}
            )
            tickets = (
                env["property.ticket"].sudo().search([("partner_id", "=", partner.id)])
            )
            tickets.with_context(tracking_disable=True).write(
                {"partner_phone": False, "email_from": False}
            )
            env["property.callback"].sudo().search(
                [("partner_id", "=", partner.id)]
            ).with_context(tracking_disable=True).write(
                {"partner_phone": False, "comment": False}
            )
            env["property.complaint.submission"].sudo().search(
                [("ticket_id", "in", tickets.ids)]
            ).write({"email": False, "phone": False, "ip_address": False})
            # the person's own words and tracked personal values in the chatter
            # their words and the photos or files they sent
            messages = (
                env["mail.message"].sudo().search([("author_id", "=", partner.id)])
            )
            messages.attachment_ids.unlink()
            messages.write(
                {
                    "body": env._("(removed: personal information)"),
                    "email_from": False,
                }
            )
            env["mail.tracking.value"].sudo().search(
                [
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "=", partner.id),
                ]
            ).unlink()
            partner.message_ids.attachment_ids.sudo().unlink()

    def _cron_property_anonymise_former(self):
        """Anonymise former owners and residents whose last unit link ended
        more than the company's retention period ago, unless something still
        requires their data (then they are left for a later run)."""
        for company in self.env["res.company"].search([]):
            days = company.property_retention_former_days
            if days <= 0:
                continue
            limit = fields.Date.today() - timedelta(days=days)
            Link = (
                self.env["property.unit.partner"].sudo().with_context(active_test=False)
            )
            ended = Link.search(
                [("company_id", "=", company.id), ("date_end", "<", limit)]
            ).partner_id
            recent = Link.search(
                [
                    ("partner_id", "in", ended.ids),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", limit),
                ]
            ).partner_id
            candidates = (ended - recent).filtered(
                lambda p: not p.property_anonymised_date
            )
            blocked = candidates._property_erasure_blockers()
            candidates.browse(
                [pid for pid in candidates.ids if pid not in blocked]
            )._property_anonymise()
