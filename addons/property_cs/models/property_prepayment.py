# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL


class PropertyPrepayment(models.Model):
    """The unused prepayment of each payer on each unit (domain_standards
    E6): the open credit of the unit's receivable items, what is refunded
    when the service contract ends. A row opens the refund, an outgoing
    payment to the payer that closes the credit once posted."""

    _name = "property.prepayment"
    _description = "Prepaid Fees"
    _auto = False
    _order = "project_id, unit_id"
    _rec_name = "unit_id"
    _depends = {
        "account.move.line": [
            "account_id",
            "amount_residual",
            "company_id",
            "parent_state",
            "partner_id",
            "property_project_id",
            "property_renovation_id",
            "property_unit_id",
            "reconciled",
        ],
    }

    unit_id = fields.Many2one("property.unit", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Payer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Prepaid", readonly=True)
    service_contract_end = fields.Date(
        related="project_id.service_contract_end", string="Contract Ends"
    )
    contract_ended = fields.Boolean(
        compute="_compute_contract_ended", search="_search_contract_ended"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS
                SELECT MIN(l.id) AS id,
                       l.property_unit_id AS unit_id,
                       u.building_id AS building_id,
                       l.property_project_id AS project_id,
                       l.partner_id AS partner_id,
                       l.company_id AS company_id,
                       -SUM(l.amount_residual) AS amount
                  FROM account_move_line l
                  JOIN account_account a ON a.id = l.account_id
                  JOIN property_unit u ON u.id = l.property_unit_id
                 WHERE l.parent_state = 'posted'
                   AND a.account_type = 'asset_receivable'
                   AND l.reconciled IS NOT TRUE
                   AND l.amount_residual < 0
                   AND l.property_renovation_id IS NULL
                 GROUP BY l.property_unit_id, u.building_id, l.property_project_id,
                          l.partner_id, l.company_id
                """,
                SQL.identifier(self._table),
            )
        )

    def _compute_contract_ended(self):
        today = self.env["property.unit.partner"]._property_today()
        for row in self:
            end = row.service_contract_end
            row.contract_ended = bool(end and end < today)

    def _search_contract_ended(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on ended contracts."))
        today = self.env["property.unit.partner"]._property_today()
        domain = [("project_id.service_contract_end", "<", today)]
        return domain if (operator == "=") == value else ["!", *domain]

    def action_refund(self):
        """Open the refund of this prepayment: a draft outgoing payment to
        the payer for the unit, which closes the credit when posted."""
        self.ensure_one()
        if self.amount <= 0:
            raise UserError(self.env._("Nothing is prepaid on this unit."))
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company_id.id)], limit=1
        )
        payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "customer",
                "partner_id": self.partner_id.id,
                "amount": self.amount,
                "journal_id": journal.id,
                "property_unit_id": self.unit_id.id,
                "memo": self.env._(
                    "Refund of prepaid fees, %s", self.unit_id.display_name
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": payment.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
