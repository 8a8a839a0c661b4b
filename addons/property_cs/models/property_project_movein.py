# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyProject(models.Model):
    """The project's move-in settings (D-19): how long before an
    appointment owners may still book, move or cancel it online, where the
    handover takes place and the documents owners bring by default."""

    _inherit = "property.project"

    movein_booking_cutoff_hours = fields.Integer(
        string="Move-in Booking Cut-off (Hours)",
        default=24,
        help="Owners may book, move or cancel a move-in appointment in the "
        "portal until this many hours before it starts; later, only the "
        "customer-service centre can change it.",
    )
    movein_location = fields.Char(
        string="Move-in Handover Place",
        translate=True,
        help="Where owners come for the handover; proposed for new move-in "
        "batches and their appointment slots.",
    )
    movein_documents = fields.Text(
        string="Documents to Bring",
        translate=True,
        help="One document per line; proposed for new move-in batches.",
    )

    @api.constrains("movein_booking_cutoff_hours")
    def _check_movein_booking_cutoff_hours(self):
        for project in self:
            if not 0 <= project.movein_booking_cutoff_hours <= 24 * 30:
                raise ValidationError(
                    self.env._(
                        "The move-in booking cut-off must be between 0 and 720 hours."
                    )
                )
