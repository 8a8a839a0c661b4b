#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bounded loopback load test of the owner portal and the agent kanban.

1. Prepares, committed, in the given database (both addons installed):
   PROJECTS projects (codes LOAD1 ...; default 5, the owners spread over
   them in turn), one unit per owner, OWNERS portal owners (logins
   load.owner.001 ..., no email, 简体中文) and one agent of the projects
   (load.agent); all idempotent.
2. Starts Odoo with 2 workers on 127.0.0.1 (a free port, or --port), the
   database filtered to that one, logging to a file.
3. Every owner (one thread each) signs in through /web/login and, until
   SECONDS have passed (and at most --max-loops times), submits a request
   with a photo through the portal's own form (/my/tickets/new) and reads
   its list (/my/tickets); the agent's thread signs in and reads the
   kanban of the project's tickets (web_search_read of 80, as the web
   client does) in a loop.
4. Stops the server (SIGTERM, then SIGKILL after 30 s) and reports per
   request type: count, throughput, p50/p95/max latency measured by the
   client (queueing for the 2 workers included), errors seen by clients,
   concurrency retries and errors in the server's log, and lost tickets:
   the submissions the server accepted (redirected to the new ticket)
   that are not in the database.

    python3 tests/load_test.py -d DB --db_host 127.0.0.1 --db_user odoo \\
        --addons-path=addons [--owners 20] [--projects 5] [--seconds 60] \\
        [--json out.json]

Exits 1 when a client saw an error or a ticket was lost.
"""

import argparse
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

PASSWORD = "load-test-2026"
PROJECT_CODE = "LOAD"
RETRY_RE = re.compile(r"could not serialize|deadlock detected")
ERROR_RE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")


# ---------------------------------------------------------------------------
# Pure parts (tests/test_load_test.py)
# ---------------------------------------------------------------------------
def percentile(values, fraction):
    """The nearest-rank percentile of ``values`` (0 < fraction <= 1)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def summarize(samples, seconds):
    """Per request type: count, throughput per second, p50/p95/max latency in
    ms and errors, from ``samples``: (type, latency in s, ok) tuples."""
    report = {}
    for kind in sorted({s[0] for s in samples}):
        latencies = [s[1] * 1000 for s in samples if s[0] == kind]
        report[kind] = {
            "count": len(latencies),
            "per_second": round(len(latencies) / seconds, 2) if seconds else None,
            "p50_ms": round(percentile(latencies, 0.5), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1),
            "max_ms": round(max(latencies), 1),
            "errors": sum(1 for s in samples if s[0] == kind and not s[2]),
        }
    return report


def scan_log(lines):
    """What an Odoo log says about concurrency: the requests Odoo retried
    after a serialization failure or deadlock (each logs "N tries left"),
    those that ran out of tries, and the ERROR/CRITICAL lines that are not
    the failed statement of such a retry."""
    retries = sum(1 for line in lines if "tries left, try again" in line)
    exhausted = sum(1 for line in lines if "maximum number of tries reached" in line)
    errors = [
        line
        for index, line in enumerate(lines)
        if ERROR_RE.match(line)
        and not (
            "bad query" in line
            and index + 1 < len(lines)
            and RETRY_RE.search(lines[index + 1])
        )
    ]
    return {
        "retries": retries,
        "retries_exhausted": exhausted,
        "errors": len(errors),
        "error_lines": errors[:10],
    }


def tiny_png(seed):
    """A valid 8×8 PNG, different for each ``seed``."""
    raw = b"".join(
        b"\x00" + bytes((seed * 37 + x * 11 + y * 7) % 256 for x in range(24))
        for y in range(8)
    )

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------------------
# Setup (in-process Odoo, committed)
# ---------------------------------------------------------------------------
_REGISTRY = []


def registry_of(odoo_args):
    """The registry of the database of ``odoo_args`` (parsed once)."""
    if not _REGISTRY:
        import odoo  # noqa: PLC0415
        from odoo.tools import config  # noqa: PLC0415

        config.parse_config(odoo_args)
        _REGISTRY.append(odoo.modules.registry.Registry(config["db_name"]))
    return _REGISTRY[0]


def prepare(odoo_args, owners, projects=1):
    """The LOAD projects (owners spread over them in turn), a unit per
    owner, the portal owners and the agent of every LOAD project; returns
    the project ids, the owners' (login, unit id) pairs and the agent's
    login."""
    import odoo  # noqa: PLC0415

    with registry_of(odoo_args).cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"no_reset_password": True, "tracking_disable": True}
        )
        Project = env["property.project"]
        buildings = []
        for p in range(1, projects + 1):
            code = f"{PROJECT_CODE}{p}"
            project = Project.search([("code", "=", code)], limit=1) or Project.create(
                {"name": f"Load test {p}", "code": code, "tz": "Asia/Shanghai"}
            )
            buildings.append(
                env["property.building"].search(
                    [("project_id", "=", project.id)], limit=1
                )
                or env["property.building"].create(
                    {"name": "1", "project_id": project.id}
                )
            )
        portal = env.ref("base.group_portal")
        env["res.lang"]._activate_lang("zh_CN")
        pairs = []
        for n in range(1, owners + 1):
            login = f"load.owner.{n:03d}"
            building = buildings[(n - 1) % projects]
            unit = env["property.unit"].search(
                [("building_id", "=", building.id), ("name", "=", f"{n:04d}")], limit=1
            ) or env["property.unit"].create(
                {"name": f"{n:04d}", "building_id": building.id, "area": 90.0}
            )
            user = (
                env["res.users"]
                .with_context(active_test=False)
                .search([("login", "=", login)])
            )
            if not user:
                user = env["res.users"].create(
                    {
                        "name": f"压测业主{n:03d}",
                        "login": login,
                        "password": PASSWORD,
                        "lang": "zh_CN",
                        "groups_id": [(6, 0, portal.ids)],
                    }
                )
            link = env["property.unit.partner"].search(
                [("unit_id", "=", unit.id), ("partner_id", "=", user.partner_id.id)]
            )
            if not link:
                env["property.unit.partner"].create(
                    {
                        "unit_id": unit.id,
                        "partner_id": user.partner_id.id,
                        "role": "owner",
                        "share": 100.0,
                        "date_start": "2020-01-01",
                    }
                )
            pairs.append((login, unit.id))
        agent = env["res.users"].search([("login", "=", "load.agent")])
        if not agent:
            agent = env["res.users"].create(
                {
                    "name": "压测客服",
                    "login": "load.agent",
                    "password": PASSWORD,
                    "lang": "zh_CN",
                    "groups_id": [
                        (6, 0, env.ref("property_cs.group_property_cs_agent").ids)
                    ],
                }
            )
        project_ids = [b.project_id.id for b in buildings]
        agent.property_project_ids = [(4, pid) for pid in project_ids]
        return project_ids, pairs, agent.login


def count_tickets(odoo_args, ids, logins, since):
    """The accepted ids found in the database, and the tickets of the
    owners created since ``since`` (UTC, naive)."""
    with registry_of(odoo_args).cursor() as cr:
        cr.execute("SELECT id FROM property_ticket WHERE id = ANY(%s)", [list(ids)])
        found = {row[0] for row in cr.fetchall()}
        cr.execute(
            """
            SELECT COUNT(*) FROM property_ticket t
              JOIN res_users u ON u.partner_id = t.partner_id
             WHERE u.login = ANY(%s) AND t.create_date >= %s
            """,
            [list(logins), since],
        )
        return found, cr.fetchone()[0]


# ---------------------------------------------------------------------------
# Clients
# ---------------------------------------------------------------------------
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


class Client:
    """One signed-in session; records (type, latency, ok) samples."""

    def __init__(self, base, samples, lock, timeout):
        import requests  # noqa: PLC0415  (an Odoo requirement)

        self.base = base
        self.http = requests.Session()
        self.samples = samples
        self.lock = lock
        self.timeout = timeout

    def _record(self, kind, start, ok):
        with self.lock:
            self.samples.append((kind, time.monotonic() - start, ok))

    def call(self, kind, method, path, check, **kwargs):
        start = time.monotonic()
        try:
            response = self.http.request(
                method, self.base + path, timeout=self.timeout, **kwargs
            )
            ok = check(response)
        except Exception:  # pylint: disable=broad-exception-caught
            response, ok = None, False
        self._record(kind, start, ok)
        return response if ok else None

    def login(self, login):
        page = self.call("login", "GET", "/web/login", lambda r: r.status_code == 200)
        token = page and CSRF_RE.search(page.text)
        if not token:
            return False
        done = self.call(
            "login",
            "POST",
            "/web/login",
            lambda r: (
                r.status_code in (302, 303)
                and "/web/login" not in r.headers.get("Location", "")
            ),
            data={
                "login": login,
                "password": PASSWORD,
                "csrf_token": token.group(1),
                "redirect": "/my",
            },
            allow_redirects=False,
        )
        return bool(done)


def owner_loop(client, login, unit_id, end, max_loops, accepted, index):
    if not client.login(login):
        return
    for loop in range(max_loops):
        if time.monotonic() >= end:
            break
        form = client.call(
            "ticket_form", "GET", "/my/tickets/new", lambda r: r.status_code == 200
        )
        token = form and CSRF_RE.search(form.text)
        if not token:
            continue
        posted = client.call(
            "ticket_submit",
            "POST",
            "/my/tickets/new",
            lambda r: (
                r.status_code in (302, 303)
                and re.search(r"/my/tickets/(\d+)", r.headers.get("Location", ""))
            ),
            data={
                "csrf_token": token.group(1),
                "unit_id": str(unit_id),
                "kind": "repair",
                "name": f"压测报修 {index}-{loop}",
                "description": "卫生间水龙头漏水，请安排维修。",
            },
            files={"photos": (f"photo{loop}.png", tiny_png(index + loop), "image/png")},
            allow_redirects=False,
        )
        if posted is not None:
            ticket_id = int(
                re.search(r"/my/tickets/(\d+)", posted.headers["Location"]).group(1)
            )
            with client.lock:
                accepted.append(ticket_id)
        client.call(
            "ticket_list",
            "GET",
            "/my/tickets",
            lambda r: r.status_code == 200 and "/web/login" not in r.url,
        )


def _rpc(model, method, args=(), **kwargs):
    return {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {
            "model": model,
            "method": method,
            "args": list(args),
            "kwargs": kwargs,
        },
    }


def kanban_specification(views):
    """The specification the web client reads a kanban with: every field of
    the kanban's arch, many2one and many2many fields with their names."""
    fields = views["models"]["property.ticket"]["fields"]
    arch = views["views"]["kanban"]["arch"]
    spec = {}
    for name in re.findall(r'<field name="(\w+)"', arch):
        if name not in fields:
            continue
        relational = fields[name]["type"] in ("many2one", "many2many")
        spec[name] = {"fields": {"display_name": {}}} if relational else {}
    return spec


def agent_loop(client, login, project_ids, end, max_loops):
    if not client.login(login):
        return
    views = client.call(
        "agent_views",
        "POST",
        "/web/dataset/call_kw/property.ticket/get_views",
        lambda r: r.status_code == 200 and "error" not in r.json(),
        json=_rpc(
            "property.ticket",
            "get_views",
            views=[[False, "kanban"]],
            options={},
            context={"lang": "zh_CN"},
        ),
    )
    if views is None:
        return
    payload = _rpc(
        "property.ticket",
        "web_search_read",
        domain=[["project_id", "in", project_ids]],
        specification=kanban_specification(views.json()["result"]),
        limit=80,
        context={"lang": "zh_CN"},
    )
    for _loop in range(max_loops):
        if time.monotonic() >= end:
            break
        client.call(
            "agent_kanban",
            "POST",
            "/web/dataset/call_kw/property.ticket/web_search_read",
            lambda r: r.status_code == 200 and "error" not in r.json(),
            json=payload,
        )


# ---------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(odoo_args, db, port, logfile):
    cmd = [
        sys.executable,
        "-m",
        "odoo",
        *odoo_args,
        "--workers=2",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={free_port()}",
        f"--db-filter=^{re.escape(db)}$",
        f"--logfile={logfile}",
        "--log-level=info",
        "--limit-time-real=120",
    ]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, TZ="UTC"),
        start_new_session=True,
    )
    import requests  # noqa: PLC0415

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Odoo exited with {proc.returncode}: see {logfile}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/web/login", timeout=5).ok:
                return proc
        except requests.RequestException:
            pass
        time.sleep(1)
    stop_server(proc)
    raise RuntimeError(f"Odoo did not answer within 120 s: see {logfile}")


def stop_server(proc):
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--owners", type=int, default=20)
    parser.add_argument(
        "--projects",
        type=int,
        default=5,
        help="projects the owners belong to, in turn (each numbers its "
        "tickets without gaps: 1 concentrates every submission on one numbering)",
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--max-loops", type=int, default=500, help="per client")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--timeout", type=int, default=60, help="per request (s)")
    parser.add_argument("--json", help="write the report here")
    args, odoo_args = parser.parse_known_args(argv)
    db = next(
        (
            odoo_args[i + 1]
            for i, arg in enumerate(odoo_args[:-1])
            if arg in ("-d", "--database")
        ),
        None,
    )
    if not db:
        parser.error("give the database with -d")
    project_ids, owners, agent = prepare(odoo_args, args.owners, args.projects)
    port = args.port or free_port()
    logfile = tempfile.NamedTemporaryFile(
        prefix="load_test_", suffix=".log", delete=False
    ).name
    since = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    proc = start_server(odoo_args, db, port, logfile)
    base = f"http://127.0.0.1:{port}"
    samples, accepted, lock = [], [], threading.Lock()
    try:
        start = time.monotonic()
        end = start + args.seconds
        threads = [
            threading.Thread(
                target=owner_loop,
                args=(
                    Client(base, samples, lock, args.timeout),
                    login,
                    unit_id,
                    end,
                    args.max_loops,
                    accepted,
                    index,
                ),
            )
            for index, (login, unit_id) in enumerate(owners)
        ]
        threads.append(
            threading.Thread(
                target=agent_loop,
                args=(
                    Client(base, samples, lock, args.timeout),
                    agent,
                    project_ids,
                    end,
                    args.max_loops,
                ),
            )
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + args.timeout * 3 + 60)
        elapsed = time.monotonic() - start
    finally:
        stop_server(proc)
    with open(logfile, encoding="utf-8", errors="replace") as log:
        server = scan_log(log.readlines())
    found, created = count_tickets(odoo_args, accepted, [o[0] for o in owners], since)
    requests_report = summarize(samples, elapsed)
    report = {
        "owners": len(owners),
        "projects": args.projects,
        "seconds": round(elapsed, 1),
        "workers": 2,
        "requests": requests_report,
        "client_errors": sum(r["errors"] for r in requests_report.values()),
        "server": server,
        "accepted": len(accepted),
        "found": len(found),
        "lost": len(set(accepted) - found),
        "created_in_database": created,
        "log": logfile,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2, ensure_ascii=False)
    failed = report["client_errors"] or report["lost"] or server["errors"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
