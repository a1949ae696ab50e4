"""The status of every target on a reporting date, with the inputs of its calculation.

Numeric targets go through progress.assess on the series of the target's own area (its lineage:
district, then city, then the successor area; or the inner city). Milestones are reached when an
observed stage comes at or after the target's stage, before the indicator's scale changed.
Only observations a reader could have seen on `as_of` count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from programme_monitor.assess.progress import Assessment, Goal, Point, assess, method, rules
from programme_monitor.assess.selection import TargetFigures
from programme_monitor.common.periods import end_of_day_as_year
from programme_monitor.data.dataset import Dataset
from programme_monitor.data.dataset_assessments import first_break


@dataclass(frozen=True)
class Evidence:
    """The observation a milestone judgement rests on."""

    period: str
    value: str
    source: str
    note: str
    late: bool = False  # reached, but after the target year


@dataclass(frozen=True)
class TargetStatus:
    target_id: str
    status: str
    reason: str | None
    calculation: Assessment | None = None
    evidence: Evidence | None = None
    scale_changed: str | None = None  # the break note, when later values are not comparable


def goal_of(dataset: Dataset, target: pd.Series) -> Goal:
    spec = dataset.indicators[target["indicator"]]
    return Goal(
        kind=target["kind"],
        year=int(target["year"]),
        direction=-1 if spec["direction"] == "down" else 1,
        low=None if pd.isna(target["low"]) else float(target["low"]),
        high=None if pd.isna(target["high"]) else float(target["high"]),
        strict=target["strict"] == "yes",
        ceiling=spec.get("ceiling"),
    )


def assess_target(dataset: Dataset, target: pd.Series, figures: TargetFigures) -> TargetStatus:
    """One target's status from its own figures on the reporting date."""
    as_of = figures.as_of
    series = figures.series(target)
    spec = dataset.indicators[target["indicator"]]
    if target["kind"] == "milestone":
        if spec["value_type"] != "category":
            # "Phổ cập" (universal) with no figure: data could describe it, not settle it.
            reason = "no-data" if series.empty else "no-threshold"
            return TargetStatus(target["target_id"], "not-assessable", reason)
        return _assess_milestone(dataset, target, series, as_of)
    points = [
        Point(
            t=o.period_x,
            end=end_of_day_as_year(o.period_end),
            value=float(o.value_number),
            segment=o.area,
            label=o.period,
        )
        for o in series.itertuples()
    ]
    result = assess(points, goal_of(dataset, target), int(dataset.programme["base_year"]))
    return TargetStatus(target["target_id"], result.status, result.reason, calculation=result)


def _assess_milestone(
    dataset: Dataset, target: pd.Series, series: pd.DataFrame, as_of: date
) -> TargetStatus:
    spec = dataset.indicators[target["indicator"]]
    stages = spec["stages"]
    changed = _break_in_force(dataset, spec, as_of)
    comparable = series[series["value"].isin(stages)]
    if changed is not None:
        comparable = comparable[comparable["period_start"] < changed["date"]]
    aim = stages.index(target["value_text"])
    reached = comparable[comparable["value"].map(stages.index) >= aim]
    deadline = date(int(target["year"]), 12, 31)
    note = changed["note"] if changed is not None else None
    if not reached.empty:
        first = reached.iloc[0]
        return TargetStatus(
            target["target_id"],
            "achieved",
            None,
            evidence=_evidence(first, late=first["period_start"] > deadline),
            scale_changed=note,
        )
    if series.empty:
        return TargetStatus(target["target_id"], "not-assessable", "no-data")
    latest = _evidence(comparable.iloc[-1]) if not comparable.empty else None
    if changed is not None and deadline >= changed["date"]:
        return TargetStatus(
            target["target_id"],
            "not-assessable",
            "scale-changed",
            evidence=latest,
            scale_changed=note,
        )
    # Absence of evidence is not evidence of failure: past the deadline the milestone is
    # "unconfirmed", never "not achieved".
    status = "unconfirmed-after-deadline" if as_of > deadline else "not-yet"
    return TargetStatus(target["target_id"], status, None, evidence=latest, scale_changed=note)


def _break_in_force(dataset: Dataset, spec: dict, as_of: date) -> dict | None:
    """The first scale change in force on `as_of` and published by then, if any."""
    start = first_break(spec)
    if start is None or start > as_of:
        return None
    brk = next(b for b in spec["breaks"] if b["date"] == start)
    published = dataset.sources.loc[brk["source"], "published_by"]
    return brk if published is not None and published <= as_of else None


def _evidence(observation: pd.Series, late: bool = False) -> Evidence:
    return Evidence(
        observation["period"],
        observation["value"],
        observation["source"],
        observation["note"],
        late,
    )


def assess_all(
    dataset: Dataset, as_of: date, indicators: list[str] | None = None
) -> dict[str, TargetStatus]:
    """Every target's status, keyed by target id, in the order of targets.csv; only the targets of
    `indicators` when given (an indicator page needs its own, not the whole programme's)."""
    targets = dataset.targets
    if indicators is not None:
        targets = targets[targets["indicator"].isin(indicators)]
    figures = TargetFigures(dataset, as_of)
    return {t["target_id"]: assess_target(dataset, t, figures) for _, t in targets.iterrows()}


def inputs_table(
    dataset: Dataset,
    statuses: dict[str, TargetStatus],
    as_of: date,
    targets: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target with every input of its judgement: the downloadable file."""
    spec = method(dataset.edition.lang)
    rows = []
    for _, target in (dataset.targets if targets is None else targets).iterrows():
        result = statuses[target["target_id"]]
        indicator = dataset.indicators[target["indicator"]]
        rows.append({
            "as_of": as_of.isoformat(),
            **_target_inputs(target, indicator, int(dataset.programme["base_year"])),
            **_calculation_inputs(result.calculation or Assessment(result.status, result.reason)),
            **_evidence_inputs(result.evidence),
            "status": result.status,
            # In the edition's language: the same file in the English edition says "On track".
            "status_label": spec["statuses"][result.status]["label"],
            "reason": result.reason,
            "reason_text": spec["reasons"][result.reason]["long"] if result.reason else None,
        })  # fmt: skip
    return pd.DataFrame(rows)


def _target_inputs(target: pd.Series, indicator: dict, base_year: int) -> dict:
    """What the programme set: the target, its indicator's direction and ceiling."""
    return {
        "target_id": target["target_id"],
        "clause": target["clause"],
        "indicator": target["indicator"],
        "scope": target["area"],
        "kind": target["kind"],
        "target_year": int(target["year"]),
        "target_low": target["low"],
        "target_high": target["high"],
        "target_strict": target["strict"] == "yes",
        "target_stage": target["value_text"],
        "direction": indicator["direction"],
        "ceiling": indicator.get("ceiling"),
        "base_year_rule": base_year,
    }


def _calculation_inputs(calc: Assessment) -> dict:
    """The values the calculation used and what it found."""
    base, latest = calc.base, calc.latest
    return {
        "base_period": base.label if base else None,
        "base_area": base.segment if base else None,
        "base_value": base.value if base else None,
        "latest_period": latest.label if latest else None,
        "latest_area": latest.segment if latest else None,
        "latest_value": latest.value if latest else None,
        "target_value_used": calc.target_value,
        "required_growth": calc.required_growth,
        "observed_growth": calc.observed_growth,
        "ratio": calc.ratio,
        "ceiling_coefficient": calc.coefficient,
        "projection_in_target_year": calc.projection,
        "projected_shortfall": calc.shortfall,
        "anticipated_progress": calc.anticipated,
    }


def _evidence_inputs(evidence: Evidence | None) -> dict:
    """The evidence a milestone rests on."""
    return {
        "evidence_period": evidence.period if evidence else None,
        "evidence_value": evidence.value if evidence else None,
        "evidence_source": evidence.source if evidence else None,
        "reached_after_target_year": evidence.late if evidence else None,
    }


def status_counts(statuses: dict[str, TargetStatus]) -> dict[str, int]:
    """Targets per status, in the method's order, leaving out statuses nobody has."""
    counts = {name: 0 for name in rules()["statuses"]}
    for result in statuses.values():
        counts[result.status] += 1
    return {name: n for name, n in counts.items() if n}
