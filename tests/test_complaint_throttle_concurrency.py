# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public complaint form's limit per client address holds under
concurrent posts (property.complaint.throttle).

An Odoo test runs in one transaction, so it cannot show a race: this test
adds 20 projects to the database that scripts/test.sh installed (with demo
data), starts a real threaded Odoo server on it and posts the form from 20
threads at the same moment, one project each, from one address; then it
counts in the database. (Posts to one project would be serialised anyway
by its gap-free ticket numbering; before the throttle took a lock, this
test saw 20 complaints accepted with a limit of 5.)

Environment (scripts/test.sh exports it):
  PROPERTY_CS_TEST_DB         installed database; without it the test is
                              skipped (a developer running pytest alone)
  PYTHON                      interpreter that has Odoo 18 (python3)
  PGHOST, PGPORT, PGUSER, PGPASSWORD   database server
  PROPERTY_CS_TEST_ADDONS     addons path (the repository's addons/)
  PROPERTY_CS_TEST_DATA_DIR   Odoo data dir of the database (optional)
  PROPERTY_CS_TEST_ODOO_CONF  Odoo config file (optional)
"""

import os
import random
import re
import socket
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
from odoo_harness import DB, odoo_args, python, query, stop_with_parent

PARALLEL = 20

pytestmark = pytest.mark.skipif(
    not DB, reason="PROPERTY_CS_TEST_DB is not set (scripts/test.sh sets it)"
)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Run by the Odoo interpreter: PARALLEL new projects of the first active
# project's company; prints "limit id id ...".
CREATE_PROJECTS = """
import sys
import odoo
from odoo.tools import config

config.parse_config(sys.argv[2:])
count = int(sys.argv[1])
with odoo.modules.registry.Registry(config["db_name"]).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    first = env["property.project"].search([], order="id", limit=1)
    assert first, "no project (is the demo data installed?)"
    projects = env["property.project"].create(
        [
            {
                "name": f"Parallel complaints {first.id}-{i}",
                "code": f"PAR{env['property.project'].search_count([]) + 1}-{i}",
                "company_id": first.company_id.id,
                "project_type": first.project_type,
                "tz": first.tz,
            }
            for i in range(count)
        ]
    )
    print(first.company_id.property_complaint_form_ip_limit, *projects.ids)
"""


@pytest.fixture
def projects():
    """PARALLEL projects of one company and its limit per address: one
    project per post, as each project numbers its tickets without gaps,
    which would serialise the posts to one project whatever the throttle
    does."""
    result = subprocess.run(
        [python(), "-c", CREATE_PROJECTS, str(PARALLEL), *odoo_args()],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ, TZ="UTC"),
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    limit, *ids = map(int, result.stdout.split()[-PARALLEL - 1 :])
    return limit, ids


@pytest.fixture
def odoo_server():
    """A threaded Odoo server (real concurrent connections) on the test
    database, in proxy mode so that each run posts from an address of its
    own (X-Forwarded-For). Yields its base URL and its log file."""
    import requests  # an Odoo dependency

    port = _free_port()
    cmd = [
        python(),
        "-m",
        "odoo",
        *odoo_args(),
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--workers=0",
        "--max-cron-threads=0",
        f"--db-filter=^{re.escape(DB)}$",
        "--proxy-mode",
        "--log-level=warn",
    ]
    env = dict(os.environ, TZ="UTC")
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        preexec_fn=stop_with_parent,  # before any thread runs
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"Odoo exited ({proc.returncode}):\n{log.read()[-3000:]}")
            try:
                if requests.get(f"{base}/web/login", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"Odoo did not answer in 120 s:\n{log.read()[-3000:]}")
            time.sleep(1)
        yield base, log
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def test_parallel_public_complaints_are_throttled_per_address(projects, odoo_server):
    """20 posts at the same moment from one address create at least one
    complaint and no more than the company's limit per address and hour."""
    import requests

    base, log = odoo_server
    limit, project_ids = projects
    assert limit and limit < PARALLEL, (
        f"the per-address limit ({limit}) must be between 1 and {PARALLEL - 1} "
        "for this test"
    )
    # an address of this run only: no earlier submission counts against it
    ip = (
        f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    )
    run = uuid.uuid4().hex[:12]
    headers = {"X-Forwarded-For": ip, "X-Forwarded-Host": base.split("//")[1]}
    barrier = threading.Barrier(PARALLEL, timeout=90)
    results = [None] * PARALLEL

    def post(i):
        url = f"{base}/complaint/{project_ids[i]}"
        try:
            with requests.Session() as session:
                page = session.get(url, headers=headers, timeout=60)
                page.raise_for_status()
                token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
                assert token, "no csrf_token on the complaint form"
                data = {
                    "csrf_token": token.group(1),
                    "contact_name": f"Parallel {i}",
                    # one email per post: only the per-address limit applies
                    "email": f"throttle-{run}-{i}@example.com",
                    "phone": "",
                    "location": "Gate",
                    "name": f"Parallel complaint {run} {i}",
                    "description": "Posted at the same moment as nineteen others.",
                    "remedy": "Nothing, this is a test",
                }
                barrier.wait()
                response = session.post(url, data=data, headers=headers, timeout=120)
                results[i] = response.status_code
        except Exception as exc:  # reported by the assertion below
            results[i] = repr(exc)
            barrier.abort()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    errors = [r for r in results if not isinstance(r, int)]
    assert not errors, f"posts failed: {errors[:3]}"

    (created,) = query(
        """
        SELECT count(*) FROM property_complaint_submission
         WHERE action = 'form' AND ip_address = %s
        """,
        (ip,),
    )[0]
    (tickets,) = query(
        "SELECT count(*) FROM property_ticket WHERE name LIKE %s",
        (f"Parallel complaint {run} %",),
    )[0]
    log.seek(0)
    assert created > 0, (
        f"no complaint was accepted; statuses {results}\n{log.read()[-3000:]}"
    )
    assert created <= limit, (
        f"{created} complaints accepted from one address, limit {limit}; "
        f"statuses {results}"
    )
    assert tickets == created
