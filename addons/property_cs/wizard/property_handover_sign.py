# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.http import request


class PropertyHandoverSign(models.TransientModel):
    """The owner signs the handover record on the staff tablet, with the
    same signature widget as the portal: the summary of what was checked,
    found and handed over, the owner's name and the drawn signature
    (D-19)."""

    _name = "property.handover.sign"
    _description = "Sign Handover Record on the Tablet"

    handover_id = fields.Many2one("property.handover", required=True)
    unit_id = fields.Many2one(related="handover_id.unit_id")
    document_count = fields.Integer(
        string="Documents Presented", compute="_compute_summary"
    )
    defect_count = fields.Integer(string="Defects Found", compute="_compute_summary")
    key_count = fields.Integer(
        string="Keys and Cards Handed Over", compute="_compute_summary"
    )
    meter_count = fields.Integer(string="Meters Read", compute="_compute_summary")
    signed_by = fields.Char(string="Signer's Name", required=True)
    signature = fields.Binary(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        handover = self.env["property.handover"].browse(values.get("handover_id"))
        if handover and not values.get("signed_by"):
            values["signed_by"] = handover.partner_id.name
        return values

    @api.depends("handover_id")
    def _compute_summary(self):
        for wizard in self:
            handover = wizard.handover_id
            wizard.document_count = len(handover.document_ids.filtered("is_presented"))
            wizard.defect_count = len(handover.defect_ids)
            wizard.key_count = sum(handover.key_ids.mapped("quantity"))
            wizard.meter_count = len(handover.meter_reading_ids)

    def action_confirm(self):
        self.ensure_one()
        ip_address = request.httprequest.remote_addr if request else False
        self.handover_id._check_staff()
        self.handover_id.check_access("write")
        self.handover_id.sudo()._sign(
            self.signed_by, self.signature, ip_address, "desk"
        )
        return {"type": "ir.actions.act_window_close"}
