# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

STATEMENT_STATES = [("draft", "Draft"), ("sent", "Sent")]
# what the developer is charged for, in the statement's order
STATEMENT_CATEGORIES = ("undelivered", "vacant", "shared", "commissioned")


class PropertyDeveloperStatement(models.Model):
    """The developer's monthly statement of a project (D-22): everything
    billed to the developer in the month, by what it is for (the fees of
    the units not handed over, of the units it still holds, its share of
    the shared energy and costs, the work it commissioned), and its bills
    still unpaid; printed in Chinese and sent to the developer, who is
    then chased like any payer (collection cases). Created each month by
    a scheduled action and by hand for any month."""

    _name = "property.developer.statement"
    _description = "Developer Statement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, project_id"

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one("property.project", required=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Developer",
        required=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True,
        help="The first day of the month of the statement.",
        default=lambda self: (
            self.env["property.unit.partner"]._property_today().replace(day=1)
            - relativedelta(months=1)
        ),
    )
    month_end = fields.Date(compute="_compute_month_end")
    state = fields.Selection(STATEMENT_STATES, default="draft", tracking=True)
    move_ids = fields.Many2many(
        "account.move",
        compute="_compute_moves",
        string="Bills of the Month",
        compute_sudo=True,
    )
    unpaid_move_ids = fields.Many2many(
        "account.move",
        compute="_compute_moves",
        string="Unpaid Bills",
        compute_sudo=True,
    )
    amount_month = fields.Monetary(
        string="Billed in the Month", compute="_compute_moves", compute_sudo=True
    )
    amount_outstanding = fields.Monetary(
        string="Outstanding", compute="_compute_moves", compute_sudo=True
    )

    _sql_constraints = [
        (
            "project_partner_month_uniq",
            "unique(project_id, partner_id, month)",
            "The developer already has a statement of this project for this month.",
        )
    ]

    @api.depends("project_id")
    def _compute_partner_id(self):
        for statement in self:
            if not statement.partner_id:
                statement.partner_id = statement.project_id.developer_partner_id

    @api.depends("project_id.name", "partner_id.name", "month")
    def _compute_name(self):
        for statement in self:
            statement.name = " · ".join(
                filter(
                    None,
                    [
                        statement.project_id.name,
                        statement.partner_id.name,
                        statement.month and statement.month.strftime("%Y-%m"),
                    ],
                )
            )

    @api.depends("month")
    def _compute_month_end(self):
        for statement in self:
            statement.month_end = statement.month and (
                statement.month + relativedelta(months=1, days=-1)
            )

    @api.constrains("month")
    def _check_month(self):
        for statement in self:
            if statement.month.day != 1:
                raise UserError(
                    self.env._("A statement starts on the first of a month.")
                )

    def _developer_moves(self):
        """The developer's posted bills and credit notes of the project."""
        self.ensure_one()
        return (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("property_project_id", "=", self.project_id.id),
                    (
                        "commercial_partner_id",
                        "=",
                        self.partner_id.commercial_partner_id.id,
                    ),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                ],
                order="invoice_date, id",
            )
        )

    @api.depends("project_id", "partner_id", "month")
    def _compute_moves(self):
        for statement in self:
            moves = (
                statement._developer_moves()
                if statement.project_id and statement.partner_id and statement.month
                else self.env["account.move"]
            )
            month = moves.filtered(
                lambda m, s=statement: s.month <= m.invoice_date <= s.month_end
            )
            unpaid = moves.filtered(
                lambda m, s=statement: (
                    m.amount_residual and m.invoice_date <= s.month_end
                )
            )
            statement.move_ids = month
            statement.unpaid_move_ids = unpaid
            statement.amount_month = sum(month.mapped("amount_total_signed"))
            statement.amount_outstanding = sum(
                unpaid.mapped(
                    lambda m: (
                        m.amount_residual * (-1 if m.move_type == "out_refund" else 1)
                    )
                )
            )

    def _statement_rows(self):
        """The month's charges as (category, label, [(unit, text, amount)],
        subtotal): a fee bill's items by what they are for, any other bill
        (a repair or work ordered) as commissioned work."""
        self.ensure_one()
        env = self.env
        labels = {
            "undelivered": env._("Units Not Handed Over"),
            "vacant": env._("Units Held by the Developer"),
            "shared": env._("Shared Energy and Costs"),
            "commissioned": env._("Commissioned Work"),
        }
        rows = {key: [] for key in STATEMENT_CATEGORIES}
        all_items = (
            self.env["property.billing.line"]
            .sudo()
            .search([("move_id", "in", self.move_ids.ids)])
        )
        for move in self.move_ids:
            sign = -1 if move.move_type == "out_refund" else 1
            items = all_items.filtered(lambda i, m=move: i.move_id == m)
            if not items:
                for line in move.invoice_line_ids:
                    rows["commissioned"].append(
                        (move.property_unit_id, line.name, sign * line.price_total)
                    )
                continue
            for item in items:
                if item.fee_type_id.basis == "shared":
                    key = "shared"
                elif (
                    not item.unit_id.date_handover
                    or item.unit_id.date_handover > item.date_to
                ):
                    key = "undelivered"
                else:
                    key = "vacant"
                rows[key].append(
                    (
                        item.unit_id,
                        item.move_line_id.name,
                        sign * item.move_line_id.price_total,
                    )
                )
        return [
            (key, labels[key], rows[key], sum(amount for _u, _t, amount in rows[key]))
            for key in STATEMENT_CATEGORIES
            if rows[key]
        ]

    def action_print(self):
        return self.env.ref(
            "property_cs.property_developer_statement_report"
        ).report_action(self)

    def action_send(self):
        """Send the statement to the developer with the printed statement,
        in the developer's language; the statement is marked sent."""
        template = self.env.ref("property_cs.mail_template_developer_statement")
        for statement in self:
            if not statement.move_ids and not statement.unpaid_move_ids:
                raise UserError(
                    self.env._(
                        "Nothing was billed to the developer: no statement to send."
                    )
                )
            statement.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=statement.partner_id.ids,
            )
        self.write({"state": "sent"})
        return True

    @api.model
    def _cron_monthly_statements(self):
        """On the first days of a month, last month's statement of every
        project with a developer (once), and a to-do for its manager to
        check and send it."""
        today = self.env["property.unit.partner"]._property_today()
        month = today.replace(day=1) - relativedelta(months=1)
        projects = self.env["property.project"].search(
            [("developer_partner_id", "!=", False)]
        )
        existing = self.search([("month", "=", month)])
        have = {(s.project_id.id, s.partner_id.id) for s in existing}
        new = self.create(
            [
                {
                    "project_id": p.id,
                    "partner_id": p.developer_partner_id.id,
                    "month": month,
                }
                for p in projects
                if (p.id, p.developer_partner_id.id) not in have
            ]
        )
        for statement in new.filtered(lambda s: s.move_ids or s.unpaid_move_ids):
            user = statement.project_id.manager_id
            if user:
                env = statement.with_context(lang=user.lang).env
                statement.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Check and send the developer's statement"),
                    user_id=user.id,
                )
        return new
