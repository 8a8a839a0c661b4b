# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
