# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round, split_every

RUN_STATES = [("draft", "Draft"), ("queued", "Queued"), ("done", "Done")]


class PropertyBillingRun(models.Model):
    """A billing run of a project for a month (D-21; domain_standards E8,
    F1-F3): one invoice (收费通知单) per payer and unit with a line per fee.
    Starting it only queues the work: the units are split into chunks that
    the billing crons claim (``property.billing.chunk``); each unit is
    billed under its own savepoint and each billed item is a
    ``property.billing.line`` unique on (unit, fee type, period, payer), so
    a re-run and two concurrent runs never bill twice."""

    _name = "property.billing.run"
    _description = "Billing Run"
    _inherit = ["mail.thread"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_start = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="The month billed (its first day).",
    )
    period_end = fields.Date(compute="_compute_period_end", store=True)
    date_invoice = fields.Date(
        string="Bill Date",
        help="Date of the bills; empty: the first day of the month.",
    )
    state = fields.Selection(RUN_STATES, default="draft", required=True, tracking=True)
    chunk_ids = fields.One2many("property.billing.chunk", "run_id", string="Chunks")
    line_ids = fields.One2many("property.billing.line", "run_id", string="Items")
    issue_ids = fields.One2many("property.billing.issue", "run_id", string="Errors")
    unit_count = fields.Integer(string="Units", readonly=True)
    progress = fields.Float(compute="_compute_progress", compute_sudo=True)
    chunk_done_count = fields.Integer(compute="_compute_progress", compute_sudo=True)
    line_count = fields.Integer(string="Items Billed", compute="_compute_counts")
    invoice_count = fields.Integer(string="Bills", compute="_compute_counts")
    issue_count = fields.Integer(string="Open Errors", compute="_compute_counts")
    amount_total = fields.Monetary(string="Amount Billed", compute="_compute_counts")

    @api.depends("project_id.name", "period_start")
    def _compute_name(self):
        for run in self:
            month = run.period_start and run.period_start.strftime("%Y-%m") or ""
            run.name = f"{run.project_id.name or ''} {month}".strip()

    @api.depends("period_start")
    def _compute_period_end(self):
        for run in self:
            run.period_end = run.period_start and (
                run.period_start + relativedelta(months=1, days=-1)
            )

    @api.depends("chunk_ids.state")
    def _compute_progress(self):
        for run in self:
            total = len(run.chunk_ids)
            done = len(run.chunk_ids.filtered(lambda c: c.state == "done"))
            run.chunk_done_count = done
            run.progress = 100.0 * done / total if total else 0.0

    def _compute_counts(self):
        Line = self.env["property.billing.line"]
        groups = {
            run.id: (count, total)
            for run, count, total in Line._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count", "amount:sum"]
            )
        }
        moves = {
            run.id: count
            for run, count in self.env["account.move"]._read_group(
                [("property_billing_run_id", "in", self.ids)],
                ["property_billing_run_id"],
                ["__count"],
            )
        }
        issues = {
            run.id: count
            for run, count in self.env["property.billing.issue"]._read_group(
                [("run_id", "in", self.ids), ("state", "=", "open")],
                ["run_id"],
                ["__count"],
            )
        }
        for run in self:
            run.line_count, run.amount_total = groups.get(run.id, (0, 0.0))
            run.invoice_count = moves.get(run.id, 0)
            run.issue_count = issues.get(run.id, 0)

    @api.constrains("period_start")
    def _check_period_start(self):
        for run in self:
            if run.period_start.day != 1:
                raise UserError(
                    self.env._("A billing run bills a month: choose its first day.")
                )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_queue(self):
        """Queue the run: split the project's units into chunks and wake
        the billing crons. Nothing is billed in this request."""
        for run in self:
            if run.state != "draft":
                raise UserError(self.env._("This run is already queued."))
            if not run.project_id.fee_standard_ids:
                raise UserError(
                    self.env._(
                        "%(project)s has no fee standard: record the fees first.",
                        project=run.project_id.display_name,
                    )
                )
            units = self.env["property.unit"].search(
                [("project_id", "=", run.project_id.id)], order="id"
            )
            size = max(run.company_id.property_billing_chunk_size, 1)
            # finance may queue a run it may write; the chunks are the
            # workers' records (read-only for finance)
            self.env["property.billing.chunk"].sudo().create(
                [
                    {"run_id": run.id, "unit_ids": [Command.set(list(ids))]}
                    for ids in split_every(size, units.ids)
                ]
            )
            run.write({"state": "queued", "unit_count": len(units)})
        self.env["property.billing.chunk"].sudo()._wake_workers()
        return True

    def action_retry(self):
        """Bill again the units that failed: one new chunk per run with
        them; their errors are closed when they are billed."""
        for run in self:
            units = run.issue_ids.filtered(lambda i: i.state == "open").unit_id
            if not units:
                raise UserError(self.env._("No unit of this run is waiting."))
            self.env["property.billing.chunk"].sudo().create(
                {"run_id": run.id, "unit_ids": [Command.set(units.ids)]}
            )
            run.state = "queued"
        self.env["property.billing.chunk"].sudo()._wake_workers()
        return True

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("property_billing_run_id", "=", self.id)]
        action["context"] = {"create": False, "default_move_type": "out_invoice"}
        return action

    def _check_done(self):
        """A run whose chunks are all processed is done."""
        for run in self.filtered(lambda r: r.state == "queued"):
            if all(chunk.state == "done" for chunk in run.chunk_ids):
                run.state = "done"

    # ------------------------------------------------------------------
    # WHAT A UNIT OWES (D-21, D-22, E5, E8, F1-F3)
    # ------------------------------------------------------------------
    def _billing_context(self, units):
        """What billing these units needs, read once per chunk: the
        project's standards, its floor area for shared costs, the links of
        the units, the journal and the analytic account."""
        self.ensure_one()
        project = self.project_id
        standards = self.env["property.fee.standard"].search(
            [("project_id", "=", project.id)], order="date_from, id"
        )
        links = defaultdict(list)
        for link in (
            self.env["property.unit.partner"]
            .with_context(active_test=False)
            .search(
                [
                    ("unit_id", "in", units.ids),
                    ("role", "in", ("owner", "tenant")),
                ],
                order="date_start, id",
            )
        ):
            links[link.unit_id.id].append(link)
        journal = project.fee_journal_id or self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        if not journal:
            raise UserError(self.env._("The company has no sales journal."))
        total_area = sum(
            self.env["property.unit"]
            .search([("project_id", "=", project.id)])
            .mapped("area")
        )
        return {
            "standards": standards,
            "late_fee": self._late_fee_context(units, standards),
            "links": links,
            "journal": journal,
            "total_area": total_area,
            "analytic": project.analytic_account_id
            and {str(project.analytic_account_id.id): 100.0},
            "developer": project.developer_partner_id,
        }

    def _fee_periods(self, standard):
        """(start, end, months) billed by a standard in this run's month:
        monthly every month, quarterly in January, April, July and October,
        yearly in January; None otherwise."""
        months = int(standard.cycle)
        start = self.period_start
        if (start.month - 1) % months:
            return None
        return start, start + relativedelta(months=months, days=-1), months

    def _payer_on(self, unit, day, ctx):
        """Who pays the unit's fees on ``day`` (E8, D-22): the developer
        before the handover, a tenant whose link says they pay, else the
        owner (the first owner of record; co-owners are jointly liable)."""
        if not unit.date_handover or unit.date_handover > day:
            if not ctx["developer"]:
                raise UserError(
                    self.env._(
                        "%(unit)s is not handed over and the project has no "
                        "developer to bill.",
                        unit=unit.complete_name,
                    )
                )
            return ctx["developer"]
        current = [
            link
            for link in ctx["links"][unit.id]
            if link.date_start <= day and (not link.date_end or day <= link.date_end)
        ]
        for link in current:
            if link.role == "tenant" and link.pays_fees:
                return link.partner_id
        for link in current:
            if link.role == "owner":
                return link.partner_id
        raise UserError(
            self.env._(
                "%(unit)s has no owner on %(day)s: record the owner first.",
                unit=unit.complete_name,
                day=day,
            )
        )

    def _vacancy_applies(self, unit, start):
        """A vacancy discount needs the unit vacant since before the period
        and the evidence recorded (E5)."""
        return bool(
            unit.occupancy == "vacant"
            and unit.date_vacant_since
            and unit.date_vacant_since <= start
            and unit.vacancy_evidence
        )

    def _unit_items(self, unit, ctx):
        """The billed items of one unit: per fee and payer, the amount of
        the days they pay in the period. amount = quantity × rate × months
        × days / days of the period (a shared cost: amount × unit area /
        project area × days / days), less the vacancy discount, rounded
        half up to 0.01 once per item."""
        self.ensure_one()
        items = []
        by_fee = defaultdict(lambda: self.env["property.fee.standard"])
        for standard in ctx["standards"]:
            by_fee[standard.fee_type_id] |= standard
        for fee_type, standards in by_fee.items():
            if fee_type.basis == "late_fee":
                continue
            periods = {self._fee_periods(s) for s in standards} - {None}
            for start, end, months in periods:
                total_days = (end - start).days + 1
                segments = {}
                day = start
                while day <= end:
                    standard = next(
                        (s for s in standards if s._applies_to(unit, day)), None
                    )
                    if standard:
                        payer = self._payer_on(unit, day, ctx)
                        segments.setdefault((standard, payer), []).append(day)
                    day += timedelta(days=1)
                # one item per payer: a rate change within the period
                # adds its days at the new rate, rounded once
                per_payer = {}
                for (standard, payer), days in segments.items():
                    quantity = self._fee_quantity(unit, standard, ctx)
                    ratio = len(days) / total_days
                    if fee_type.basis == "shared":
                        raw = standard.shared_amount * quantity * ratio
                    else:
                        raw = quantity * standard.rate * months * ratio
                    discount = (
                        standard.vacancy_discount
                        if self._vacancy_applies(unit, start)
                        else 0.0
                    )
                    item = per_payer.setdefault(
                        payer,
                        {
                            "fee_type": fee_type,
                            "standard": standard,
                            "payer": payer,
                            "period_start": start,
                            "period_end": end,
                            "date_from": days[0],
                            "date_to": days[-1],
                            "quantity": quantity,
                            "days": 0,
                            "discount": discount,
                            "raw": 0.0,
                        },
                    )
                    item["raw"] += raw * (1 - discount / 100.0)
                    item["days"] += len(days)
                    item["date_from"] = min(item["date_from"], days[0])
                    if days[-1] >= item["date_to"]:
                        # the bill line names the version that applies last
                        item["standard"] = standard
                        item["date_to"] = days[-1]
                for item in per_payer.values():
                    item["amount"] = float_round(item.pop("raw"), precision_digits=2)
                    if item["amount"] > 0:
                        items.append(item)
        return items

    def _fee_quantity(self, unit, standard, ctx):
        """m² of floor area, parking spaces, one unit, or the unit's share
        of the project's floor area."""
        basis = standard.fee_type_id.basis
        if basis == "area":
            return unit.area
        if basis == "space":
            return len(unit.parking_space_ids)
        if basis == "shared":
            return unit.area / ctx["total_area"] if ctx["total_area"] else 0.0
        return 1.0

    def _bill_unit(self, unit, ctx, billed):
        """Bill one unit: insert its billing lines first (the unique key
        refuses an item billed by another run or worker), then one invoice
        per payer with a line per item, posted (left in draft when
        ``ctx["post"]`` is false: the caller posts the chunk's bills
        together). ``billed`` holds the keys already billed; returns the
        invoices created."""
        self.ensure_one()
        items = self._unit_bill_items(unit, ctx, billed)
        if not items:
            return self.env["account.move"]
        Line = self.env["property.billing.line"].sudo()
        lines = Line.create(self._billing_line_values(unit, items))
        lines.flush_recordset()
        moves = self.env["account.move"]
        for payer in lines.partner_id:
            payer_lines = lines.filtered(lambda line, p=payer: line.partner_id == p)
            move = (
                self.env["account.move"]
                .sudo()
                .create(self._invoice_values(unit, payer, payer_lines, ctx))
            )
            for line, move_line in zip(payer_lines, move.invoice_line_ids, strict=True):
                line.move_line_id = move_line
            moves |= move
        if ctx.get("post", True):
            moves.action_post()
            self._reconcile_prepayments(moves)
        return moves

    def _unit_bill_items(self, unit, ctx, billed):
        """The items of ``unit`` this run bills: its fees and late fees of
        the period, less those whose key (unit, fee, period, payer) is in
        ``billed``."""
        return [
            item
            for item in self._unit_items(unit, ctx) + self._late_fee_items(unit, ctx)
            if (unit.id, item["fee_type"].id, item["period_start"], item["payer"].id)
            not in billed
        ]

    def _billing_line_values(self, unit, items):
        """The billing lines of ``unit``'s ``items``, one per item."""
        return [
            {
                "run_id": self.id,
                "unit_id": unit.id,
                "fee_type_id": item["fee_type"].id,
                "standard_id": item["standard"].id,
                "partner_id": item["payer"].id,
                "period_start": item["period_start"],
                "period_end": item["period_end"],
                "date_from": item["date_from"],
                "date_to": item["date_to"],
                "quantity": item["quantity"],
                "days": item["days"],
                "discount": item["discount"],
                "amount": item["amount"],
            }
            for item in items
        ]

    def _reconcile_prepayments(self, moves):
        """New bills are settled at once from what their payers prepaid on
        the unit (one search for the credits of all the bills' payers)."""
        prepaid = (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(
                [
                    *self.env["account.move.line"]._property_open_receivable_domain(
                        moves.property_unit_id, moves.partner_id
                    ),
                    ("amount_residual", "<", 0),
                ],
                ["property_unit_id", "partner_id"],
            )
        )
        for unit, partner in {(c.property_unit_id, c.partner_id) for c in prepaid}:
            self.env["account.move"]._property_reconcile_unit(partner, unit)

    def _bill_date(self):
        return self.date_invoice or self.period_start

    def _invoice_values(self, unit, payer, lines, ctx):
        """One bill of a payer for a unit, a line per billed item with the
        project's analytic distribution."""
        return {
            "move_type": "out_invoice",
            "partner_id": payer.id,
            "journal_id": ctx["journal"].id,
            "invoice_date": self._bill_date(),
            "invoice_date_due": self._bill_date()
            + timedelta(days=self.project_id.fee_due_days),
            "invoice_origin": self.name,
            "property_unit_id": unit.id,
            "property_project_id": self.project_id.id,
            "property_billing_run_id": self.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": line._invoice_label(),
                        "quantity": 1.0,
                        "price_unit": line.amount,
                        "account_id": line.standard_id.income_account_id.id
                        or ctx["journal"].default_account_id.id,
                        "tax_ids": [Command.set(line.standard_id.tax_ids.ids)],
                        "analytic_distribution": ctx["analytic"] or False,
                    }
                )
                for line in lines
            ],
        }
