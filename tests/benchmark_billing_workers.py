#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark billing with 1 and 2 worker processes (property_cs, D-21).

For each worker count, creates a new project of UNITS units with an owner
each and one property-service fee standard, queues a billing run of a
month in chunks of CHUNK units and commits; then forks that many worker
processes (each with its own database connections), releases them at the
same moment, and each runs the worker loop of the billing crons
(``property.billing.chunk._work``, committing after each chunk as in
production) until no chunk is pending. It prints the wall time of each
count, the speed-up, and per worker the chunks it billed, the time spent
in its chunks and the part of it spent posting the chunk's bills together
(posting waits for the journal's sequence, which another worker holds
until its chunk commits), and the peak resident memory of each worker
(a cron worker of Odoo is recycled above ``limit_memory_soft``). With
``--json PATH`` it also writes these figures as JSON (the benchmark runner
``tests/benchmark.py`` reads them for its ``billing_workers`` path).

The data is committed (it stays in the database: use a benchmark
database), and the second count bills after the first, on larger tables.

    python3 tests/benchmark_billing_workers.py -d DB --db_host 127.0.0.1 \\
        --db_user odoo --addons-path=addons [--units 2000] [--chunk 100] \\
        [--workers 1,2] [--json PATH]

``--chunk`` defaults to the company's setting (units per billing chunk).
"""

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchmark_billing import _populate  # noqa: E402


def peak_rss_mb():
    """This process's resident-memory high-water mark, in MB (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return None


def _prepare(registry, units, chunk):
    """A committed project of ``units`` units with a queued run (chunks of
    ``chunk`` units, or the company's setting when None)."""
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        project, _partners = _populate(env, units, f"W{uuid.uuid4().hex[:6]}")
        company = env.company
        size = company.property_billing_chunk_size
        company.property_billing_chunk_size = chunk or size
        run = env["property.billing.run"].create(
            {"project_id": project.id, "period_start": date(2026, 3, 1)}
        )
        run.action_queue()
        company.property_billing_chunk_size = size
        return run.id, len(run.chunk_ids)


def _worker(registry, go_path, out_path):
    """In a forked process: wait for the go file, then bill until no chunk
    is pending; write what it did as JSON."""
    import odoo

    Chunk = registry["property.billing.chunk"]
    Move = registry["account.move"]
    process, action_post = Chunk._process, Move.action_post
    stats = {"chunks": 0, "chunk_s": 0.0, "post_s": 0.0, "pid": os.getpid()}

    def _process(self):
        start = time.perf_counter()
        process(self)
        stats["chunks"] += 1
        stats["chunk_s"] += time.perf_counter() - start

    def _action_post(self):
        start = time.perf_counter()
        try:
            return action_post(self)
        finally:
            stats["post_s"] += time.perf_counter() - start

    Chunk._process, Move.action_post = _process, _action_post
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        cr.rollback()  # no snapshot older than the release
        while not os.path.exists(go_path):
            time.sleep(0.002)
        env["property.billing.chunk"]._work(time.monotonic() + 36000, commit=True)
    stats["cpu_s"] = time.process_time()
    stats["peak_rss_mb"] = peak_rss_mb()
    with open(out_path, "w") as out:
        json.dump(stats, out)


def _bench(registry, units, chunk, workers, tmp):
    import odoo

    run_id, chunks = _prepare(registry, units, chunk)
    go = os.path.join(tmp, f"go-{run_id}")
    outs = [os.path.join(tmp, f"w{run_id}-{i}.json") for i in range(workers)]
    odoo.sql_db.close_all()  # a worker opens connections of its own
    pids = []
    for out in outs:
        pid = os.fork()
        if not pid:
            code = 1
            try:
                _worker(registry, go, out)
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    time.sleep(2)  # the workers are waiting for the go file
    start = time.perf_counter()
    open(go, "w").close()
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    wall = time.perf_counter() - start
    with registry.cursor() as cr:
        cr.execute(
            """SELECT count(*), count(*) FILTER (WHERE state = 'posted')
                 FROM account_move WHERE property_billing_run_id = %s""",
            [run_id],
        )
        bills, posted = cr.fetchone()
        cr.execute("SELECT state FROM property_billing_run WHERE id = %s", [run_id])
        (state,) = cr.fetchone()
    stats = []
    for out in outs:
        if os.path.exists(out):
            with open(out) as f:
                stats.append(json.load(f))
    return {
        "workers": workers,
        "chunks": chunks,
        "wall": wall,
        "bills": bills,
        "posted": posted,
        "run_state": state,
        "exit_codes": codes,
        "stats": stats,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--chunk", type=int, default=None)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--json", help="write the figures to this file")
    args, odoo_args = parser.parse_known_args()
    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(config["db_name"])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers in [int(w) for w in args.workers.split(",")]:
            result = _bench(registry, args.units, args.chunk, workers, tmp)
            results.append(result)
            print(
                f"{workers} worker(s): {result['wall']:8.1f} s  "
                f"{result['wall'] / max(result['bills'], 1) * 1000:6.1f} ms/bill  "
                f"{result['posted']}/{result['bills']} bills posted, "
                f"{result['chunks']} chunks, run {result['run_state']}, "
                f"exit {result['exit_codes']}, "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
                flush=True,
            )
            for stat in result["stats"]:
                print(
                    f"    pid {stat['pid']}: {stat['chunks']} chunks, "
                    f"{stat['chunk_s']:.1f} s in chunks, "
                    f"{stat['post_s']:.1f} s of it posting (incl. waiting), "
                    f"{stat['cpu_s']:.1f} s CPU, "
                    f"peak memory {stat['peak_rss_mb']} MB",
                    flush=True,
                )
    base = results[0]
    for result in results[1:]:
        print(
            f"speed-up {result['workers']} vs {base['workers']} worker(s): "
            f"{base['wall'] / result['wall']:.2f}x"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"units": args.units, "results": results}, out, indent=2)
    return 0 if all(r["exit_codes"] == [0] * r["workers"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
