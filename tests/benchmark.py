#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The benchmark runner: every hot path on a generated database, one report.

    python3 tests/benchmark.py -d DB --db_host 127.0.0.1 --db_user odoo \\
        --addons-path=addons [--paths a,b] [--repeat 5] [--units 10000] \\
        [--json tests/benchmarks/latest.json] \\
        [--markdown tests/benchmarks/latest.md] \\
        [--budgets tests/benchmarks/budgets.json --check]

The database is filled by ``data/populate_database.py`` (its fixtures:
pop.owner.001, pop.agent, the investor POP-INVESTOR). Everything runs in
this process, in one transaction that is rolled back at the end: the HTTP
paths go through Odoo's own WSGI application in its test mode (the way
Odoo's HttpCase serves its requests on one cursor), so nothing is left
behind. Per path: the median wall time of ``--repeat`` runs after one
warm-up, the median SQL query count, the peak resident memory of this
process during the path (Linux: the high-water mark is reset before each
path), the same for the path's Odoo baseline when it has one, the ratio,
the target and whether it is met.

Paths (``--paths``; default all; the two billing paths take about an hour
at 10,000 units on two cores):
  portal_ticket_submit   the portal request form with a photo, against
                         Odoo's own /my/account POST
  owner_ticket_list      /my/tickets of an owner with history
  agent_kanban           80 open tickets of the agent as the kanban reads
                         them, against 80 CRM leads in the CRM kanban
  owner_form             the owner form of an investor with 20 flats,
                         against the same form of a plain contact
  deadline_pass          the deadline engine's pass over every open
                         obligation, against the same pass over a tenth
                         of them (the query count must not change)
  sampling_20k           drawing a campaign's sample from 20,000 households
  survey_results         a campaign's results over 4,000 answers (a 20 %
                         sample of 20,000 households), against 400
  generator              the generator's own speed (from the database)
  billing                a billing run of --units units (10,000) against
                         bare account.move create + post of the same
                         invoices (tests/benchmark_billing.py), rolled back
  billing_workers        --units billed by 1 and by 2 worker processes
                         committing per chunk (tests/benchmark_billing_workers.py,
                         run as a child process: its data is committed), with
                         the peak memory of each worker

``--check`` exits 1 when a path fails or its query count exceeds its
budget in ``--budgets`` (the CI smoke on the small size); missed targets
are reported (time on a shared machine is noise for a pass/fail).
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

DEFAULT_PATHS = [
    "portal_ticket_submit",
    "owner_ticket_list",
    "agent_kanban",
    "owner_form",
    "deadline_pass",
    "sampling_20k",
    "survey_results",
    "generator",
    "billing",
    "billing_workers",
]
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}
FIRE_SAMPLE = 200  # due steps fired to measure a reaction
MEMORY_LIMIT_MB = 2048  # Odoo's limit_memory_soft


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------
def reset_peak_memory():
    """Reset this process's resident-memory high-water mark (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        pass


def peak_memory_mb():
    """This process's resident-memory high-water mark, in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return None


def queries():
    import odoo  # noqa: PLC0415

    return odoo.sql_db.sql_counter


def measure(function, repeat):
    """Median wall ms and median queries of ``repeat`` runs after one
    warm-up; ``function`` runs once per call."""
    function()
    times, counts = [], []
    for _run in range(repeat):
        q0, t0 = queries(), time.perf_counter()
        function()
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(queries() - q0)
    return round(statistics.median(times), 1), int(statistics.median(counts))


def result(
    ms,
    nqueries,
    target,
    met,
    baseline_ms=None,
    baseline_queries=None,
    **extra,
):
    row = {"median_ms": ms, "queries": nqueries, "target": target, "met": met}
    if baseline_ms is not None:
        row.update(
            baseline_ms=baseline_ms,
            baseline_queries=baseline_queries,
            ratio_time=round(ms / baseline_ms, 2) if baseline_ms else None,
            ratio_queries=round(nqueries / baseline_queries, 2)
            if baseline_queries and nqueries is not None
            else None,
        )
    row.update(extra)
    return row


def ratio_target(ms, nqueries, base_ms, base_queries, limit=1.5, absolute_ms=None):
    """Met when time and queries are within ``limit`` × the baseline, or the
    time under ``absolute_ms`` when given."""
    time_ok = ms <= limit * base_ms or (absolute_ms is not None and ms < absolute_ms)
    return time_ok and nqueries <= limit * max(base_queries, 1)


# ---------------------------------------------------------------------------
# HTTP in-process (Odoo's test mode)
# ---------------------------------------------------------------------------
class Browser:
    """A werkzeug client on Odoo's WSGI application, signed in."""

    def __init__(self, login, password):
        from werkzeug.test import Client  # noqa: PLC0415

        import odoo.http  # noqa: PLC0415

        self.client = Client(odoo.http.root)
        page = self.get("/web/login")
        response = self.client.post(
            "/web/login",
            environ_base=ENVIRON,
            data={
                "login": login,
                "password": password,
                "csrf_token": self.csrf(page),
                "redirect": "/my",
            },
        )
        location = response.headers.get("Location", "")
        if response.status_code not in (302, 303) or "/web/login" in location:
            raise RuntimeError(f"{login} could not sign in")

    def get(self, path):
        """GET a page; the owner's pages are under their language's prefix
        (Odoo redirects /my/... to /zh_CN/my/... for a 简体中文 user)."""
        response = self.client.get(path, environ_base=ENVIRON)
        if response.status_code in (302, 303) and response.headers["Location"].endswith(
            path
        ):
            response = self.client.get(
                response.headers["Location"], environ_base=ENVIRON
            )
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        return response.get_data(as_text=True)

    @staticmethod
    def csrf(page):
        return CSRF_RE.search(page).group(1)

    def post(self, path, data, expect=(302, 303)):
        response = self.client.post(path, data=data, environ_base=ENVIRON)
        if response.status_code not in expect:
            raise RuntimeError(
                f"POST {path}: {response.status_code} "
                f"{response.get_data(as_text=True)[:300]}"
            )
        return response


# ---------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------
def path_portal_ticket_submit(ctx):
    env, repeat = ctx["env"], ctx["repeat"]
    owner = Browser("pop.owner.001", ctx["password"])
    partner = env["res.users"].search([("login", "=", "pop.owner.001")]).partner_id
    unit = env["property.ticket"]._portal_units_for(partner)[:1]
    counter = [0]

    def submit():
        counter[0] += 1
        token = owner.csrf(owner.get("/zh_CN/my/tickets/new"))
        from io import BytesIO  # noqa: PLC0415

        data = {
            "csrf_token": token,
            "unit_id": str(unit.id),
            "kind": "repair",
            "name": f"基准报修 {counter[0]}",
            "description": "厨房水槽下水慢。",
            "photos": (BytesIO(PNG), "photo.png", "image/png"),
        }
        q0, t0 = queries(), time.perf_counter()
        owner.post("/zh_CN/my/tickets/new", data)
        return (time.perf_counter() - t0) * 1000, queries() - q0

    def account():
        token = owner.csrf(owner.get("/zh_CN/my/account"))
        data = {
            "csrf_token": token,
            # billed owners may not change their name (Odoo's rule)
            "name": partner.name,
            "phone": "13800000001",
            "email": "owner1@example.com",
            "street": "文三路 1 号",
            "city": "杭州",
            "country_id": str(env.ref("base.cn").id),
        }
        q0, t0 = queries(), time.perf_counter()
        owner.post("/zh_CN/my/account", data)
        return (time.perf_counter() - t0) * 1000, queries() - q0

    def median_of(function):
        function()
        runs = [function() for _run in range(repeat)]
        return (
            round(statistics.median(r[0] for r in runs), 1),
            int(statistics.median(r[1] for r in runs)),
        )

    ms, nq = median_of(submit)
    base_ms, base_q = median_of(account)
    # a request does far more than an address change (number, deadlines,
    # dispatch, photo, message to the owner): the owner's wait is the target
    return result(ms, nq, "< 300 ms", ms < 300, base_ms, base_q)


def path_owner_ticket_list(ctx):
    owner = Browser("pop.owner.001", ctx["password"])
    ms, nq = measure(lambda: owner.get("/zh_CN/my/tickets"), ctx["repeat"])
    home_ms, home_q = measure(lambda: owner.get("/zh_CN/my/account"), ctx["repeat"])
    return result(
        ms, nq, "< 300 ms", ms < 300, home_ms, home_q, baseline="/my/account (GET)"
    )


def _spec(records, view_type):
    """The specification the web client builds from a view of ``records``'
    model: every field of the arch, relational ones with their display
    name."""
    model = records._name
    views = records.get_views([(False, view_type)])
    fields = views["models"][model]["fields"]
    spec = {}
    for name in re.findall(r'<field name="(\w+)"', views["views"][view_type]["arch"]):
        if name in fields:
            relational = fields[name]["type"] in ("many2one", "many2many", "one2many")
            spec[name] = {"fields": {"display_name": {}}} if relational else {}
    return spec


def path_agent_kanban(ctx):
    env, repeat = ctx["env"], ctx["repeat"]
    agent = env["res.users"].search([("login", "=", "pop.agent")])
    tickets = env["property.ticket"].with_user(agent).with_context(lang="zh_CN")
    domain = [("user_id", "=", agent.id), ("state", "not in", ("closed", "cancelled"))]
    spec = _spec(tickets, "kanban")
    found = tickets.search_count(domain)
    ms, nq = measure(
        lambda: (
            tickets.env.invalidate_all(),
            tickets.web_search_read(domain, spec, limit=80),
        ),
        repeat,
    )
    # CRM: 80 leads of one salesman (created here, rolled back)
    salesman = env.ref("base.user_admin")
    leads = env["crm.lead"].with_context(tracking_disable=True)
    if leads.search_count([("name", "like", "Benchmark lead %")]) < 80:
        leads.create(
            [
                {
                    "name": f"Benchmark lead {n}",
                    "user_id": salesman.id,
                    "type": "opportunity",
                }
                for n in range(80)
            ]
        )
    crm = env["crm.lead"].with_user(salesman).with_context(lang="zh_CN")
    crm_spec = _spec(crm, "kanban")
    crm_domain = [("name", "like", "Benchmark lead %")]
    base_ms, base_q = measure(
        lambda: (
            crm.env.invalidate_all(),
            crm.web_search_read(crm_domain, crm_spec, limit=80),
        ),
        repeat,
    )
    return result(
        ms,
        nq,
        "≤ 1.5× CRM kanban",
        found >= 80 and ratio_target(ms, nq, base_ms, base_q),
        base_ms,
        base_q,
        records=min(found, 80),
    )


def path_owner_form(ctx):
    env, repeat = ctx["env"], ctx["repeat"]
    partners = env["res.partner"].with_context(lang="zh_CN")
    investor = partners.search([("ref", "=", "POP-INVESTOR")])
    plain = partners.search(
        [("name", "=", "Benchmark plain contact")]
    ) or partners.create({"name": "Benchmark plain contact"})
    spec = _spec(partners, "form")
    units = len(investor.unit_link_ids)
    ms, nq = measure(
        lambda: (partners.env.invalidate_all(), investor.web_read(spec)), repeat
    )
    base_ms, base_q = measure(
        lambda: (partners.env.invalidate_all(), plain.web_read(spec)), repeat
    )
    return result(
        ms,
        nq,
        "≤ 1.5× a plain contact's form",
        ratio_target(ms, nq, base_ms, base_q),
        base_ms,
        base_q,
        links=units,
    )


def path_deadline_pass(ctx):
    """The engine's pass runs every minute. Two costs: the pass itself with
    nothing due (its queries must not grow with the open obligations: all
    of them against a tenth), and the reaction to each step that falls due
    (proportional by nature: one warning, breach or escalation per step),
    measured on FIRE_SAMPLE due steps. The other due steps are put off in
    this transaction (rolled back) so that the measure stays bounded."""
    env, repeat = ctx["env"], ctx["repeat"]
    Deadline = env["property.deadline"]
    running = Deadline.search([("state", "=", "running")], order="id")
    count = len(running)
    now = odoo_now()
    due = running.filtered(lambda d: d.date_next_step and d.date_next_step <= now)
    sample = due[:FIRE_SAMPLE]

    def put_off(deadlines):
        env.flush_all()
        env.cr.execute(
            "UPDATE property_deadline SET date_next_step = %s WHERE id = ANY(%s)",
            [now + datetime.timedelta(days=365), deadlines.ids],
        )
        env.invalidate_all()

    def one_pass():
        with env.cr.savepoint() as savepoint:
            Deadline._cron_deadline_pass()
            env.flush_all()
            savepoint.rollback()
        env.invalidate_all()

    put_off(due - sample)
    fire_ms, fire_q = measure(one_pass, 1)
    put_off(sample)
    ms, nq = measure(one_pass, repeat)
    # a tenth of them, every tenth (each kind and project in its share;
    # the first tenth by id depends on the order the generator made them
    # in): the rest met in this transaction (rolled back)
    keep = running[::10]
    env.cr.execute(
        "UPDATE property_deadline SET state = 'met' WHERE id = ANY(%s)",
        [(running - keep).ids],
    )
    env.invalidate_all()
    tenth_ms, tenth_q = measure(one_pass, repeat)
    return result(
        round(ms, 1),
        nq,
        "pass with nothing due: queries independent of the open obligations",
        nq == tenth_q,
        tenth_ms,
        tenth_q,
        baseline="the same pass over a tenth of them",
        open_obligations=count,
        due_steps=len(due),
        ms_per_10000=round(ms / count * 10000, 1) if count else None,
        fired_steps=len(sample),
        ms_per_fired_step=round(fire_ms / len(sample), 1) if sample else None,
        queries_per_fired_step=round(fire_q / len(sample), 1) if sample else None,
    )


def odoo_now():
    from odoo import fields  # noqa: PLC0415

    return fields.Datetime.now()


def path_sampling_20k(ctx):
    import benchmark_survey_sampling as sampling  # noqa: PLC0415

    env = ctx["env"]
    households = ctx["households"]
    project = sampling._populate(env, households, f"S{households}")
    runs = [sampling._draw(env, project) for _run in range(max(1, ctx["repeat"] // 2))]
    small = sampling._populate(env, households // 10, f"S{households // 10}")
    small_run = sampling._draw(env, small)
    ms = round(statistics.median(r[1] for r in runs) * 1000, 1)
    nq = runs[0][2]
    return result(
        ms,
        nq,
        "< 5 s",
        ms < 5000,
        round(small_run[1] * 1000, 1),
        small_run[2],
        baseline=f"{households // 10} households",
        households=households,
        sample=len(runs[0][0].sample_ids),
    )


def _answered_campaign(env, households, tag):
    """A drawn campaign on a synthetic frame of ``households`` (the
    sampling benchmark's) whose whole sample answered: one finished,
    valid questionnaire per household drawn, every rating question
    answered (levels from a seeded generator, leaning on a respondent's
    mood as real answers do), written with SQL (setting up, not measured)."""
    import random  # noqa: PLC0415

    import benchmark_survey_sampling as sampling  # noqa: PLC0415
    from psycopg2.extras import execute_values  # noqa: PLC0415

    project = sampling._populate(env, households, tag)
    campaign, _elapsed, _queries = sampling._draw(env, project)
    campaign.action_start()
    questions = campaign._rating_questions()
    samples = campaign.sample_ids.filtered(lambda s: s.state == "selected")
    env.flush_all()
    survey = campaign.survey_id.id
    execute_values(
        env.cr,
        """
        INSERT INTO survey_user_input
               (survey_id, access_token, state, test_entry, property_sample_id,
                property_campaign_id, property_unit_id, property_is_valid,
                create_date, write_date)
        SELECT v.survey, md5(v.sample::text), 'done', FALSE, v.sample,
               v.campaign, v.unit, TRUE, now() at time zone 'utc',
               now() at time zone 'utc'
          FROM (VALUES %s) AS v(survey, sample, campaign, unit)
        """,
        [(survey, sample.id, campaign.id, sample.unit_id.id) for sample in samples],
        page_size=1000,
    )
    env.cr.execute(
        "SELECT id FROM survey_user_input WHERE property_campaign_id = %s ORDER BY id",
        (campaign.id,),
    )
    answers = [row[0] for row in env.cr.fetchall()]
    rng = random.Random(tag)
    lines = []
    for answer in answers:
        mood = rng.gauss(0, 0.6)
        for question in questions:
            level = min(5, max(1, round(rng.gauss(3.8 + mood, 0.7))))
            lines.append((answer, survey, question.id, level))
    execute_values(
        env.cr,
        """
        INSERT INTO survey_user_input_line
               (user_input_id, survey_id, question_id, answer_type, value_scale,
                skipped, create_date, write_date)
        SELECT v.answer, v.survey, v.question, 'scale', v.level, FALSE,
               now() at time zone 'utc', now() at time zone 'utc'
          FROM (VALUES %s) AS v(answer, survey, question, level)
        """,
        lines,
        page_size=5000,
    )
    env.invalidate_all()
    return campaign, len(answers)


def path_survey_results(ctx):
    """The campaign's results (by project, building and customer type,
    reliability, importance, trend) over 4,000 answers (a 20 % sample of
    20,000 households), against the same over a tenth of them."""
    env = ctx["env"]
    households = ctx["households"]
    big, big_answers = _answered_campaign(env, households, f"R{households}")
    small, small_answers = _answered_campaign(
        env, households // 10, f"R{households // 10}"
    )

    def compute(campaign):
        def run():
            env.invalidate_all()  # every run reads the answers from the database
            campaign.action_compute_results()
            env.flush_all()

        return run

    ms, nq = measure(compute(big), max(1, ctx["repeat"] // 2))
    base_ms, base_q = measure(compute(small), max(1, ctx["repeat"] // 2))
    return result(
        ms,
        nq,
        "< 5 s",
        ms < 5000,
        base_ms,
        base_q,
        baseline=f"{small_answers} answers",
        answers=big_answers,
        results=len(big.result_ids),
    )


def path_generator(ctx):
    raw = ctx["env"]["ir.config_parameter"].sudo().get_param("property_cs.populate")
    state = json.loads(raw) if raw else {}
    stats = state.get("stats") or {}
    return {
        "size": state.get("size"),
        "units_per_s": stats.get("units_per_s"),
        "tickets_per_s": stats.get("tickets_per_s"),
        "seconds": stats.get("seconds"),
        "peak_rss_mb": stats.get("peak_rss_mb"),
        "target": f"peak memory < {MEMORY_LIMIT_MB} MB",
        "met": bool(stats) and (stats.get("peak_rss_mb") or 0) < MEMORY_LIMIT_MB,
        "queries": None,
    }


def path_billing(ctx):
    """A billing run of ``units`` new units (its chunks processed in this
    transaction) against creating and posting the same invoices with
    ``account.move.create`` and ``action_post``; per bill."""
    import benchmark_billing as billing  # noqa: PLC0415

    figures = billing.measure(ctx["env"], ctx["units"], bare=True)
    return result(
        figures["run_ms_per_bill"],
        round(figures["run_queries_per_bill"], 1),
        "≤ 1.3× bare invoices",
        figures["ratio_time"] <= 1.3,
        figures["bare_ms_per_bill"],
        round(figures["bare_queries_per_bill"], 1),
        baseline="account.move create + post",
        units=ctx["units"],
        per="bill",
        cpu_ms_per_bill=figures["run_cpu_ms_per_bill"],
        db_ms_per_bill=figures["run_db_ms_per_bill"],
        bare_cpu_ms_per_bill=figures["bare_cpu_ms_per_bill"],
        bare_db_ms_per_bill=figures["bare_db_ms_per_bill"],
    )


def path_billing_workers(ctx):
    """The same billing with one and with two worker processes (the cron
    worker loop, committing per chunk, in forked processes started
    together: ``benchmark_billing_workers.py``); per bill, the two workers
    against the one. Met when two are faster, every unit is billed and
    posted exactly once and no worker's memory reaches Odoo's
    ``limit_memory_soft``. Its data is committed (a benchmark database)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "workers.json")
        args = [
            sys.executable,
            os.path.join(HERE, "benchmark_billing_workers.py"),
            *ctx["odoo_args"],
            "--units",
            str(ctx["units"]),
            "--workers",
            "1,2",
            "--json",
            out,
        ]
        subprocess.run(args, capture_output=True, text=True, check=True, timeout=7200)
        with open(out, encoding="utf-8") as handle:
            one, two = json.load(handle)["results"]
    per_bill = [round(r["wall"] / max(r["bills"], 1) * 1000, 1) for r in (one, two)]
    peak = max(s["peak_rss_mb"] or 0 for r in (one, two) for s in r["stats"])
    once = all(
        r["bills"] == r["posted"] == ctx["units"] and r["run_state"] == "done"
        for r in (one, two)
    )
    return result(
        per_bill[1],
        None,
        "2 workers faster than 1, each unit billed once, "
        f"memory < {MEMORY_LIMIT_MB} MB",
        per_bill[1] < per_bill[0] and once and peak < MEMORY_LIMIT_MB,
        per_bill[0],
        None,
        baseline="1 worker",
        units=ctx["units"],
        per="bill",
        chunks=one["chunks"],
        wall_s={"1": round(one["wall"], 1), "2": round(two["wall"], 1)},
        speed_up=round(one["wall"] / two["wall"], 2),
        billed_once=once,
        worker_chunks=[s["chunks"] for s in two["stats"]],
        peak_memory_mb=peak,
    )


PATHS = {
    "portal_ticket_submit": path_portal_ticket_submit,
    "owner_ticket_list": path_owner_ticket_list,
    "agent_kanban": path_agent_kanban,
    "owner_form": path_owner_form,
    "deadline_pass": path_deadline_pass,
    "sampling_20k": path_sampling_20k,
    "survey_results": path_survey_results,
    "generator": path_generator,
    "billing": path_billing,
    "billing_workers": path_billing_workers,
}


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            names = [
                line.split(":", 1)[1].strip()
                for line in handle
                if line.startswith("model name")
            ]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            memory = round(int(handle.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
    }


def markdown(report):
    lines = [
        f"Benchmark of {report['date']} on {report['machine']['cpu']} "
        f"({report['machine']['cores']} cores, {report['machine']['memory_gb']} GB), "
        f"PostgreSQL {report['postgresql']}, Odoo {report['odoo']}, "
        f"database of size {report['size']}.",
        "",
        "| Path | Median | Queries | Baseline | Ratio (time / queries) "
        "| Peak memory | Target | Met |",
        "| --- | ---: | ---: | --- | --- | ---: | --- | --- |",
    ]
    for name, row in report["paths"].items():
        if "error" in row:
            lines.append(f"| {name} | error: {row['error'][:80]} | | | | | | no |")
            continue
        if name == "generator":
            median = (
                f"{row.get('units_per_s')} units/s, "
                f"{row.get('tickets_per_s')} tickets/s"
            )
        else:
            per = f"/{row['per']}" if row.get("per") else ""
            median = f"{row.get('median_ms')} ms{per}"
            if row.get("units"):
                median += f" ({row['units']:,} units)"
        baseline = ""
        if "baseline_ms" in row:
            baseline = f"{row['baseline_ms']} ms"
            if row.get("baseline_queries") is not None:
                baseline += f", {row['baseline_queries']} q"
        if row.get("baseline"):
            baseline = f"{row['baseline']}: {baseline}"
        ratio = (
            f"{row.get('ratio_time')} / {row.get('ratio_queries')}"
            if "ratio_time" in row
            else ""
        )
        met = {True: "yes", False: "**no**", None: "n/a"}[row.get("met")]
        count = "" if row.get("queries") is None else row["queries"]
        cells = [
            name,
            median,
            count,
            baseline,
            ratio,
            f"{row.get('peak_memory_mb', '')} MB",
            row["target"],
            met,
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def check_budgets(report, budgets):
    """The paths over their query budget (``budgets``: path -> queries)."""
    over = []
    for name, budget in budgets.items():
        row = report["paths"].get(name)
        if row is None or row.get("queries") is None:
            continue
        if row["queries"] > budget:
            over.append(f"{name}: {row['queries']} queries > budget {budget}")
    return over


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paths", default=",".join(DEFAULT_PATHS))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--units", type=int, default=10000, help="billing paths")
    parser.add_argument("--households", type=int, default=20000, help="sampling")
    parser.add_argument("--json")
    parser.add_argument("--markdown")
    parser.add_argument("--budgets")
    parser.add_argument("--check", action="store_true")
    args, odoo_args = parser.parse_known_args(argv)
    names = [name for name in args.paths.split(",") if name]
    unknown = set(names) - set(PATHS)
    if unknown:
        parser.error(f"unknown paths: {', '.join(sorted(unknown))}")

    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(odoo_args)
    db = config["db_name"]
    config["dbfilter"] = f"^{re.escape(db)}$"
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(db)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "odoo": odoo.release.version,
        "paths": {},
    }
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        cr.execute("SHOW server_version")
        report["postgresql"] = cr.fetchone()[0]
        raw = env["ir.config_parameter"].sudo().get_param("property_cs.populate")
        report["size"] = json.loads(raw)["size"] if raw else None
        ctx = {
            "env": env,
            "repeat": args.repeat,
            "units": args.units,
            "households": args.households,
            "password": "populate-2026",
            "odoo_args": odoo_args,
        }
        registry.enter_test_mode(cr)
        try:
            for name in names:
                print(f"{name} ...", flush=True)
                reset_peak_memory()
                try:
                    with cr.savepoint():
                        row = PATHS[name](ctx)
                        env.invalidate_all()
                        raise _Rollback(row)
                except _Rollback as done:
                    row = done.row
                except Exception as error:  # pylint: disable=broad-exception-caught
                    row = {
                        "error": repr(error),
                        "met": False,
                        "target": "",
                        "queries": None,
                    }
                row.setdefault("peak_memory_mb", peak_memory_mb())
                report["paths"][name] = row
                print(f"  {json.dumps(row, ensure_ascii=False)}", flush=True)
        finally:
            registry.leave_test_mode()
            cr.rollback()
    # the smoke (--check) fails on an error or a query budget exceeded;
    # targets of time are reported, not checked (a shared machine's noise)
    failures = [
        f"{name}: {row['error']}"
        for name, row in report["paths"].items()
        if "error" in row
    ]
    if args.budgets:
        with open(args.budgets, encoding="utf-8") as handle:
            failures += check_budgets(report, json.load(handle))
    missed = [
        f"{name}: {row['target']}"
        for name, row in report["paths"].items()
        if row.get("met") is False and "error" not in row
    ]
    report["targets_missed"] = missed
    report["failures"] = failures
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    text = markdown(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    for target in missed:
        print("target missed:", target)
    for failure in failures:
        print("FAILED:", failure)
    return 1 if args.check and failures else 0


class _Rollback(Exception):
    """Leaves a path's savepoint with its result, undoing what it wrote."""

    def __init__(self, row):
        super().__init__()
        self.row = row


if __name__ == "__main__":
    sys.exit(main())
