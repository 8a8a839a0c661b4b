# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sampling algorithm of property_survey (models/sampling.py) is free of
the ORM: it imports and runs without Odoo, on a frame of plain dicts."""

import importlib.util
import random
from pathlib import Path

import pytest

PATH = (
    Path(__file__).resolve().parent.parent / "addons/property_survey/models/sampling.py"
)


@pytest.fixture(scope="module")
def sampling():
    spec = importlib.util.spec_from_file_location("survey_sampling", PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _frame(count, seed=7):
    rng = random.Random(seed)
    return [
        {
            "unit": unit,
            "building": rng.randint(1, 6),
            "use_type": rng.choice(["residential", "residential", "commercial"]),
            "customer_type": rng.choice(["", "", "expert", "manager"]),
        }
        for unit in range(1, count + 1)
    ]


def test_no_odoo_import():
    """The module imports nothing from Odoo."""
    source = PATH.read_text(encoding="utf-8")
    assert "odoo" not in source.split('"""', 2)[2]


@pytest.mark.parametrize("count", [1, 7, 19, 60, 500, 3000])
def test_draw_invariants(sampling, count):
    """Whatever the frame: n households drawn, each stratum's order holds
    exactly its units, at least one per stratum when the strata fit in n."""
    frame = _frame(count)
    n = sampling.sample_size(count, 20, 20)
    strata, rule, full = sampling.draw(frame, n, "s")
    assert sum(s["alloc"] for s in strata) == n
    assert sorted(u for s in strata for u in s["units"]) == list(range(1, count + 1))
    for stratum in strata:
        assert sorted(stratum["units"]) == sorted(stratum["rows"])
        assert stratum["alloc"] <= stratum["size"]
    if rule != "building_partial":
        assert all(s["alloc"] >= 1 for s in strata)
    assert full >= len(strata)
    again, _rule, _full = sampling.draw(frame, n, "s")
    assert [s["units"] for s in again] == [s["units"] for s in strata]
