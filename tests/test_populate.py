# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plan of data/populate_database.py, without Odoo: the same seed draws
the same portfolio and tickets (what makes a resumed run end with the same
data), another seed another one; batches cover every item once; sizes are
the issue's. The run itself is exercised by tests/test_benchmark_smoke.py."""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data"))

import populate_database as populate  # noqa: E402

TODAY = datetime.date(2026, 12, 1)


def test_sizes():
    units = {name: p * f for name, (p, f, _t) in populate.SIZES.items()}
    tickets = {name: p * f * t for name, (p, f, t) in populate.SIZES.items()}
    assert units == {"small": 300, "medium": 10000, "large": 100000}
    assert tickets["medium"] == 100000 and tickets["large"] == 1000000
    assert tickets["small"] <= 3000  # under a minute


def test_same_seed_same_portfolio():
    first, second = populate.ProjectPlan(7), populate.ProjectPlan(7)
    for number in (1, 2):
        assert first.plan(number, 150) == second.plan(number, 150)
    other = populate.ProjectPlan(8).plan(1, 150)
    assert (
        other["res.partner.csv"]
        != populate.ProjectPlan(7).plan(1, 150)["res.partner.csv"]
    )


def test_portfolio_rows():
    rows = populate.ProjectPlan(42).plan(1, 150)
    assert len(rows["property.unit.csv"]) == 150
    areas = [float(row[4]) for row in rows["property.unit.csv"]]
    assert 60 <= min(areas) and max(areas) <= 180
    roles = {row[3] for row in rows["property.unit.partner.csv"]}
    assert {"owner", "tenant", "household"} <= roles
    # Chinese names
    assert all("\u4e00" <= row[1][0] <= "\u9fff" for row in rows["res.partner.csv"])


def test_ticket_plan_deterministic_and_in_the_period():
    plan = populate.ticket_plan(42, 1, 150, 8, TODAY)
    assert plan == populate.ticket_plan(42, 1, 150, 8, TODAY)
    assert plan != populate.ticket_plan(43, 1, 150, 8, TODAY)
    assert len(plan) == 1200
    dates = [t[5] for t in plan]
    assert dates == sorted(dates)
    start = datetime.datetime(2026, 12, 1) - datetime.timedelta(days=3 * 365)
    assert start <= dates[0] and dates[-1] <= datetime.datetime(2026, 12, 2)
    kinds = {t[1] for t in plan}
    assert kinds == {"repair", "inquiry", "suggestion", "praise"}
    repairs = sum(1 for t in plan if t[1] == "repair") / len(plan)
    assert 0.5 < repairs < 0.7


def test_batches_cover_every_item_once():
    parts = populate.batches(1201, 500)
    assert parts == [(0, 0, 500), (1, 500, 1000), (2, 1000, 1201)]
    covered = [i for _index, start, stop in parts for i in range(start, stop)]
    assert covered == list(range(1201))
    assert populate.batches(0, 500) == []


def test_complaint_plan_deterministic_and_in_the_period():
    now = datetime.datetime(2026, 12, 1, 8)
    history = populate.history
    plan = history.complaint_plan(42, 1, 1000, now)
    assert plan == history.complaint_plan(42, 1, 1000, now)
    assert plan != history.complaint_plan(42, 2, 1000, now)
    # three complaints a year per hundred flats
    assert len(plan) == 90
    assert {t[1] for t in plan} == {"complaint"}
    dates = [t[5] for t in plan]
    assert dates == sorted(dates)
    assert now - datetime.timedelta(days=3 * 365 + 1) <= dates[0] <= dates[-1] <= now
    assert all(0 <= t[0] < 1000 for t in plan)
