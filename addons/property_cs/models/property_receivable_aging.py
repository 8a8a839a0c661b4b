# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

AGING_BUCKETS = [
    ("not_due", "Not Due"),
    ("1_30", "1-30 Days"),
    ("31_90", "31-90 Days"),
    ("91_180", "91-180 Days"),
    ("181_365", "181-365 Days"),
    ("over_365", "Over 365 Days"),
]


class PropertyReceivableAging(models.Model):
    """Aged receivables of the property fees (D-21): one row per open
    receivable journal item of a posted bill that carries a unit, aged by
    the days past its due date as of today, in the company currency.
    Finance and customer service read the same rows: staff their projects,
    head office all."""

    _name = "property.receivable.aging"
    _description = "Aged Receivable"
    _inherit = "property.sql.report"
    _auto = False
    _order = "days_overdue desc, id"
    _rec_name = "move_id"
    # written before the view is read
    _depends = {
        "account.move.line": [
            "account_id",
            "amount_residual",
            "company_currency_id",
            "company_id",
            "date",
            "date_maturity",
            "invoice_date",
            "move_id",
            "parent_state",
            "partner_id",
            "property_project_id",
            "property_unit_id",
        ],
        "account.account": ["account_type"],
        "property.unit": ["building_id", "project_id"],
    }

    unit_id = fields.Many2one("property.unit", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Payer", readonly=True)
    move_id = fields.Many2one("account.move", string="Bill", readonly=True)
    date = fields.Date(string="Bill Date", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(
        readonly=True,
        aggregator="max",
        help="Days past the due date as of today; zero or less: not due yet.",
    )
    bucket = fields.Selection(AGING_BUCKETS, string="Age", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    amount_not_due = fields.Monetary(string="Not Due Yet", readonly=True)
    amount_1_30 = fields.Monetary(string="1-30", readonly=True)
    amount_31_90 = fields.Monetary(string="31-90", readonly=True)
    amount_91_180 = fields.Monetary(string="91-180", readonly=True)
    amount_181_365 = fields.Monetary(string="181-365", readonly=True)
    amount_over_365 = fields.Monetary(string="Over 365", readonly=True)

    def _query(self):
        """SQL of the open receivable items of posted bills with a unit;
        the age and bucket are computed once, then spread over the
        columns."""
        buckets = ",\n".join(
            f"CASE WHEN aged.bucket = '{key}' THEN aged.amount_residual "
            f"ELSE 0.0 END AS amount_{key}"
            for key, _label in AGING_BUCKETS
        )
        return SQL(f"""
            WITH aged AS (
                SELECT line.id,
                       line.property_unit_id AS unit_id,
                       unit.building_id,
                       COALESCE(line.property_project_id, unit.project_id)
                           AS project_id,
                       line.company_id,
                       line.company_currency_id AS currency_id,
                       line.partner_id,
                       line.move_id,
                       COALESCE(line.invoice_date, line.date) AS date,
                       line.date_maturity,
                       age.days AS days_overdue,
                       line.amount_residual,
                       CASE
                           WHEN age.days <= 0 THEN 'not_due'
                           WHEN age.days <= 30 THEN '1_30'
                           WHEN age.days <= 90 THEN '31_90'
                           WHEN age.days <= 180 THEN '91_180'
                           WHEN age.days <= 365 THEN '181_365'
                           ELSE 'over_365'
                       END AS bucket
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                  JOIN property_unit unit ON unit.id = line.property_unit_id
                 CROSS JOIN LATERAL (
                       SELECT CURRENT_DATE - COALESCE(
                           line.date_maturity, line.invoice_date, line.date
                       ) AS days
                 ) age
                 WHERE account.account_type = 'asset_receivable'
                   AND line.parent_state = 'posted'
                   AND line.amount_residual != 0
            )
            SELECT aged.*,
                   {buckets}
              FROM aged
        """)

    @api.model
    def _overdue_as_of(self, project, day):
        """{(building id, bucket): amount} of the money of ``project`` past
        its due date at the end of ``day`` (D-21): what the rows of this
        view were that evening. An item counts if its entry is dated on or
        before ``day``; its rest is its amount less the matches dated on or
        before ``day`` (a match's date is the later of its two items', as
        Odoo's own aged reports read it: a payment or a bill of a later day
        changes nothing); its age is ``day`` less its due date, in the same
        buckets. Read for a project the user reads (the rows of the view
        follow the project's access)."""
        self.check_access("read")
        project.check_access("read")
        buckets = "\n".join(
            f"WHEN item.days <= {limit} THEN '{key}'"
            for key, limit in (
                ("not_due", 0),
                ("1_30", 30),
                ("31_90", 90),
                ("91_180", 180),
                ("181_365", 365),
            )
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                f"""
                WITH item AS (
                    SELECT unit.building_id,
                           line.balance
                           - COALESCE((
                               SELECT SUM(partial.amount)
                                 FROM account_partial_reconcile partial
                                WHERE partial.debit_move_id = line.id
                                  AND partial.max_date <= %(day)s
                           ), 0)
                           + COALESCE((
                               SELECT SUM(partial.amount)
                                 FROM account_partial_reconcile partial
                                WHERE partial.credit_move_id = line.id
                                  AND partial.max_date <= %(day)s
                           ), 0) AS residual,
                           %(day)s::date - COALESCE(
                               line.date_maturity, line.invoice_date, line.date
                           ) AS days
                      FROM account_move_line line
                      JOIN account_account account ON account.id = line.account_id
                      JOIN property_unit unit ON unit.id = line.property_unit_id
                     WHERE account.account_type = 'asset_receivable'
                       AND line.parent_state = 'posted'
                       AND line.date <= %(day)s
                       AND COALESCE(line.property_project_id, unit.project_id)
                           = %(project)s
                )
                SELECT item.building_id,
                       CASE {buckets} ELSE 'over_365' END AS bucket,
                       SUM(item.residual)
                  FROM item
                 WHERE item.residual != 0
                 GROUP BY 1, 2
                """,
                day=day,
                project=project.id,
            )
        )
        return {
            (building_id, bucket): amount
            for building_id, bucket, amount in self.env.cr.fetchall()
        }

    def action_open_move(self):
        """Drill down from an aged item to its bill (invoice form); staff
        who cannot read bills are told to ask finance."""
        self.ensure_one()
        move = self.move_id
        if not move.has_access("read"):
            raise UserError(
                self.env._(
                    "Only finance opens the bills: ask them about %(bill)s.",
                    bill=move.sudo().display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": move.display_name,
            "res_model": "account.move",
            "res_id": move.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.view_move_form").id, "form")],
            "context": {"create": False},
        }
