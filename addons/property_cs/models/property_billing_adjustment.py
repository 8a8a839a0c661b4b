# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyBillingAdjustment(models.Model):
    """One difference a correction run found (D-21): for a fee of a unit in
    a period and one payer, what is due now against what was billed so far
    (the regular billed items plus earlier adjustments). A negative amount
    is on a credit note to the payer, a positive one on a supplementary
    bill; the bill it is on is posted and never edited. The database
    refuses a second adjustment of the same correction run for the same
    unit, fee type, period and payer: a chunk processed again or two
    workers never issue it twice. The unique key of the billed items
    (``property.billing.line``) is untouched: an adjustment is not a billed
    item, the next comparison adds both. A late fee is adjusted like any
    fee: its difference is the month's late fee recomputed less the late
    fee billed (never a late fee on a late fee)."""

    _name = "property.billing.adjustment"
    _description = "Billing Adjustment"
    _order = "period_start desc, run_id desc, unit_id, fee_type_id"

    run_id = fields.Many2one(
        "property.billing.run",
        string="Correction Run",
        required=True,
        index=True,
        ondelete="restrict",
    )
    project_id = fields.Many2one(related="run_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict"
    )
    fee_type_id = fields.Many2one(
        "property.fee.type", required=True, index=True, ondelete="restrict"
    )
    standard_id = fields.Many2one("property.fee.standard", ondelete="restrict")
    partner_id = fields.Many2one(
        "res.partner", string="Payer", required=True, index=True, ondelete="restrict"
    )
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    date_from = fields.Date(string="Due From")
    date_to = fields.Date(string="Due Until")
    quantity = fields.Float(digits=(16, 4))
    days = fields.Integer(string="Days Due")
    amount_billed = fields.Monetary(
        string="Billed Before", help="Billed items and earlier adjustments."
    )
    amount_due = fields.Monetary(string="Due Now")
    amount = fields.Monetary(
        string="Difference",
        required=True,
        help="Due now less billed before: negative on a credit note, "
        "positive on a supplementary bill.",
    )
    move_line_id = fields.Many2one(
        "account.move.line", string="Bill Line", index=True, readonly=True
    )
    move_id = fields.Many2one(
        related="move_line_id.move_id", string="Bill", store=True, index=True
    )

    _sql_constraints = [
        (
            "run_unit_fee_period_payer_uniq",
            "unique(run_id, unit_id, fee_type_id, period_start, partner_id)",
            "This correction already adjusted this fee of this unit for this payer.",
        )
    ]

    def _invoice_label(self):
        """The credit note or supplementary bill line's text, in the
        company's language: fee, unit, the days due now and their amount,
        what was billed before."""
        self.ensure_one()
        env = self.with_context(lang=self.company_id.partner_id.lang).env
        adj = self.with_env(env)
        label = f"{adj.fee_type_id.name} {adj.unit_id.complete_name} "
        if adj.days:
            label += env._(
                "%(date_from)s ~ %(date_to)s: %(days)d days due %(due).2f",
                date_from=adj.date_from,
                date_to=adj.date_to,
                days=adj.days,
                due=adj.amount_due,
            )
            basis = adj.fee_type_id.basis
            if basis == "area" and adj.standard_id:
                label += env._(
                    " (%(qty).2f m² × %(rate).4f)",
                    qty=adj.quantity,
                    rate=adj.standard_id.rate,
                )
            elif basis == "space" and adj.standard_id:
                label += env._(
                    " (%(qty)d spaces × %(rate).4f)",
                    qty=adj.quantity,
                    rate=adj.standard_id.rate,
                )
            elif basis == "late_fee" and adj.standard_id:
                label += env._(
                    " (overdue fees %(qty).2f × %(rate).4f %% a day, up to "
                    "%(days)d days)",
                    qty=adj.quantity,
                    rate=adj.standard_id.rate,
                    days=adj.days,
                )
        else:
            label += env._(
                "%(period_start)s ~ %(period_end)s: nothing due",
                period_start=adj.period_start,
                period_end=adj.period_end,
            )
        label += env._(", billed before %(billed).2f", billed=adj.amount_billed)
        return label
