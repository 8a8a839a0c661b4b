# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Odoo log parsing rules of scripts/test.sh (scripts/odoo_log_summary.py).

The sample lines are copied from real Odoo 18.0 runs (--log-level=test).
"""

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "odoo_log_summary", REPO / "scripts" / "odoo_log_summary.py"
)
ols = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ols)

P = "2026-11-22 20:05:48,878 11378"
DB = "property_cs_test"
MOD = "odoo.addons.property_cs.tests.test_x"


def _log(*lines):
    return [line + "\n" for line in lines]


def test_all_green():
    """A clean run: all tests passed, nothing else to report."""
    s = ols.summarise(
        _log(
            f"{P} INFO {DB} {MOD}: Starting TestX.test_a ... ",
            f"{P} INFO {DB} odoo.service.server: 2 post-tests in 26.24s, 403 queries ",
            f"{P} INFO {DB} odoo.tests.stats: property_cs: 4 tests 2.52s 114 queries ",
            f"{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 3 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert (s["tests"], s["passed"], s["failed"], s["skipped"]) == (3, 3, 0, 0)


def test_failures_errors_skips_and_stray_errors():
    """Failures, errors, skips and ERROR records outside the report are all counted."""
    s = ols.summarise(
        _log(
            f"{P} INFO {DB} {MOD}: Starting TestX.test_error ... ",
            f"{P} INFO {DB} {MOD}: " + "=" * 70 + " ",
            f"{P} ERROR {DB} {MOD}: ERROR: TestX.test_error",
            "Traceback (most recent call last):",
            '  File "/tmp/x.py", line 10, in test_error',
            "ValueError: boom",
            f"{P} ERROR {DB} {MOD}: FAIL: TestX.test_fail",
            "AssertionError: 1 != 2",
            f"{P} INFO {DB} {MOD}: skipped TestX.test_skip : skipping on purpose ",
            f"{P} ERROR {DB} odoo.modules.loading: Module zz: 1 failures, "
            "1 errors of 4 tests ",
            f"{P} ERROR {DB} odoo.modules.loading: At least one test failed when "
            "loading the modules. ",
            f"{P} ERROR {DB} {MOD}.TestPost.test_tour.browser: Exception received "
            "after termination: Uncaught (in promise)TypeError: Failed to fetch",
            f"{P} WARNING {DB} odoo.tools.translate: no translation language detected",
            f"{P} ERROR {DB} odoo.tests.result: 1 failed, 1 error(s) of 6 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["tests"] == 6
    assert s["skipped"] == 1
    assert s["test_failures"] == 1 and s["test_errors"] == 1
    assert len(s["extra_failures"]) == 1, s["extra_failures"]
    assert s["failed"] == 3
    assert s["passed"] == 6 - 2 - 1
    assert len(s["warnings"]) == 1


def test_setupclass_error_does_not_hide_passed_tests():
    """A setUpClass error counts as an error; its tests never started."""
    s = ols.summarise(
        _log(
            f"{P} ERROR {DB} odoo.tests.suite: ERROR: setUpClass "
            "(odoo.addons.property_cs.tests.test_portal.TestPortal)",
            f"{P} ERROR {DB} {MOD}: FAIL: TestX.test_fail (case=1)",
            f"{P} ERROR {DB} {MOD}: FAIL: TestX.test_fail (case=2)",
            f"{P} ERROR {DB} odoo.tests.result: 2 failed, 1 error(s) of 5 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["passed"] == 4  # 5 started, one of them (two subtests) failed
    assert s["failed"] == 3
    assert s["extra_failures"] == []


def test_missing_browser_is_a_skip():
    """Tours skipped because Chrome is missing count as skipped."""
    s = ols.summarise(
        _log(
            f"{P} INFO {DB} {MOD}: skipped TestTour.test_tour : Chrome executable "
            "not found ",
            f"{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 1 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["skipped"] == 1 and s["passed"] == 0 and s["failed"] == 0


def test_browser_message_without_skip_record_still_counts():
    """A websocket-client/Chrome message without a skip record counts one skip."""
    s = ols.summarise(
        _log(
            f"{P} WARNING {DB} {MOD}.TestTour.test_tour: websocket-client module "
            "is not installed",
            f"{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 1 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["skipped"] == 1


def test_crash_without_summary_is_a_failure():
    """No final odoo.tests.result line (install crash, timeout) is a failure."""
    s = ols.summarise(
        _log(
            f"{P} CRITICAL {DB} odoo.service.server: Failed to initialize database "
            f"`{DB}`.",
            "Traceback (most recent call last):",
        )
    )
    assert s["tests"] == 0
    assert s["failed"] == 2  # the CRITICAL record + the missing summary


def test_demo_data_failure_is_a_failure():
    """Demo data that fails to load (a WARNING in Odoo) fails the run."""
    s = ols.summarise(
        _log(
            f"{P} WARNING {DB} odoo.modules.loading: Module property_cs demo data "
            "failed to install, installed without demo data",
            f"{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 2 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["failed"] == 1 and s["passed"] == 2


def test_frozen_time_records_are_parsed():
    """freeze_time changes the timestamp of records; they still parse."""
    s = ols.summarise(
        _log(
            f"2026-03-07 00:00:00,000 11802 ERROR {DB} odoo.sql_db: bad query",
            f"{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 1 tests "
            f"when loading database '{DB}' ",
        )
    )
    assert s["failed"] == 1
