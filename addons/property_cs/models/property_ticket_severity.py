# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyTicketSeverity(models.Model):
    """Severity class of a ticket (general / major / emergency, D-7); each
    class carries its own service-time targets in the SLA policies."""

    _name = "property.ticket.severity"
    _description = "Ticket Severity"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The severity code must be unique.")
    ]
