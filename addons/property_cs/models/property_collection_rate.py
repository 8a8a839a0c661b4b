# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

COLLECTION_RATE_KINDS = [
    ("fee", "Periodic Fees"),
    ("service", "Paid Services"),
]


class PropertyCollectionRate(models.Model):
    """The collection rate (收缴率) of the fee bills (D-21): one row per
    company, project, month and kind of bill, in the company currency.

    * Billed: the posted customer invoices and credit notes of the fees
      (with a billing run or a unit), in the month of their invoice date;
      a credit note counts negative. Kind: "fee" for the bills of a
      billing run, "service" for the other bills of a unit (paid services).
    * Collected: the cash matched to those bills (account.partial.reconcile
      between a bill's receivable item and the item of a payment or of a
      bank statement line), in the month of the match's date (the later of
      the two items' dates: when the money and the bill met). Money paid
      back on a credit note counts negative. A credit note matched to an
      invoice is not cash: it lowers the billed amount, not the collection.
    * Current: the bill's invoice date is in the calendar year of the
      collection; arrears: the bill is of an earlier year (往年欠费).
    * Rate: collected current / billed, in per cent, of the same rows.

    The rate of a group of rows (pivot, graph, grouped list, totals) is
    the ratio of the group's sums, computed in SQL by
    ``_read_group_select`` whatever aggregate the client asks for: an
    average (or sum) of monthly rates would be wrong as soon as the months
    bill different amounts. A plain view, not a materialised one, so that
    a payment shows at once; it reads the indexed columns of the bills
    (``property_billing_run_id``, ``property_unit_id``) and of the partials
    (``debit_move_id``, ``credit_move_id``); its rows are keyed by company,
    project, month and kind (the id encodes them)."""

    _name = "property.collection.rate"
    _description = "Collection Rate"
    _inherit = "property.sql.report"
    _auto = False
    # the rate of a group: its collected current over its billed
    _property_ratios = {"rate": ("collected_current", "billed", 100.0)}
    _order = "date desc, project_id, kind"
    _rec_name = "project_id"
    # written before the view is read
    _depends = {
        "account.move": [
            "amount_total_signed",
            "company_id",
            "date",
            "invoice_date",
            "move_type",
            "origin_payment_id",
            "property_billing_run_id",
            "property_project_id",
            "property_renovation_id",
            "property_unit_id",
            "state",
            "statement_line_id",
        ],
        "account.move.line": ["move_id"],
        "account.partial.reconcile": [
            "amount",
            "credit_move_id",
            "debit_move_id",
            "max_date",
        ],
        "property.unit": ["project_id"],
        "res.company": ["currency_id"],
    }

    date = fields.Date(string="Month", readonly=True)
    period = fields.Char(readonly=True, help="The month, as year-month.")
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    kind = fields.Selection(COLLECTION_RATE_KINDS, readonly=True)
    billed = fields.Monetary(
        readonly=True,
        help="Fee bills of the month less their credit notes.",
    )
    collected_current = fields.Monetary(
        string="Collected (This Year)",
        readonly=True,
        help="Money received in the month for bills of the same year.",
    )
    collected_arrears = fields.Monetary(
        string="Collected (Arrears)",
        readonly=True,
        help="Money received in the month for bills of earlier years.",
    )
    collected = fields.Monetary(
        readonly=True,
        help="All money received in the month for fee bills.",
    )
    rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        digits=(16, 2),
        aggregator="avg",
        help="Collected for bills of the year divided by billed, in per cent; "
        "for several rows, the ratio of their sums.",
    )

    def _query(self):
        """SQL of the rows: the bills and the cash matched to them, as
        signed movements, summed per company, project, month and kind."""
        return SQL("""
            WITH bill AS (
                -- the fee bills: posted invoices and credit notes of a
                -- billing run or of a unit
                SELECT move.id,
                       move.company_id,
                       COALESCE(move.property_project_id, unit.project_id)
                           AS project_id,
                       CASE WHEN move.property_billing_run_id IS NOT NULL
                            THEN 'fee' ELSE 'service' END AS kind,
                       COALESCE(move.invoice_date, move.date) AS bill_date,
                       move.amount_total_signed AS amount
                  FROM account_move move
                  LEFT JOIN property_unit unit ON unit.id = move.property_unit_id
                 WHERE move.state = 'posted'
                   AND move.move_type IN ('out_invoice', 'out_refund')
                   AND (move.property_billing_run_id IS NOT NULL
                        OR move.property_unit_id IS NOT NULL)
                   AND move.property_renovation_id IS NULL
            ),
            side AS (
                -- each match seen from both items: the bill on the debit
                -- side is paid (+), on the credit side paid back (-)
                SELECT partial.debit_move_id AS bill_line_id,
                       partial.credit_move_id AS cash_line_id,
                       partial.amount,
                       partial.max_date
                  FROM account_partial_reconcile partial
                 UNION ALL
                SELECT partial.credit_move_id,
                       partial.debit_move_id,
                       -partial.amount,
                       partial.max_date
                  FROM account_partial_reconcile partial
            ),
            collection AS (
                -- the cash matched to a bill: the other item belongs to a
                -- payment or a bank statement line
                SELECT bill.company_id,
                       bill.project_id,
                       bill.kind,
                       bill.bill_date,
                       side.max_date AS date,
                       side.amount
                  FROM side
                  JOIN account_move_line bill_line
                    ON bill_line.id = side.bill_line_id
                  JOIN bill ON bill.id = bill_line.move_id
                  JOIN account_move_line cash_line
                    ON cash_line.id = side.cash_line_id
                  JOIN account_move cash ON cash.id = cash_line.move_id
                 WHERE cash.origin_payment_id IS NOT NULL
                    OR cash.statement_line_id IS NOT NULL
            ),
            movement AS (
                SELECT company_id, project_id, kind, bill_date AS date,
                       amount AS billed,
                       0.0 AS collected_current,
                       0.0 AS collected_arrears
                  FROM bill
                 UNION ALL
                SELECT company_id, project_id, kind, date,
                       0.0,
                       CASE WHEN EXTRACT(YEAR FROM bill_date)
                                 >= EXTRACT(YEAR FROM date)
                            THEN amount ELSE 0.0 END,
                       CASE WHEN EXTRACT(YEAR FROM bill_date)
                                 < EXTRACT(YEAR FROM date)
                            THEN amount ELSE 0.0 END
                  FROM collection
            ),
            monthly AS (
                SELECT company_id,
                       project_id,
                       kind,
                       DATE_TRUNC('month', date)::date AS date,
                       SUM(billed) AS billed,
                       SUM(collected_current) AS collected_current,
                       SUM(collected_arrears) AS collected_arrears
                  FROM movement
                 GROUP BY company_id, project_id, kind,
                          DATE_TRUNC('month', date)
            )
            SELECT -- company, project, month and kind make the key
                   ((monthly.company_id::bigint * 1000000
                     + monthly.project_id) * 100000
                    + EXTRACT(YEAR FROM monthly.date)::int * 12
                    + EXTRACT(MONTH FROM monthly.date)::int - 1) * 10
                   + CASE monthly.kind WHEN 'fee' THEN 1 ELSE 2 END AS id,
                   monthly.company_id,
                   company.currency_id,
                   monthly.project_id,
                   monthly.kind,
                   monthly.date,
                   TO_CHAR(monthly.date, 'YYYY-MM') AS period,
                   monthly.billed,
                   monthly.collected_current,
                   monthly.collected_arrears,
                   monthly.collected_current + monthly.collected_arrears
                       AS collected,
                   monthly.collected_current * 100.0
                       / NULLIF(monthly.billed, 0) AS rate
              FROM monthly
              JOIN res_company company ON company.id = monthly.company_id
        """)

    def _rate_totals(self, domain):
        """(billed, collected current, collected arrears, rate) of the rows
        of ``domain``, read with the user's rights; no rate (None) when
        nothing was billed."""
        [(billed, current, arrears, rate)] = self._read_group(
            domain,
            [],
            [
                "billed:sum",
                "collected_current:sum",
                "collected_arrears:sum",
                "rate:sum",
            ],
        )
        return billed or 0.0, current or 0.0, arrears or 0.0, rate if billed else None
