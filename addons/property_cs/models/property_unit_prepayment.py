# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date


class PropertyUnit(models.Model):
    """Prepaid fees of a unit (预存, domain_standards E6, E7): what a payer
    pays beyond the unit's unpaid bills stays on the unit as a credit that
    settles its next bills; it may cover at most the project's cap (12
    months by default) and never beyond the end of the service contract;
    on the contract's end the unused part is refunded."""

    _inherit = "property.unit"

    def _property_balance(self, partner):
        """(owed, prepaid) of ``partner`` on this unit now: the unpaid rest
        of the bills and the unused credit, from the open receivable items
        of the unit's journal entries."""
        self.ensure_one()
        self.env["account.move.line"].flush_model(["amount_residual", "reconciled"])
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(
                self.env["account.move.line"]._property_open_receivable_domain(
                    self, partner
                ),
                ["amount_residual"],
            )
        )
        owed = sum(r for r in lines.mapped("amount_residual") if r > 0)
        prepaid = -sum(r for r in lines.mapped("amount_residual") if r < 0)
        return owed, prepaid

    def _property_monthly_fees(self, partner):
        """What ``partner`` pays for this unit in a month: the items of
        the unit's latest billed period of each fee, each divided by the
        months its period spans."""
        self.ensure_one()
        lines = (
            self.env["property.billing.line"]
            .sudo()
            .search(
                [("unit_id", "=", self.id), ("partner_id", "=", partner.id)],
                order="period_start desc, id desc",
            )
        )
        latest = {}
        for line in lines:
            latest.setdefault(line.fee_type_id.id, line)
        total = 0.0
        for line in latest.values():
            span = relativedelta(
                line.period_end + relativedelta(days=1), line.period_start
            )
            total += line.amount / max(span.years * 12 + span.months, 1)
        return total

    def _property_prepay_months(self, today):
        """Months of fees that may be paid ahead now: the project's cap,
        and no month after the service contract ends."""
        self.ensure_one()
        project = self.project_id
        months = project.prepay_cap_months
        end = project.service_contract_end
        if end:
            months = min(months, (end.year - today.year) * 12 + end.month - today.month)
        return max(months, 0)

    def _property_check_prepayment(self, partner, amount):
        """Refuse a payment that would leave more prepaid on the unit than
        the months allowed, saying the largest amount accepted now."""
        self.ensure_one()
        today = self.env["property.unit.partner"]._property_today()
        owed, prepaid = self._property_balance(partner)
        credit = prepaid + amount - owed
        if credit <= 0.005:
            return
        monthly = self._property_monthly_fees(partner)
        months = self._property_prepay_months(today)
        limit = monthly * months
        if credit <= limit + 0.005:
            return
        currency = self.project_id.company_id.currency_id
        reasons = [
            self.env._(
                "%(unit)s: this payment would leave %(credit)s paid ahead.",
                unit=self.display_name,
                credit=format_amount(self.env, credit, currency),
            )
        ]
        if not monthly:
            reasons.append(
                self.env._(
                    "The unit has no bill yet: bill it before taking fees ahead."
                )
            )
        else:
            reasons.append(
                self.env._(
                    "Fees may be paid at most %(months)s months ahead "
                    "(%(monthly)s a month).",
                    months=months,
                    monthly=format_amount(self.env, monthly, currency),
                )
            )
            if self.project_id.service_contract_end:
                reasons.append(
                    self.env._(
                        "The service contract ends on %(date)s.",
                        date=format_date(
                            self.env, self.project_id.service_contract_end
                        ),
                    )
                )
            reasons.append(
                self.env._(
                    "The largest amount accepted now is %(amount)s.",
                    amount=format_amount(
                        self.env, max(limit + owed - prepaid, 0.0), currency
                    ),
                )
            )
        raise UserError("\n".join(reasons))
