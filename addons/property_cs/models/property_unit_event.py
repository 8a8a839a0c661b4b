# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models

# the people whose ages make a household "with children" or "with elderly
# members": everyone currently linked to the unit
HOUSEHOLD_ROLES = ("owner", "co_owner", "tenant", "household", "resident")
HOUSEHOLD_TYPES = [
    ("children", "With Children"),
    ("elderly", "With Elderly Members"),
    ("children_elderly", "With Children and Elderly Members"),
    ("other", "Other"),
]


class PropertyUnit(models.Model):
    """The household of a unit by the ages of its members (D-30): events for
    children or for the elderly, and the participation report by household
    type. The age limits are company settings (res_company_event.py)."""

    _inherit = "property.unit"

    def _property_household_flags(self, day=None):
        """``{unit: {"children": bool, "elderly": bool}}`` for the units of
        ``self`` on ``day`` (default today): whether anyone linked to the
        unit on that day (owner, co-owner, tenant, household member,
        resident) is younger than the company's child age, or at least its
        elderly age. Birthdays are read as superuser: only the flags come
        out. The same rule as the SQL of property.event.report."""
        day = day or fields.Date.context_today(self)
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", self.ids),
                    ("role", "in", HOUSEHOLD_ROLES),
                    ("date_start", "<=", day),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", day),
                ]
            )
        )
        flags = {unit: {"children": False, "elderly": False} for unit in self}
        for link in links:
            company = link.unit_id.company_id or self.env.company
            birth = link.partner_id.date_birth
            if not birth:
                continue
            unit = self.browse(link.unit_id.id)
            child_limit = day - relativedelta(years=company.property_event_child_age)
            elderly_limit = day - relativedelta(
                years=company.property_event_elderly_age
            )
            if company.property_event_child_age and birth > child_limit:
                flags[unit]["children"] = True
            if company.property_event_elderly_age and birth <= elderly_limit:
                flags[unit]["elderly"] = True
        return flags

    def _property_household_type(self, day=None):
        """``{unit: household type}`` (see HOUSEHOLD_TYPES) on ``day``."""
        result = {}
        for unit, flag in self._property_household_flags(day).items():
            if flag["children"] and flag["elderly"]:
                result[unit] = "children_elderly"
            elif flag["children"]:
                result[unit] = "children"
            elif flag["elderly"]:
                result[unit] = "elderly"
            else:
                result[unit] = "other"
        return result
