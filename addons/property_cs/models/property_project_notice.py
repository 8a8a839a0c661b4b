# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """The notice settings of a project (issue 14, domain_standards B3) and
    its publicity calendar."""

    _inherit = "property.project"

    notice_min_display_days = fields.Integer(
        string="Minimum Notice Display (Days)",
        default=30,
        help="A public notice stays on display at least this many days "
        "(display until ≥ display from + this number).",
    )
    notice_outage_call_hours = fields.Integer(
        string="Outage Call Lead Time (Hours)",
        default=24,
        help="The special-needs and life-support households of the buildings "
        "are called at least this many hours before a planned outage.",
    )
    notice_reminder_days = fields.Integer(
        string="Publicity Reminder (Days)",
        default=30,
        help="The project manager gets a to-do this many days before a "
        "publicity item is due (0: only once it is overdue).",
    )
    notice_calendar_ids = fields.One2many(
        "property.notice.calendar", "project_id", string="Publicity Calendar"
    )
    notice_stale_count = fields.Integer(
        compute="_compute_notice_stale_count", string="Stale Publicity Items"
    )

    @api.constrains(
        "notice_min_display_days", "notice_outage_call_hours", "notice_reminder_days"
    )
    def _check_notice_settings(self):
        for project in self:
            if project.notice_min_display_days < 1:
                raise ValidationError(
                    self.env._("The minimum display period is at least one day.")
                )
            if project.notice_reminder_days < 0:
                raise ValidationError(
                    self.env._("The publicity reminder cannot be negative.")
                )
            if project.notice_outage_call_hours < 0:
                raise ValidationError(
                    self.env._("The outage call lead time cannot be negative.")
                )

    def _compute_notice_stale_count(self):
        data = dict(
            self.env["property.notice.calendar"]._read_group(
                [("project_id", "in", self.ids), ("is_stale", "=", True)],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.notice_stale_count = data.get(project, 0)

    def action_view_notice_calendar(self):
        self.ensure_one()
        self.env["property.notice.calendar"].sudo()._ensure_entries(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_notice_calendar_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
