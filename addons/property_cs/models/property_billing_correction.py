# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

RUN_TYPES = [("regular", "Regular"), ("correction", "Correction")]


class PropertyBillingRun(models.Model):
    """Correction runs (D-21, domain_standards E8): what changed after a
    month was billed (area corrected, ownership transferred, unit handed
    over, standard corrected) is billed by a correction run of the same
    project and month, never by editing a posted bill. It is a billing run
    of the kind *correction*, queued and processed in chunks by the same
    workers; for each unit it computes what is due now (``_unit_items``
    with a fresh context), compares it per fee and payer with what was
    billed so far for the period (the billed items of every regular run
    plus the adjustments of every correction) and records each difference
    of at least 0.01 as a ``property.billing.adjustment`` (unique per
    correction, unit, fee, period and payer): the payer's negative ones on
    a credit note, the positive ones on a supplementary bill, both posted.
    The month's late fee of each payer is recomputed too (see
    ``_late_fee_open_at``) and adjusted like any fee. One correction of a
    project's month is unfinished at a time (a unique index), and a
    regular run is not queued while one is: two comparisons never start
    from the same billed amounts. A unit still waiting for its regular run
    (an open error) is left to *Retry Failed Units*."""

    _inherit = "property.billing.run"

    run_type = fields.Selection(
        RUN_TYPES,
        string="Kind",
        default="regular",
        required=True,
        readonly=True,
        index=True,
    )
    corrected_run_id = fields.Many2one(
        "property.billing.run",
        string="Corrects",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The regular run of the month this correction re-examines.",
    )
    correction_ids = fields.One2many(
        "property.billing.run", "corrected_run_id", string="Corrections"
    )
    adjustment_ids = fields.One2many(
        "property.billing.adjustment", "run_id", string="Adjustments"
    )
    correction_count = fields.Integer(compute="_compute_correction_counts")
    adjustment_count = fields.Integer(compute="_compute_correction_counts")
    refund_count = fields.Integer(
        string="Credit Notes", compute="_compute_correction_counts"
    )
    supplement_count = fields.Integer(
        string="Supplementary Bills", compute="_compute_correction_counts"
    )
    adjustment_total = fields.Monetary(
        string="Net Adjustment", compute="_compute_correction_counts"
    )

    def init(self):
        res = super().init()
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS property_billing_run_open_correction_uniq
                ON property_billing_run (project_id, period_start)
             WHERE run_type = 'correction' AND state != 'done'
            """
        )
        return res

    @api.depends("run_type")
    def _compute_name(self):
        res = super()._compute_name()
        for run in self.filtered(lambda r: r.run_type == "correction"):
            run.name = self.env._("%(name)s Correction", name=run.name)
        return res

    def _compute_correction_counts(self):
        Adjustment = self.env["property.billing.adjustment"]
        adjustments = {
            run.id: (count, total)
            for run, count, total in Adjustment._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count", "amount:sum"]
            )
        }
        moves = defaultdict(int)
        for run, move_type, count in self.env["account.move"]._read_group(
            [("property_billing_run_id", "in", self.ids)],
            ["property_billing_run_id", "move_type"],
            ["__count"],
        ):
            moves[run.id, move_type] = count
        corrections = {
            run.id: count
            for run, count in self._read_group(
                [("corrected_run_id", "in", self.ids)],
                ["corrected_run_id"],
                ["__count"],
            )
        }
        for run in self:
            run.adjustment_count, run.adjustment_total = adjustments.get(
                run.id, (0, 0.0)
            )
            run.correction_count = corrections.get(run.id, 0)
            run.refund_count = moves[run.id, "out_refund"]
            run.supplement_count = (
                moves[run.id, "out_invoice"] if run.run_type == "correction" else 0
            )

    @api.constrains("run_type", "corrected_run_id", "project_id", "period_start")
    def _check_corrected_run(self):
        """A correction corrects a regular run of its project and month."""
        for run in self:
            corrected = run.corrected_run_id
            if run.run_type == "regular" and corrected:
                raise ValidationError(self.env._("A regular run corrects no run."))
            if run.run_type == "correction" and (
                not corrected
                or corrected.run_type != "regular"
                or corrected.project_id != run.project_id
                or corrected.period_start != run.period_start
            ):
                raise ValidationError(
                    self.env._(
                        "A correction corrects a regular run of the same project "
                        "and month."
                    )
                )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_correct(self):
        """Correct This Month: create the correction run of this finished
        regular run, dated today, and queue it."""
        self.ensure_one()
        if self.run_type != "regular" or self.state != "done":
            raise UserError(self.env._("Only a finished billing run is corrected."))
        if self.sudo().search_count(
            [
                ("run_type", "=", "correction"),
                ("project_id", "=", self.project_id.id),
                ("period_start", "=", self.period_start),
                ("state", "!=", "done"),
            ],
            limit=1,
        ):
            raise UserError(
                self.env._(
                    "A correction of %(month)s is still in progress: wait until "
                    "it is done.",
                    month=self.name,
                )
            )
        correction = self.create(
            {
                "project_id": self.project_id.id,
                "period_start": self.period_start,
                "date_invoice": fields.Date.context_today(self),
                "run_type": "correction",
                "corrected_run_id": self.id,
            }
        )
        correction.action_queue()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": correction.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_queue(self):
        """A month's regular run and its correction are never queued at
        the same time."""
        for run in self:
            domain = [
                ("id", "!=", run.id),
                ("project_id", "=", run.project_id.id),
                ("period_start", "=", run.period_start),
                ("state", "=", "queued"),
            ]
            if run.run_type == "regular":
                domain.append(("run_type", "=", "correction"))
            if self.sudo().search_count(domain, limit=1):
                raise UserError(
                    self.env._(
                        "Another run of %(month)s is still in progress: wait "
                        "until it is done.",
                        month=run.name,
                    )
                )
        return super().action_queue()

    def action_view_adjustment_moves(self):
        """The credit notes or the supplementary bills of a correction."""
        self.ensure_one()
        move_type = self.env.context.get("property_move_type", "out_refund")
        xmlid = (
            "account.action_move_out_refund_type"
            if move_type == "out_refund"
            else "account.action_move_out_invoice_type"
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [
            ("property_billing_run_id", "=", self.id),
            ("move_type", "=", move_type),
        ]
        action["context"] = {"create": False, "default_move_type": move_type}
        return action

    def action_view_corrections(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Corrections"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("corrected_run_id", "=", self.id)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # WHAT CHANGED (D-21, E8)
    # ------------------------------------------------------------------
    def _billing_context(self, units):
        """Add what was adjusted for the units this month (a regular run
        never bills again an item a correction issued) and, for a
        correction, the amounts billed so far per unit, fee and payer and
        the units still waiting for their regular run."""
        ctx = super()._billing_context(units)
        adjustments = (
            self.env["property.billing.adjustment"]
            .sudo()
            .search_fetch(
                [
                    ("unit_id", "in", units.ids),
                    ("period_start", "=", self.period_start),
                ],
                ["unit_id", "fee_type_id", "partner_id", "period_start", "amount"],
            )
        )
        ctx["adjusted"] = {
            (a.unit_id.id, a.fee_type_id.id, a.period_start, a.partner_id.id)
            for a in adjustments
        }
        if self.run_type != "correction":
            return ctx
        billed = defaultdict(lambda: defaultdict(float))
        last_standard = {}
        # the bill each credit note reverses: per unit, the posted bill of
        # the fee and payer's billed item, else one of the payer's bills
        original = defaultdict(dict)
        for line in (
            self.env["property.billing.line"]
            .sudo()
            .search_fetch(
                [
                    ("unit_id", "in", units.ids),
                    ("period_start", "=", self.period_start),
                ],
                [
                    "unit_id",
                    "fee_type_id",
                    "partner_id",
                    "amount",
                    "standard_id",
                    "move_id",
                ],
                order="id",
            )
        ):
            key = (line.fee_type_id.id, line.partner_id.id)
            billed[line.unit_id.id][key] += line.amount
            last_standard[line.unit_id.id, key] = line.standard_id
            if line.move_id.state == "posted":
                original[line.unit_id.id].setdefault(key, line.move_id)
                original[line.unit_id.id].setdefault(line.partner_id.id, line.move_id)
        for adj in adjustments.sorted("id"):
            key = (adj.fee_type_id.id, adj.partner_id.id)
            billed[adj.unit_id.id][key] += adj.amount
            move = adj.move_id
            if move.move_type == "out_invoice" and move.state == "posted":
                original[adj.unit_id.id].setdefault(key, move)
                original[adj.unit_id.id].setdefault(adj.partner_id.id, move)
        ctx["billed"] = billed
        ctx["last_standard"] = last_standard
        ctx["original"] = original
        ctx["waiting"] = set(
            self.env["property.billing.issue"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", units.ids),
                    ("state", "=", "open"),
                    ("run_id.run_type", "=", "regular"),
                    ("run_id.project_id", "=", self.project_id.id),
                    ("run_id.period_start", "=", self.period_start),
                ]
            )
            .unit_id.ids
        )
        return ctx

    def _bill_unit(self, unit, ctx, billed):
        """A correction corrects the unit; a regular run skips the items a
        correction already issued."""
        if self.run_type == "correction":
            return self._correct_unit(unit, ctx)
        if ctx.get("adjusted"):
            billed = billed | ctx["adjusted"]
        return super()._bill_unit(unit, ctx, billed)

    def _unit_adjustments(self, unit, ctx):
        """The differences of one unit: per fee and payer, what is due now
        less what was billed so far, where it is at least 0.01."""
        self.ensure_one()
        due = {
            (item["fee_type"].id, item["payer"].id): item
            for item in self._unit_items(unit, ctx) + self._late_fee_items(unit, ctx)
        }
        billed = ctx["billed"][unit.id]
        values = []
        for key in sorted(set(due) | set(billed)):
            item = due.get(key)
            amount_due = item["amount"] if item else 0.0
            amount_billed = float_round(billed.get(key, 0.0), precision_digits=2)
            diff = float_round(amount_due - amount_billed, precision_digits=2)
            if abs(diff) < 0.01:
                continue
            fee_type_id, payer_id = key
            standard = (
                item["standard"] if item else ctx["last_standard"].get((unit.id, key))
            )
            values.append(
                {
                    "run_id": self.id,
                    "unit_id": unit.id,
                    "fee_type_id": fee_type_id,
                    "standard_id": standard.id if standard else False,
                    "partner_id": payer_id,
                    "period_start": self.period_start,
                    "period_end": item["period_end"] if item else self.period_end,
                    "date_from": item and item["date_from"],
                    "date_to": item and item["date_to"],
                    "quantity": item["quantity"] if item else 0.0,
                    "days": item["days"] if item else 0,
                    "amount_billed": amount_billed,
                    "amount_due": amount_due,
                    "amount": diff,
                }
            )
        return values

    def _correct_unit(self, unit, ctx):
        """Issue the unit's differences: the adjustments first (their unique
        key refuses what this correction already issued), then per payer
        credit notes for the negative ones and a supplementary bill for the
        positive ones, a line per fee, posted and matched with the payer's
        open items on the unit. Returns the moves created.

        A credit note reverses one bill (Odoo's ``reversed_entry_id``: the
        bill shows it under its reversals, is matched with it first when
        still open, and is *Reversed* when it cancels it): the posted bill
        of the unit, payer and month that holds the corrected fee's billed
        item (the month's regular bill, or the supplementary bill that
        first billed a fee the regular run did not). Corrections that touch
        fees on several bills of a payer give one credit note per bill,
        never one credit note reversing several bills. A supplementary bill
        reverses nothing: it is a bill of its own, with the corrected run
        as its origin."""
        self.ensure_one()
        Move = self.env["account.move"]
        if unit.id in ctx["waiting"]:
            return Move
        values = self._unit_adjustments(unit, ctx)
        if not values:
            return Move
        adjustments = self.env["property.billing.adjustment"].sudo().create(values)
        adjustments.flush_recordset()
        original = ctx["original"][unit.id]
        groups = []
        for payer in adjustments.partner_id:
            mine = adjustments.filtered(lambda a, p=payer: a.partner_id == p)
            supplement = mine.filtered(lambda a: a.amount > 0)
            credit_notes = defaultdict(lambda: self.env["property.billing.adjustment"])
            for adj in mine - supplement:
                credit_notes[
                    original.get((adj.fee_type_id.id, payer.id))
                    or original.get(payer.id)
                    or Move
                ] |= adj
            for bill, credit in credit_notes.items():
                groups.append((payer, "out_refund", credit, bill))
            if supplement:
                groups.append((payer, "out_invoice", supplement, Move))
        moves = Move
        for payer, move_type, mine, bill in groups:
            move = Move.sudo().create(
                self._adjustment_move_values(unit, payer, move_type, mine, ctx, bill)
            )
            for adj, move_line in zip(mine, move.invoice_line_ids, strict=True):
                adj.move_line_id = move_line
            moves |= move
        moves.action_post()
        self._reconcile_prepayments(moves)
        return moves

    def _adjustment_move_values(
        self, unit, payer, move_type, adjustments, ctx, reversed_bill=None
    ):
        """A credit note (reversing ``reversed_bill``) or a supplementary
        bill of a payer for a unit, a line per adjusted fee with the
        project's analytic distribution."""
        values = self._invoice_values(
            unit, payer, self.env["property.billing.line"], ctx
        )
        if move_type == "out_refund":
            values.pop("invoice_date_due")
            if reversed_bill:
                values["reversed_entry_id"] = reversed_bill.id
        values.update(
            {
                "move_type": move_type,
                "invoice_origin": self.corrected_run_id.name,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": adj._invoice_label(),
                            "quantity": 1.0,
                            "price_unit": abs(adj.amount),
                            "account_id": adj.standard_id.income_account_id.id
                            or ctx["journal"].default_account_id.id,
                            "tax_ids": [Command.set(adj.standard_id.tax_ids.ids)],
                            "analytic_distribution": ctx["analytic"] or False,
                        }
                    )
                    for adj in adjustments
                ],
            }
        )
        return values

    def _bill_date(self):
        """A correction is dated the day it is made: the month's bills are
        not touched."""
        if self.run_type == "correction" and not self.date_invoice:
            return fields.Date.context_today(self)
        return super()._bill_date()
