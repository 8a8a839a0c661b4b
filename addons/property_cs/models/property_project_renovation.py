# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# inspection cadence in days per service grade (domain_standards D7)
INSPECTION_DAYS_BY_GRADE = {"1": 1, "2": 3, "3": 7}


class PropertyProject(models.Model):
    """A project's renovation settings (D-20): the rules applicants
    acknowledge, the deposit and fee, the inspection cadence."""

    _inherit = "property.project"

    renovation_rules = fields.Html(
        translate=True,
        help="The project's renovation rules in full (working hours, waste "
        "removal, deposit terms, liabilities), shown to the applicant before "
        "signing.",
    )
    renovation_working_hours = fields.Char(
        translate=True,
        help="Printed on the permit and the building notice, e.g. "
        "working days 08:00-12:00 and 14:00-18:00.",
    )
    # inspections, rectification and warranty (renoworks)
    renovation_service_grade = fields.Selection(
        [("1", "Grade 1"), ("2", "Grade 2"), ("3", "Grade 3")],
        string="Service Grade",
        default="2",
        help="The project's property-service grade; it sets the default "
        "inspection cadence: grade 1 daily, grade 2 every 3 days, grade 3 "
        "weekly.",
    )
    renovation_inspection_days = fields.Integer(
        string="Inspect Every (days)",
        compute="_compute_renovation_inspection_days",
        store=True,
        readonly=False,
        help="Days between two patrols of each renovation under way.",
    )
    renovation_inspection_department_id = fields.Many2one(
        "property.department",
        string="Inspecting Department",
        domain="[('kind', 'in', ('security', 'engineering')), "
        "'|', ('project_id', '=', False), ('project_id', '=', id)]",
        help="Its leader (or first member) inspects when no inspector is set.",
    )
    renovation_inspector_id = fields.Many2one(
        "res.users",
        string="Inspector",
        domain="[('share', '=', False)]",
        help="Gets the patrols of this project's renovations.",
    )
    renovation_rectification_days = fields.Integer(
        string="Rectification Period (days)",
        default=3,
        help="Default time given to rectify a violation.",
    )
    renovation_rectification_warning_hours = fields.Integer(
        string="Rectification Warning (hours)",
        default=24,
        help="Hours before a rectification deadline the inspector is warned.",
    )
    renovation_rectification_manager_hours = fields.Integer(
        string="Escalate Overdue Rectification After (hours)",
        default=0,
        help="Hours after a missed rectification deadline the project manager is told.",
    )
    renovation_warranty_years = fields.Integer(
        string="Renovation Warranty (years)",
        default=2,
        help="Warranty of the renovation works from the acceptance date.",
    )
    renovation_waterproof_warranty_years = fields.Integer(
        string="Waterproofing Warranty (years)",
        default=5,
        help="Warranty of the waterproofing of kitchens, bathrooms, "
        "balconies and exterior walls from the acceptance date.",
    )

    @api.depends("renovation_service_grade")
    def _compute_renovation_inspection_days(self):
        """The cadence follows the grade until someone sets it (D7)."""
        for project in self:
            project.renovation_inspection_days = INSPECTION_DAYS_BY_GRADE.get(
                project.renovation_service_grade, 3
            )

    def _renovation_inspector(self):
        """Who inspects this project's renovations: the inspector set on
        the project, else the inspecting department's leader or first
        member."""
        self.ensure_one()
        department = self.renovation_inspection_department_id
        return (
            self.renovation_inspector_id
            or department.leader_id
            or department.member_ids[:1]
        )
    # application part: what the applicant reads before signing (D-20,
    # domain_standards D2)
    renovation_waste_rules = fields.Html(
        string="Waste Removal",
        translate=True,
        help="Where renovation waste is stacked, when and how it is removed "
        "and what removal costs; shown to the applicant before signing.",
    )
    renovation_deposit_terms = fields.Html(
        string="Deposit Terms",
        translate=True,
        help="How the renovation deposit is collected, deducted and refunded; "
        "shown to the applicant before signing.",
    )
