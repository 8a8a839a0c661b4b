# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyUnitPartner(models.Model):
    """Stand-in, for ballot capture alone, of the vote engine's co-owner
    representative flag (part E1 defines the same field, with its
    constraint, in models/property_unit_partner_vote.py). Identical
    definition: once both parts are merged this file can go."""

    _inherit = "property.unit.partner"

    is_vote_representative = fields.Boolean(
        string="Vote Representative",
        tracking=True,
        help="This owner or co-owner casts the unit's ballot in owners' votes "
        "when the project lets only a designated representative vote.",
    )
