# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

REPORT_XMLID = "property_cs.property_project_report_collection_monthly"


class PropertyCollectionReportWizard(models.TransientModel):
    """Print the monthly collection report (收缴月报) of projects for a
    month: last month by default."""

    _name = "property.collection.report.wizard"
    _description = "Monthly Collection Report"

    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        required=True,
        default=lambda self: self._default_project_ids(),
    )
    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        help="Any day of the month to report on.",
    )

    @api.model
    def _default_project_ids(self):
        """The projects selected in the list, else every project the user
        reads."""
        if self.env.context.get("active_model") == "property.project":
            return self.env.context.get("active_ids") or []
        return self.env["property.project"].search([]).ids

    @api.model
    def _default_month(self):
        """The first day of last month, in the company's calendar."""
        today = self.env["property.unit.partner"]._property_today()
        return today.replace(day=1) - relativedelta(months=1)

    def action_print(self):
        """The report of the chosen projects for the chosen month."""
        self.ensure_one()
        if not self.project_ids:
            raise UserError(self.env._("Choose at least one project."))
        return self.env.ref(REPORT_XMLID).report_action(
            self.project_ids,
            data={"month": fields.Date.to_string(self.month.replace(day=1))},
        )
