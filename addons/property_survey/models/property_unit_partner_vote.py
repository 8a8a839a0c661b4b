# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyUnitPartner(models.Model):
    """The co-owner who casts the unit's ballot in owners' votes when the
    project lets only a designated representative vote (Civil Code Art.
    278, domain_standards G1; ``property.project.property_vote_coowner_rule``).
    A vote takes the flag when it opens (``property.vote.
    _prepare_elector_values``); without a flag, the owner listed first
    represents the unit."""

    _inherit = "property.unit.partner"

    is_vote_representative = fields.Boolean(
        string="Vote Representative",
        tracking=True,
        help="This owner or co-owner casts the unit's ballot in owners' votes "
        "when the project lets only a designated representative vote.",
    )

    @api.constrains("is_vote_representative", "role", "unit_id", "active")
    def _check_vote_representative(self):
        """Only an owner or co-owner represents a unit, and one at a time."""
        for link in self.filtered("is_vote_representative"):
            if link.role not in ("owner", "co_owner"):
                raise ValidationError(
                    self.env._(
                        "Only an owner or co-owner can be the vote "
                        "representative of a unit."
                    )
                )
            others = self.search_count(
                [
                    ("id", "!=", link.id),
                    ("unit_id", "=", link.unit_id.id),
                    ("is_vote_representative", "=", True),
                    ("is_current", "=", True),
                ]
            )
            if others and link.is_current:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s already has a vote representative.",
                        unit=link.unit_id.display_name,
                    )
                )
