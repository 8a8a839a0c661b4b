# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """The ages that make a household one "with children" or "with elderly
    members" (D-30): events for children or the elderly, invitations to
    such households and the participation report."""

    _inherit = "res.company"

    property_event_child_age = fields.Integer(
        string="Children Under (Age)",
        default=14,
        help="A household member younger than this is a child: the household "
        "is one with children. 0: no household counts as one with children.",
    )
    property_event_elderly_age = fields.Integer(
        string="Elderly From (Age)",
        default=60,
        help="A household member of this age or older is elderly: the "
        "household is one with elderly members. 0: none counts as such.",
    )

    @api.constrains("property_event_child_age", "property_event_elderly_age")
    def _check_property_event_ages(self):
        for company in self:
            child, elderly = (
                company.property_event_child_age,
                company.property_event_elderly_age,
            )
            if child < 0 or elderly < 0 or (child and elderly and child >= elderly):
                raise ValidationError(
                    self.env._(
                        "The child age must be below the elderly age, and "
                        "neither may be negative."
                    )
                )
