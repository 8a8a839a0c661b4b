# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyWarrantyDefectStep(models.TransientModel):
    """A step of a warranty defect that needs words: the developer's
    answer taken down by staff (with the planned repair date), a reopening
    (why the repair is not accepted) or a cancellation (why it is no longer
    followed)."""

    _name = "property.warranty.defect.step"
    _description = "Warranty Defect Step"

    defect_id = fields.Many2one("property.warranty.defect", required=True)
    step = fields.Selection(
        [
            ("answer", "Developer's Answer"),
            ("reopen", "Reopen"),
            ("cancel", "Cancel"),
        ],
        required=True,
    )
    text = fields.Text(required=True)
    date_planned = fields.Date(string="Planned Repair")

    def action_confirm(self):
        self.ensure_one()
        text = (self.text or "").strip()
        if not text:
            raise UserError(self.env._("Write the text of this step."))
        defect = self.defect_id
        if self.step == "answer":
            defect.check_access("write")
            defect._record_answer(text, self.date_planned)
        elif self.step == "reopen":
            defect.action_reopen(text)
        else:
            defect.action_cancel(text)
        return {"type": "ir.actions.act_window_close"}
