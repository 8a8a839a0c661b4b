# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyBillingIssue(models.Model):
    """A unit a billing run could not bill, with the reason (no owner on
    record, no developer for an undelivered unit, ...). Fix the cause, then
    *Retry Failed Units* on the run; a unit billed on a retry closes it."""

    _name = "property.billing.issue"
    _description = "Billing Error"
    _order = "id desc"

    run_id = fields.Many2one(
        "property.billing.run", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="run_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    unit_id = fields.Many2one("property.unit", required=True, ondelete="cascade")
    message = fields.Text(string="Reason", required=True)
    state = fields.Selection(
        [("open", "To Fix"), ("resolved", "Billed")],
        default="open",
        required=True,
        index=True,
    )
