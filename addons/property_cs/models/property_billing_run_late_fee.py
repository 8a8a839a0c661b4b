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
    billed item. A correction run of the month recomputes it (D-21) from
    the fees still owed at the end of the previous month, less what the
    credit notes reversing those bills took off, and issues the difference
    as an adjustment; the later months' late fees are corrected by their
    own correction runs."""

    _inherit = "property.billing.run"

    def _late_fee_context(self, units, standards):
        """What the late fees of these units need, read once per chunk:
        None without a late-fee standard in force this month; else the
        standards, each payer's overdue bills as (fees overdue, due date)
        and the late fees charged to them (billed items and the late-fee
        adjustments of corrections)."""
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
        domain = [
            ("property_unit_id", "in", units.ids),
            ("property_billing_run_id", "!=", False),
            ("state", "=", "posted"),
            ("move_type", "=", "out_invoice"),
            ("invoice_date_due", "<", prev_end),
        ]
        if self.run_type != "correction":
            domain.append(("amount_residual", ">", 0))
        else:
            # open at the end of last month: still open, paid since, or
            # corrected down by a credit note
            domain += [
                "|",
                "|",
                ("amount_residual", ">", 0),
                ("line_ids.matched_credit_ids.max_date", ">", prev_end),
                ("reversal_move_ids", "!=", False),
            ]
        moves = (
            self.env["account.move"]
            .sudo()
            .search_fetch(
                domain,
                [
                    "property_unit_id",
                    "partner_id",
                    "amount_residual",
                    "amount_total",
                    "invoice_date_due",
                ],
            )
        )
        charged = [
            (line.unit_id.id, line.partner_id, line.period_start, line.amount)
            for line in self.env["property.billing.line"]
            .sudo()
            .search_fetch(
                [
                    ("unit_id", "in", units.ids),
                    ("fee_type_id.basis", "=", "late_fee"),
                ],
                ["unit_id", "partner_id", "amount", "period_start"],
            )
        ]
        late_on_bill = defaultdict(float)
        for line in (
            self.env["property.billing.line"]
            .sudo()
            .search_fetch(
                [("move_id", "in", moves.ids), ("fee_type_id.basis", "=", "late_fee")],
                ["move_id", "amount"],
            )
        ):
            late_on_bill[line.move_id.id] += line.amount
        for adj in (
            self.env["property.billing.adjustment"]
            .sudo()
            .search_fetch(
                [
                    ("unit_id", "in", units.ids),
                    ("fee_type_id.basis", "=", "late_fee"),
                ],
                ["unit_id", "partner_id", "period_start", "amount", "move_id"],
            )
        ):
            charged.append(
                (adj.unit_id.id, adj.partner_id, adj.period_start, adj.amount)
            )
            if adj.amount > 0:
                late_on_bill[adj.move_id.id] += adj.amount
        if self.run_type == "correction":
            open_fees = self._late_fee_open_at(moves, prev_end, late_on_bill)
        else:
            open_fees = {
                move.id: min(
                    move.amount_residual, move.amount_total - late_on_bill[move.id]
                )
                for move in moves
            }
        bills = defaultdict(lambda: defaultdict(list))
        for move in moves:
            fees = float_round(open_fees[move.id], precision_digits=2)
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

    def _late_fee_open_at(self, moves, day, late_on_bill):
        """A correction's view of the overdue fees of ``moves`` (E4, D-21):
        {bill id: fees still owed at the end of ``day``}, as the month's
        bills should have seen them. What was paid or matched on the bill
        by then counts (a payment after ``day`` never lowers the late fee
        charged for days already overdue); what a credit note reversing
        the bill credits counts whatever its date (a fee corrected down was
        never owed), except the late fees it credits; the bill's own late
        fees are left out (no compounding)."""
        refunds = (
            self.env["account.move"]
            .sudo()
            .search_fetch(
                [
                    ("reversed_entry_id", "in", moves.ids),
                    ("state", "=", "posted"),
                    ("move_type", "=", "out_refund"),
                ],
                ["reversed_entry_id", "amount_total"],
            )
        )
        credited = defaultdict(float)
        for refund in refunds:
            credited[refund.reversed_entry_id.id] += refund.amount_total
        for adj in (
            self.env["property.billing.adjustment"]
            .sudo()
            .search_fetch(
                [
                    ("move_id", "in", refunds.ids),
                    ("fee_type_id.basis", "=", "late_fee"),
                ],
                ["move_id", "amount"],
            )
        ):
            # a late fee credited is not a fee credited
            credited[adj.move_id.reversed_entry_id.id] += adj.amount
        matched = defaultdict(float)
        receivables = moves.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        for partial in receivables.matched_credit_ids:
            bill = partial.debit_move_id.move_id
            reverses = partial.credit_move_id.move_id.reversed_entry_id
            if partial.max_date <= day and reverses != bill:
                matched[bill.id] += partial.amount
        return {
            move.id: min(
                move.amount_total - matched[move.id],
                move.amount_total - late_on_bill[move.id],
            )
            - credited[move.id]
            for move in moves
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
                amount
                for unit_id, partner, period_start, amount in data["charged"]
                if unit_id == unit.id
                and partner == payer
                and oldest < period_start < self.period_start
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
