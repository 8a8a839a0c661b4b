#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fill a database with a deterministic synthetic portfolio (benchmarks).

    python3 data/populate_database.py -d DB --db_host 127.0.0.1 \\
        --db_user odoo --addons-path=addons --size small|medium|large \\
        [--seed 42] [--jobs 2] [--without-history]

The database has property_cs and property_survey installed without demo
data. Sizes:

    small   2 projects, 300 units, about 2,400 tickets (CI smoke, < 1 min)
    medium  20 projects, 10,000 units, about 100,000 tickets
    large   100 projects, 100,000 units, about 1,000,000 tickets

What it makes, project by project (codes POP01, POP02, ...): the portfolio
of ``generate_portfolio.BenchmarkPortfolio`` (18-floor buildings, flats of
60-180 m², owners, co-owners, tenants and household members with Chinese
names, mobiles and identity numbers, parking spaces), then tickets over
the last three years in a realistic mix of kinds, channels and categories,
then the rest of its history (``populate_history``): complaints with their
callbacks, community events with attendees and feedback, a satisfaction
campaign a year answered and computed, the service fee billed by the
product's billing run, mostly paid at the desk and the rest in arrears
with collection cases, renovation permits. Last, the deadline steps due
before the end of the run are recorded as fired.
Project POP01 also gets the fixtures the benchmark runner and the load test
use: an investor owning 20 flats (``ref`` POP-INVESTOR), portal owners
``pop.owner.001`` ... (password ``populate-2026``, no email, 简体中文) with
their history, and the agent ``pop.agent`` with 80 open tickets.

How: batched ORM creates with tracking, chatter and mail disabled, one
transaction per batch, committed; the run's state is kept in the
``property_cs.populate`` system parameter and each project's in
``property_cs.populate.POPnn``, so an interrupted run resumes at its first
uncommitted batch and, the plan being drawn from the seed in the same
order, ends with the same data as an uninterrupted one. ``--without-history``
makes the portfolios and tickets only; a later run without it adds the
rest of the history (a long run in two sittings). ``--jobs N``
forks N processes that share the projects (each takes the next one not
taken, by an advisory lock): on N cores the run takes about 1/N of the
time. Each generated project keeps its own fee and cash journals, as a
management office with its own books does, so that the processes do not
wait on each other's numbering of bills and payments. With several jobs
the data is the same but for the order of the records' ids (one unit in
ten is left unpaid by its id). One part
is SQL, where the ORM would only walk the tickets through their stages:
the tickets of the past are created through the ORM (their number, SLA
deadlines and computed fields are the ORM's) and then closed in one
statement per batch, with their done and close dates, the stage and state
of a closed ticket, and their deadlines met (or met late: a breach) at
those dates. The complaints are created as Odoo's import creates history
(``import_file``: no acknowledgement to the owners). ``populate_history``
says what else is SQL and why. After the run, no ``mail.mail`` row may
have been created.
"""

import argparse
import datetime
import json
import os
import random
import resource
import sys
import time
import traceback

from psycopg2.errors import LockNotAvailable
from psycopg2.extensions import TransactionRollbackError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import populate_history as history  # noqa: E402
from generate_portfolio import BENCH_SEED, BenchmarkPortfolio  # noqa: E402

PARAM = "property_cs.populate"
RETRIES = 3  # tries of a project's part that failed on a deadlock
LOCK_CLASS = 74026  # advisory locks of the projects being made (with their number)
PASSWORD = "populate-2026"
SIZES = {
    # projects, flats per project, tickets per flat over three years
    "small": (2, 150, 8),
    "medium": (20, 500, 10),
    "large": (100, 1000, 10),
}
PORTAL_OWNERS = {"small": 20, "medium": 100, "large": 200}
TICKET_BATCH = 500
PORTFOLIO_ONLY = (
    "portfolios and tickets made; run again without --without-history "
    "for the rest of the history"
)
HISTORY_DAYS = 3 * 365
OPEN_DAYS = 7  # tickets reported in the last week stay open
AGENT_OPEN_TICKETS = 80
KINDS = [("repair", 60), ("inquiry", 20), ("suggestion", 6), ("praise", 4)]
CHANNELS = [("phone", 45), ("portal", 30), ("walk_in", 20), ("email", 5)]
SUBJECTS = {
    "repair": ["水龙头漏水", "门禁卡失灵", "楼道灯不亮", "电梯异响", "下水道堵塞"],
    "inquiry": ["物业费缴纳方式", "装修申请流程", "停车位办理", "快递代收"],
    "suggestion": ["增设非机动车充电桩", "小区绿化补种", "增加垃圾分类指引"],
    "praise": ["保安热心帮忙", "维修师傅及时"],
}
CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "mail_auto_subscribe_no_notify": True,
}


# ---------------------------------------------------------------------------
# The plan (pure Python, tested without Odoo)
# ---------------------------------------------------------------------------
class ProjectPlan(BenchmarkPortfolio):
    """The rows of ``BenchmarkPortfolio`` kept in memory, one project at a
    time, instead of written to CSV."""

    def __init__(self, seed):
        super().__init__(out_dir=None, seed=seed)
        self.rows = {}

    def write(self, filename, row):
        self.rows.setdefault(filename, []).append(row)

    def plan(self, number, units):
        """The rows of project ``number`` (the generator's state moves on:
        plans are drawn in project order)."""
        self.rows = {}
        self.project(number, units)
        return self.rows


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def ticket_plan(seed, project_number, flats, per_flat, today):
    """The tickets of a project: (flat index, kind, channel, subject,
    category pick, reported datetime), oldest first, drawn from the seed."""
    rng = random.Random(f"{seed}-tickets-{project_number}")
    start = datetime.datetime.combine(today, datetime.time(0)) - datetime.timedelta(
        days=HISTORY_DAYS
    )
    tickets = []
    for _index in range(flats * per_flat):
        kind = weighted(rng, KINDS)
        reported = start + datetime.timedelta(
            seconds=rng.randint(0, HISTORY_DAYS * 86400)
        )
        # office hours mostly
        reported = reported.replace(hour=rng.choice([1, 2, 3, 5, 6, 7, 8, 11]))
        tickets.append(
            (
                rng.randrange(flats),
                kind,
                weighted(rng, CHANNELS),
                rng.choice(SUBJECTS[kind]),
                rng.randrange(1000),
                reported,
            )
        )
    tickets.sort(key=lambda t: t[5])
    return tickets


def batches(total, size):
    """The (index, start, stop) of the batches of ``total`` items."""
    return [
        (index, start, min(start + size, total))
        for index, start in enumerate(range(0, total, size))
    ]


class Progress:
    """Progress lines with a rate and an ETA."""

    def __init__(self, step, total, done=0, out=print):
        self.step, self.total, self.out = step, total, out
        self.start = time.monotonic()
        self.done0 = done  # done before this run (resumed)

    def show(self, done):
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = (done - self.done0) / elapsed
        left = (self.total - done) / rate if rate else 0
        self.out(
            f"{self.step:<10} {done:>9}/{self.total:<9} {rate:8.1f}/s  "
            f"ETA {int(left // 60):02d}:{int(left % 60):02d}"
        )
        return rate


# ---------------------------------------------------------------------------
# Odoo part
# ---------------------------------------------------------------------------
def _state(env):
    raw = env["ir.config_parameter"].sudo().get_param(PARAM)
    return json.loads(raw) if raw else {}


def _save(env, state):
    env["ir.config_parameter"].sudo().set_param(PARAM, json.dumps(state))


def _ref(ids, value):
    return ids[value] if value else False


def _create_project(env, rows, code, ids):
    """Create a project's rows (``ProjectPlan``) with the ORM."""
    (row,) = rows["property.project.csv"]
    state_id = env.ref(row[7], raise_if_not_found=False) if row[7] else False
    project = env["property.project"].create(
        {
            "name": row[1],
            "code": code,
            "project_type": row[3],
            "street": row[4],
            "city": row[5],
            "zip": row[6],
            "state_id": state_id.id if state_id else False,
            "country_id": env.ref("base.cn").id,
            "tz": row[9],
            "hotline": row[10],
            "complaint_phone": row[11],
            "opening_hours": row[12],
        }
    )
    ids[row[0]] = project.id
    rows_b = rows["property.building.csv"]
    for row, building in zip(
        rows_b,
        env["property.building"].create(
            [{"name": r[1], "project_id": project.id, "sequence": r[3]} for r in rows_b]
        ),
        strict=True,
    ):
        ids[row[0]] = building.id
    rows_u = rows["property.unit.csv"]
    units = env["property.unit"].create(
        [
            {
                "name": r[1],
                "building_id": ids[r[2]],
                "floor": r[3],
                "area": float(r[4]),
                "use_type": r[5],
                "date_handover": r[6] or False,
            }
            for r in rows_u
        ]
    )
    for row, unit in zip(rows_u, units, strict=True):
        ids[row[0]] = unit.id
    rows_p = rows["res.partner.csv"]
    partners = env["res.partner"].create(
        [
            {
                "name": r[1],
                "mobile": r[3],
                "email": r[5] or False,
                "date_birth": r[6] or False,
                "emergency_contact_name": r[7] or False,
                "emergency_contact_phone": r[8] or False,
                "emergency_contact_relation": r[9] or False,
                "preferred_channel": r[10],
                "id_document_type": r[11] or False,
                "id_number_input": r[12] or False,
                "lang": "zh_CN",
            }
            for r in rows_p
        ]
    )
    for row, partner in zip(rows_p, partners, strict=True):
        ids[row[0]] = partner.id
    env["property.unit.partner"].create(
        [
            {
                "unit_id": ids[r[1]],
                "partner_id": ids[r[2]],
                "role": r[3],
                "share": float(r[4]) if r[4] else 0.0,
                "date_start": r[5],
                "date_move_in": r[7] or False,
                "note": r[9] or False,
            }
            for r in rows["property.unit.partner.csv"]
        ]
    )
    env["property.parking.space"].create(
        [
            {
                "name": r[1],
                "project_id": project.id,
                "space_type": r[3],
                "location": r[4],
                "partner_id": _ref(ids, r[5]),
                "holding": r[6] or False,
                "unit_id": _ref(ids, r[7]),
            }
            for r in rows.get("property.parking.space.csv", [])
        ]
    )
    return project, units


def _fixtures(env, project, size, categories, seed, now):
    """POP01's investor, portal owners and agent (see the module docstring)."""
    building = env["property.building"].create(
        {"name": "投资楼", "project_id": project.id, "sequence": 999}
    )
    flats = env["property.unit"].create(
        [
            {"name": f"{100 + n}", "building_id": building.id, "area": 45.0 + n}
            for n in range(1, 21)
        ]
    )
    investor = env["res.partner"].create(
        {"name": "汇通置业投资有限公司", "is_company": True, "ref": "POP-INVESTOR"}
    )
    env["property.unit.partner"].create(
        [
            {
                "unit_id": flat.id,
                "partner_id": investor.id,
                "role": "owner",
                "share": 100.0,
                "date_start": "2020-01-01",
            }
            for flat in flats
        ]
    )
    links = env["property.unit.partner"].search(
        [
            ("unit_id.project_id", "=", project.id),
            ("role", "=", "owner"),
            ("partner_id", "!=", investor.id),
        ],
        order="unit_id, id",
    )
    owners = links.partner_id[: PORTAL_OWNERS[size]]
    owners.write({"email": False, "lang": "zh_CN"})
    portal = env.ref("base.group_portal")
    env["res.users"].create(
        [
            {
                "login": f"pop.owner.{n:03d}",
                "password": PASSWORD,
                "partner_id": owner.id,
                "lang": "zh_CN",
                "groups_id": [(6, 0, portal.ids)],
            }
            for n, owner in enumerate(owners, 1)
        ]
    )
    agent = env["res.users"].create(
        {
            "name": "客服专员（基准）",
            "login": "pop.agent",
            "password": PASSWORD,
            "lang": "zh_CN",
            "groups_id": [(6, 0, env.ref("property_cs.group_property_cs_agent").ids)],
        }
    )
    agent.property_project_ids = [(4, project.id)]
    # each portal owner's flat: 10 tickets of the last three years, the
    # last two still open
    first_flat = {}
    for link in links:
        first_flat.setdefault(link.partner_id, link.unit_id)
    flats = [first_flat[owner] for owner in owners]
    count = len(flats)
    drawn = ticket_plan(f"{seed}-owners", 1, count, 10, now.date())
    plan = [
        (i % count, *t[1:5], now if i >= len(drawn) - 2 * count else t[5])
        for i, t in enumerate(drawn)
    ]
    for _index, start, stop in batches(len(plan), TICKET_BATCH):
        batch = plan[start:stop]
        _tickets(
            env,
            None,
            batch,
            categories,
            now - datetime.timedelta(minutes=1),
            flats=[flats[t[0]] for t in batch],
            partners=[owners[t[0]] for t in batch],
        )
    return owners


def _tickets(env, units, batch, categories, open_from, flats=None, partners=None):
    """Create one batch of the project's tickets; close those reported
    before ``open_from`` with SQL (see the module docstring). ``flats``:
    the unit of each ticket (else the planned flat of ``units``);
    ``partners``: who reported each (else the flat's resident)."""
    Ticket = env["property.ticket"]
    current = {}
    if not partners:
        current = {
            link.unit_id.id: link.partner_id.id
            for link in env["property.unit.partner"].search(
                [("unit_id", "in", units.ids), ("role", "in", ("owner", "tenant"))],
                order="id",
            )
        }
    vals = []
    for index, (flat, kind, channel, subject, pick, reported) in enumerate(batch):
        unit = flats[index] if flats else units[flat % len(units)]
        category = categories[pick % len(categories)] if categories else False
        vals.append(
            {
                "name": subject,
                "kind": kind,
                "channel": channel,
                "unit_id": unit.id,
                "partner_id": partners[index].id
                if partners
                else current.get(unit.id, False),
                "category_id": category if kind in ("repair", "suggestion") else False,
                "date_reported": reported,
            }
        )
    tickets = Ticket.create(vals)
    env.flush_all()
    past = [
        t.id
        for t, (*_x, reported) in zip(tickets, batch, strict=True)
        if reported < open_from
    ]
    if past:
        closed = env.ref("property_cs.property_ticket_stage_closed")
        env.cr.execute(
            """
            UPDATE property_ticket t
               SET stage_id = %(stage)s, state = 'closed',
                   date_done = t.date_reported
                       + (interval '1 hour' * (2 + (t.id %% 70))),
                   date_closed = t.date_reported
                       + (interval '1 hour' * (26 + (t.id %% 70))),
                   create_date = t.date_reported, write_date = t.date_reported
             WHERE t.id = ANY(%(ids)s)
            """,
            {"stage": closed.id, "ids": past},
        )
        # deadlines met at the ticket's done date: a tenth late (a breach)
        env.cr.execute(
            """
            UPDATE property_deadline d
               SET state = 'met',
                   date_start = t.date_reported,
                   date_due = t.date_reported + interval '48 hours',
                   date_met = CASE WHEN t.id %% 10 = 0
                                   THEN t.date_reported + interval '60 hours'
                                   ELSE t.date_done END,
                   date_next_step = NULL,
                   create_date = t.date_reported
              FROM property_ticket t
             WHERE d.ticket_id = t.id AND t.id = ANY(%(ids)s)
            """,
            {"ids": past},
        )
        env.invalidate_all()
    return tickets


def _projects(env):
    """Every project's state, as committed by any process (read in SQL:
    the parameters' cache belongs to each process)."""
    env.cr.execute(
        "SELECT key, value FROM ir_config_parameter WHERE key LIKE %s",
        [f"{PARAM}.POP%"],
    )
    return {
        key[len(PARAM) + 1 :]: json.loads(value) for key, value in env.cr.fetchall()
    }


def _save_project(env, code, project_state):
    env["ir.config_parameter"].sudo().set_param(
        f"{PARAM}.{code}", json.dumps(project_state)
    )


def _done(projects, step):
    """What the projects' states say is done of ``step``."""
    if step == "portfolio":
        return sum(p.get("units", 0) for p in projects.values())
    if step == "tickets":
        return sum(p.get("tickets_done", 0) for p in projects.values())
    return sum(1 for p in projects.values() if p.get("history"))


def _totals(size):
    """What each step makes in all, for a size."""
    projects_count, flats, per_flat = SIZES[size]
    return {
        "portfolio": projects_count * flats,
        "tickets": projects_count * flats * per_flat,
        "history": projects_count,
    }


def _anchor(state):
    return datetime.datetime.strptime(state["anchor"], "%Y-%m-%d %H:%M:%S")


def prepare(env, size, seed=BENCH_SEED, jobs=1):
    """Check and record the run in the state (a resumed run must be of the
    same size and seed), make the staff the history needs; committed.
    Returns the state, or None when the database is generated already."""
    if size not in SIZES:
        raise ValueError(f"size is one of {', '.join(SIZES)}")
    if jobs < 1:
        raise ValueError("jobs is at least 1")
    env = env(context=dict(env.context, **CONTEXT))
    state = _state(env)
    if state and (state.get("size"), state.get("seed")) != (size, seed):
        raise ValueError(
            f"the database holds a {state['size']} portfolio of seed {state['seed']}"
        )
    if state.get("finished") and state.get("history_done"):
        return None
    state.update(size=size, seed=seed, finished=False, jobs=jobs)
    state.setdefault("mails_before", env["mail.mail"].sudo().search_count([]))
    # the history is dated from the first run's time: a resumed run draws
    # the same dates
    state.setdefault("anchor", f"{datetime.datetime.now():%Y-%m-%d %H:%M:%S}")
    history.staff(env, PASSWORD)
    _save(env, state)
    env.cr.commit()  # pylint: disable=invalid-commit
    return state


def work(env, state, progress=print, with_history=True):
    """Make every project not made yet: its portfolio, its tickets batch by
    batch, then the rest of its history, each part committed with the
    project's state (``property_cs.populate.POPnn``). A process takes a
    project by a try of its advisory lock, so several processes
    (``--jobs``) share the projects and one that stops leaves its project
    to the next run, which resumes it at its first uncommitted part.
    Without ``with_history`` the projects get their portfolio and tickets
    only; a later run adds the rest."""
    env = env(context=dict(env.context, **CONTEXT))
    projects_count, flats, _per_flat = SIZES[state["size"]]
    plan = ProjectPlan(state["seed"])
    categories = (
        env["property.ticket.category"]
        .search([("child_ids", "=", False)], order="id")
        .ids
    )
    who = history.staff(env, PASSWORD)
    totals = _totals(state["size"])
    known = _projects(env)
    shown = {
        step: Progress(step, total, _done(known, step), progress)
        for step, total in totals.items()
    }

    def show(step):
        shown[step].show(_done(_projects(env), step))

    for number in range(1, projects_count + 1):
        rows = plan.plan(number, flats)  # drawn even when done: same rng order
        code = f"POP{number:02d}"
        made = _projects(env).get(code, {})
        if made.get("history") or (not with_history and made.get("tickets")):
            continue
        env.cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (LOCK_CLASS, number))
        if not env.cr.fetchone()[0]:
            continue  # another process makes it
        env.cr.commit()  # pylint: disable=invalid-commit
        for attempt in range(1, RETRIES + 1):
            try:
                _project(env, state, number, rows, categories, who, show, with_history)
                break
            except (TransactionRollbackError, LockNotAvailable) as error:
                # a deadlock, serialization failure or row locked without
                # waiting by another job: its uncommitted part is made again
                env.cr.rollback()
                if attempt == RETRIES:
                    raise
                progress(f"{code}: {error.pgcode} ({error}), tried again")
        env.cr.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_CLASS, number))
        env.cr.commit()  # pylint: disable=invalid-commit


def _project(env, state, number, rows, categories, who, show, with_history=True):
    """One project, from where its committed state says it stopped."""
    size, seed, now = state["size"], state["seed"], _anchor(state)
    _count, _flats, per_flat = SIZES[size]
    code = f"POP{number:02d}"
    mine = _projects(env).get(code)
    if mine is None:
        t0 = time.monotonic()
        project, units = _create_project(env, rows, code, {})
        if number == 1:
            _fixtures(env, project, size, categories, seed, now)
        mine = {"units": len(units), "tickets_done": 0, "seconds": {}}
        mine["seconds"]["portfolio"] = time.monotonic() - t0
        _save_project(env, code, mine)
        env.cr.commit()  # pylint: disable=invalid-commit
        show("portfolio")
    seconds = mine["seconds"]
    project = env["property.project"].search([("code", "=", code)])
    units = env["property.unit"].search(
        [("project_id", "=", project.id), ("building_id.sequence", "!=", 999)],
        order="id",
    )
    tickets = ticket_plan(seed, number, len(units), per_flat, now.date())
    # the last week and at least the agent's workload stay open
    open_from = min(
        now - datetime.timedelta(days=OPEN_DAYS),
        tickets[-AGENT_OPEN_TICKETS][5],
    )
    for _index, start, stop in batches(len(tickets), TICKET_BATCH):
        if stop <= mine["tickets_done"]:
            continue
        t0 = time.monotonic()
        _tickets(env, units, tickets[start:stop], categories, open_from)
        mine["tickets_done"] = stop
        seconds["tickets"] = seconds.get("tickets", 0) + time.monotonic() - t0
        _save_project(env, code, mine)
        env.cr.commit()  # pylint: disable=invalid-commit
        show("tickets")
    if not mine.get("tickets"):
        mine["tickets"] = True
        _save_project(env, code, mine)
        env.cr.commit()  # pylint: disable=invalid-commit
    if with_history and not mine.get("history"):
        t0 = time.monotonic()
        mine["counts"] = history.project_history(
            env, project, units, number, seed, now, open_from, who, _tickets
        )
        mine["history"] = True
        seconds["history"] = time.monotonic() - t0
        _save_project(env, code, mine)
        env.cr.commit()  # pylint: disable=invalid-commit
        show("history")


def finish(env, state, progress=print, wall=0.0, peak_mb=0):
    """After every project: the agent's workload, the deadline steps due
    before the end recorded as fired, the check that no mail was made,
    VACUUM ANALYZE and the figures (``stats``); committed. ``wall``: the
    seconds this run took; ``peak_mb``: the highest peak memory of the
    processes that made the projects."""
    env = env(context=dict(env.context, **CONTEXT))
    projects_count = SIZES[state["size"]][0]
    projects = _projects(env)
    missing = [
        f"POP{n:02d}"
        for n in range(1, projects_count + 1)
        if not projects.get(f"POP{n:02d}", {}).get("history")
    ]
    if missing:
        raise RuntimeError(
            f"projects not finished: {', '.join(missing)} (run again to resume)"
        )
    _assign_agent(env)
    totals = _totals(state["size"])
    steps = state.setdefault("steps", {})
    for step, total in totals.items():
        steps[step] = {
            "done": _done(projects, step),
            "total": total,
            "seconds": sum(p["seconds"].get(step, 0) for p in projects.values()),
        }
    counts = {}
    for mine in projects.values():
        for name, value in mine["counts"].items():
            counts[name] = counts.get(name, 0) + value
    due = steps.setdefault("due_steps", {"done": 0, "total": 1, "seconds": 0.0})
    if not due["done"]:
        t0 = time.monotonic()
        fired_at = odoo_now()
        fired, breached = history.fire_due_steps(env, fired_at)
        # nothing was due at this time any more (checked by the CI smoke)
        state["ended"] = f"{fired_at:%Y-%m-%d %H:%M:%S}"
        state["due_counts"] = {"steps_fired": fired, "breaches": breached}
        due.update(done=1, seconds=time.monotonic() - t0)
    counts.update(state.get("due_counts", {}))
    mails = env["mail.mail"].sudo().search_count([]) - state["mails_before"]
    if mails:
        raise RuntimeError(f"the generator created {mails} mail.mail rows")
    state["finished"] = state["history_done"] = True
    state["wall_seconds"] = state.get("wall_seconds", 0) + wall
    _vacuum(env)
    own = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    def rate(step):
        return (
            round(steps[step]["done"] / steps[step]["seconds"], 1)
            if steps[step]["seconds"]
            else None
        )

    state["stats"] = {
        # per process: what one process makes in a second
        "units_per_s": rate("portfolio"),
        "tickets_per_s": rate("tickets"),
        "history_s_per_project": round(
            steps["history"]["seconds"] / steps["history"]["done"], 1
        ),
        # every part of every project, added up over the processes
        "seconds": round(sum(s["seconds"] for s in steps.values()), 1),
        # the clock time of the runs that made the database
        "wall_seconds": round(state["wall_seconds"], 1),
        "jobs": state["jobs"],
        "history_seconds_by_part": {
            k[8:]: round(v, 1) for k, v in counts.items() if k.startswith("seconds_")
        },
        # the highest of the processes and runs that made the database
        "peak_rss_mb": max(
            own, peak_mb, (state.get("stats") or {}).get("peak_rss_mb") or 0
        ),
        **{k: v for k, v in counts.items() if not k.startswith("seconds_")},
    }
    _save(env, state)
    env.cr.commit()  # pylint: disable=invalid-commit
    progress(json.dumps(state["stats"]))
    return state


def run(env, size, seed=BENCH_SEED, progress=print, with_history=True):
    """Fill the database of ``env`` in this process (committing); resumes
    an interrupted run of the same size and seed. Returns the state.
    Without ``with_history``, only the portfolios and tickets are made
    (the run is not finished: a later run adds the rest of the history)."""
    t0 = time.monotonic()
    state = prepare(env, size, seed)
    if state is None:
        progress("already generated")
        return _state(env)
    work(env, state, progress, with_history)
    if not with_history:
        progress(PORTFOLIO_ONLY)
        return state
    return finish(env, state, progress, wall=time.monotonic() - t0)


def _vacuum(env):
    """VACUUM ANALYZE the database once generated: closing the past's
    tickets and deadlines rewrites millions of rows at once, and until
    autovacuum catches up their indexes hold the old versions and the
    planner's estimates are stale (measured at the large size: the
    deadline pass took 290 ms instead of 10, an owner's form 95 ms instead
    of 30)."""
    import odoo  # noqa: PLC0415

    env.cr.commit()  # pylint: disable=invalid-commit
    with odoo.sql_db.db_connect(env.cr.dbname).cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE")


def odoo_now():
    """Odoo's now (UTC, naive)."""
    from odoo import fields  # noqa: PLC0415

    return fields.Datetime.now()


def _assign_agent(env):
    """pop.agent handles the latest open tickets of POP01 (at least 80)."""
    agent = env["res.users"].search([("login", "=", "pop.agent")])
    project = env["property.project"].search([("code", "=", "POP01")])
    open_tickets = env["property.ticket"].search(
        [("project_id", "=", project.id), ("state", "not in", ("closed", "cancelled"))],
        order="date_reported desc",
        limit=AGENT_OPEN_TICKETS,
    )
    # a member of the departments the tickets went to (dispatch rule)
    open_tickets.department_id.write({"member_ids": [(4, agent.id)]})
    open_tickets.write({"user_id": agent.id})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="processes making projects at once (one per core)",
    )
    parser.add_argument(
        "--without-history",
        action="store_true",
        help="make the portfolios and tickets only; a later run adds the rest",
    )
    args, odoo_args = parser.parse_known_args(argv)
    with_history = not args.without_history
    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(config["db_name"])
    if args.jobs == 1:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            run(env, args.size, args.seed, with_history=with_history)
        return 0
    t0 = time.monotonic()
    with registry.cursor() as cr:
        state = prepare(
            odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}),
            args.size,
            args.seed,
            args.jobs,
        )
    if state is None:
        print("already generated")
        return 0
    odoo.sql_db.close_all()  # each job opens connections of its own
    pids = []
    for job in range(1, args.jobs + 1):
        pid = os.fork()
        if not pid:  # the job
            code = 1
            try:
                with registry.cursor() as cr:
                    work(
                        odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}),
                        state,
                        lambda line, job=job: print(f"[{job}] {line}", flush=True),
                        with_history,
                    )
                code = 0
            except Exception:  # pylint: disable=broad-except
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                os._exit(code)  # pylint: disable=protected-access
        pids.append(pid)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    if any(codes):
        print(f"a job failed (exit codes {codes}); run again to resume")
        return 1
    if not with_history:
        print(PORTFOLIO_ONLY)
        return 0
    peak = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    with registry.cursor() as cr:
        finish(
            odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}),
            state,
            wall=time.monotonic() - t0,
            peak_mb=peak,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
