# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Exact arithmetic of owners' votes (Civil Code Art. 278, domain_standards
G1), without any model: areas as whole hundredths of a square metre,
headcounts as integers, thresholds as fractions numerator/denominator.

A threshold is compared by cross-multiplication in integers, so that
"exactly two thirds" and "exactly three quarters" are exact: part / whole ≥
n / d  ⇔  part × d ≥ n × whole (strict: >). Floats are used only to show
percentages, never to decide.

In Chinese statutes "以上" (at least) includes the number itself and "过半数"
(more than half) does not (Civil Code Art. 1259): the quorum and the
three-quarter majority are "at least", the ordinary majority "more than".

``property.vote`` calls these (models/property_vote_count.py); the tests
call them directly (tests/test_vote_count.py).
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")


def to_cents(value):
    """An area in m² as read from the ORM (a float with two decimals) as an
    integer number of hundredths of m², exactly: 158.44 → 15844.

    The float's shortest representation is rounded half up to the cent, so
    that binary noise (0.1 + 0.2) never moves a sum."""
    return int(Decimal(str(value or 0)).quantize(CENT, ROUND_HALF_UP) * 100)


def meets(part, whole, numerator, denominator, strict=False):
    """Whether ``part / whole`` reaches ``numerator / denominator``: at
    least (≥) or, when ``strict``, more than (>). Integers only: part ×
    denominator is compared with numerator × whole. Nothing is reached when
    the whole is zero."""
    if whole <= 0 or denominator <= 0:
        return False
    left = part * denominator
    right = numerator * whole
    return left > right if strict else left >= right


def percent(part, whole):
    """``part / whole`` in per cent, rounded half up to two decimals (for
    display only); 0 when the whole is zero."""
    if whole <= 0:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


def threshold_percent(part, whole, numerator, denominator):
    """``part / whole`` in per cent as shown next to a threshold: two
    decimals, or more (up to six) when two would round a share that is not
    exactly the threshold onto the threshold's own figure (300.00 / 400.01
    is 74.998 %, shown "74.998%" rather than "75.00%" next to "< 3/4"). An
    exact threshold share keeps two decimals (2/3 → 66.67%)."""
    if whole <= 0:
        return Decimal("0.00")
    exact = Fraction(part * 100, whole)
    limit = Fraction(numerator * 100, denominator)
    for digits in range(2, 7):
        quantum = Decimal(1).scaleb(-digits)
        shown = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            quantum, ROUND_HALF_UP
        )
        bound = (Decimal(limit.numerator) / Decimal(limit.denominator)).quantize(
            quantum, ROUND_HALF_UP
        )
        if exact == limit or shown != bound:
            return shown
    return shown


def format_area(cents):
    """Hundredths of m² as a number with thousands separators and two
    decimals: 1234567 → "12,345.67"."""
    return f"{Decimal(cents) / 100:,.2f}"


def format_percent(value):
    """A percentage (a Decimal already rounded) as shown in the result, with
    its own decimals: "68.59%", "74.998%"."""
    return f"{value}%"


def fraction_label(numerator, denominator, strict=False):
    """The threshold as the law writes it: "≥ 2/3", "> 1/2"."""
    return f"{'>' if strict else '≥'} {numerator}/{denominator}"


def comparison_sign(met, strict=False):
    """The sign between the ratio and the threshold in the shown
    arithmetic: ≥ or > when reached, < or ≤ when not."""
    if met:
        return ">" if strict else "≥"
    return "≤" if strict else "<"
