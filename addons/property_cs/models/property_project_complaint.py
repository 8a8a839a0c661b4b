# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMPLAINT_SEVERITY_KEYS = ("minor", "serious", "critical")


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
    # what the project form shows and edits: the days that apply
    complaint_reply_days_minor_effective = fields.Integer(
        string="Minor Complaint Reply Days",
        compute="_compute_complaint_reply_days_effective",
        inverse="_inverse_complaint_reply_days_effective",
        help="Calendar days to reply to a minor complaint in this project: "
        "the company's unless the project sets its own.",
    )
    complaint_reply_days_serious_effective = fields.Integer(
        string="Serious Complaint Reply Days",
        compute="_compute_complaint_reply_days_effective",
        inverse="_inverse_complaint_reply_days_effective",
        help="Calendar days to reply to a serious complaint in this project: "
        "the company's unless the project sets its own.",
    )
    complaint_reply_days_critical_effective = fields.Integer(
        string="Critical Complaint Reply Days",
        compute="_compute_complaint_reply_days_effective",
        inverse="_inverse_complaint_reply_days_effective",
        help="Calendar days to reply to a critical complaint in this project: "
        "the company's unless the project sets its own.",
    )
    complaint_reply_days_is_company = fields.Boolean(
        string="Company Reply Days",
        compute="_compute_complaint_reply_days_effective",
        help="No severity has project-specific days: the company's apply.",
    )
    complaint_form_url = fields.Char(
        string="Public Complaint Form",
        compute="_compute_complaint_form_url",
        help="Link to publish (e.g. as a QR code in the lobby): anyone may "
        "complain without logging in.",
    )

    @api.depends(
        "company_id.property_complaint_reply_days_minor",
        "company_id.property_complaint_reply_days_serious",
        "company_id.property_complaint_reply_days_critical",
        "complaint_reply_days_minor",
        "complaint_reply_days_serious",
        "complaint_reply_days_critical",
    )
    def _compute_complaint_reply_days_effective(self):
        """The project's days per severity, else the company's (the same
        fallback as the complaint's reply deadline)."""
        for project in self:
            company = project.company_id or self.env.company
            for severity in COMPLAINT_SEVERITY_KEYS:
                project[f"complaint_reply_days_{severity}_effective"] = (
                    project[f"complaint_reply_days_{severity}"]
                    or company[f"property_complaint_reply_days_{severity}"]
                )
            project.complaint_reply_days_is_company = not any(
                project[f"complaint_reply_days_{severity}"]
                for severity in COMPLAINT_SEVERITY_KEYS
            )

    def _inverse_complaint_reply_days_effective(self):
        """Days equal to the company's keep following the company (0);
        other days are the project's own."""
        for project in self:
            company = project.company_id or self.env.company
            vals = {}
            for severity in COMPLAINT_SEVERITY_KEYS:
                days = project[f"complaint_reply_days_{severity}_effective"]
                own = (
                    0
                    if days == company[f"property_complaint_reply_days_{severity}"]
                    else days
                )
                if own != project[f"complaint_reply_days_{severity}"]:
                    vals[f"complaint_reply_days_{severity}"] = own
            if vals:
                project.write(vals)

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
