# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.tools import float_round


class PropertyBillingRun(models.Model):
    """Late fees (违约金, domain_standards E4) on the next bill: only where
    the project has a late-fee standard, whose approval reference is the
    service contract's clause (no clause, no late fee). For each payer of
    a unit, the fees overdue during the month before the billed one are
    charged the standard's daily rate for each of their overdue days that
    month, on the fees only (never on earlier late fees: no compounding),
    and all the late fees charged since the oldest overdue bill never pass
    the standard's cap (a share of the overdue fees). The late fee is its
    own line of the next bill, unique per unit, payer and month like every
    billed item."""

    _inherit = "property.billing.run"

    def _late_fee_context(self, units, standards):
        """What the late fees of these units need, read once per chunk:
        None without a late-fee standard in force this month; else the
        standards, each payer's overdue bills as (fees overdue, due date)
        and the late fees charged to them since."""
        self.ensure_one()
        start = self.period_start
        late = standards.filtered(
            lambda s: (
                s.fee_type_id.basis == "late_fee"
                and s.active
                and s.date_from <= start
                and (not s.date_to or s.date_to >= start)
            )
        )
        if not late:
            return None
        prev_start = start - relativedelta(months=1)
        prev_end = start - timedelta(days=1)
        moves = (
            self.env["account.move"]
            .sudo()
            .search_fetch(
                [
                    ("property_unit_id", "in", units.ids),
                    ("property_billing_run_id", "!=", False),
                    ("state", "=", "posted"),
                    ("move_type", "=", "out_invoice"),
                    ("amount_residual", ">", 0),
                    ("invoice_date_due", "<", prev_end),
                ],
                [
                    "property_unit_id",
                    "partner_id",
                    "amount_residual",
                    "amount_total",
                    "invoice_date_due",
                ],
            )
        )
        charged = (
            self.env["property.billing.line"]
            .sudo()
            .search_fetch(
                [
                    ("unit_id", "in", units.ids),
                    ("fee_type_id.basis", "=", "late_fee"),
                ],
                ["unit_id", "partner_id", "amount", "move_id", "period_start"],
            )
        )
        late_on_bill = defaultdict(float)
        for line in charged:
            late_on_bill[line.move_id.id] += line.amount
        bills = defaultdict(lambda: defaultdict(list))
        for move in moves:
            fees = min(move.amount_residual, move.amount_total - late_on_bill[move.id])
            if fees > 0:
                bills[move.property_unit_id.id][move.partner_id].append(
                    (fees, move.invoice_date_due)
                )
        return {
            "standards": late,
            "bills": bills,
            "charged": charged,
            "prev": (prev_start, prev_end),
        }

    def _late_fee_items(self, unit, ctx):
        """The late-fee items of ``unit`` for this month, one per payer
        with fees overdue last month: fees × daily rate × overdue days,
        rounded half up to 0.01 once, within the cap."""
        data = ctx.get("late_fee")
        if not data or unit.id not in data["bills"]:
            return []
        standard = next(
            (s for s in data["standards"] if s._applies_to(unit, self.period_start)),
            None,
        )
        if not standard:
            return []
        prev_start, prev_end = data["prev"]
        items = []
        for payer, bills in data["bills"][unit.id].items():
            fees = raw = 0.0
            most_days = 0
            for amount, due in bills:
                days = (prev_end - max(prev_start, due + timedelta(days=1))).days + 1
                if days <= 0:
                    continue
                fees += amount
                raw += amount * standard.rate / 100.0 * days
                most_days = max(most_days, days)
            if not raw:
                continue
            oldest = min(due for _amount, due in bills)
            already = sum(
                line.amount
                for line in data["charged"]
                if line.unit_id == unit
                and line.partner_id == payer
                and line.period_start > oldest
            )
            cap = fees * standard.late_fee_cap / 100.0 - already
            amount = float_round(min(raw, max(cap, 0.0)), precision_digits=2)
            if amount > 0:
                items.append(
                    {
                        "fee_type": standard.fee_type_id,
                        "standard": standard,
                        "payer": payer,
                        "period_start": self.period_start,
                        "period_end": self.period_end,
                        "date_from": prev_start,
                        "date_to": prev_end,
                        "quantity": fees,
                        "days": most_days,
                        "discount": 0.0,
                        "amount": amount,
                    }
                )
        return items
