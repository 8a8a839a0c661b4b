# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """A project's own complaint reply days per severity, for projects under
    another city's rule than the company's (domain_standards A5 is the
    Hangzhou rule: 10 days); 0 keeps the company's days."""

    _inherit = "property.project"

    complaint_reply_days_minor = fields.Integer(
        string="Reply Days (Minor)",
        help="Calendar days to reply to a minor complaint; 0 uses the company's.",
    )
    complaint_reply_days_serious = fields.Integer(
        string="Reply Days (Serious)",
        help="Calendar days to reply to a serious complaint; 0 uses the company's.",
    )
    complaint_reply_days_critical = fields.Integer(
        string="Reply Days (Critical)",
        help="Calendar days to reply to a critical complaint; 0 uses the company's.",
    )
    complaint_form_url = fields.Char(
        string="Public Complaint Form",
        compute="_compute_complaint_form_url",
        help="Link to publish (e.g. as a QR code in the lobby): anyone may "
        "complain without logging in.",
    )

    def _compute_complaint_form_url(self):
        for project in self:
            project.complaint_form_url = (
                f"{project.get_base_url()}/complaint/{project.id}"
                if project.id
                else False
            )

    @api.constrains(
        "complaint_reply_days_minor",
        "complaint_reply_days_serious",
        "complaint_reply_days_critical",
    )
    def _check_complaint_reply_days(self):
        for project in self:
            if (
                min(
                    project.complaint_reply_days_minor,
                    project.complaint_reply_days_serious,
                    project.complaint_reply_days_critical,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Complaint reply days cannot be negative.")
                )
