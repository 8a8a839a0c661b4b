# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_date


class PropertyTicket(models.Model):
    """A repair ticket of a unit shows whether the unit's last accepted
    renovation is still under warranty and who did it (domain_standards D8),
    so that triage asks the contractor first."""

    _inherit = "property.ticket"

    renovation_warranty_text = fields.Char(
        string="Renovation Warranty",
        compute="_compute_renovation_warranty_text",
        compute_sudo=True,
        help="The unit's renovation warranty on the day the request was "
        "reported, and the contractor who answers for it.",
    )

    @api.depends(
        "unit_id.renovation_warranty_until",
        "unit_id.renovation_waterproof_warranty_until",
        "unit_id.renovation_contractor",
        "date_reported",
    )
    @api.depends_context("lang")
    def _compute_renovation_warranty_text(self):
        """Read as superuser (every role reading the ticket sees it): the
        text in the reader's language, the dates of the unit."""
        env = self.env
        for ticket in self:
            unit = ticket.unit_id
            day = (
                ticket.date_reported.date()
                if ticket.date_reported
                else fields.Date.context_today(ticket)
            )
            general = unit.renovation_warranty_until
            waterproof = unit.renovation_waterproof_warranty_until
            text = False
            if general and day <= general:
                text = env._(
                    "Within renovation warranty until %(date)s",
                    date=format_date(env, general),
                )
                if waterproof and waterproof > general:
                    text += env._(
                        " (waterproofing until %(date)s)",
                        date=format_date(env, waterproof),
                    )
            elif waterproof and day <= waterproof:
                text = env._(
                    "Within waterproofing warranty until %(date)s",
                    date=format_date(env, waterproof),
                )
            if text and unit.renovation_contractor:
                text += env._(
                    ", contractor %(contractor)s", contractor=unit.renovation_contractor
                )
            ticket.renovation_warranty_text = text
