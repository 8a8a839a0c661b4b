# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PropertyNotice(models.Model):
    """A consultation's summary is published as a public notice: the
    consultation counts as published once its notice is (also when the
    notice went through the publication form because names were found)."""

    _inherit = "property.notice"

    def _on_publish(self):
        res = super()._on_publish()
        consultations = (
            self.env["property.consultation"]
            .sudo()
            .search([("notice_id", "in", self.ids), ("state", "=", "closed")])
        )
        consultations._mark_published()
        return res
