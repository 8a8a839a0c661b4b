# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# inspection cadence in days per service grade (domain_standards D7)
INSPECTION_DAYS_BY_GRADE = {"1": 1, "2": 3, "3": 7}


class PropertyProject(models.Model):
    """A project's renovation settings (D-20): the rules applicants
    acknowledge, the deposit and fee, the inspection cadence."""

    _inherit = "property.project"

    renovation_rules = fields.Html(
        translate=True,
        help="The project's renovation rules in full (working hours, waste "
        "removal, deposit terms, liabilities), shown to the applicant before "
        "signing.",
    )
    renovation_working_hours = fields.Char(
        translate=True,
        help="Printed on the permit and the building notice, e.g. "
        "working days 08:00-12:00 and 14:00-18:00.",
    )
    # inspections, rectification and warranty (renoworks)
    renovation_service_grade = fields.Selection(
        [("1", "Grade 1"), ("2", "Grade 2"), ("3", "Grade 3")],
        string="Service Grade",
        default="2",
        help="The project's property-service grade; it sets the default "
        "inspection cadence: grade 1 daily, grade 2 every 3 days, grade 3 "
        "weekly.",
    )
    renovation_inspection_days = fields.Integer(
        string="Inspect Every (days)",
        compute="_compute_renovation_inspection_days",
        store=True,
        readonly=False,
        help="Days between two patrols of each renovation under way.",
    )
    renovation_inspection_department_id = fields.Many2one(
        "property.department",
        string="Inspecting Department",
        domain="[('kind', 'in', ('security', 'engineering')), "
        "'|', ('project_id', '=', False), ('project_id', '=', id)]",
        help="Its leader (or first member) inspects when no inspector is set.",
    )
    renovation_inspector_id = fields.Many2one(
        "res.users",
        string="Inspector",
        domain="[('share', '=', False)]",
        help="Gets the patrols of this project's renovations.",
    )
    renovation_rectification_days = fields.Integer(
        string="Rectification Period (days)",
        default=3,
        help="Default time given to rectify a violation.",
    )
    renovation_rectification_warning_hours = fields.Integer(
        string="Rectification Warning (hours)",
        default=24,
        help="Hours before a rectification deadline the inspector is warned.",
    )
    renovation_rectification_manager_hours = fields.Integer(
        string="Escalate Overdue Rectification After (hours)",
        default=0,
        help="Hours after a missed rectification deadline the project manager is told.",
    )
    renovation_warranty_years = fields.Integer(
        string="Renovation Warranty (years)",
        default=2,
        help="Warranty of the renovation works from the acceptance date.",
    )
    renovation_waterproof_warranty_years = fields.Integer(
        string="Waterproofing Warranty (years)",
        default=5,
        help="Warranty of the waterproofing of kitchens, bathrooms, "
        "balconies and exterior walls from the acceptance date.",
    )

    @api.depends("renovation_service_grade")
    def _compute_renovation_inspection_days(self):
        """The cadence follows the grade until someone sets it (D7)."""
        for project in self:
            project.renovation_inspection_days = INSPECTION_DAYS_BY_GRADE.get(
                project.renovation_service_grade, 3
            )

    def _renovation_inspector(self):
        """Who inspects this project's renovations: the inspector set on
        the project, else the inspecting department's leader or first
        member."""
        self.ensure_one()
        department = self.renovation_inspection_department_id
        return (
            self.renovation_inspector_id
            or department.leader_id
            or department.member_ids[:1]
        )

    # application part: what the applicant reads before signing (D-20,
    # domain_standards D2)
    renovation_waste_rules = fields.Html(
        string="Waste Removal",
        translate=True,
        help="Where renovation waste is stacked, when and how it is removed "
        "and what removal costs; shown to the applicant before signing.",
    )
    renovation_deposit_terms = fields.Html(
        string="Deposit Terms",
        translate=True,
        help="How the renovation deposit is collected, deducted and refunded; "
        "shown to the applicant before signing.",
    )

    # -- deposit and fee (renodep) -------------------------------------
    renovation_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Renovation Currency"
    )
    renovation_deposit_base = fields.Monetary(
        string="Base Renovation Deposit",
        currency_field="renovation_currency_id",
        help="Deposit of every renovation permit of the project; the scope "
        "items of the permit may add to it (Renovation Charges).",
    )
    renovation_deposit_cap = fields.Monetary(
        string="Deposit Cap per Dwelling",
        currency_field="renovation_currency_id",
        default=2000.0,
        help="The deposit of a dwelling never exceeds this amount, whatever "
        "its scope; no configured amount may exceed it.",
    )
    renovation_fee_base = fields.Monetary(
        string="Renovation Management Fee",
        currency_field="renovation_currency_id",
        help="Management fee of every renovation permit; 0: the project "
        "charges no fee (unless its area rate or a scope item adds one).",
    )
    renovation_fee_per_area = fields.Float(
        string="Management Fee per m²",
        digits=(16, 2),
        help="Added to the fee for each m² of the unit's gross floor area.",
    )
    renovation_charge_ids = fields.One2many(
        "property.renovation.charge",
        "project_id",
        string="Renovation Charges by Scope",
    )
    renovation_fee_account_id = fields.Many2one(
        "account.account",
        string="Management Fee Income Account",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        check_company=True,
        help="Income account of the renovation management fee; empty: the "
        "sales journal's default account.",
    )
    renovation_deposit_account_id = fields.Many2one(
        "account.account",
        string="Deposit Liability Account",
        domain="[('account_type', '=', 'liability_current')]",
        check_company=True,
        help="Current liability where the deposits are held until refunded: "
        "the deposit belongs to the renovator, never to the income.",
    )
    renovation_deposit_journal_id = fields.Many2one(
        "account.journal",
        string="Deposit Journal",
        domain="[('type', '=', 'sale')]",
        check_company=True,
        help="Sales journal used only for the project's renovation deposits, "
        "their deductions and refunds: the deposits are kept apart from the "
        "operating income.",
    )
    renovation_deposit_bank_journal_id = fields.Many2one(
        "account.journal",
        string="Deposit Bank Account",
        domain="[('type', 'in', ('bank', 'cash'))]",
        check_company=True,
        help="Bank or cash journal of the account the deposits are kept in; "
        "refunds are paid from it.",
    )
    renovation_refund_days = fields.Integer(
        string="Deposit Refund Delay (days)",
        default=90,
        help="Days after the completion acceptance when the rest of the "
        "deposit falls due for refund.",
    )
    renovation_deduction_account_id = fields.Many2one(
        "account.account",
        string="Deduction Income Account",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        check_company=True,
        help="Income account credited by the deductions from a deposit.",
    )

    @api.constrains("renovation_deposit_base", "renovation_deposit_cap")
    def _check_renovation_deposit_cap(self):
        """A configured deposit never exceeds the cap per dwelling (D6)."""
        for project in self:
            if (
                project.renovation_deposit_cap < 0
                or project.renovation_deposit_base < 0
            ):
                raise ValidationError(
                    self.env._("Renovation deposits and their cap cannot be negative.")
                )
            if (
                project.renovation_deposit_cap
                and project.renovation_deposit_base > project.renovation_deposit_cap
            ):
                raise ValidationError(
                    self.env._(
                        "%(project)s: the base renovation deposit %(amount)s is "
                        "above the cap of %(cap)s per dwelling.",
                        project=project.display_name,
                        amount=project.renovation_deposit_base,
                        cap=project.renovation_deposit_cap,
                    )
                )
            project.renovation_charge_ids._check_deposit_cap()

    @api.constrains("renovation_deposit_journal_id", "fee_journal_id")
    def _check_renovation_deposit_journal(self):
        """The deposit journal holds deposits only: it is no project's fee
        journal (D6, deposits apart from operating income)."""
        journals = self.renovation_deposit_journal_id | self.fee_journal_id
        if not journals:
            return
        clash = self.search(
            [
                ("fee_journal_id", "in", journals.ids),
                (
                    "fee_journal_id",
                    "in",
                    self.search(
                        [("renovation_deposit_journal_id", "in", journals.ids)]
                    ).renovation_deposit_journal_id.ids,
                ),
            ],
            limit=1,
        )
        if clash:
            raise ValidationError(
                self.env._(
                    "The journal %(journal)s bills fees: choose a journal "
                    "used only for renovation deposits.",
                    journal=clash.fee_journal_id.display_name,
                )
            )

    def _renovation_fee_journal(self):
        """The sales journal of the renovation management fee: the fee
        journal of the project, else the company's first sales journal
        other than the deposit journal."""
        self.ensure_one()
        journal = self.fee_journal_id or self.env["account.journal"].search(
            [
                ("type", "=", "sale"),
                ("company_id", "=", self.company_id.id),
                ("id", "!=", self.renovation_deposit_journal_id.id),
            ],
            limit=1,
        )
        if not journal:
            raise UserError(self.env._("The company has no sales journal."))
        return journal

    def _renovation_deposit_settings(self):
        """The accounts and journal a deposit needs, or a clear error
        naming what is missing in the project's renovation settings."""
        self.ensure_one()
        missing = []
        if not self.renovation_deposit_account_id:
            missing.append(self.env._("the deposit liability account"))
        if not self.renovation_deposit_journal_id:
            missing.append(self.env._("the deposit journal"))
        if missing:
            raise UserError(
                self.env._(
                    "%(project)s cannot invoice renovation deposits: set "
                    "%(missing)s in the Renovation tab of the project.",
                    project=self.display_name,
                    missing=", ".join(missing),
                )
            )
        return self.renovation_deposit_journal_id, self.renovation_deposit_account_id
