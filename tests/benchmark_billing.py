#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark a billing run (property_cs, D-21) against bare invoicing.

Creates a project of UNITS units (default 10,000), each with an owner, and
one property-service fee standard; then, in the same transaction:

1. bills the month with a billing run (queued, then processed by the
   worker loop ``property.billing.chunk._work``, without commits);
2. creates and posts the same invoices directly with ``account.move.create``
   and ``action_post`` (one invoice per unit, the same line), as the floor
   of what Odoo itself costs.

It prints wall time, CPU time (of Odoo and of its PostgreSQL backend,
read from /proc when the database runs on this machine) and queries per
invoice of both and their ratios, then rolls everything back. The bare
invoices are made second, on tables larger by the run's bills; on a
shared machine compare CPU time and queries rather than wall time.

    python3 tests/benchmark_billing.py -d DB --db_host 127.0.0.1 \\
        --db_user odoo --addons-path=addons [--units N] [--no-bare]

Needs a database with property_cs installed (demo data or not) and a sales
journal. The speed-up of two workers is measured by
tests/benchmark_billing_workers.py, which runs them as separate processes.
"""

import argparse
import os
import sys
import time
from datetime import date


def _populate(env, units, tag):
    project = env["property.project"].create({"name": f"Bench {tag}", "code": tag})
    building = env["property.building"].create(
        {"name": f"{tag}-1", "project_id": project.id}
    )
    unit_ids = (
        env["property.unit"]
        .create(
            [
                {
                    "name": f"{i + 1:05d}",
                    "building_id": building.id,
                    "area": 80.0 + i % 50,
                    "date_handover": "2020-01-01",
                }
                for i in range(units)
            ]
        )
        .ids
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench owner {tag} {i}"} for i in range(units)]
    )
    env["property.unit.partner"].create(
        [
            {
                "unit_id": unit_id,
                "partner_id": partner.id,
                "role": "owner",
                "date_start": "2020-01-01",
            }
            for unit_id, partner in zip(unit_ids, partners, strict=True)
        ]
    )
    env["property.fee.standard"].create(
        {
            "project_id": project.id,
            "fee_type_id": env.ref("property_cs.property_fee_type_service").id,
            "rate": 2.5,
            "date_from": "2020-01-01",
            "approval_ref": "Benchmark",
        }
    )
    env.flush_all()
    return project, partners


def _backend_cpu(cr):
    """CPU seconds used so far by the PostgreSQL backend of ``cr`` (read
    from /proc: the database must run on this machine), or None."""
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _measure(env, function):
    """Wall time, CPU time of this process and of its database backend
    (wall time varies with the load of a shared machine, CPU time much
    less), and queries of ``function``."""
    env.flush_all()
    env.invalidate_all()
    db0 = _backend_cpu(env.cr)
    count0 = env.cr.sql_log_count
    cpu0 = time.process_time()
    start = time.perf_counter()
    result = function()
    env.flush_all()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    queries = env.cr.sql_log_count - count0
    db1 = _backend_cpu(env.cr)
    db = db1 - db0 if db0 is not None and db1 is not None else float("nan")
    return result, (wall, cpu, db), queries


def measure(env, units, bare=True, out=None):
    """Bill ``units`` new units with a billing run, then (``bare``) create
    and post the same invoices directly; returns the figures per bill.
    ``out``: a function that prints each part as soon as it is measured."""
    import odoo  # noqa: PLC0415

    project, partners = _populate(env, units, "BB")
    month = date(2026, 3, 1)

    def billing():
        run = env["property.billing.run"].create(
            {"project_id": project.id, "period_start": month}
        )
        run.action_queue()
        env["property.billing.chunk"]._work(time.monotonic() + 36000, commit=False)
        return run

    run, run_time, run_queries = _measure(env, billing)
    bills = env["account.move"].search([("property_billing_run_id", "=", run.id)])
    journal = bills[:1].journal_id
    lines = {move.partner_id.id: move.invoice_line_ids[:1] for move in bills.sudo()}

    def bare_invoices():
        moves = env["account.move"]
        for partner in partners:
            line = lines[partner.id]
            move = env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "journal_id": journal.id,
                    "invoice_date": month,
                    "invoice_line_ids": [
                        odoo.Command.create(
                            {
                                "name": line.name,
                                "quantity": 1.0,
                                "price_unit": line.price_unit,
                                "account_id": line.account_id.id,
                            }
                        )
                    ],
                }
            )
            move.action_post()
            moves |= move
        return moves

    count = len(bills)
    figures = {
        "bills": count,
        "run_ms_per_bill": round(run_time[0] / count * 1000, 1),
        "run_cpu_ms_per_bill": round(run_time[1] / count * 1000, 1),
        "run_db_ms_per_bill": round(run_time[2] / count * 1000, 1),
        "run_queries_per_bill": run_queries / count,
    }
    if out:
        out("billing run", figures)
    if bare:
        moves, bare_time, bare_queries = _measure(env, bare_invoices)
        figures.update(
            bare_ms_per_bill=round(bare_time[0] / len(moves) * 1000, 1),
            bare_cpu_ms_per_bill=round(bare_time[1] / len(moves) * 1000, 1),
            bare_db_ms_per_bill=round(bare_time[2] / len(moves) * 1000, 1),
            bare_queries_per_bill=bare_queries / len(moves),
            ratio_time=round(run_time[0] / bare_time[0], 2),
            ratio_cpu=round(run_time[1] / bare_time[1], 2),
            ratio_db=round(run_time[2] / bare_time[2], 2) if bare_time[2] else None,
            ratio_queries=round(run_queries / max(bare_queries, 1), 2),
        )
        if out:
            out("bare create + post", figures)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument(
        "--no-bare", action="store_true", help="measure the billing run only"
    )
    args, odoo_args = parser.parse_known_args()
    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(config["db_name"])

    def report(label, figures):
        # printed as soon as measured: a long bare part can be cut short
        # without losing the run's figures
        prefix = "run" if label == "billing run" else "bare"
        print(
            f"{label:21} {figures['bills']} bills  "
            f"{figures[prefix + '_ms_per_bill']:6.1f} ms/bill  "
            f"cpu {figures[prefix + '_cpu_ms_per_bill']:6.1f} + "
            f"db {figures[prefix + '_db_ms_per_bill']:5.1f} ms/bill  "
            f"{figures[prefix + '_queries_per_bill']:6.1f} queries/bill",
            flush=True,
        )

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"units                 {args.units}", flush=True)
        figures = measure(env, args.units, bare=not args.no_bare, out=report)
        if not args.no_bare:
            print(
                f"ratio (run / bare)    time {figures['ratio_time']:.2f}x  "
                f"cpu {figures['ratio_cpu']:.2f}x  "
                f"db {figures['ratio_db']}x  "
                f"queries {figures['ratio_queries']:.2f}x"
            )
        cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
