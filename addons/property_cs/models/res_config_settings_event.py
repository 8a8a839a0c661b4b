# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_event_child_age = fields.Integer(
        related="company_id.property_event_child_age", readonly=False
    )
    property_event_elderly_age = fields.Integer(
        related="company_id.property_event_elderly_age", readonly=False
    )
