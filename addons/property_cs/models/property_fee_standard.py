# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .constants import UNIT_USE_TYPES

FEE_CYCLES = [("1", "Monthly"), ("3", "Quarterly"), ("12", "Yearly")]


class PropertyFeeStandard(models.Model):
    """A fee standard of a project (domain_standards F1): the rate of a fee
    type for a use type of unit, valid from a date (and until the next
    version), with the approval that fixed it (price bureau filing, owners'
    meeting resolution, contract clause). Versions never overlap; an old
    version stays for the bills it produced. Rates have 4 decimals; each
    billed amount is rounded half up to 0.01."""

    _name = "property.fee.standard"
    _description = "Fee Standard"
    _order = "project_id, fee_type_id, use_type, date_from desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee_type_id = fields.Many2one("property.fee.type", required=True, index=True)
    basis = fields.Selection(related="fee_type_id.basis")
    use_type = fields.Selection(
        UNIT_USE_TYPES,
        string="Unit Use Type",
        help="Leave empty for every use type.",
    )
    rate = fields.Float(
        digits=(16, 4),
        help="Per m² per month, per space per month or per unit per month; "
        "unused for a shared cost.",
    )
    shared_amount = fields.Monetary(
        string="Shared Amount per Cycle",
        help="The cost to share among the units by floor area (公摊).",
    )
    cycle = fields.Selection(FEE_CYCLES, required=True, default="1")
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid Until")
    approval_ref = fields.Char(
        string="Approval Reference",
        required=True,
        help="The filing, resolution or contract clause that sets this rate.",
    )
    income_account_id = fields.Many2one(
        "account.account",
        check_company=True,
        help="Leave empty to use the sales journal's default account.",
    )
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        domain="[('type_tax_use', '=', 'sale')]",
        check_company=True,
    )
    vacancy_discount = fields.Float(
        string="Vacancy Discount (%)",
        digits=(5, 2),
        help="Reduction for a unit vacant for the whole billed period with "
        "the evidence recorded on the unit; 0 when the project grants none.",
    )

    late_fee_cap = fields.Float(
        string="Late Fee Cap (%)",
        digits=(5, 2),
        default=30.0,
        help="Late fees of a payer on a unit never exceed this share of the "
        "overdue fees they are charged on.",
    )
    late_fee_warning = fields.Char(compute="_compute_late_fee_warning")

    _sql_constraints = [
        ("rate_positive", "CHECK(rate >= 0)", "A rate cannot be negative."),
        (
            "discount_range",
            "CHECK(vacancy_discount >= 0 AND vacancy_discount <= 100)",
            "A vacancy discount is between 0 and 100 %.",
        ),
    ]

    @api.depends("fee_type_id.name", "use_type", "date_from")
    @api.depends_context("lang")
    def _compute_name(self):
        use_types = dict(self._fields["use_type"]._description_selection(self.env))
        for standard in self:
            parts = [standard.fee_type_id.name or ""]
            if standard.use_type:
                parts.append(use_types[standard.use_type])
            if standard.date_from:
                parts.append(fields.Date.to_string(standard.date_from))
            standard.name = " / ".join(parts)

    @api.constrains(
        "project_id", "fee_type_id", "use_type", "date_from", "date_to", "active"
    )
    def _check_versions(self):
        """Two versions of one fee for one use type never overlap."""
        for standard in self.filtered("active"):
            if standard.date_to and standard.date_to < standard.date_from:
                raise ValidationError(
                    self.env._("A fee standard ends after it starts.")
                )
            others = self.search(
                [
                    ("id", "!=", standard.id),
                    ("project_id", "=", standard.project_id.id),
                    ("fee_type_id", "=", standard.fee_type_id.id),
                    ("use_type", "=", standard.use_type),
                ]
            )
            for other in others:
                if (not other.date_to or other.date_to >= standard.date_from) and (
                    not standard.date_to or standard.date_to >= other.date_from
                ):
                    raise ValidationError(
                        self.env._(
                            "%(new)s overlaps %(old)s: end the old version "
                            "the day before the new one starts.",
                            new=standard.name,
                            old=other.name,
                        )
                    )

    @api.depends("rate", "fee_type_id.basis", "company_id.property_lpr_rate")
    def _compute_late_fee_warning(self):
        """A late fee whose yearly rate passes 1.3 times the loan prime rate
        is likely to be cut by a court (domain_standards E4)."""
        for standard in self:
            lpr = (standard.company_id or self.env.company).property_lpr_rate
            yearly = standard.rate * 365
            standard.late_fee_warning = (
                self.env._(
                    "This late fee is %(yearly).2f %% a year, more than 1.3 times "
                    "the loan prime rate (%(lpr).2f %%): courts usually reduce late "
                    "fees above that.",
                    yearly=yearly,
                    lpr=lpr,
                )
                if standard.fee_type_id.basis == "late_fee"
                and lpr
                and yearly > 1.3 * lpr
                else False
            )

    def _applies_to(self, unit, day):
        """Whether this version charges ``unit`` on ``day``."""
        self.ensure_one()
        return (
            (not self.use_type or self.use_type == unit.use_type)
            and self.date_from <= day
            and (not self.date_to or day <= self.date_to)
        )
