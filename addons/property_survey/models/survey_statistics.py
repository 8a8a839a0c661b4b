# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure statistics of the satisfaction results (D-29), free of the ORM so
that tests can check them on hand-computed fixtures. The sampling
algorithm (D-26) is in ``sampling.py``."""

import math


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
