# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The daily collection pass shared by two cron threads over two real
database connections (property.collection.case._cron_collection_pass).

An Odoo test runs in one transaction, so it cannot show a race: this test
adds projects with overdue bills to the database that scripts/test.sh
installed (with demo data) and commits them, then runs the pass in two
threads of one Odoo process, each with its own cursor (as two cron threads
do), released at the same moment; each project's pass is slowed down so
that both threads are at work together. Then it counts in the database:
every project was passed by exactly one thread, both threads took part,
each unit and payer in arrears has exactly one open case, and a third pass
the same day finds nothing left to do.

Environment: see tests/odoo_harness.py (scripts/test.sh exports it).
"""

import json
import os
import subprocess

import pytest
from odoo_harness import DB, odoo_args, python, query, stop_with_parent

PROJECTS = 6
UNITS = 4

pytestmark = pytest.mark.skipif(
    not DB, reason="PROPERTY_CS_TEST_DB is not set (scripts/test.sh sets it)"
)

# Run by the Odoo interpreter: set up PROJECTS projects of UNITS units with
# an owner each and the bills of March 2026 (long overdue), committed; then
# two threads run the pass at once, each on its own cursor; prints one JSON
# line {"projects": [...], "passed": [[...], [...]], "again": [...]}.
TWO_PASSES = """
import json
import sys
import threading
import time
import uuid

import odoo
from odoo.tools import config

projects_count, units_count = int(sys.argv[1]), int(sys.argv[2])
config.parse_config(sys.argv[3:])
registry = odoo.modules.registry.Registry(config["db_name"])

with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    service = env.ref("property_cs.property_fee_type_service")
    projects = env["property.project"]
    for _i in range(projects_count):
        tag = uuid.uuid4().hex[:10]
        project = env["property.project"].create(
            {"name": f"Concurrent collection {tag}", "code": f"CC-{tag}",
             "company_id": env.company.id, "collection_threshold": 50.0}
        )
        building = env["property.building"].create(
            {"name": "A", "project_id": project.id}
        )
        units = env["property.unit"].create(
            [{"name": f"{n:03d}", "building_id": building.id, "area": 60.0 + n,
              "date_handover": "2025-01-01"} for n in range(1, units_count + 1)]
        )
        owners = env["res.partner"].create(
            [{"name": f"Owner {tag} {unit.name}"} for unit in units]
        )
        env["property.unit.partner"].create(
            [{"unit_id": unit.id, "partner_id": owner.id, "role": "owner",
              "date_start": "2025-01-01"} for unit, owner in zip(units, owners)]
        )
        env["property.fee.standard"].create(
            {"project_id": project.id, "fee_type_id": service.id, "rate": 2.5,
             "date_from": "2026-01-01", "approval_ref": "Filing"}
        )
        run = env["property.billing.run"].create(
            {"project_id": project.id, "period_start": "2026-03-01"}
        )
        run.action_queue()
        projects |= project
    env["property.billing.chunk"]._work(time.monotonic() + 600, commit=False)

Case = registry["property.collection.case"]
project_pass = Case._collection_pass_project


def slow_pass(self, project, today):
    result = project_pass(self, project, today)
    time.sleep(0.4)  # both threads at work at the same time
    return result


Case._collection_pass_project = slow_pass
barrier = threading.Barrier(2, timeout=60)
passed = [None, None]
errors = []


def work(index):
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            barrier.wait()
            passed[index] = env["property.collection.case"]._cron_collection_pass(
                commit=True
            ).ids
    except Exception as error:
        errors.append(repr(error))


threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(300)
assert not errors, errors
assert not any(thread.is_alive() for thread in threads), "a pass did not end"
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    again = env["property.collection.case"]._cron_collection_pass(commit=True).ids
print(json.dumps({"projects": projects.ids, "passed": passed, "again": again}))
"""


def test_two_passes_share_the_projects():
    result = subprocess.run(
        [
            python(),
            "-c",
            TWO_PASSES,
            str(PROJECTS),
            str(UNITS),
            *odoo_args("--log-level=warn"),
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ, TZ="UTC"),
        timeout=600,
        check=False,
        preexec_fn=stop_with_parent,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    first, second = (set(ids) for ids in report["passed"])
    ours = set(report["projects"])
    # each project passed once, by one thread; both threads took part
    assert not first & second
    assert ours <= first | second
    assert first & ours and second & ours, report
    # a third pass the same day has nothing left
    assert report["again"] == []
    # every unit and payer in arrears: exactly one open case, none twice
    rows = query(
        """
        SELECT c.project_id, c.unit_id, c.partner_id, COUNT(*)
          FROM property_collection_case c
         WHERE c.project_id = ANY(%s) AND c.state != 'closed'
         GROUP BY c.project_id, c.unit_id, c.partner_id
        """,
        (sorted(ours),),
    )
    assert {count for *_key, count in rows} == {1}
    assert len(rows) == PROJECTS * UNITS
    stamped = query(
        "SELECT COUNT(*) FROM property_project "
        "WHERE id = ANY(%s) AND collection_pass_date IS NOT NULL",
        (sorted(ours),),
    )
    assert stamped == [(PROJECTS,)]
