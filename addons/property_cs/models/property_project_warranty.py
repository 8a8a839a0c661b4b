# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """A project's settings for warranty defects passed to the developer
    (D-19, D-22): the days given to repair by severity, and when the
    follower is warned and the project manager and head office are told."""

    _inherit = "property.project"

    warranty_days_critical = fields.Integer(
        string="Critical Defect Repair (days)",
        default=3,
        help="Days the developer is given to repair a critical defect "
        "(leaks, safety) from the hand-off.",
    )
    warranty_days_major = fields.Integer(
        string="Major Defect Repair (days)",
        default=7,
        help="Days the developer is given to repair a major defect.",
    )
    warranty_days_minor = fields.Integer(
        string="Minor Defect Repair (days)",
        default=15,
        help="Days the developer is given to repair a minor defect.",
    )
    warranty_warning_days = fields.Integer(
        string="Warn Before Due (days)",
        default=2,
        help="Days before the repair is due the follower is warned (at most "
        "half the time given).",
    )
    warranty_manager_days = fields.Integer(
        string="Project Manager After (days)",
        default=3,
        help="Days after the due date an unrepaired defect goes to the "
        "project manager.",
    )
    warranty_head_office_days = fields.Integer(
        string="Head Office After (days)",
        default=0,
        help="Days after the due date an unrepaired defect goes to head "
        "office; 0 turns this step off.",
    )
    warranty_defect_count = fields.Integer(
        string="Open Defects", compute="_compute_warranty_defect_count"
    )

    @api.constrains(
        "warranty_days_critical",
        "warranty_days_major",
        "warranty_days_minor",
        "warranty_warning_days",
        "warranty_manager_days",
        "warranty_head_office_days",
    )
    def _check_warranty_days(self):
        for project in self:
            if (
                min(
                    project.warranty_days_critical,
                    project.warranty_days_major,
                    project.warranty_days_minor,
                )
                < 1
            ):
                raise ValidationError(
                    self.env._("The developer is given at least one day to repair.")
                )
            if (
                min(
                    project.warranty_warning_days,
                    project.warranty_manager_days,
                    project.warranty_head_office_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("The warning and escalation days cannot be negative.")
                )

    @api.depends_context("uid")
    def _compute_warranty_defect_count(self):
        counts = dict(
            self.env["property.warranty.defect"]._read_group(
                [("project_id", "in", self.ids), ("state", "=", "handed")],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.warranty_defect_count = counts.get(project, 0)

    def action_view_warranty_defects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_warranty_defect_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action
