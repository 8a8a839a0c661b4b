# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .constants import GROUP_MANAGER


class PropertyComplaintCompensation(models.Model):
    """Compensation granted on a complaint (D-17 demand "to be
    compensated"; ISO 10002 remedies): amount and form; above the company's
    threshold the project manager approves. Money is booked once approved:
    a credit note against the owner's open receivables if any, otherwise an
    outbound payment, on the compensation expense account and journal of
    the settings, linked to the complaint."""

    _name = "property.complaint.compensation"
    _description = "Complaint Compensation"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.workflow.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # changed only by the actions below: submit, approve, cancel, booking
    _workflow_fields = (
        "state",
        "approved_by_id",
        "date_approved",
        "move_id",
        "payment_id",
    )

    ticket_id = fields.Many2one(
        "property.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('kind', '=', 'complaint')]",
    )
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, string="Company"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    form = fields.Selection(
        [
            ("money", "Money"),
            ("gift", "Gift or Token"),
            ("service", "Free Service"),
        ],
        required=True,
        default="money",
        tracking=True,
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("booked", "Booked"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    needs_approval = fields.Boolean(compute="_compute_needs_approval")
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    date_approved = fields.Datetime(readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move", string="Credit Note", readonly=True, copy=False
    )
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False)

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for compensation in self:
            compensation.partner_id = (
                compensation.partner_id or compensation.ticket_id.partner_id
            )

    @api.depends("amount", "company_id.property_complaint_compensation_threshold")
    def _compute_needs_approval(self):
        for compensation in self:
            compensation.needs_approval = (
                compensation.amount
                > compensation.company_id.property_complaint_compensation_threshold
            )

    @api.constrains("amount")
    def _check_amount(self):
        for compensation in self:
            if compensation.amount <= 0:
                raise ValidationError(
                    self.env._("A compensation amount must be positive.")
                )

    def action_submit(self):
        """Submit: above the threshold the project manager approves; below
        it the compensation is approved and booked at once."""
        for compensation in self:
            if compensation.state != "draft":
                raise UserError(self.env._("Only draft compensations are submitted."))
            if compensation.needs_approval:
                compensation._workflow_write({"state": "to_approve"})
                manager = compensation.project_id.manager_id
                if manager:
                    compensation.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.env._("Approve the compensation"),
                        user_id=manager.id,
                    )
            else:
                compensation._approve()
        return True

    def action_approve(self):
        """The project manager approves a compensation above the threshold."""
        if not self.env.user.has_group(GROUP_MANAGER):
            raise AccessError(self.env._("The project manager approves compensations."))
        for compensation in self:
            if compensation.state != "to_approve":
                raise UserError(
                    self.env._("Only compensations waiting for approval are approved.")
                )
        self._approve()
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        for compensation in self:
            if compensation.state == "booked":
                raise UserError(
                    self.env._("A booked compensation is reversed in accounting.")
                )
        self._workflow_write({"state": "cancelled"})
        return True

    def _approve(self):
        self._workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        self.filtered(lambda c: c.form == "money")._book()

    # ------------------------------------------------------------------
    # ACCOUNTING
    # ------------------------------------------------------------------
    def _open_receivable_lines(self):
        self.ensure_one()
        return (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("partner_id", "=", self.partner_id.commercial_partner_id.id),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", ">", 0),
                ],
                order="date_maturity, id",
            )
        )

    def _book(self):
        """Credit note against open receivables, else an outbound payment,
        on the compensation account and journal of the settings."""
        for compensation in self.sudo():
            company = compensation.company_id
            account = company.property_complaint_compensation_account_id
            journal = company.property_complaint_compensation_journal_id
            if not account or not journal:
                raise UserError(
                    self.env._(
                        "Set the compensation expense account and journal in the "
                        "settings first."
                    )
                )
            receivables = compensation._open_receivable_lines()
            label = self.env._(
                "Compensation for complaint %(ticket)s",
                ticket=compensation.ticket_id.number,
            )
            if receivables:
                refund = (
                    compensation.env["account.move"]
                    .with_company(company)
                    .create(
                        {
                            "move_type": "out_refund",
                            "partner_id": compensation.partner_id.id,
                            "company_id": company.id,
                            "invoice_origin": compensation.ticket_id.number,
                            "ref": label,
                            "invoice_line_ids": [
                                Command.create(
                                    {
                                        "name": label,
                                        "account_id": account.id,
                                        "quantity": 1,
                                        "price_unit": compensation.amount,
                                        "tax_ids": [Command.clear()],
                                    }
                                )
                            ],
                        }
                    )
                )
                refund.action_post()
                refund_lines = refund.line_ids.filtered(
                    lambda line: line.account_id.account_type == "asset_receivable"
                )
                receivable_account = refund_lines.account_id
                (refund_lines | receivables).filtered(
                    lambda line, account=receivable_account: line.account_id == account
                ).reconcile()
                compensation.write({"move_id": refund.id, "state": "booked"})
                document = refund
            else:
                payment = (
                    compensation.env["account.payment"]
                    .with_company(company)
                    .create(
                        {
                            "payment_type": "outbound",
                            "partner_type": "customer",
                            "partner_id": compensation.partner_id.id,
                            "amount": compensation.amount,
                            "journal_id": journal.id,
                            "company_id": company.id,
                            "memo": label,
                        }
                    )
                )
                payment.destination_account_id = account
                payment.action_post()
                compensation.write({"payment_id": payment.id, "state": "booked"})
                document = payment
            compensation.ticket_id.message_post(
                body=self.env._(
                    "Compensation of %(amount)s booked: %(document)s.",
                    amount=compensation.amount,
                    document=document.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
