# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyFundQuotation(models.Model):
    """A quotation for the works of a maintenance fund request: the
    contractor, the amount and the quotation's file."""

    _name = "property.fund.quotation"
    _description = "Maintenance Fund Quotation"
    _order = "request_id, amount, id"

    request_id = fields.Many2one(
        "property.fund.request", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="request_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    currency_id = fields.Many2one(related="request_id.currency_id")
    vendor_id = fields.Many2one("res.partner", string="Contractor", required=True)
    amount = fields.Monetary(required=True)
    note = fields.Char()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_fund_quotation_attachment_rel",
        "quotation_id",
        "attachment_id",
        string="Quotation File",
    )
    selected = fields.Boolean(string="Chosen")

    @api.constrains("amount")
    def _check_amount(self):
        for quotation in self:
            if quotation.amount <= 0:
                raise ValidationError(self.env._("A quotation's amount is positive."))

    def _check_request_draft(self):
        for quotation in self:
            if not self.env.su and quotation.request_id.state != "draft":
                raise UserError(
                    self.env._("The quotations of a submitted request cannot change.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        quotations = super().create(vals_list)
        quotations._check_request_draft()
        quotations._claim_files()
        return quotations

    def write(self, vals):
        self._check_request_draft()
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._claim_files()
        return res

    def unlink(self):
        self._check_request_draft()
        return super().unlink()

    def _claim_files(self):
        for quotation in self:
            quotation.attachment_ids.filtered(lambda a: not a.res_id).sudo().write(
                {
                    "res_model": "property.fund.request",
                    "res_id": quotation.request_id.id,
                }
            )
