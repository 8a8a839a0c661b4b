# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyDeadlineBreach(models.Model):
    """A missed deadline (D-7, A5), recorded once per deadline (one cycle
    of one target of one record) by the deadline pass; supervisors record
    the cause for the periodic statistics (D-11)."""

    _name = "property.deadline.breach"
    _description = "Deadline Breach"
    _order = "date_breached desc, id desc"

    deadline_id = fields.Many2one(
        "property.deadline", required=True, index=True, ondelete="cascade"
    )
    res_model = fields.Char(related="deadline_id.res_model", string="Model", store=True)
    res_id = fields.Many2oneReference(
        related="deadline_id.res_id",
        string="Record ID",
        model_field="res_model",
        store=True,
    )
    record_name = fields.Char(related="deadline_id.name", string="Record")
    ticket_id = fields.Many2one(related="deadline_id.ticket_id", store=True, index=True)
    project_id = fields.Many2one(related="deadline_id.project_id", store=True)
    company_id = fields.Many2one(related="deadline_id.company_id", store=True)
    department_id = fields.Many2one(related="deadline_id.department_id", store=True)
    category_id = fields.Many2one(related="ticket_id.category_id", store=True)
    severity_id = fields.Many2one(related="ticket_id.severity_id", store=True)
    user_id = fields.Many2one(related="deadline_id.user_id", string="Responsible")
    target = fields.Selection(related="deadline_id.target", store=True)
    cycle = fields.Integer(related="deadline_id.cycle", store=True)
    date_deadline = fields.Datetime(string="Due At", required=True)
    date_breached = fields.Datetime(required=True, default=fields.Datetime.now)
    cause = fields.Text(help="Why the promise was not kept.")

    _sql_constraints = [
        (
            "deadline_uniq",
            "unique(deadline_id)",
            "A deadline is breached only once.",
        )
    ]

    def action_open_record(self):
        """Open the record that owes the deadline."""
        self.ensure_one()
        return self.deadline_id.action_open_record()
