# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The benchmark smoke: the small generated portfolio and every hot path
within its query budget (tests/benchmarks/budgets.json).

Creates a database of its own next to the test database (both addons,
no demo data), fills it with ``data/populate_database.py --size small
--jobs 2`` (two processes sharing the projects; the portfolios and
tickets first with ``--without-history``, then the rest), checks that the
fee history's SQL copies hold what the ORM writes
(``data/populate_ledger.py --compare``),
runs ``tests/benchmark.py --check`` on it (every path; billing on 50
units, with one and two worker processes) and drops it. It fails when
the generator fails or leaves a ``mail.mail`` row, when a path fails,
or when a path's query count exceeds its budget: a change that adds
queries to a hot path has to say so by raising the budget.

Environment: see tests/odoo_harness.py (scripts/test.sh exports it).
"""

import datetime
import json
import os
import subprocess

import pytest
from odoo_harness import DB, REPO, odoo_args, python, query, stop_with_parent

pytestmark = pytest.mark.skipif(
    not DB, reason="PROPERTY_CS_TEST_DB is not set (scripts/test.sh sets it)"
)

SMOKE_DB = f"{DB}_bench" if DB else None
DROP = """
import sys
import odoo
from odoo.tools import config

config.parse_config(sys.argv[1:])
odoo.service.db.exp_drop(config["db_name"])
"""


def _run(args, timeout):
    result = subprocess.run(
        [python(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ, TZ="UTC"),
        timeout=timeout,
        check=False,
        cwd=REPO,
        preexec_fn=stop_with_parent,
    )
    return result


def test_small_portfolio_within_query_budgets(tmp_path):
    args = odoo_args("--log-level=warn", db=SMOKE_DB)
    try:
        install = _run(
            [
                "-m",
                "odoo",
                *args,
                "-i",
                "property_cs,property_survey",
                "--without-demo=all",
                "--load-language=en_US,zh_CN",
                "--stop-after-init",
                "--max-cron-threads=0",
            ],
            timeout=900,
        )
        assert install.returncode == 0, install.stderr[-3000:]
        # the portfolios and tickets first, then the rest of the history
        generator = ["data/populate_database.py", *args, "--size", "small"]
        first = _run([*generator, "--jobs", "2", "--without-history"], timeout=600)
        assert first.returncode == 0, first.stderr[-3000:]
        assert "portfolios and tickets made" in first.stdout, first.stdout
        assert "] history" not in first.stdout, first.stdout
        generate = _run([*generator, "--jobs", "2"], timeout=600)
        assert generate.returncode == 0, generate.stderr[-3000:]
        assert "] portfolio" not in generate.stdout, generate.stdout
        state = json.loads(
            query(
                "SELECT value FROM ir_config_parameter WHERE key = %s",
                ("property_cs.populate",),
                dbname=SMOKE_DB,
            )[0][0]
        )
        assert state["finished"]
        # two jobs made the two projects, each one whole
        assert state["stats"]["jobs"] == 2
        assert "[1] history" in generate.stdout, generate.stdout
        assert "[2] history" in generate.stdout, generate.stdout
        assert state["steps"]["portfolio"]["done"] == 300
        assert state["steps"]["tickets"]["done"] == 2400
        # every capability's history, through the product's own methods
        stats = state["stats"]
        for kind in (
            "complaints",
            "callbacks",
            "events",
            "registrations",
            "campaigns",
            "answers",
            "bills",
            "bills_paid",
            "collection_cases",
            "permits",
        ):
            assert stats[kind] > 0, kind
        assert stats["bills_paid"] < stats["bills"]  # arrears remain
        # the past's overdue steps are recorded as fired: the engine's first
        # pass has nothing to catch up
        assert stats["steps_fired"] > 0
        due = query(
            "SELECT count(*) FROM property_deadline"
            " WHERE state = 'running' AND date_next_step <= %s",
            (state["ended"],),
            dbname=SMOKE_DB,
        )[0][0]
        assert due == 0
        assert not query("SELECT count(*) FROM mail_mail", dbname=SMOKE_DB)[0][0]
        # the fee history's SQL copies hold what the ORM writes: a project
        # billed and paid both ways for another month, every column compared
        month = datetime.date.today().replace(day=1) - datetime.timedelta(days=100)
        compare = _run(
            [
                "data/populate_ledger.py",
                *args,
                "--compare",
                "POP01",
                "--period",
                month.replace(day=1).isoformat(),
            ],
            timeout=600,
        )
        assert compare.returncode == 0, compare.stdout[-4000:] + compare.stderr[-2000:]
        assert "\n0 differences" in f"\n{compare.stdout}", compare.stdout[-4000:]
        report_file = tmp_path / "report.json"
        bench = _run(
            [
                "tests/benchmark.py",
                *args,
                "--repeat",
                "3",
                "--households",
                "2000",
                "--units",
                "50",
                "--budgets",
                "tests/benchmarks/budgets.json",
                "--check",
                "--json",
                str(report_file),
            ],
            timeout=900,
        )
        assert bench.returncode == 0, bench.stdout[-4000:] + bench.stderr[-2000:]
        report = json.loads(report_file.read_text())
        assert not report["failures"]
        # the steady deadline pass does not grow with the open obligations
        assert report["paths"]["deadline_pass"]["met"], report["paths"]["deadline_pass"]
        assert report["paths"]["agent_kanban"]["records"] == 80
        # the billing workers (separate processes) billed every unit once
        workers = report["paths"]["billing_workers"]
        assert workers["billed_once"], workers
        assert sum(workers["worker_chunks"]) == workers["chunks"], workers
        assert 0 < workers["peak_memory_mb"] < 2048, workers
    finally:
        _run(["-c", DROP, *args], timeout=300)
