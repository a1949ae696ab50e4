"""Progress of one numeric series toward one target: the calculation, with every input kept.

The method is the ratio of observed to required compound annual growth used by Statistics Canada
and Open SDG (open-sdg/sdg-build, sdg/ProgressMeasure.py), inspired by Eurostat. Its cut-offs and
labels live in progress_method.yaml. This module knows nothing about files or areas: it takes
points and a goal and returns an Assessment, so each rule can be checked on hand-computed cases.

Adaptations (the methodology page explains why):
- a range is approached toward its near bound; inside it is achieved; beyond it is its own state;
- a minimum or an exact coverage value (100 %) is reached from that value on;
- the base is the first value from the base year on, within the boundary of the latest value: a
  growth rate across a boundary change compares two different places;
- once the target year is over, a value for that year (or later) settles it: achieved or not;
- the trend is projected to the target year with the observed growth (UN ESCAP style), capped at
  the indicator's ceiling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from programme_monitor.common.resources import package_yaml
from programme_monitor.words.edition import localized


def rules() -> dict:
    """Cut-offs, status and reason keys of progress_method.yaml: what the calculation uses, in no
    language."""
    return package_yaml("assess", "progress_method.yaml")


def method(lang: str) -> dict:
    """progress_method.yaml with its statuses, reasons and references worded in `lang`."""
    return _method(lang)


@lru_cache(maxsize=None)
def _method(lang: str) -> dict:
    return localized(rules(), lang, "progress_method.yaml")


@dataclass(frozen=True)
class Point:
    """One observed value. Times are fractional years (the year 2024 runs from 2024.0 to 2025.0)."""

    t: float  # middle of the reference period
    end: float  # end of the reference period
    value: float
    segment: str = ""  # the boundary the value was measured on (an area id)
    label: str = ""  # the period as written, for tables


@dataclass(frozen=True)
class Goal:
    """What a target asks of a series. `direction` is +1 when higher is better, -1 when lower is."""

    kind: str  # range, minimum, exact or direction
    year: int | None
    direction: int
    low: float | None = None
    high: float | None = None
    strict: bool = False  # "above 90 %": 90 itself is not enough
    ceiling: float | None = None


@dataclass(frozen=True)
class Assessment:
    status: str
    reason: str | None = None
    base: Point | None = None
    latest: Point | None = None
    target_value: float | None = None  # the value growth is measured against (a range's near bound)
    target_t: float | None = None  # middle of the target year
    required_growth: float | None = None
    observed_growth: float | None = None
    ratio: float | None = None
    coefficient: float | None = None  # ceiling coefficient C (direction-only targets)
    projection: float | None = None  # value expected in the target year if the trend holds
    shortfall: float | None = None  # how far the projection stays from the target (+ = short)
    anticipated: float | None = None  # ESCAP: (projection - base) / (target - base)


def growth(value: float, base: float, t: float, t_base: float) -> float:
    """Compound annual growth rate between two values, per year."""
    return (value / base) ** (1 / (t - t_base)) - 1


def target_value(goal: Goal) -> float | None:
    """The value progress is measured against: a range's bound on the side it is approached from."""
    if goal.kind == "direction":
        return None
    if goal.kind == "range" and goal.direction < 0:
        return goal.high
    return goal.low


def reached_state(goal: Goal, value: float) -> str | None:
    """'achieved', 'above-range' or 'below-range' when the value meets the goal, else None."""
    if goal.kind == "direction":
        return None
    if goal.kind == "range":
        if goal.low <= value <= goal.high:
            return "achieved"
        if value > goal.high and goal.direction > 0:
            return "above-range"
        if value < goal.low and goal.direction < 0:
            return "below-range"
        return None
    threshold = goal.low
    if goal.direction > 0:
        met = value > threshold if goal.strict else value >= threshold
    else:
        met = value < threshold if goal.strict else value <= threshold
    return "achieved" if met else None


def assess(points: list[Point], goal: Goal, base_year: int) -> Assessment:
    """Status of a series against a goal, with the inputs of the calculation."""
    spec = rules()
    if not points:
        return Assessment("not-assessable", "no-data")
    points = sorted(points, key=lambda p: (p.t, p.end))
    latest = points[-1]
    aim = target_value(goal)
    target_t = None if goal.year is None or goal.kind == "direction" else goal.year + 0.5
    settled = reached_state(goal, latest.value)
    if settled is None and target_t is not None and latest.end >= goal.year + 1 - 1e-9:
        settled = "not-achieved"  # the target year is over and its value falls short
    known = {"latest": latest, "target_value": aim, "target_t": target_t}

    base, reason = choose_base(points, latest, base_year, spec["minimum_span_years"])
    if base is None:
        return Assessment(settled or "not-assessable", None if settled else reason, **known)
    base_value = base.value if base.value != 0 else spec["zero_replacement"]
    if latest.value * base_value < 0 or (aim is not None and aim * base_value < 0):
        reason = None if settled else "sign-change"
        return Assessment(settled or "not-assessable", reason, base=base, **known)
    sign = -1 if base_value < 0 else 1
    observed = growth(latest.value, base_value, latest.t, base.t)
    if goal.kind == "direction":
        return _assess_direction(goal, base, latest, base_value, observed, sign, spec)
    required, ratio = _required_and_ratio(goal, base, base_value, observed, sign, target_t, spec)
    projection, shortfall, anticipated = _projection(goal, base, latest, observed, target_t)
    status = settled or _status_from(ratio, spec["ratio_cutoffs"])
    return Assessment(
        status, None, base, latest, aim, target_t, required, observed, ratio, None, projection,
        shortfall, anticipated,
    )  # fmt: skip


def _required_and_ratio(
    goal: Goal, base: Point, base_value: float, observed: float, sign: int, target_t, spec: dict
) -> tuple[float | None, float | None]:
    """The growth the target needs from the base, and the ratio of observed to required."""
    if not target_t > base.t:
        return None, None
    aim = target_value(goal)
    aim_for_growth = aim if aim != 0 else spec["zero_replacement"]
    required = growth(aim_for_growth, base_value, target_t, base.t)
    progress = sign * goal.direction * observed
    ratio = progress / abs(required) if required != 0 else math.copysign(math.inf, progress)
    return required, ratio


def _projection(
    goal: Goal, base: Point, latest: Point, observed: float, target_t
) -> tuple[float | None, float | None, float | None]:
    """If the trend holds: the value in the target year, how far it stays from the target (+ is
    short), and the share of the way from base to target it covers (ESCAP's anticipated
    progress)."""
    if not target_t > latest.t:
        return None, None, None
    aim = target_value(goal)
    projection = latest.value * (1 + observed) ** (target_t - latest.t)
    if goal.ceiling is not None:
        projection = min(projection, goal.ceiling)
    shortfall = goal.direction * (aim - projection)
    anticipated = (projection - base.value) / (aim - base.value) if aim != base.value else None
    return projection, shortfall, anticipated


def choose_base(
    points: list[Point], latest: Point, base_year: int, minimum_span: float
) -> tuple[Point | None, str | None]:
    """The first value from the base year on, on the latest value's boundary, a span before it.

    Returns (base, None) or (None, reason) where the reason says why no growth can be computed.
    """
    from_base_year = [p for p in points if p.t >= base_year]
    if not from_base_year:
        return None, "base-after-latest"
    far_enough = [p for p in from_base_year if latest.t - p.t >= minimum_span]
    same_boundary = [p for p in far_enough if p.segment == latest.segment]
    if same_boundary:
        return same_boundary[0], None
    if far_enough:
        return None, "series-broken"
    # Several values, all within a year of the latest, are not "one value": say which it is.
    return None, "values-too-close" if len(from_base_year) > 1 else "one-observation"


def _assess_direction(
    goal: Goal,
    base: Point,
    latest: Point,
    base_value: float,
    observed: float,
    sign: int,
    spec: dict,
) -> Assessment:
    """No target value: observed growth in the desired direction against fixed cut-offs."""
    coefficient = 1.0
    if goal.ceiling is not None and goal.direction > 0 and abs(base_value) <= abs(goal.ceiling):
        # Near 100 %, 1.5 %/year is impossible; the cut-offs shrink (Statistics Canada).
        coefficient = 1 - (abs(base_value) / abs(goal.ceiling)) ** spec["ceiling_exponent"]
    cutoffs = {
        name: value * coefficient if value > 0 else value
        for name, value in spec["growth_cutoffs"].items()
    }
    progress = sign * goal.direction * observed
    if coefficient == 0 and progress >= 0:
        status = "on-track"  # at the ceiling and staying there
    else:
        status = _status_from(progress, cutoffs)
    return Assessment(status, None, base, latest, None, None, None, observed, progress, coefficient)


def _status_from(value: float | None, cutoffs: dict) -> str:
    if value is None:
        return "not-assessable"
    for status in ("on-track", "acceleration-needed", "limited-progress"):
        if value >= cutoffs[status]:
            return status
    return "deterioration"
