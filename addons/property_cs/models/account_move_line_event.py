# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AccountMoveLine(models.Model):
    """A vendor-bill line charged to a community event (D-30): the event's
    actual cost is the balance of its posted lines (event_event.py)."""

    _inherit = "account.move.line"

    property_event_id = fields.Many2one(
        "event.event",
        string="Community Event",
        index="btree_not_null",
        domain="[('property_project_id', '!=', False)]",
        check_company=True,
        help="Charge this line to a community event of a project: it counts "
        "in the event's actual cost once the bill is posted.",
    )

    @api.constrains("property_event_id", "move_id")
    def _check_property_event_purchase(self):
        """Only the lines of vendor bills, credit notes and receipts carry
        an event's cost."""
        for line in self.filtered("property_event_id"):
            if not line.move_id.is_purchase_document(include_receipts=True):
                raise ValidationError(
                    self.env._(
                        "Only the lines of vendor bills and vendor credit notes "
                        "can be charged to a community event."
                    )
                )
            if not line.property_event_id.property_project_id:
                raise ValidationError(
                    self.env._(
                        "The event %(event)s has no project: only community "
                        "events of a project carry costs.",
                        event=line.property_event_id.name,
                    )
                )
