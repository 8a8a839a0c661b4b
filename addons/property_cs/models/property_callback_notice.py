# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyCallback(models.Model):
    """Call tasks of planned outage notices (issue 14, D-5): the special-needs
    and life-support households of the buildings are called before the
    outage."""

    _inherit = "property.callback"

    notice_id = fields.Many2one(
        "property.notice",
        string="Outage Notice",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
