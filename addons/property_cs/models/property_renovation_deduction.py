# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, format_amount

DEDUCTION_CATEGORIES = [
    ("violation", "Violation of the Renovation Rules"),
    ("damage", "Damage to Common Parts"),
    ("waste", "Waste Removal"),
    ("other", "Other"),
]


class PropertyRenovationDeduction(models.Model):
    """A deduction from a renovation deposit (D-20, domain_standards D6):
    staff propose it with its reason and evidence; finance or the project
    manager confirm it, which posts a journal entry moving the amount from
    the deposit liability to the deduction income account (partner: the
    applicant). Nothing is deducted without a recorded reason and
    evidence, and never more than the deposit held."""

    _name = "property.renovation.deduction"
    _description = "Renovation Deposit Deduction"
    _inherit = ["mail.thread", "property.workflow.guard.mixin"]
    _order = "id desc"
    _workflow_fields = ("state",)

    renovation_id = fields.Many2one(
        "property.renovation",
        string="Renovation Permit",
        required=True,
        ondelete="restrict",
        index=True,
    )
    project_id = fields.Many2one(
        related="renovation_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    currency_id = fields.Many2one(related="renovation_id.currency_id")
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    applicant_id = fields.Many2one(related="renovation_id.applicant_id")
    category = fields.Selection(
        DEDUCTION_CATEGORIES, required=True, default="violation", tracking=True
    )
    reason = fields.Text(
        required=True,
        tracking=True,
        help="Why the amount is deducted; the applicant reads it.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Evidence",
        help="Photos, inspection records or invoices of the repair: a "
        "deduction is confirmed only with evidence.",
    )
    violation_id = fields.Many2one(
        "property.renovation.violation",
        domain="[('renovation_id', '=', renovation_id)]",
        help="The violation found on site the deduction follows from; its "
        "proposed amount, reason and photos are taken over.",
    )
    state = fields.Selection(
        [("draft", "Proposed"), ("posted", "Deducted"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date = fields.Date(readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move", string="Journal Entry", readonly=True, copy=False
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("renovation_id", "amount")
    def _compute_display_name(self):
        for deduction in self:
            deduction.display_name = (
                f"{deduction.renovation_id.name or ''} · "
                f"{format_amount(self.env, deduction.amount, deduction.currency_id)}"
            )

    @api.onchange("violation_id")
    def _onchange_violation_id(self):
        """Take over what the inspector proposed on the violation."""
        violation = self.violation_id
        if violation and self.state == "draft":
            self.category = "violation"
            self.amount = self.amount or violation.deduction_amount
            self.reason = self.reason or violation.deduction_reason
            self.attachment_ids |= violation.attachment_ids

    @api.model_create_multi
    def create(self, vals_list):
        Violation = self.env["property.renovation.violation"]
        for vals in vals_list:
            violation = Violation.browse(vals.get("violation_id"))
            if violation:
                vals.setdefault("amount", violation.deduction_amount)
                if not (vals.get("reason") or "").strip():
                    vals["reason"] = violation.deduction_reason
            self._check_reason(vals)
        deductions = super().create(vals_list)
        deductions._link_evidence()
        return deductions

    def _link_evidence(self):
        """The evidence files belong to their deduction, so that everyone
        who reads the deduction reads them (an upload not linked to a
        record is readable by its uploader only)."""
        for deduction in self:
            deduction.attachment_ids.sudo().filtered(lambda a: not a.res_id).write(
                {"res_model": self._name, "res_id": deduction.id}
            )

    def _check_reason(self, vals):
        """Nothing is deducted without a recorded reason."""
        if not (vals.get("reason") or "").strip():
            raise ValidationError(self.env._("Record the reason of the deduction."))

    def write(self, vals):
        if "reason" in vals:
            self._check_reason(vals)
        locked = {"amount", "reason", "category", "renovation_id", "violation_id"}
        if set(vals) & locked and any(deduction.state != "draft" for deduction in self):
            raise UserError(
                self.env._("A confirmed or cancelled deduction cannot be changed.")
            )
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_evidence()
        return result

    def action_confirm(self):
        """Finance or the project manager confirm a proposed deduction: it
        needs a reason and evidence, and at most the deposit held; the
        amount moves from the deposit liability to the deduction income."""
        if not self.env.su and not (
            self.env.user.has_group("property_cs.group_property_cs_finance")
            or self.env.user.has_group("property_cs.group_property_cs_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only finance or the project manager confirm deposit deductions."
                )
            )
        today = self.env["property.unit.partner"]._property_today()
        for deduction in self:
            deduction._check_can_confirm()
            move = deduction.sudo()._post_entry(today)
            deduction._workflow_write(
                {
                    "state": "posted",
                    "date": today,
                    "move_id": move.id,
                    "confirmed_by_id": self.env.user.id,
                }
            )
            deduction.renovation_id.sudo().message_post(
                body=self.env._(
                    "Deducted from the deposit: %(amount)s (%(reason)s).",
                    amount=format_amount(
                        self.env, deduction.amount, deduction.currency_id
                    ),
                    reason=deduction.reason,
                )
            )
        return True

    def _check_can_confirm(self):
        self.ensure_one()
        renovation = self.renovation_id
        if self.state != "draft":
            raise UserError(self.env._("Only a proposed deduction is confirmed."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Record the reason of the deduction."))
        if not self.attachment_ids:
            raise UserError(
                self.env._("Attach the evidence of the deduction before confirming it.")
            )
        if renovation.state in ("closed", "cancelled", "rejected"):
            raise UserError(
                self.env._(
                    "%(permit)s is closed: nothing more is deducted.",
                    permit=renovation.name,
                )
            )
        rounding = self.currency_id.rounding
        if float_compare(self.amount, 0.0, precision_rounding=rounding) <= 0:
            raise UserError(self.env._("A deduction is a positive amount."))
        if (
            float_compare(
                self.amount, renovation.deposit_balance, precision_rounding=rounding
            )
            > 0
        ):
            raise UserError(
                self.env._(
                    "%(permit)s holds %(held)s of deposit: %(amount)s cannot be "
                    "deducted.",
                    permit=renovation.name,
                    held=format_amount(
                        self.env, renovation.deposit_balance, self.currency_id
                    ),
                    amount=format_amount(self.env, self.amount, self.currency_id),
                )
            )

    def _post_entry(self, today):
        """The posted entry of the deduction on the deposit journal: the
        liability debited, the deduction income credited."""
        self.ensure_one()
        renovation = self.renovation_id
        project = renovation.project_id
        journal, liability = project._renovation_deposit_settings()
        income = project.renovation_deduction_account_id
        if not income:
            raise UserError(
                self.env._(
                    "%(project)s: set the deduction income account in the "
                    "Renovation tab of the project.",
                    project=project.display_name,
                )
            )
        Move = (
            self.env["account.move"]
            .with_company(renovation.company_id)
            .with_context(lang=renovation.company_id._property_lang())
        )
        label = Move.env._(
            "Deposit deduction, permit %(permit)s: %(reason)s",
            permit=renovation.name,
            reason=self.reason,
        )
        line = {"name": label, "partner_id": renovation.applicant_id.id}
        move = Move.create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": today,
                "ref": label,
                "partner_id": renovation.applicant_id.id,
                "property_unit_id": renovation.unit_id.id,
                "property_project_id": project.id,
                "property_renovation_id": renovation.id,
                "line_ids": [
                    fields.Command.create(
                        dict(line, account_id=liability.id, debit=self.amount)
                    ),
                    fields.Command.create(
                        dict(line, account_id=income.id, credit=self.amount)
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def action_cancel(self):
        """Drop a proposed deduction (kept, with its reason, for the record)."""
        for deduction in self:
            if deduction.state != "draft":
                raise UserError(self.env._("Only a proposed deduction is cancelled."))
        self._workflow_write({"state": "cancelled"})
        return True
