# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyDeadlinePause(models.Model):
    """A period during which a record waited (for the owner, for parts)
    and the clock of its deadlines stood still (D-7): opened by the
    deadline engine's pause with its reason, closed on resuming with the
    working minutes it lasted."""

    _name = "property.deadline.pause"
    _description = "Deadline Pause"
    _order = "date_start desc, id desc"

    res_model = fields.Char(string="Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True
    )
    ticket_id = fields.Many2one("property.ticket", index=True, ondelete="cascade")
    project_id = fields.Many2one("property.project", index=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date_start = fields.Datetime(required=True, default=fields.Datetime.now)
    date_end = fields.Datetime()
    reason = fields.Text(required=True)
    paused_minutes = fields.Integer(help="Working minutes the clock stood still.")

    def _working_minutes(self, now):
        """Working minutes of the project's calendar from the start to now."""
        self.ensure_one()
        if not self.project_id:
            return round((now - self.date_start).total_seconds() / 60)
        return self.project_id.sudo()._sla_working_minutes(self.date_start, now)
