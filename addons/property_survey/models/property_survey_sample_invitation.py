# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import threading
import time

from psycopg2.extensions import TransactionRollbackError

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

INVITATION_CRONS = (
    "property_survey.ir_cron_property_survey_invitations_1",
    "property_survey.ir_cron_property_survey_invitations_2",
)
INVITATION_BATCH = 100
INVITATION_TIME_BUDGET = 240  # seconds, well below Odoo's cron time limit


class PropertySurveySample(models.Model):
    """Online invitations of a campaign's sample are queued work (D-26).

    Inviting thousands of sampled households (an answer and a mail each)
    takes minutes, more than a web request may: the campaign's button
    queues them and two identical cron records send them. Each claims a
    batch of queued households with ``FOR UPDATE SKIP LOCKED`` (so cron
    threads of several workers or hosts share the queue without waiting
    for each other), invites each under its own savepoint, clears their
    queued flag and commits. A household's answer, its mail and the
    cleared flag commit together: a worker that dies commits none of them
    and the household is claimed again; the invitation reuses the
    household's existing answer, so a household is never given two."""

    _inherit = "property.survey.sample"

    invitation_queued = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="The online invitation of this household is waiting to be sent.",
    )

    def _queue_invitations(self):
        """Queue the online invitation of these households and wake the
        invitation workers; returns how many were queued."""
        self.sudo().write({"invitation_queued": True})
        for xmlid in INVITATION_CRONS:
            cron = self.env.ref(xmlid, raise_if_not_found=False)
            if cron and cron.active:
                cron.sudo()._trigger()
        return len(self)

    @api.model
    def _invitation_claim(self, limit=INVITATION_BATCH):
        """The next queued households, locked for this transaction; another
        worker skips them instead of waiting."""
        self.flush_model(["invitation_queued"])
        self.env.cr.execute(
            """
            SELECT id FROM property_survey_sample
             WHERE invitation_queued
             ORDER BY id
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            [limit],
        )
        return self.sudo().browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _cron_send_invitations(
        self,
        commit=None,
        time_budget=INVITATION_TIME_BUDGET,
        batch_size=INVITATION_BATCH,
    ):
        """One invitation worker (each cron record of the list runs it):
        claim batches of queued households and invite them, committing
        after each batch of ``batch_size``, until none is queued or the time budget is
        spent; then wake the workers again if work remains. ``commit``:
        default when run by a cron job outside tests. Returns the count
        of households handled."""
        if commit is None:
            commit = bool(self.env.context.get("ir_cron_progress_id")) and not getattr(
                threading.current_thread(), "testing", False
            )
        deadline = time.monotonic() + time_budget
        done = 0
        while time.monotonic() < deadline:
            try:
                batch = self._invitation_claim(batch_size)
            except TransactionRollbackError:
                if not commit:
                    raise
                # another worker committed a batch after this transaction
                # began (REPEATABLE READ refuses to lock it): start anew
                self.env.cr.rollback()  # pylint: disable=invalid-commit
                continue
            if not batch:
                break
            for sample in batch:
                try:
                    with self.env.cr.savepoint():
                        sample.action_send_invitation()
                except Exception as error:  # pylint: disable=broad-exception-caught
                    # one household never stops the others: it stays
                    # without an invitation, the reason on its record
                    _logger.info("Inviting sampled household %s failed", sample.id)
                    lang = sample.campaign_id.company_id._property_lang()
                    sample.message_post(
                        body=self.with_context(lang=lang).env._(
                            "The online invitation could not be sent: %(reason)s",
                            reason=str(error),
                        ),
                        subtype_xmlid="mail.mt_note",
                    )
            batch.write({"invitation_queued": False})
            done += len(batch)
            if commit:
                if self.env.context.get("ir_cron_progress_id"):
                    self.env["ir.cron"]._notify_progress(
                        done=done,
                        remaining=self.sudo().search_count(
                            [("invitation_queued", "=", True)]
                        ),
                    )
                self.env.cr.commit()  # pylint: disable=invalid-commit
        if commit and self.sudo().search_count(
            [("invitation_queued", "=", True)], limit=1
        ):
            self.browse()._queue_invitations()
        return done
