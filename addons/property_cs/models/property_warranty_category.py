# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools


class PropertyWarrantyCategory(models.Model):
    """A category of building work with its statutory warranty period
    (domain_standards D8; 建设工程质量管理条例 Art. 40): within the period
    from the unit's handover, a defect is the developer's to repair.

    The shipped categories (data/property_warranty_data.xml): the
    foundations and main structure for the design life (600 months here),
    waterproofing of roofs, rooms with water and exterior walls 60 months,
    heating and cooling two seasons (24 months), electrical, plumbing,
    equipment installation and decoration 24 months. The ticket categories
    listed on a warranty category decide which warranty a repair ticket of
    that category falls under."""

    _name = "property.warranty.category"
    _description = "Warranty Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    months = fields.Integer(
        string="Warranty (months)",
        required=True,
        help="Months from the unit's handover during which the developer repairs.",
    )
    legal_basis = fields.Char(
        translate=True,
        help="The rule that sets the period, shown to staff deciding whether "
        "a repair is the developer's.",
    )
    ticket_category_ids = fields.Many2many(
        "property.ticket.category",
        "property_warranty_category_ticket_category_rel",
        "warranty_category_id",
        "ticket_category_id",
        string="Ticket Categories",
        help="Repair tickets of these categories fall under this warranty.",
    )

    _sql_constraints = [
        (
            "months_positive",
            "CHECK(months > 0)",
            "A warranty period is at least one month.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    @tools.ormcache()
    def _ticket_category_map(self):
        """{ticket category id: warranty category id} of the active
        categories, the first by sequence winning; cached (a ticket is
        created without a query for it), cleared when a category changes."""
        mapping = {}
        for category in self.sudo().search([]):
            for ticket_category_id in category.ticket_category_ids.ids:
                mapping.setdefault(ticket_category_id, category.id)
        return mapping

    def _warranty_until(self, date_handover):
        """The last day of the developer's warranty of this category for a
        unit handed over on ``date_handover`` (False without a handover)."""
        self.ensure_one()
        if not date_handover:
            return False
        return date_handover + relativedelta(months=self.months, days=-1)

    def _is_within_warranty(self, date_handover, day):
        """Whether a defect seen on ``day`` is the developer's: always before
        the handover (the developer still holds the unit), then until the
        end of the period."""
        self.ensure_one()
        if not date_handover or day < date_handover:
            return True
        return day <= self._warranty_until(date_handover)
