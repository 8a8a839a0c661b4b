# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models, tools
from odoo.tools import SQL


class PropertySqlReport(models.AbstractModel):
    """The base of the reports that are SQL views (the collection rate, the
    receivable ageing, the events' plan against actual and participation).

    * The view is (re)made from ``_query()`` when the addon is installed or
      updated.
    * The ratio fields of ``_property_ratios`` (``{field: (numerator,
      denominator, factor)}``) are, for a group of rows, the ratio of the
      group's sums whatever aggregate the client asks (avg, sum, max...):
      the pivot, the graph, the grouped list and the totals show the true
      ratio of the group, never an average of ratios."""

    _name = "property.sql.report"
    _description = "Report from an SQL View"
    _auto = False
    _property_ratios = {}

    def _query(self):
        """The SELECT of the view (an ``SQL``), with an ``id`` column."""
        raise NotImplementedError

    def init(self):
        """(Re)create the view (of each report, not of this base)."""
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        fname = aggregate_spec.split(":")[0]
        if fname in self._property_ratios and aggregate_spec != fname:
            numerator, denominator, factor = self._property_ratios[fname]
            return SQL(
                "%s * %s / NULLIF(%s, 0)",
                super()._read_group_select(f"{numerator}:sum", query),
                factor,
                super()._read_group_select(f"{denominator}:sum", query),
            )
        return super()._read_group_select(aggregate_spec, query)
