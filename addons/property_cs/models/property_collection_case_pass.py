# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import threading

from psycopg2.extensions import TransactionRollbackError

from odoo import api, models

_logger = logging.getLogger(__name__)


class PropertyCollectionCase(models.Model):
    """The daily collection pass (D-21, E1), queued by project.

    Each of the two collection cron records runs the same pass: it claims one
    project at a time whose pass has not run today, with ``FOR UPDATE
    SKIP LOCKED`` on the project's row (so cron threads of several
    workers or hosts share the projects instead of waiting for each
    other), runs that project's pass set-based (one query for its
    arrears, one for its open cases), stamps the project's pass date and
    commits. A pass that dies leaves its project unstamped: its
    transaction never committed, and the next claim takes it again.
    Exactly-once does not depend on the lock: the database refuses a
    second open case for one unit and payer (unique index)."""

    _inherit = "property.collection.case"

    @api.model
    def _cron_collection_pass(self, commit=None):
        """Run the pass of every project not yet passed today, one project
        per transaction. ``commit``: commit after each project (default:
        when run by a cron job outside tests; the demo and the tests run
        the whole pass in their own transaction). Returns the projects
        passed by this call."""
        if commit is None:
            commit = bool(self.env.context.get("ir_cron_progress_id")) and not getattr(
                threading.current_thread(), "testing", False
            )
        today = self.env["property.unit.partner"]._property_today()
        Project = self.env["property.project"].sudo()
        passed = Project
        failed = []
        # bounded: every claim stamps its project or adds it to ``failed``
        while True:
            try:
                project = self._collection_claim_project(today, failed)
            except TransactionRollbackError:
                if not commit:
                    raise
                # another pass stamped a project after this transaction
                # began (REPEATABLE READ refuses to lock it): nothing is
                # uncommitted here, start a new transaction and look again
                self.env.cr.rollback()  # pylint: disable=invalid-commit
                continue
            if not project:
                break
            try:
                with self.env.cr.savepoint():
                    self._collection_pass_project(project, today)
                    project.collection_pass_date = today
                passed |= project
            except Exception as error:  # pylint: disable=broad-exception-caught
                # one project's failure never stops the others' pass
                _logger.exception("Collection pass of %s failed", project.code)
                failed.append(project.id)
                if not commit:
                    raise error
            if commit:
                if self.env.context.get("ir_cron_progress_id"):
                    remaining = Project.search_count(
                        [
                            "|",
                            ("collection_pass_date", "=", False),
                            ("collection_pass_date", "<", today),
                        ]
                    )
                    self.env["ir.cron"]._notify_progress(
                        done=len(passed), remaining=max(remaining - len(failed), 0)
                    )
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return passed

    @api.model
    def _collection_claim_project(self, today, exclude=()):
        """The next active project whose pass has not run on ``today``,
        locked for this transaction; a pass running at the same time
        skips it instead of waiting."""
        self.env["property.project"].flush_model(["collection_pass_date", "active"])
        self.env.cr.execute(
            """
            SELECT id FROM property_project
             WHERE active
               AND (collection_pass_date IS NULL OR collection_pass_date < %s)
               AND id != ALL(%s)
             ORDER BY id
             LIMIT 1
               FOR UPDATE SKIP LOCKED
            """,
            [today, list(exclude)],
        )
        row = self.env.cr.fetchone()
        return self.env["property.project"].sudo().browse(row[0] if row else [])

    @api.model
    def _collection_pass_project(self, project, today):
        """Open a case for each unit and payer of ``project`` whose bills
        overdue by more than the project's grace days pass its threshold,
        close its paid cases, settle its promises already kept.
        Set-based: one query for the arrears, one for the open cases."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT l.property_unit_id, l.partner_id
              FROM account_move_line l
              JOIN account_account a ON a.id = l.account_id
              JOIN property_project p ON p.id = l.property_project_id
             WHERE l.property_project_id = %s
               AND l.parent_state = 'posted'
               AND a.account_type = 'asset_receivable'
               AND l.reconciled IS NOT TRUE
               AND l.property_unit_id IS NOT NULL
               AND l.property_renovation_id IS NULL
               AND l.partner_id IS NOT NULL
             GROUP BY l.property_unit_id, l.partner_id, p.id
            HAVING SUM(l.amount_residual) > p.collection_threshold
               AND SUM(l.amount_residual) FILTER (
                   WHERE l.date_maturity <= %s::date - p.collection_overdue_days
               ) > 0
            """,
            [project.id, today],
        )
        arrears = self.env.cr.fetchall()
        Case = self.sudo()
        open_cases = Case.search(
            [("project_id", "=", project.id), ("state", "!=", "closed")]
        )
        have = {(c.unit_id.id, c.partner_id.id) for c in open_cases}
        new_cases = Case.create(
            [
                {"unit_id": unit_id, "partner_id": partner_id, "user_id": False}
                for unit_id, partner_id in arrears
                if (unit_id, partner_id) not in have
            ]
        )
        new_cases._assign_agents()
        new_cases._signal_complaints()
        self.env["property.collection.attempt"].sudo().search(
            [
                ("promise_state", "=", "pending"),
                ("case_id.project_id", "=", project.id),
            ]
        )._promise_check_kept()
        open_cases.invalidate_recordset(["amount_due", "invoice_ids"])
        paid = open_cases.filtered(lambda c: c.state != "closed" and c.amount_due <= 0)
        paid._close("paid")
        return new_cases
