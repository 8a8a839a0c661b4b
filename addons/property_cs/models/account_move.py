# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

FAPIAO_STATES = [
    ("none", "Not Requested"),
    ("requested", "Requested"),
    ("issued", "Issued"),
]
# a digital fapiao (全电发票) number has 20 digits, a paper one 8
FAPIAO_NUMBER = re.compile(r"^(\d{20}|\d{8})$")
# unified social credit code (18) or an older taxpayer number (15 or 20)
TAX_NUMBER = re.compile(r"^[0-9A-Z]{15}$|^[0-9A-Z]{18}$|^[0-9A-Z]{20}$")


class AccountMove(models.Model):
    """A fee bill (收费通知单) knows its unit, project and billing run, so
    that receivables are read per unit, building and project; it records
    the fapiao (发票) the owner asked for and finance issued outside Odoo
    (domain_standards F6)."""

    _inherit = "account.move"

    property_unit_id = fields.Many2one(
        "property.unit", string="Unit", index=True, readonly=True, copy=False
    )
    property_project_id = fields.Many2one(
        "property.project", string="Project", index=True, readonly=True, copy=False
    )
    property_billing_run_id = fields.Many2one(
        "property.billing.run",
        string="Billing Run",
        index=True,
        readonly=True,
        copy=False,
    )
    property_fapiao_state = fields.Selection(
        FAPIAO_STATES,
        string="Fapiao",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    property_fapiao_title = fields.Char(
        string="Fapiao Title", readonly=True, copy=False, tracking=True
    )
    property_fapiao_tax_number = fields.Char(
        string="Buyer Tax Number", readonly=True, copy=False, tracking=True
    )
    property_fapiao_number = fields.Char(
        string="Fapiao Number", readonly=True, copy=False, tracking=True
    )
    property_fapiao_date = fields.Date(
        string="Fapiao Date", readonly=True, copy=False, tracking=True
    )

    property_last_demand_date = fields.Date(
        string="Last Demand",
        readonly=True,
        copy=False,
        help="The last collection attempt that reached the payer about this "
        "bill: it restarts the three-year limitation period.",
    )

    @api.model
    def _property_reconcile_unit(self, partner, unit):
        """Match the open receivable items of ``partner`` on ``unit``: a
        prepayment settles the unit's unpaid bills, oldest first, and a
        refund closes the prepayment it pays back."""
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                self.env["account.move.line"]._property_open_receivable_domain(
                    unit, partner
                ),
                order="date_maturity, id",
            )
        )
        for account in lines.account_id:
            mine = lines.filtered(lambda line, a=account: line.account_id == a)
            if any(line.amount_residual > 0 for line in mine) and any(
                line.amount_residual < 0 for line in mine
            ):
                mine.reconcile()
        return True

    def _property_request_fapiao(self, title, tax_number=""):
        """The owner (portal) or an agent asks for a fapiao of a posted
        bill, with the title and, for a company, its tax number."""
        title = (title or "").strip()
        tax_number = (tax_number or "").strip().upper()
        if not title:
            raise UserError(self.env._("Give the title the fapiao is made out to."))
        if tax_number and not TAX_NUMBER.match(tax_number):
            raise UserError(
                self.env._(
                    "The tax number has 15, 18 or 20 letters and digits "
                    "(the unified social credit code has 18)."
                )
            )
        for move in self:
            if move.state != "posted" or move.move_type != "out_invoice":
                raise UserError(
                    self.env._("A fapiao is requested for an issued bill only.")
                )
            if move.property_fapiao_state == "issued":
                raise UserError(
                    self.env._(
                        "The fapiao of %(bill)s was already issued.", bill=move.name
                    )
                )
        self.write(
            {
                "property_fapiao_state": "requested",
                "property_fapiao_title": title,
                "property_fapiao_tax_number": tax_number or False,
            }
        )
        return True

    def _property_record_fapiao(self, number, date):
        """Finance records the fapiao issued in the tax system."""
        number = (number or "").strip()
        if not FAPIAO_NUMBER.match(number):
            raise ValidationError(
                self.env._(
                    "A fapiao number has 20 digits (digital fapiao) or 8 "
                    "digits (paper fapiao)."
                )
            )
        if not date:
            raise ValidationError(self.env._("Give the date of the fapiao."))
        for move in self:
            if move.property_fapiao_state == "issued":
                raise UserError(
                    self.env._(
                        "The fapiao of %(bill)s was already issued.", bill=move.name
                    )
                )
        self.write(
            {
                "property_fapiao_state": "issued",
                "property_fapiao_number": number,
                "property_fapiao_date": date,
            }
        )
        return True
