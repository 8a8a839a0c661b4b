# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """A project's settings for the relations with its owners' committee
    (D-23, domain_standards G2, G5): the emergency decision period of the
    maintenance fund, the reply period of the document register and the
    contract calendar."""

    _inherit = "property.project"

    fund_emergency_decision_days = fields.Integer(
        string="Emergency Fund Decision (days)",
        default=7,
        help="Days the owners' committee has to decide on an emergency use "
        "of the special maintenance fund, from the submission.",
    )
    fund_emergency_warning_hours = fields.Integer(
        string="Warn Before the Emergency Decision Is Due (hours)",
        default=48,
        help="Hours before the committee's decision is due when the person "
        "in charge of the request is warned.",
    )
    register_reply_days = fields.Integer(
        string="Reply to Letters Within (days)",
        default=15,
        help="Default period to reply to an incoming letter that needs a reply.",
    )
    register_reply_warning_days = fields.Integer(
        string="Warn Before a Reply Is Due (days)",
        default=2,
        help="Days before a reply is due when the person in charge is warned.",
    )
    contract_report_cadence = fields.Selection(
        [("quarterly", "Quarterly"), ("half_yearly", "Half-Yearly")],
        string="Financial Report to the Committee",
        default="quarterly",
        required=True,
        help="How often the financial report is given to the owners' committee.",
    )
    contract_report_days = fields.Integer(
        string="Financial Report Due After (days)",
        default=15,
        help="Days after the end of a quarter or half-year by which its "
        "financial report is given.",
    )
    contract_renewal_months = fields.Integer(
        string="Start Renewal Talks (months before the end)",
        default=3,
        help="Months before the service contract ends when renewal talks with "
        "the owners' committee start.",
    )
    contract_filing_days = fields.Integer(
        string="File the Contract Within (days)",
        default=30,
        help="Days after signing by which the service contract is filed with "
        "the housing authority.",
    )
    contract_notice_lead_days = fields.Integer(
        string="Remind Notice Dates (days ahead)",
        default=14,
        help="Days ahead of a statutory notice date when it is reminded.",
    )

    @api.constrains(
        "fund_emergency_decision_days",
        "fund_emergency_warning_hours",
        "register_reply_days",
        "register_reply_warning_days",
        "contract_report_days",
        "contract_renewal_months",
        "contract_notice_lead_days",
        "contract_filing_days",
    )
    def _check_fundreg_settings(self):
        for project in self:
            if project.fund_emergency_decision_days < 1:
                raise ValidationError(
                    self.env._("The emergency decision period is at least one day.")
                )
            if project.register_reply_days < 1:
                raise ValidationError(
                    self.env._("The reply period of letters is at least one day.")
                )
            if project.contract_renewal_months < 1:
                raise ValidationError(
                    self.env._("Renewal talks start at least one month ahead.")
                )
            if (
                min(
                    project.fund_emergency_warning_hours,
                    project.register_reply_warning_days,
                    project.contract_report_days,
                    project.contract_notice_lead_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Warning and reminder periods cannot be negative.")
                )

    def _fundreg_responsible(self):
        """Who gets the to-dos of the committee relations of this project:
        its project manager, else the project managers assigned to it."""
        self.ensure_one()
        if self.manager_id.active:
            return self.manager_id
        group = self.env.ref(
            "property_cs.group_property_cs_manager", raise_if_not_found=False
        )
        users = group.sudo().users if group else self.env["res.users"]
        return users.filtered(lambda u: u.active and self in u.property_project_ids)[:1]
