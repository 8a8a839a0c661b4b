# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure statistics of the satisfaction programme (D-26, D-29), free of the
ORM so that tests can check them on hand-computed fixtures."""

import math
import random


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


def level_score(value, levels):
    """A level x of a k-level scale on 0-100: (x − 1) / (k − 1) × 100."""
    return (value - 1) / (levels - 1) * 100.0


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def variance(values):
    """Sample variance (n − 1)."""
    values = list(values)
    if len(values) < 2:
        return 0.0
    m = mean(values)
    return sum((v - m) ** 2 for v in values) / (len(values) - 1)


def cronbach_alpha(rows):
    """Cronbach's α of a multi-item scale; ``rows`` holds one list of item
    values per respondent who answered every item. None when it cannot be
    computed (fewer than 2 items or respondents, or no total variance)."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    k = len(rows[0])
    item_var = sum(variance([row[i] for row in rows]) for i in range(k))
    total_var = variance([sum(row) for row in rows])
    if not total_var:
        return None
    return k / (k - 1) * (1 - item_var / total_var)


def correlation(xs, ys):
    """Pearson correlation; None without variance or with < 3 pairs."""
    if len(xs) < 3:
        return None
    mx, my = mean(xs), mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if not sxx or not syy:
        return None
    return sxy / math.sqrt(sxx * syy)


def classify(drivers):
    """Importance–performance matrix (GB/T 19038 Annex D): ``drivers`` maps a
    key to (importance, performance); the axes split at the means. Returns
    key -> strength / priority / maintain / low_priority."""
    if not drivers:
        return {}
    mi = mean(imp for imp, _perf in drivers.values())
    mp = mean(perf for _imp, perf in drivers.values())
    result = {}
    for key, (imp, perf) in drivers.items():
        important = imp >= mi
        good = perf >= mp
        if important and good:
            result[key] = "strength"
        elif important:
            result[key] = "priority"
        elif good:
            result[key] = "maintain"
        else:
            result[key] = "low_priority"
    return result
