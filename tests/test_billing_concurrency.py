# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Queued billing bills every fee exactly once under real concurrency
(property.billing.run, property.billing.chunk, property.billing.line).

An Odoo test runs in one transaction, so it cannot show a race: these
tests add projects to the database that scripts/test.sh installed (with
demo data), queue billing runs on them and bill them with several worker
processes, each with its own database connections, released at the same
moment; then they count in the database. The workers are forked from one
Odoo process that loaded the registry once (loading it takes seconds of
CPU per process); a worker runs what a billing cron runs.

- Two runs of one project and month, three workers: every chunk is done
  by exactly one worker, all workers take part, the worker that bills a
  unit second is refused by the database, each unit has one bill and
  each fee one billed item, and both runs end done.
- A worker killed (SIGKILL) in the middle of a chunk commits nothing;
  the other worker goes on, and the chunk is billed once.
- The two billing worker crons, run the way Odoo's cron threads run
  them, finish a run of several chunks without failing.

Environment (scripts/test.sh exports it):
  PROPERTY_CS_TEST_DB         installed database; without it the tests are
                              skipped (a developer running pytest alone)
  PYTHON                      interpreter that has Odoo 18 (python3)
  PGHOST, PGPORT, PGUSER, PGPASSWORD   database server
  PROPERTY_CS_TEST_ADDONS     addons path (the repository's addons/)
  PROPERTY_CS_TEST_DATA_DIR   Odoo data dir of the database (optional)
  PROPERTY_CS_TEST_ODOO_CONF  Odoo config file (optional)
"""

import json
import os
import queue
import signal
import subprocess
import threading
import time

import pytest
from odoo_harness import DB, odoo_args, python, query, stop_with_parent

MONTH = "2026-03-01"
# units and billing runs of each test's project
PROJECTS = {"three_workers": (40, 2), "killed": (18, 1), "crons": (12, 1)}

pytestmark = pytest.mark.skipif(
    not DB, reason="PROPERTY_CS_TEST_DB is not set (scripts/test.sh sets it)"
)


# Run by the Odoo interpreter: loads the registry, then answers one JSON
# command a line on stdin with one "REPLY <json>" line on stdout:
#   setup  new projects of the main company, each with units (one owner
#          each), two monthly fees and billing runs of one month in draft
#   queue  queue runs (action_queue, one after the other as two users
#          would) in chunks of the given size; their chunks and units
#   fork   a worker process: its own connections (none is inherited),
#          stdout and stderr to files; it touches its "ready" file, waits
#          for its "go" file (the barrier), then bills:
#            mode "direct": _cron_process_chunks(time_budget=...), as a
#                           cron calls it, committing per chunk;
#            mode "cron":   a worker cron job, the way an Odoo cron thread
#                           runs it (acquire the job, _process_job);
#          it prints START/PROCESSED <chunk> around each chunk, BILLED
#          <unit> <bills> per unit billed, DUPLICATE <unit> when the
#          database refuses a unit's items (billed by another worker),
#          CLAIM-RETRY when a claim was refused, and sleeps after each unit
#          for "delay" seconds (to be killed in the middle of a chunk)
#   poll / wait   a worker's exit code (waiting at most "timeout" seconds)
ODOO_HELPER = """
import ctypes
import json
import os
import signal
import sys
import time
import traceback
import uuid

import odoo
from odoo.tools import config
from psycopg2 import IntegrityError
from psycopg2.extensions import TransactionRollbackError

config.parse_config(sys.argv[1:])
registry = odoo.modules.registry.Registry(config["db_name"])
Chunk = registry["property.billing.chunk"]
Run = registry["property.billing.run"]
claim, process, bill_unit = Chunk._claim, Chunk._process, Run._bill_unit
worker = {}  # the spec, in a worker


def say(*words):
    print(*words, flush=True)


def _claim(self):
    try:
        return claim(self)
    except TransactionRollbackError:
        say("CLAIM-RETRY")
        raise


def _process(self):
    say("START", self.id)
    process(self)
    say("PROCESSED", self.id)


def _bill_unit(self, unit, ctx, billed):
    try:
        moves = bill_unit(self, unit, ctx, billed)
    except IntegrityError:
        say("DUPLICATE", unit.id)
        raise
    say("BILLED", unit.id, len(moves))
    if worker.get("delay"):
        time.sleep(worker["delay"])
    return moves


Chunk._claim, Chunk._process, Run._bill_unit = _claim, _process, _bill_unit


def setup(env, projects):
    service = env.ref("property_cs.property_fee_type_service")
    waste = env.ref("property_cs.property_fee_type_waste")
    result = []
    for spec in projects:
        tag = uuid.uuid4().hex[:10]
        project = env["property.project"].create(
            {"name": f"Concurrent billing {tag}", "code": f"CB-{tag}",
             "company_id": env.company.id}
        )
        building = env["property.building"].create(
            {"name": "A", "project_id": project.id}
        )
        units = env["property.unit"].create(
            [
                {"name": f"{i:03d}", "building_id": building.id,
                 "area": 50.0 + i, "date_handover": "2025-01-01"}
                for i in range(1, spec["units"] + 1)
            ]
        )
        owners = env["res.partner"].create(
            [{"name": f"Owner {tag} {unit.name}"} for unit in units]
        )
        env["property.unit.partner"].create(
            [
                {"unit_id": unit.id, "partner_id": owner.id, "role": "owner",
                 "date_start": "2025-01-01"}
                for unit, owner in zip(units, owners)
            ]
        )
        env["property.fee.standard"].create(
            [
                {"project_id": project.id, "fee_type_id": service.id,
                 "rate": 2.5, "date_from": "2026-01-01", "approval_ref": "Filing"},
                {"project_id": project.id, "fee_type_id": waste.id,
                 "rate": 10.0, "date_from": "2026-01-01", "approval_ref": "Notice"},
            ]
        )
        runs = env["property.billing.run"].create(
            [{"project_id": project.id, "period_start": spec["month"]}]
            * spec["runs"]
        )
        result.append({
            "project": project.id,
            "runs": runs.ids,
            "owners": {unit.id: owner.id for unit, owner in zip(units, owners)},
        })
    return result


def queue(env, runs, chunk_size):
    company = env.company
    size = company.property_billing_chunk_size
    company.property_billing_chunk_size = chunk_size
    runs = env["property.billing.run"].browse(runs)
    for run in runs:
        run.action_queue()
    company.property_billing_chunk_size = size
    return {chunk.id: chunk.unit_ids.ids for chunk in runs.chunk_ids}


def work():
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        cron_id = worker.get("cron") and env.ref(worker["cron"]).id
        cr.execute("SELECT pg_backend_pid()")
        say("BACKEND", cr.fetchone()[0])
        cr.rollback()  # no snapshot older than the barrier
        open(worker["ready"], "w").close()
        while not os.path.exists(worker["go"]):
            time.sleep(0.005)
        if not cron_id:
            done = env["property.billing.chunk"]._cron_process_chunks(
                time_budget=worker.get("budget", 120)
            )
            say("RETURNED", done)
            return
    db = odoo.sql_db.db_connect(config["db_name"])
    with db.cursor() as cron_cr:
        job = registry["ir.cron"]._acquire_one_job(cron_cr, cron_id)
        assert job, "the billing worker cron is not ready"
        registry["ir.cron"]._process_job(db, cron_cr, job)
    say("RETURNED cron")


def fork(spec):
    odoo.sql_db.close_all()  # a worker opens connections of its own
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # dies with this process
        for fd, path in ((1, spec["out"]), (2, spec["err"]), (0, os.devnull)):
            os.dup2(os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC), fd)
        worker.update(spec)
        work()
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def wait(pid, timeout):
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            return None
        time.sleep(0.02)


def answer(command):
    if command["cmd"] in ("setup", "queue"):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if command["cmd"] == "setup":
                return setup(env, command["projects"])
            return queue(env, command["runs"], command["chunk_size"])
    if command["cmd"] == "fork":
        return fork(command["spec"])
    return wait(command["pid"], command.get("timeout", 0))


for line in sys.stdin:
    try:
        reply = {"result": answer(json.loads(line))}
    except Exception:
        reply = {"error": traceback.format_exc()}
    say("REPLY", json.dumps(reply))
"""


class Odoo:
    """The Odoo process that sets up and forks the workers."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.err = tmp_path / "odoo.err"
        self.lines = queue.Queue()
        with open(self.err, "w") as err:
            self.proc = subprocess.Popen(
                [python(), "-c", ODOO_HELPER, *odoo_args("--log-level=warn")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=dict(os.environ, TZ="UTC"),
                preexec_fn=stop_with_parent,
            )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            if line.startswith("REPLY "):
                self.lines.put(json.loads(line[6:]))
        self.lines.put(None)

    def call(self, cmd, reply_in=180, **args):
        self.proc.stdin.write(json.dumps(dict(args, cmd=cmd)) + "\n")
        self.proc.stdin.flush()
        try:
            reply = self.lines.get(timeout=args.get("timeout", 0) + reply_in)
        except queue.Empty:
            pytest.fail(f"Odoo did not answer {cmd}")
        if reply is None:
            pytest.fail(f"Odoo exited:\n{self.err.read_text()[-3000:]}")
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


class Worker:
    """A worker process forked by Odoo; its stdout and stderr in files."""

    def __init__(self, odoo, name, barrier=True, **spec):
        self.odoo = odoo
        self.name = name
        tmp = odoo.tmp_path
        self.out = tmp / f"{name}.out"
        self.err = tmp / f"{name}.err"
        self.ready = tmp / f"{name}.ready"
        # without the barrier, a worker goes as soon as it is ready
        go = tmp / "go" if barrier else self.ready
        spec.update(out=str(self.out), err=str(self.err))
        spec.update(ready=str(self.ready), go=str(go))
        self.pid = odoo.call("fork", spec=spec)
        self.code = None

    def words(self, key):
        """The values of the stdout lines starting with ``key``."""
        return [
            line.split()[1:]
            for line in self.out.read_text().splitlines()
            if line.split()[:1] == [key]
        ]

    def ids(self, key):
        return [int(words[0]) for words in self.words(key)]

    def log(self):
        return (
            f"--- {self.name} (exit {self.code}) stdout:\n"
            f"{self.out.read_text()[-1500:]}\n--- stderr:\n"
            f"{self.err.read_text()[-3000:]}"
        )

    def poll(self):
        if self.code is None:
            self.code = self.odoo.call("wait", pid=self.pid, timeout=0)
        return self.code

    def wait(self, timeout=120):
        if self.code is not None:
            return self.code
        self.code = self.odoo.call("wait", pid=self.pid, timeout=timeout)
        if self.code is None:
            os.kill(self.pid, signal.SIGKILL)
            pytest.fail(f"{self.name} did not finish in {timeout} s\n{self.log()}")
        return self.code


def _release(odoo, workers):
    """Let the workers go at the same moment, once all are ready."""
    deadline = time.monotonic() + 120
    while not all(w.ready.exists() for w in workers):
        for worker in workers:
            if worker.poll() is not None:
                pytest.fail(f"{worker.name} exited early\n{worker.log()}")
        if time.monotonic() > deadline:
            pytest.fail("workers not ready in 120 s")
        time.sleep(0.02)
    (odoo.tmp_path / "go").touch()


@pytest.fixture(scope="module")
def odoo(tmp_path_factory):
    proc = Odoo(tmp_path_factory.mktemp("billing"))
    yield proc
    proc.close()


@pytest.fixture(scope="module")
def projects(odoo):
    """The projects of all tests, created at once."""
    specs = [{"units": u, "runs": r, "month": MONTH} for u, r in PROJECTS.values()]
    data = odoo.call("setup", projects=specs)
    for project in data:
        project["owners"] = {int(k): v for k, v in project["owners"].items()}
    return dict(zip(PROJECTS, data, strict=True))


@pytest.fixture
def odoo_test(odoo, tmp_path):
    """The Odoo helper with this test's directory for barrier and logs."""
    odoo.tmp_path = tmp_path
    return odoo


def _queue(odoo, setup, chunk_size):
    chunks = odoo.call("queue", runs=setup["runs"], chunk_size=chunk_size)
    return {int(chunk): units for chunk, units in chunks.items()}


def _assert_billed_once(setup, chunks, workers):
    """Every chunk done by exactly one worker, the runs done without
    errors, one billed item per unit and fee, one posted bill per unit
    (its owner's) carrying exactly those items."""
    units = sorted(setup["owners"])
    for worker in workers:
        assert worker.code == 0, worker.log()
        assert "Traceback" not in worker.err.read_text(), worker.log()
    processed = [c for w in workers for c in w.ids("PROCESSED") if c in chunks]
    assert sorted(processed) == sorted(chunks), (
        "each chunk must be processed by exactly one worker: "
        + "; ".join(f"{w.name} {w.ids('PROCESSED')}" for w in workers)
    )
    rows = query(
        """
        SELECT state, count(*), sum(billed_count), sum(failed_count)
          FROM property_billing_chunk WHERE id IN %s GROUP BY state
        """,
        (tuple(chunks),),
    )
    assert rows == [("done", len(chunks), len(units) * len(setup["runs"]), 0)]
    runs = query(
        "SELECT id, state FROM property_billing_run WHERE id IN %s ORDER BY id",
        (tuple(setup["runs"]),),
    )
    assert runs == [(run, "done") for run in setup["runs"]], (
        f"runs whose chunks are all done must be done: {runs}"
    )
    (issues,) = query(
        "SELECT count(*) FROM property_billing_issue WHERE run_id IN %s",
        (tuple(setup["runs"]),),
    )[0]
    assert issues == 0
    # one item per unit and fee (the unique key also has the payer and
    # the period; here one owner pays each unit and the fees are monthly)
    items = query(
        """
        SELECT unit_id, fee_type_id, count(*), min(partner_id), min(period_start),
               bool_and(move_line_id IS NOT NULL)
          FROM property_billing_line WHERE project_id = %s
         GROUP BY unit_id, fee_type_id
        """,
        (setup["project"],),
    )
    assert len(items) == 2 * len(units), items
    assert {item[0] for item in items} == set(units)
    for unit, _fee, count, payer, period, on_bill in items:
        assert count == 1, f"unit {unit} billed {count} times for one fee"
        assert payer == setup["owners"][unit]
        assert str(period) == MONTH
        assert on_bill, f"unit {unit}: a billed item is on no bill"
    bills = query(
        """
        SELECT property_unit_id, count(*), min(partner_id),
               bool_and(state = 'posted'), bool_and(property_billing_run_id IN %s)
          FROM account_move
         WHERE property_project_id = %s AND move_type = 'out_invoice'
         GROUP BY property_unit_id
        """,
        (tuple(setup["runs"]), setup["project"]),
    )
    assert len(bills) == len(units), bills
    for unit, count, partner, posted, of_runs in bills:
        assert count == 1, f"unit {unit} has {count} bills"
        assert partner == setup["owners"][unit]
        assert posted and of_runs
    # the bills carry exactly the billed items: nothing billed twice there
    ((billed, invoiced),) = query(
        """
        SELECT (SELECT sum(amount) FROM property_billing_line
                 WHERE project_id = %(project)s),
               (SELECT sum(amount_untaxed) FROM account_move
                 WHERE property_project_id = %(project)s
                   AND move_type = 'out_invoice')
        """,
        {"project": setup["project"]},
    )
    assert billed == invoiced and billed > 0, (billed, invoiced)


def test_two_runs_three_workers_bill_once(odoo_test, projects):
    """Two runs of one project and month queued one after the other (two
    chunks of 20 units each), three workers released at once: each takes
    a chunk, so the two runs' chunks of the same units are billed at the
    same moment; the worker that bills a unit second is refused by the
    database; each unit ends with one bill, both runs done."""
    setup = projects["three_workers"]
    chunks = _queue(odoo_test, setup, 20)
    assert len(chunks) == 4
    pool = [Worker(odoo_test, f"worker{i}") for i in (1, 2, 3)]
    _release(odoo_test, pool)
    started = time.monotonic()
    for worker in pool:
        worker.wait()
    elapsed = time.monotonic() - started
    _assert_billed_once(setup, chunks, pool)
    for worker in pool:
        assert set(worker.ids("PROCESSED")) & set(chunks), (
            f"{worker.name} processed no chunk\n{worker.log()}"
        )
    # a worker waited for the other's uncommitted items of the same unit,
    # then the database refused its own
    # (a worker also bills other pending chunks, left by an earlier run)
    units = setup["owners"]
    refused = sum(1 for w in pool for unit in w.ids("DUPLICATE") if unit in units)
    billed = sum(int(n) for w in pool for u, n in w.words("BILLED") if int(u) in units)
    assert refused > 0, "no worker billed a unit another one was billing"
    assert billed == len(units), f"{billed} bills committed for {len(units)} units"
    print(f"\nthree workers, two runs: {elapsed:.1f} s, {refused} units refused")


def test_worker_killed_in_a_chunk(odoo_test, projects):
    """A slow worker is killed (SIGKILL) after billing some units of its
    chunk: nothing of that chunk was committed; the other worker, which
    usually waits meanwhile for the journal's next bill number (a worker
    holds it until it commits), goes on, and the chunk is billed once, by
    the other worker or by the next one."""
    setup = projects["killed"]
    chunks = _queue(odoo_test, setup, 6)
    assert len(chunks) == 3
    victim = Worker(odoo_test, "victim", delay=0.3)
    other = Worker(odoo_test, "other")
    _release(odoo_test, [victim, other])
    deadline = time.monotonic() + 60
    while len(victim.words("BILLED")) < 2:
        assert victim.poll() is None, victim.log()
        assert time.monotonic() < deadline, victim.log()
        time.sleep(0.02)
    (chunk,) = victim.ids("START")
    billed = victim.ids("BILLED")
    assert set(billed) <= set(chunks[chunk])
    # its bills are posted but not committed: nobody sees them
    (committed,) = query(
        "SELECT count(*) FROM property_billing_line WHERE unit_id IN %s",
        (tuple(billed),),
    )[0]
    assert committed == 0
    os.kill(victim.pid, signal.SIGKILL)
    assert victim.wait(30) == -signal.SIGKILL
    ((backend,),) = victim.words("BACKEND")
    deadline = time.monotonic() + 30
    while query("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (int(backend),)):
        assert time.monotonic() < deadline, "the killed worker's session remains"
        time.sleep(0.05)
    # the next worker takes the chunk if the other one ended before the
    # kill freed it (a worker does not wait for a locked chunk)
    rescuer = Worker(odoo_test, "rescuer", barrier=False)
    pool = [other, rescuer]
    for worker in pool:
        worker.wait()
    assert not victim.ids("PROCESSED")
    _assert_billed_once(setup, chunks, pool)
    assert chunk in other.ids("PROCESSED") + rescuer.ids("PROCESSED")


def test_worker_crons_finish_a_run(odoo_test, projects):
    """The two billing worker crons, run at the same moment the way two
    Odoo cron threads run them, bill a run of four chunks to the end: the
    progress they report is valid and no chunk is left pending."""
    setup = projects["crons"]
    chunks = _queue(odoo_test, setup, 3)
    assert len(chunks) == 4
    crons = [
        Worker(
            odoo_test,
            f"cron{i}",
            cron=f"property_cs.ir_cron_property_billing_worker_{i}",
        )
        for i in (1, 2)
    ]
    _release(odoo_test, crons)
    for worker in crons:
        worker.wait()
    _assert_billed_once(setup, chunks, crons)
    failures = query(
        """
        SELECT c.failure_count FROM ir_cron c
          JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id
         WHERE d.module = 'property_cs' AND d.name LIKE %s
        """,
        ("ir_cron_property_billing_worker_%",),
    )
    assert failures == [(0,), (0,)], failures
