#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Summarise an Odoo 18 test-run log (``--log-level=test``).

Used by ``scripts/test.sh``; kept in its own file so that the parsing rules are
covered by the repo-level pytest suite (``tests/test_odoo_log_summary.py``).

Rules (checked against real Odoo 18.0 logs):

* A log record starts with ``YYYY-MM-DD HH:MM:SS,mmm PID LEVEL DB LOGGER: MSG``.
  Lines that do not start like that (tracebacks, multi-line messages) belong
  to the record above them.  Timestamps may be frozen by ``freeze_time``; only
  the shape matters.
* Totals come from the last
  ``odoo.tests.result: F failed, E error(s) of N tests when loading database``
  line: N tests were started (skipped ones included), F failed, E errored.
* Skips are not in that line: every ``skipped <test> : <reason>`` record (the
  ``OdooTestResult.addSkip`` log) is one skipped test.  HttpCase tours raise
  ``unittest.SkipTest`` when Chrome or websocket-client is missing, so they
  show up here; if a browser-skip message is seen but no skip record was
  counted, one skip is counted anyway.
* Every ERROR or CRITICAL record that is not itself part of the test report
  (``ERROR: <test>`` / ``FAIL: <test>`` headers, the per-module
  ``Module X: N failures, N errors of N tests`` line, ``At least one test
  failed when loading the modules.`` and the final ``odoo.tests.result``
  line) is one extra failure: for example a browser console error in a tour
  that still passed, a failed cron, a view warning raised as error.
* A ``Module X demo data failed to install`` record (logged as WARNING by
  Odoo) is one extra failure: the run must install WITH demo data.
* A log without the final ``odoo.tests.result`` line (crash, timeout, install
  failure) counts one extra failure.

passed = tests started - skipped - distinct tests with an ERROR:/FAIL: header
(a setUpClass error counts as an error but its tests never started).
failed = F + E + extra failures above.
"""

import argparse
import json
import re
import sys

RECORD_RE = re.compile(
    r"^(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL|TEST|RUNBOT|\?+) "
    r"(?P<db>\S+) (?P<logger>[\w.\-]+): ?(?P<msg>.*)$"
)
RESULT_RE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)
SKIP_RE = re.compile(r"^skipped (?P<test>.+?) : (?P<reason>.*)$")
FAILURE_HEADER_RE = re.compile(r"^(ERROR|FAIL): (?P<test>.+)$")
CLASS_LEVEL_RE = re.compile(r"^(setUpClass|tearDownClass|setUpModule|tearDownModule) ")
TEST_REPORT_ERROR_RES = (
    FAILURE_HEADER_RE,
    re.compile(r"^Module \S+: \d+ failures, \d+ errors of \d+ tests"),
    re.compile(r"^At least one test failed when loading the modules"),
)
BROWSER_SKIP_RE = re.compile(
    r"(Chrome executable not found|websocket-client module is not installed"
    r"|Failed to detect chrome devtools port|Error during Chrome"
    r"|Cannot connect to chrome dev tools|never found 'page' target"
    r"|chrom\S* not found)",
    re.IGNORECASE,
)
DEMO_FAILED_RE = re.compile(r"^Module \S+ demo data failed to install")


def iter_records(lines):
    """Yield (level, logger, first message line) for each log record."""
    for line in lines:
        m = RECORD_RE.match(line.rstrip("\n"))
        if m:
            yield m.group("level"), m.group("logger"), m.group("msg").rstrip()


def summarise(lines):
    result = None
    skipped = []
    extra_failures = []
    warnings = []
    failing_tests = set()
    browser_skip_seen = False
    for level, logger, msg in iter_records(lines):
        fm = FAILURE_HEADER_RE.match(msg)
        if fm and level == "ERROR":
            name = fm.group("test").strip()
            if not CLASS_LEVEL_RE.match(name):
                # subtests are reported as "Class.test (params)": one test
                failing_tests.add(re.sub(r" \(.*\)$", "", name))
        if logger == "odoo.tests.result":
            m = RESULT_RE.search(msg)
            if m:
                result = {k: int(v) for k, v in m.groupdict().items()}
                continue
        sm = SKIP_RE.match(msg)
        if sm and level in ("INFO", "TEST"):
            skipped.append(f"{sm.group('test')} : {sm.group('reason')}")
            continue
        if BROWSER_SKIP_RE.search(msg):
            browser_skip_seen = True
        if DEMO_FAILED_RE.match(msg):
            extra_failures.append(f"{level} {logger}: {msg}")
            continue
        if level in ("ERROR", "CRITICAL"):
            if any(r.match(msg) for r in TEST_REPORT_ERROR_RES):
                continue
            extra_failures.append(f"{level} {logger}: {msg}")
        elif level == "WARNING":
            warnings.append(f"{logger}: {msg}")

    if browser_skip_seen and not skipped:
        skipped.append("browser tests skipped (Chrome/websocket-client unavailable)")
    if result is None:
        extra_failures.append(
            "no 'odoo.tests.result: ... when loading database' line: "
            "Odoo crashed, timed out or did not run the tests"
        )
        result = {"failed": 0, "errors": 0, "run": 0}
    run, failed, errors = result["run"], result["failed"], result["errors"]
    # setUpClass errors are counted in `errors` but their tests never started,
    # so passed = started tests that neither failed nor were skipped.
    passed = max(0, run - len(failing_tests) - len(skipped))
    return {
        "tests": run,
        "passed": passed,
        "test_failures": failed,
        "test_errors": errors,
        "skipped": len(skipped),
        "skipped_tests": skipped,
        "extra_failures": extra_failures,
        "failed": failed + errors + len(extra_failures),
        "warnings": warnings,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logfile")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    with open(args.logfile, encoding="utf-8", errors="replace") as fh:
        summary = summarise(fh)
    if args.json:
        json.dump(summary, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(
        f"Odoo tests: {summary['tests']} run, {summary['passed']} passed, "
        f"{summary['test_failures']} failed, {summary['test_errors']} error(s), "
        f"{summary['skipped']} skipped\n"
    )
    for item in summary["skipped_tests"]:
        out.write(f"  SKIPPED (counts as a failure of the run): {item}\n")
    if summary["extra_failures"]:
        out.write(
            f"Odoo log: {len(summary['extra_failures'])} ERROR/CRITICAL record(s) "
            "outside the test report (each counts as one failure):\n"
        )
        for item in summary["extra_failures"]:
            out.write(f"  {item}\n")
    if summary["warnings"]:
        out.write(f"Odoo log: {len(summary['warnings'])} WARNING record(s) (info):\n")
        for item in summary["warnings"][:20]:
            out.write(f"  {item[:300]}\n")
        if len(summary["warnings"]) > 20:
            out.write(f"  ... {len(summary['warnings']) - 20} more in the log\n")
    out.write(
        f"ODOO_RESULT passed={summary['passed']} failed={summary['failed']} "
        f"skipped={summary['skipped']}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
