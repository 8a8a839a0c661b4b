# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sampling algorithm of a satisfaction campaign (D-26, D-27), free of
the ORM: sample size, stratification with buildings first, allocation by
largest remainder and the seeded draw. The campaign model feeds it the
frame (a list of dicts) and stores what it returns, so that tests can check
the algorithm on hand-built frames without a database."""

import math
import random
from collections import defaultdict


def sample_size(frame, rate, minimum):
    """n = max(ceil(rate × frame), minimum), capped at the frame (D-26).

    ``rate`` is a percentage. The product is rounded to 9 decimals first so
    that 20 % of 100 is 20, not 21 because of binary floats.
    """
    if frame <= 0:
        return 0
    n = max(math.ceil(round(rate / 100.0 * frame, 9)), minimum)
    return min(n, frame)


def largest_remainder(sizes, n):
    """Allocate ``n`` proportionally to ``sizes`` (a list) by the largest
    remainder method; ties go to the larger stratum, then the earlier one."""
    total = sum(sizes)
    if not total or n <= 0:
        return [0] * len(sizes)
    quotas = [n * size / total for size in sizes]
    alloc = [math.floor(round(q, 9)) for q in quotas]
    left = n - sum(alloc)
    order = sorted(
        range(len(sizes)),
        key=lambda i: (-(quotas[i] - alloc[i]), -sizes[i], i),
    )
    for i in order[:left]:
        alloc[i] += 1
    return alloc


def allocate(sizes, n):
    """Proportional allocation, then at least one per non-empty stratum while
    ``n`` allows (D-26): a stratum left at zero takes one from the stratum
    furthest above its exact quota that keeps at least one. Caller makes sure
    there are no more non-empty strata than ``n``."""
    alloc = largest_remainder(sizes, n)
    total = sum(sizes)
    for i in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        if sizes[i] and not alloc[i]:
            donors = [j for j in range(len(sizes)) if alloc[j] > 1]
            if not donors:
                break
            donor = max(
                donors, key=lambda j: (alloc[j] - n * sizes[j] / total, alloc[j], -j)
            )
            alloc[donor] -= 1
            alloc[i] += 1
    return alloc


def seeded_order(seed, key, items):
    """Shuffle ``items`` (sorted first) reproducibly from the campaign seed
    and the stratum key."""
    ordered = sorted(items)
    random.Random(f"{seed}:{key}").shuffle(ordered)
    return ordered


def stratify(frame, n):
    """Strata = building × property type × customer type (when known).
    When the strata outnumber n, the building takes precedence: the draw is
    stratified by building only, and when even the buildings outnumber n
    they are allocated by largest remainder, some left without a household
    (D-26).

    ``frame`` is a list of dicts with at least ``building``, ``use_type``
    and ``customer_type``. Returns (strata, alloc, rule, full strata count):
    strata an insertion-ordered dict key -> list of frame rows, the key a
    (building, use type, customer type) tuple; alloc the list of counts in
    the order of the strata; rule "full", "building" or
    "building_partial"."""
    strata = defaultdict(list)
    for row in frame:
        strata[(row["building"], row["use_type"], row["customer_type"])].append(row)
    full_count = len(strata)
    if full_count <= n:
        sizes = [len(rows) for rows in strata.values()]
        return strata, allocate(sizes, n), "full", full_count
    by_building = defaultdict(list)
    for row in frame:
        by_building[(row["building"], "", "")].append(row)
    sizes = [len(rows) for rows in by_building.values()]
    if len(by_building) <= n:
        return by_building, allocate(sizes, n), "building", full_count
    return by_building, largest_remainder(sizes, n), "building_partial", full_count


def stratum_key(key):
    """The stored key of a stratum: its parts joined by "|"."""
    return "|".join(str(part) for part in key)


def draw(frame, n, seed):
    """The draw of a campaign: stratify ``frame`` for a sample of ``n``, then
    order each stratum's units at random from ``seed``; the first ``alloc``
    units of a stratum are sampled, the rest are its reserves in order
    (D-27). Each frame row needs a ``unit`` id.

    Returns (strata, rule, full strata count), strata a list of dicts
    {key, skey, rows: {unit: row}, size, alloc, units: [unit ids in draw
    order]} in the order of the strata."""
    strata, alloc, rule, full_count = stratify(frame, n)
    result = []
    for (key, rows), count in zip(strata.items(), alloc, strict=True):
        skey = stratum_key(key)
        by_unit = {row["unit"]: row for row in rows}
        result.append(
            {
                "key": key,
                "skey": skey,
                "rows": by_unit,
                "size": len(rows),
                "alloc": count,
                "units": seeded_order(seed, skey, by_unit),
            }
        )
    return result, rule, full_count
