# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyBillingLine(models.Model):
    """One billed item: a fee of a unit for a period, owed by one payer
    (D-21). The database refuses a second line with the same unit, fee
    type, period and payer: this, not a check in Python, is what keeps a
    re-run or two concurrent runs from billing twice."""

    _name = "property.billing.line"
    _description = "Billed Item"
    _order = "period_start desc, unit_id, fee_type_id"

    run_id = fields.Many2one(
        "property.billing.run", required=True, index=True, ondelete="restrict"
    )
    project_id = fields.Many2one(related="run_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    fee_type_id = fields.Many2one(
        "property.fee.type", required=True, index=True, ondelete="restrict"
    )
    standard_id = fields.Many2one(
        "property.fee.standard", required=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Payer", required=True, index=True, ondelete="restrict"
    )
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    date_from = fields.Date(string="Billed From", required=True)
    date_to = fields.Date(string="Billed Until", required=True)
    quantity = fields.Float(digits=(16, 4))
    days = fields.Integer()
    discount = fields.Float(string="Vacancy Discount (%)", digits=(5, 2))
    amount = fields.Monetary(required=True)
    move_line_id = fields.Many2one("account.move.line", string="Bill Line", index=True)
    move_id = fields.Many2one(
        related="move_line_id.move_id", string="Bill", store=True, index=True
    )

    _sql_constraints = [
        (
            "unit_fee_period_payer_uniq",
            "unique(unit_id, fee_type_id, period_start, partner_id)",
            "This fee of this unit is already billed to this payer for this period.",
        )
    ]

    def _invoice_label(self):
        """The bill line's text: fee, unit, days billed, and the quantity
        with the rate (in the company's language)."""
        self.ensure_one()
        env = self.with_context(lang=self.company_id.partner_id.lang).env
        line = self.with_env(env)
        label = f"{line.fee_type_id.name} {line.unit_id.complete_name} " + (
            f"{line.date_from} ~ {line.date_to}"
        )
        basis = line.fee_type_id.basis
        if basis == "area":
            label += env._(
                " (%(qty).2f m² × %(rate).4f)",
                qty=line.quantity,
                rate=line.standard_id.rate,
            )
        elif basis == "space":
            label += env._(
                " (%(qty)d spaces × %(rate).4f)",
                qty=line.quantity,
                rate=line.standard_id.rate,
            )
        elif basis == "late_fee":
            label += env._(
                " (overdue fees %(qty).2f × %(rate).4f %% a day, up to %(days)d days)",
                qty=line.quantity,
                rate=line.standard_id.rate,
                days=line.days,
            )
        if line.discount:
            label += env._(
                " less %(discount).2f %% vacancy discount", discount=line.discount
            )
        return label
