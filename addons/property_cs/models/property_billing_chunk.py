# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import threading
import time

from psycopg2 import IntegrityError
from psycopg2.extensions import TransactionRollbackError

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

WORKER_CRONS = (
    "property_cs.ir_cron_property_billing_worker_1",
    "property_cs.ir_cron_property_billing_worker_2",
)


class PropertyBillingChunk(models.Model):
    """A share of a billing run's units: the queued work unit. Every billing
    cron record runs ``_cron_process_chunks``, which claims one pending
    chunk at a time with ``FOR UPDATE SKIP LOCKED`` (so several cron
    threads and several Odoo hosts share a run without waiting for each
    other), bills its units one savepoint each, marks it done and commits.
    A worker that dies leaves its chunk pending: its transaction never
    committed, and the next claim takes it again. Whether the run is done
    is decided after that commit, in a transaction of its own: under
    Odoo's REPEATABLE READ the chunk's transaction cannot see the chunks
    other workers finish at the same time."""

    _name = "property.billing.chunk"
    _description = "Billing Chunk"
    _order = "id"

    run_id = fields.Many2one(
        "property.billing.run", required=True, index=True, ondelete="cascade"
    )
    unit_ids = fields.Many2many("property.unit", string="Units")
    state = fields.Selection(
        [("pending", "Pending"), ("done", "Done")],
        default="pending",
        required=True,
        index=True,
    )
    date_done = fields.Datetime(readonly=True)
    billed_count = fields.Integer(string="Units Billed", readonly=True)
    failed_count = fields.Integer(string="Units Failed", readonly=True)

    @api.model
    def _claim(self):
        """The next pending chunk, locked for this transaction; another
        worker skips it instead of waiting."""
        self.flush_model(["state"])
        self.env.cr.execute(
            """
            SELECT id FROM property_billing_chunk
             WHERE state = 'pending'
             ORDER BY id
             LIMIT 1
               FOR UPDATE SKIP LOCKED
            """
        )
        row = self.env.cr.fetchone()
        return self.browse(row[0]) if row else self.browse()

    def _process(self):
        """Bill the chunk's units, each under its own savepoint: a unit that
        fails is recorded as an error of the run with its reason and the
        others go on; an item another worker billed first is skipped.

        The bills of the chunk are created unit by unit and posted together
        at the end: posting takes the journal's sequence lock, held until
        the chunk commits, so another worker only waits for this posting,
        not for the whole chunk. If posting them together fails, the chunk
        is billed again unit by unit, each unit posting its own bills, so a
        bill that cannot be posted fails its unit alone."""
        self.ensure_one()
        run = self.run_id.with_context(**self._billing_mail_context())
        units = self.unit_ids
        ctx = run._billing_context(units)
        Line = self.env["property.billing.line"].sudo()
        billed = {
            (
                line.unit_id.id,
                line.fee_type_id.id,
                line.period_start,
                line.partner_id.id,
            )
            for line in Line.search_fetch(
                [("unit_id", "in", units.ids), ("period_start", "<=", run.period_end)],
                ["unit_id", "fee_type_id", "period_start", "partner_id"],
            )
        }
        Issue = self.env["property.billing.issue"].sudo()
        open_issues = Issue.search(
            [
                ("run_id", "=", run.id),
                ("unit_id", "in", units.ids),
                ("state", "=", "open"),
            ]
        )
        try:
            with self.env.cr.savepoint():
                done, failed, moves = self._bill_units(
                    run, units, dict(ctx, post=False), billed
                )
                # a correction's credit notes and supplements come posted
                moves.filtered(lambda m: m.state == "draft").action_post()
                run._reconcile_prepayments(moves)
        except Exception as error:  # pylint: disable=broad-exception-caught
            _logger.info(
                "Posting the bills of %s together failed (%s): "
                "billing its units one by one",
                self,
                error,
            )
            done, failed, moves = self._bill_units(run, units, ctx, billed)
        # a unit billed on a retry closes its earlier errors
        open_issues.filtered(lambda i: i.unit_id not in failed).write(
            {"state": "resolved"}
        )
        self.write(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "billed_count": done,
                "failed_count": len(failed),
            }
        )

    def _bill_units(self, run, units, ctx, billed):
        """Bill ``units`` one savepoint each (``run._bill_unit``), recording
        the units that fail as errors of the run; returns the count of
        units billed (or billed meanwhile by another worker), the units
        that failed and the bills created."""
        Issue = self.env["property.billing.issue"].sudo()
        done = 0
        failed = self.env["property.unit"]
        moves = run.env["account.move"]
        for unit in units:
            try:
                with self.env.cr.savepoint():
                    moves |= run._bill_unit(unit, ctx, billed)
                done += 1
            except IntegrityError:
                # billed meanwhile by another run or worker: nothing to do
                done += 1
            except Exception as error:  # pylint: disable=broad-exception-caught
                # one bad unit never stops the run: record why, go on
                failed |= unit
                _logger.info("Billing %s failed: %s", unit.complete_name, error)
                Issue.create(
                    {
                        "run_id": run.id,
                        "unit_id": unit.id,
                        "message": str(error),
                    }
                )
        return done, failed, moves

    def _billing_mail_context(self):
        """Bills of a run are created and posted without chatter
        (``tracking_disable``): no "created" log, no tracking of the
        bill's or its items' fields, the user running the run not made a
        follower. The run and its billed items record what was billed; the
        payer is still made a follower when the bill is posted. A company
        with the accounting audit trail keeps the logs and tracking, which
        are its trail."""
        if self.run_id.company_id.check_account_audit_trail:
            return {"mail_create_nosubscribe": True}
        return {"tracking_disable": True}

    @api.model
    def _cron_process_chunks(self, time_budget=None):
        """One billing worker (each cron record of the list runs it): claim
        and bill chunks, committing after each, until none is pending or the
        time budget (well below the cron time limit) is spent; then wake the
        workers again if work remains."""
        budget = time_budget or self.env.company.property_billing_time_budget or 240
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        processed = self._work(time.monotonic() + budget, commit=auto_commit)
        if self.search_count([("state", "=", "pending")], limit=1):
            self._wake_workers()
        return processed

    @api.model
    def _work(self, deadline, commit):
        """Claim and bill chunks until none is pending or ``deadline``
        (monotonic time) passes; commit after each chunk when ``commit``."""
        processed = 0
        while time.monotonic() < deadline:
            try:
                chunk = self._claim()
            except TransactionRollbackError:
                if not commit:
                    raise
                # another worker finished a chunk after this transaction
                # began (REPEATABLE READ refuses to lock it): nothing is
                # uncommitted here, start a new transaction and look again
                self.env.cr.rollback()  # pylint: disable=invalid-commit
                continue
            if not chunk:
                break
            run = chunk.run_id
            chunk._process()
            processed += 1
            if not commit:
                run._check_done()
                continue
            # the progress of the cron running this, committed with the
            # chunk; no negative count (remaining=-1 raised a ValueError
            # that failed the cron after its first chunk)
            pending = self.search_count([("state", "=", "pending")])
            self.env["ir.cron"]._notify_progress(done=processed, remaining=pending)
            self.env.cr.commit()  # pylint: disable=invalid-commit
            self._close_done_run(run)
        return processed

    @api.model
    def _close_done_run(self, run):
        """Mark the run done if all its chunks are, in a transaction of its
        own that sees every chunk committed so far. (Checked in the chunk's
        transaction, two workers finishing a run's last two chunks at the
        same time each saw the other's chunk pending: the run stayed
        queued.) Two workers may both find it done: the second write is
        refused by the database and rolled back, the run is done anyway."""
        try:
            run._check_done()
            self.env.cr.commit()  # pylint: disable=invalid-commit
        except TransactionRollbackError:
            self.env.cr.rollback()  # pylint: disable=invalid-commit

    @api.model
    def _wake_workers(self):
        """Trigger every billing worker cron now."""
        for xmlid in WORKER_CRONS:
            cron = self.env.ref(xmlid, raise_if_not_found=False)
            if cron and cron.active:
                cron.sudo()._trigger()
