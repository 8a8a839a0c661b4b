# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The history of a generated project beyond its tickets (used by
``populate_database.py``): complaints with their callbacks, community
events with their attendees and feedback, satisfaction campaigns answered
and computed, the property fee billed, mostly paid and the rest in
arrears with its collection cases, renovation permits; and, once every
project is made, the deadline steps that fell due before the generation
recorded as fired.

Everything goes through the product's own methods (billing runs and
their chunks, the payment wizard, the collection pass, the campaign's
draw, answers and results, callback attempts) except four things done
in SQL. The fee's bills and payments of the same shape are copies of
ones the billing run and the wizard made, the values column for column
(``populate_ledger``): the ORM's accounting costs a tenth of a second a
bill and as much a payment, hours at the large size. The other three
because the ORM would only walk records through workflow states the
history has long left, one by one:

* complaints of the past are closed (step, stage, dates) like the
  tickets of the past, and their callback marked done with its result;
* renovation permits of the past get their final state and dates (an
  application's documents and signature are files and drawings the
  benchmarks do not read);
* overdue steps of the open obligations are recorded as fired at their
  time, with the columns their rows would get from the deadline, without
  the reactions (activities, messages) the rules would have made then:
  the engine's first pass on a generated database has nothing to catch
  up, as in a database that has been running all along.
"""

import datetime
import random
import time

import populate_ledger as ledger
from psycopg2.extras import execute_values

COMPLAINTS_PER_FLAT_YEAR = 0.03
PERMITS_PER_FLAT_YEAR = 0.015
EVENTS_PER_YEAR = 4
EVENT_ATTENDEES = 20
CAMPAIGN_YEARS = 2  # a satisfaction campaign per project in each of the last two years
UNPAID_SHARE = 10  # one unit in ten leaves its bill unpaid (arrears)
COMPLAINT_SUBJECTS = [
    "维修多次未修好",
    "保安态度差",
    "电梯频繁故障",
    "楼上噪音扰民无人处理",
    "物业费收费不透明",
    "垃圾清运不及时",
]
EVENT_NAMES = [
    "邻里节",
    "中秋游园会",
    "老人健康讲座",
    "儿童绘画比赛",
    "消防安全演练",
    "端午包粽子",
]
FEEDBACK = ["活动很好，希望多办", "组织有序", "时间可以再早一点", "孩子很喜欢"]
RENOVATION_WORKS = ["厨卫改造", "墙面翻新", "地板更换", "封阳台", "全屋装修"]


def staff(env, password):
    """The staff the history needs: the organiser and caller (the
    administrator) and an independent surveyor ``pop.surveyor``."""
    surveyor = env["res.users"].search([("login", "=", "pop.surveyor")])
    if not surveyor:
        groups = [
            "base.group_user",
            "survey.group_survey_user",
            "property_cs.group_property_cs_surveyor",
        ]
        surveyor = env["res.users"].create(
            {
                "name": "第三方调查员（基准）",
                "login": "pop.surveyor",
                "password": password,
                "lang": "zh_CN",
                "groups_id": [(6, 0, [env.ref(g).id for g in groups])],
            }
        )
    return {"admin": env.ref("base.user_admin"), "surveyor": surveyor}


def project_history(env, project, units, number, seed, now, open_from, who, tickets):
    """One project's history beyond its tickets; ``tickets`` is the
    generator's ticket batch. Returns what was made, by kind, and the
    seconds of each part (``seconds_<part>``)."""
    parts = [
        (
            "complaints",
            ("complaints", "callbacks"),
            lambda: complaints(
                env,
                units,
                complaint_plan(seed, number, len(units), now),
                open_from,
                who["admin"],
                tickets,
            ),
        ),
        (
            "events",
            ("events", "registrations"),
            lambda: events(env, project, units, number, seed, now, who["admin"]),
        ),
        (
            "campaigns",
            ("campaigns", "answers"),
            lambda: campaigns(env, project, number, now, who["surveyor"]),
        ),
        (
            "fees",
            ("bills", "bills_paid", "collection_cases"),
            lambda: fees(env, project, units, now),
        ),
        ("permits", ("permits",), lambda: (permits(env, units, number, seed, now),)),
    ]
    made = {}
    for name, keys, make in parts:
        t0 = time.monotonic()
        made.update(zip(keys, make(), strict=True))
        made[f"seconds_{name}"] = round(time.monotonic() - t0, 2)
    return made


def _years(now):
    return [now.year - offset for offset in range(3)]


# ---------------------------------------------------------------------------
# complaints and their callbacks
# ---------------------------------------------------------------------------
def complaint_plan(seed, number, flats, now):
    """(flat index, kind, channel, subject, category pick, reported) of the
    project's complaints over three years, oldest first."""
    rng = random.Random(f"{seed}-complaints-{number}")
    count = max(1, round(flats * COMPLAINTS_PER_FLAT_YEAR * 3))
    start = now - datetime.timedelta(days=3 * 365)
    rows = []
    for _index in range(count):
        reported = start + datetime.timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
        rows.append(
            (
                rng.randrange(flats),
                "complaint",
                rng.choice(["phone", "phone", "walk_in", "portal"]),
                rng.choice(COMPLAINT_SUBJECTS),
                rng.randrange(1000),
                reported.replace(hour=rng.choice([1, 2, 3, 6, 7, 8])),
            )
        )
    rows.sort(key=lambda r: r[5])
    return rows


def complaints(env, units, plan, open_from, caller, make_tickets):
    """The complaints of ``plan`` (through ``make_tickets``, the
    generator's ticket batch) and, for those of the past, their closing
    callback: one attempt that reached the owner, satisfied nine times in
    ten. Returns (complaints, callbacks)."""
    # as Odoo's import brings history: not acknowledged to the owners again
    tickets = make_tickets(
        env(context=dict(env.context, import_file=True)), units, plan, [], open_from
    )
    past = tickets.filtered(lambda t: t.state == "closed")
    if not past:
        return len(tickets), 0
    env.cr.execute(
        """
        UPDATE property_ticket
           SET complaint_step = 'summarized',
               date_complaint_replied = date_done
         WHERE id = ANY(%s)
        """,
        (past.ids,),
    )
    env.invalidate_all()
    Callback = env["property.callback"]
    callbacks = Callback.create(
        [
            {
                "name": ticket.name,
                "ticket_id": ticket.id,
                "project_id": ticket.project_id.id,
                "partner_id": ticket.partner_id.id,
                "kind": "complaint",
                "date_due": ticket.date_done + datetime.timedelta(days=1),
                "user_id": caller.id,
            }
            for ticket in past
        ]
    )
    env["property.callback.attempt"].create(
        [
            {
                "callback_id": callback.id,
                "outcome": "reached",
                "user_id": caller.id,
                "date": ticket.date_done + datetime.timedelta(hours=20),
            }
            for callback, ticket in zip(callbacks, past, strict=True)
        ]
    )
    env.flush_all()
    env.cr.execute(
        """
        UPDATE property_callback c
           SET state = 'done',
               date_done = t.date_done + interval '20 hours',
               result = CASE WHEN c.id %% 10 = 0 THEN 'basic' ELSE 'satisfied' END,
               create_date = t.date_done
          FROM property_ticket t
         WHERE c.ticket_id = t.id AND c.id = ANY(%s)
        """,
        (callbacks.ids,),
    )
    env.invalidate_all()
    return len(tickets), len(callbacks)


# ---------------------------------------------------------------------------
# community events
# ---------------------------------------------------------------------------
def events(env, project, units, number, seed, now, organiser):
    """Four past events a year for three years, each with its attendees
    (one or two people of a household), a few no-shows and feedback."""
    rng = random.Random(f"{seed}-events-{number}")
    residents = {}
    for link in env["property.unit.partner"].search(
        [("unit_id", "in", units.ids), ("role", "in", ("owner", "tenant"))],
        order="id",
    ):
        residents.setdefault(link.unit_id, link.partner_id)
    households = list(residents.items())
    done_stage = env.ref("event.event_stage_done")
    vals, days = [], []
    for year in _years(now):
        for quarter in range(EVENTS_PER_YEAR):
            day = datetime.datetime(year, 1 + 3 * quarter, 1) + datetime.timedelta(
                days=rng.randrange(80)
            )
            if day >= now - datetime.timedelta(days=2):
                continue
            begin = day.replace(hour=1)  # 9:00 in China
            vals.append(
                {
                    "name": f"{project.name} {rng.choice(EVENT_NAMES)}",
                    "property_project_id": project.id,
                    "property_venue": "小区会所",
                    "property_organiser_id": organiser.id,
                    "date_tz": project.tz or "Asia/Shanghai",
                    "date_begin": begin,
                    "date_end": begin + datetime.timedelta(hours=2),
                    "seats_limited": True,
                    "seats_max": EVENT_ATTENDEES + 10,
                    "stage_id": done_stage.id,
                    "event_mail_ids": [(5, 0, 0)],
                    "user_id": organiser.id,
                }
            )
            days.append(begin)
    created = env["event.event"].create(vals)
    registrations = []
    for event, begin in zip(created, days, strict=True):
        offset = rng.randrange(len(households))
        chosen = (households[offset:] + households[:offset])[: EVENT_ATTENDEES + 2]
        for position, (unit, partner) in enumerate(chosen):
            came = position < EVENT_ATTENDEES
            reg = {
                "event_id": event.id,
                "partner_id": partner.id,
                "property_unit_id": unit.id,
                "property_booked_by_id": partner.id,
                "property_channel": "portal" if position % 2 else "phone",
                "state": "done" if came else "open",
                "property_no_show": not came,
            }
            if came and position % 3 != 2:
                reg.update(
                    property_feedback_rating=str(rng.choice([5, 5, 4, 4, 3])),
                    property_feedback_comment=rng.choice(FEEDBACK),
                    property_date_feedback=begin + datetime.timedelta(days=1),
                )
            registrations.append(reg)
    env["event.registration"].create(registrations)
    return len(created), len(registrations)


# ---------------------------------------------------------------------------
# satisfaction campaigns
# ---------------------------------------------------------------------------
def campaigns(env, project, number, now, surveyor):
    """A campaign in each of the last two years (and this year's when its
    autumn is past): drawn, answered on paper by all but two of the
    sample, results computed, closed (the demo's own filling method)."""
    vals = []
    for year in range(now.year - CAMPAIGN_YEARS, now.year):
        vals.append(
            {
                "name": f"{project.name} {year} 年度满意度调查",
                "date_start": f"{year}-10-01",
                "date_end": f"{year}-11-30",
                "project_ids": [(6, 0, project.ids)],
                "seed": f"pop-{number}-{year}",
            }
        )
    created = env["property.survey.campaign"].create(vals)
    env["property.survey.demo"]._run_campaigns(created.ids, surveyor.id)
    answers = env["survey.user_input"].search_count(
        [("property_campaign_id", "in", created.ids)]
    )
    return len(created), answers


# ---------------------------------------------------------------------------
# fees: billed, paid, arrears
# ---------------------------------------------------------------------------
def fees(env, project, units, now):
    """The property service fee (a standard by area) billed for the month
    two months back by the product's billing run, paid at the desk by nine
    units in ten (one payment per payer), the rest in arrears: the
    collection pass opens their cases. The bills and payments of the same
    shape are copied in SQL from ones the ORM made (``populate_ledger``:
    the ORM's accounting would take hours at the large size)."""
    Standard = env["property.fee.standard"]
    Standard.create(
        {
            "project_id": project.id,
            "fee_type_id": env.ref("property_cs.property_fee_type_service").id,
            "rate": 2.5,
            "date_from": f"{now.year - 3}-01-01",
            "approval_ref": "价格备案（生成数据）",
        }
    )
    cash = _journals(env, project)
    first = now.date().replace(day=1)
    month = (first.month - 3) % 12 + 1
    period = first.replace(year=first.year - (first.month <= 2), month=month)
    run = env["property.billing.run"].create(
        {"project_id": project.id, "period_start": period}
    )
    run.action_queue()
    ledger.bill_and_pay(env, run, cash, lambda unit: not unit.id % UNPAID_SHARE)
    moves = env["account.move"].search(
        [("property_billing_run_id", "=", run.id), ("state", "=", "posted")],
        order="id",
    )
    if not moves:  # every unit of the run failed: its chunks say why
        raise RuntimeError(f"{project.code}: the billing run made no bill")
    to_pay = moves.filtered(lambda m: m.property_unit_id.id % UNPAID_SHARE)
    # this project's daily collection pass (the cron's pass of one project)
    Case = env["property.collection.case"]
    today = env["property.unit.partner"]._property_today()
    Case._collection_pass_project(project, today)
    project.collection_pass_date = today
    opened = Case.search_count([("project_id", "=", project.id)])
    return len(moves), len(to_pay), opened


def _journals(env, project):
    """The project's own fee (sales) journal, set on the project, and its
    cash journal, returned, as a management office keeping its own books
    has: a journal numbers its entries under
    a lock held until the transaction ends, and a project's history is one
    transaction, so projects generated at once (``--jobs``) sharing the
    company's journals would wait for each other."""
    suffix = project.code[3:]  # POP01 -> 01
    Journal = env["account.journal"]
    company = project.company_id or env.company
    income = Journal.search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    ).default_account_id
    sale = Journal.create(
        {
            "name": f"{project.name} 物业费",
            "code": f"F{suffix}",
            "type": "sale",
            "company_id": company.id,
            "default_account_id": income.id,
        }
    )
    cash = Journal.create(
        {
            "name": f"{project.name} 收费处",
            "code": f"C{suffix}",
            "type": "cash",
            "company_id": company.id,
        }
    )
    project.fee_journal_id = sale
    return cash


# ---------------------------------------------------------------------------
# renovation permits
# ---------------------------------------------------------------------------
def permits(env, units, number, seed, now):
    """Renovation permits of the last three years applied for by owners:
    those whose works ended are closed, this season's approved."""
    rng = random.Random(f"{seed}-permits-{number}")
    owners = {}
    for link in env["property.unit.partner"].search(
        [("unit_id", "in", units.ids), ("role", "=", "owner")], order="id"
    ):
        owners.setdefault(link.unit_id, link.partner_id)
    pairs = list(owners.items())
    count = max(1, round(len(units) * PERMITS_PER_FLAT_YEAR * 3))
    picks = sorted(rng.sample(range(len(pairs)), min(count, len(pairs))))
    starts = [
        now - datetime.timedelta(days=rng.randrange(20, 3 * 365)) for _pick in picks
    ]
    created = env["property.renovation"].create(
        [
            {
                "unit_id": pairs[pick][0].id,
                "applicant_id": pairs[pick][1].id,
                "channel": "desk",
                "description": rng.choice(RENOVATION_WORKS),
                "date_start": start.date(),
                "date_end": (start + datetime.timedelta(days=60)).date(),
            }
            for pick, start in zip(picks, starts, strict=True)
        ]
    )
    env.flush_all()
    env.cr.execute(
        """
        UPDATE property_renovation
           SET state = CASE WHEN date_end < %(today)s THEN 'closed'
                            ELSE 'approved' END,
               date_submitted = date_start - interval '10 days',
               date_approved = date_start - interval '3 days',
               create_date = date_start - interval '10 days'
         WHERE id = ANY(%(ids)s)
        """,
        {"today": now.date(), "ids": created.ids},
    )
    env.invalidate_all()
    return len(created)


# ---------------------------------------------------------------------------
# overdue steps of the open obligations
# ---------------------------------------------------------------------------
def fire_due_steps(env, now):
    """Record the steps of running deadlines due before ``now`` as fired at
    their time (see the module docstring); returns (steps, breaches)."""
    Deadline = env["property.deadline"].with_context(active_test=False)
    due = Deadline.search([("state", "=", "running"), ("date_next_step", "<=", now)])
    steps, breaches = [], []
    for deadline in due:
        for step, at in deadline._step_times():
            if at > now:
                continue
            if step == "breach":
                breaches.append((deadline.id, deadline.date_due, at))
            else:
                steps.append((deadline.id, step, deadline.date_due, at))
    if steps:
        execute_values(
            env.cr,
            """
            INSERT INTO property_deadline_escalation
                   (deadline_id, step, date_deadline, date_due, date_fired,
                    res_model, res_id, ticket_id, project_id, company_id,
                    department_id, target, cycle, create_date, write_date)
            SELECT v.deadline_id, v.step, v.date_deadline, v.date_due,
                   v.date_due, d.res_model, d.res_id, d.ticket_id,
                   d.project_id, d.company_id, d.department_id, d.target,
                   d.cycle, v.date_due, v.date_due
              FROM (VALUES %s) AS v(deadline_id, step, date_deadline, date_due)
              JOIN property_deadline d ON d.id = v.deadline_id
            """,
            steps,
            template="(%s, %s, %s::timestamp, %s::timestamp)",
            page_size=1000,
        )
    if breaches:
        execute_values(
            env.cr,
            """
            INSERT INTO property_deadline_breach
                   (deadline_id, date_deadline, date_breached, res_model,
                    res_id, ticket_id, project_id, company_id, department_id,
                    category_id, severity_id, target, cycle, create_date,
                    write_date)
            SELECT v.deadline_id, v.date_deadline, v.date_breached,
                   d.res_model, d.res_id, d.ticket_id, d.project_id,
                   d.company_id, d.department_id, t.category_id,
                   t.severity_id, d.target, d.cycle, v.date_breached,
                   v.date_breached
              FROM (VALUES %s) AS v(deadline_id, date_deadline, date_breached)
              JOIN property_deadline d ON d.id = v.deadline_id
              LEFT JOIN property_ticket t ON t.id = d.ticket_id
            """,
            breaches,
            template="(%s, %s::timestamp, %s::timestamp)",
            page_size=1000,
        )
    env.invalidate_all()
    due = Deadline.browse(due.ids)
    env.add_to_compute(Deadline._fields["date_next_step"], due)
    due.flush_recordset(["date_next_step"])
    return len(steps), len(breaches)
