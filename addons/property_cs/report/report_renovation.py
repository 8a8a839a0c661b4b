# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportRenovationPermit(models.AbstractModel):
    """The renovation permit is printed only once approved, whatever the
    route (form button, print menu, /report/html, RPC): before that, a
    printed permit would let works start without permission. The records
    are read as the user printing them (record rules apply)."""

    _name = "report.property_cs.report_renovation_permit"
    _description = "Renovation Permit"

    @api.model
    def _get_report_values(self, docids, data=None):
        renovations = self.env["property.renovation"].browse(docids)
        renovations._check_printable()
        return {
            "doc_ids": docids,
            "doc_model": "property.renovation",
            "docs": renovations,
        }


class ReportRenovationWorkerPass(models.AbstractModel):
    """Worker passes: printed once the permit is approved, as the permit."""

    _name = "report.property_cs.report_renovation_worker_pass"
    _inherit = "report.property_cs.report_renovation_permit"
    _description = "Renovation Worker Passes"


class ReportRenovationNotice(models.AbstractModel):
    """The building notice: printed once the permit is approved, as the
    permit."""

    _name = "report.property_cs.report_renovation_notice"
    _inherit = "report.property_cs.report_renovation_permit"
    _description = "Renovation Building Notice"
