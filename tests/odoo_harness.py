# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the repo-level tests that run Odoo share: the installed test
database, the options that reach it, the interpreter, and a child process
that stops with its parent.

Environment (scripts/test.sh exports it):
  PROPERTY_CS_TEST_DB         installed database; without it the tests that
                              need it are skipped (a developer running pytest
                              alone)
  PYTHON                      interpreter that has Odoo 18 (python3)
  PGHOST, PGPORT, PGUSER, PGPASSWORD   database server
  PROPERTY_CS_TEST_ADDONS     addons path (the repository's addons/)
  PROPERTY_CS_TEST_DATA_DIR   Odoo data dir of the database (optional)
  PROPERTY_CS_TEST_ODOO_CONF  Odoo config file (optional)
"""

import os
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DB = os.environ.get("PROPERTY_CS_TEST_DB")


def stop_with_parent():
    """In an Odoo child (``preexec_fn``): get SIGTERM when pytest dies
    (Linux), so that a pytest killed by scripts/test.sh's traps leaves no
    Odoo process behind."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def connect(dbname=None):
    """A plain psycopg2 connection to the test database."""
    import psycopg2

    return psycopg2.connect(
        dbname=dbname or DB,
        host=os.environ.get("PGHOST", "127.0.0.1"),
        port=os.environ.get("PGPORT", "5432"),
        user=os.environ.get("PGUSER", "odoo"),
        password=os.environ.get("PGPASSWORD") or None,
        connect_timeout=10,
    )


def query(sql, params=(), dbname=None):
    """The rows of one query, on a connection of its own (to the test
    database or ``dbname``)."""
    conn = connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        conn.close()


def odoo_args(*extra, db=None):
    """Database, addons and data-dir options of the test database (or of
    ``db`` on the same server)."""
    return [
        *(
            ["-c", os.environ["PROPERTY_CS_TEST_ODOO_CONF"]]
            if os.environ.get("PROPERTY_CS_TEST_ODOO_CONF")
            else []
        ),
        "-d",
        db or DB,
        "--db_host",
        os.environ.get("PGHOST", "127.0.0.1"),
        "--db_port",
        os.environ.get("PGPORT", "5432"),
        "--db_user",
        os.environ.get("PGUSER", "odoo"),
        f"--addons-path={os.environ.get('PROPERTY_CS_TEST_ADDONS') or REPO / 'addons'}",
        *(
            [f"--data-dir={os.environ['PROPERTY_CS_TEST_DATA_DIR']}"]
            if os.environ.get("PROPERTY_CS_TEST_DATA_DIR")
            else []
        ),
        *extra,
    ]


def python():
    """The interpreter that has Odoo."""
    return os.environ.get("PYTHON") or sys.executable
