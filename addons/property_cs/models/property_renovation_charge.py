# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyRenovationCharge(models.Model):
    """What a scope item adds to a permit's deposit and management fee in
    a project (D-20, domain_standards D6): the project's base amounts
    apply to every permit; structural works or waterproofing usually add
    to the deposit. The deposit of a dwelling stays within the project's
    cap whatever the scope."""

    _name = "property.renovation.charge"
    _description = "Renovation Charge by Scope"
    _order = "project_id, scope_id"

    project_id = fields.Many2one(
        "property.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="project_id.renovation_currency_id")
    scope_id = fields.Many2one(
        "property.renovation.scope",
        string="Scope Item",
        required=True,
        ondelete="restrict",
    )
    deposit_amount = fields.Monetary(
        string="Extra Deposit",
        help="Added to the base deposit when the permit's scope has this item.",
    )
    fee_amount = fields.Monetary(
        string="Extra Management Fee",
        help="Added to the management fee when the permit's scope has this item.",
    )

    _sql_constraints = [
        (
            "project_scope_unique",
            "unique(project_id, scope_id)",
            "A scope item has one charge per project.",
        )
    ]

    @api.constrains("deposit_amount", "fee_amount")
    def _check_deposit_cap(self):
        """No configured deposit exceeds the project's cap (D6)."""
        for charge in self:
            if charge.deposit_amount < 0 or charge.fee_amount < 0:
                raise ValidationError(
                    self.env._("Renovation charges cannot be negative.")
                )
            cap = charge.project_id.renovation_deposit_cap
            if cap and charge.deposit_amount > cap:
                raise ValidationError(
                    self.env._(
                        "The extra deposit %(amount)s for %(scope)s is above "
                        "the cap of %(cap)s per dwelling.",
                        amount=charge.deposit_amount,
                        scope=charge.scope_id.display_name,
                        cap=cap,
                    )
                )
