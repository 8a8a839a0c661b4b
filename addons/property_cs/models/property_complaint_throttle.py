# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
from datetime import timedelta

from odoo import api, fields, models


class PropertyComplaintThrottle(models.Model):
    """One row per throttle key of the public complaint form and of the
    tracking page (a client address, an email, a phone, a complaint), used
    only as a serialisation point so that the limits of D-13 hold under
    concurrent posts.

    Why: a limit counts the submissions already committed and the new one
    is inserted afterwards, so parallel posts from one address each counted
    the same rows and all got through. Now a request, before counting,
    locks the row of each of its keys (``_lock``: created if missing, then
    ``SELECT .. FOR UPDATE``); a request with a common key waits for it.
    When the count lets the submission through, the request also updates
    the rows (``_mark``). Odoo runs requests in REPEATABLE READ: a waiting
    request whose lock meets a row updated after its snapshot gets a
    serialisation failure, and Odoo retries it with a fresh snapshot
    (odoo/service/model.py ``retrying``), whose count sees the submission
    just committed. A request that was refused updates nothing, so the ones
    waiting behind it go on without a retry: only accepted submissions
    (at most the limit) cost the others a retry. At most one submission
    per key is between its count and its commit at any time, and the
    sliding-window counts stay exact. Keys are sorted before locking (no
    deadlock between requests sharing two keys) and stored hashed (the
    table holds no address or email in clear); rows idle for two days (the
    longest window is one day) are removed by the autovacuum.
    """

    _name = "property.complaint.throttle"
    _description = "Public Complaint Throttle Key"
    _order = "write_date desc"
    _rec_name = "key"

    key = fields.Char(required=True, readonly=True, help="Hash of the key.")

    _sql_constraints = [
        ("key_unique", "unique(key)", "A throttle key is recorded once."),
    ]

    @api.model
    def _digests(self, keys):
        return sorted({hashlib.sha256(key.encode()).hexdigest() for key in keys if key})

    @api.model
    def _lock(self, *keys):
        """Lock the row of each key (see the class docstring) until the
        transaction ends. Call it before counting the submissions that a
        limit checks, then ``_mark`` the keys if the submission goes
        through. Empty keys are ignored.

        :param keys: strings such as ``"form-ip:10.0.0.1"``
        :return: the keys to pass to ``_mark``
        :raise psycopg2.errors.SerializationFailure: a concurrent request
            with a common key recorded a submission after this
            transaction's snapshot (Odoo retries the request)
        """
        digests = self._digests(keys)
        if not digests:
            return keys
        for digest in digests:
            self.env.cr.execute(
                """
                INSERT INTO property_complaint_throttle
                    (key, create_uid, create_date, write_uid, write_date)
                VALUES (%s, %s, now() at time zone 'UTC', %s,
                        now() at time zone 'UTC')
                ON CONFLICT (key) DO NOTHING
                """,
                (digest, self.env.uid, self.env.uid),
            )
        self.env.cr.execute(
            """
            SELECT id FROM property_complaint_throttle
             WHERE key IN %s ORDER BY key FOR UPDATE
            """,
            (tuple(digests),),
        )
        return keys

    @api.model
    def _mark(self, *keys):
        """Record that this transaction adds a submission under ``keys``
        (locked by ``_lock``): requests waiting on them will count again."""
        digests = self._digests(keys)
        if digests:
            self.env.cr.execute(
                """
                UPDATE property_complaint_throttle
                   SET write_date = now() at time zone 'UTC', write_uid = %s
                 WHERE key IN %s
                """,
                (self.env.uid, tuple(digests)),
            )

    @api.autovacuum
    def _gc_idle_keys(self):
        """Drop the keys unused for two days: no limit looks further back."""
        self.env.cr.execute(
            "DELETE FROM property_complaint_throttle WHERE write_date < %s",
            (fields.Datetime.now() - timedelta(days=2),),
        )
