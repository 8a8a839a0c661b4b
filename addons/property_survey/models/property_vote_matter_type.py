# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyVoteMatterType(models.Model):
    """The kind of matter owners vote on, which sets the quorum and the
    majorities a decision needs (Civil Code Art. 278, domain_standards G1),
    kept as editable data."""

    _name = "property.vote.matter.type"
    _description = "Vote Matter Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
