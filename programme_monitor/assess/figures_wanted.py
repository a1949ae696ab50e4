"""The register of figures wanted: every target with no figure for its own area by the reporting
date, with who should provide the figure.

The programme says who follows its implementation and reports on it: the organisation clause
marked `monitors: true` in programme.yaml (42-CTr/HU's IV.5, the district People's Committee
leading). Its bodies owe the figures under the programme; what became of them since (bodies.csv,
the optional status column) says who reports now. Where a figure is normally published is the
indicator's own `publisher` (indicators.yaml). When each figure was last looked for, and where,
comes from the search log (searches.csv): "no figure" after a search last week is not the same as
"no figure" never looked for. Nothing here is guessed: a programme that marks no clause gets no
body named, and the page says so.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from programme_monitor.assess.selection import TargetFigures

COLUMNS = [
    "target_id",
    "clause",
    "indicator",
    "area",
    "area_now",  # the unit of that area in force on the reporting date: what a keeper reports for
    "figure_year",  # the target's year: the figure that shows whether it was reached
    "target_year_passed",  # the reporting date is after the end of that year
    "usually_published_by",
    "owed_under_clause",
    "owed_by",  # body ids, ';'-separated
    "missing_since",  # the programme's signature: no figure for the area since it took effect
    "last_searched",  # the last logged search for the indicator by the reporting date, or ""
]


def monitoring_clause(programme: dict) -> dict | None:
    """The organisation clause that names who follows the programme and reports on it."""
    return next((c for c in programme.get("organisation") or [] if c.get("monitors")), None)


def areas_in_force(dataset, as_of: date) -> dict[str, str]:
    """The area of each lineage in force on `as_of` (areas.csv, valid_from/valid_to): the first
    such row of areas.csv; a lineage with none is not in it."""
    day = as_of.isoformat()
    areas = dataset.areas
    current = areas[
        (areas["valid_from"] <= day) & ((areas["valid_to"] == "") | (areas["valid_to"] >= day))
    ]
    first = current.drop_duplicates("lineage")
    return dict(zip(first["lineage"], first["area_id"]))


def searches_by(dataset, as_of: date) -> pd.DataFrame:
    """The logged searches made by `as_of`, newest first (the same day: the later row first)."""
    log = dataset.searches
    done = log[log["searched_on"] <= as_of.isoformat()]
    return done.iloc[::-1].sort_values("searched_on", ascending=False, kind="stable")


def last_searches(searches: pd.DataFrame) -> dict[str, pd.Series]:
    """For each indicator, the latest of these searches (newest first, `searches_by`) for its
    figures."""
    latest: dict[str, pd.Series] = {}
    for _, search in searches.iterrows():
        for indicator in search["indicators"]:
            latest.setdefault(indicator, search)
    return latest


def figures_wanted(dataset, as_of: date, indicator: str | None = None) -> pd.DataFrame:
    """One row per target that has no figure for its own area published by `as_of`, in the
    programme's order; only `indicator`'s targets when it is given (an indicator's page reads
    no other indicator's rows)."""
    clause = monitoring_clause(dataset.programme)
    targets = dataset.targets
    if indicator is not None:
        targets = targets[targets["indicator"] == indicator]
    # Sorted out once for every target (issue 22: once per target, at 16 times the indicators
    # this page spent most of its time sorting the same rows again).
    figures, searched = TargetFigures(dataset, as_of), last_searches(searches_by(dataset, as_of))
    areas_now = areas_in_force(dataset, as_of)
    rows = [
        {
            "target_id": target["target_id"],
            "clause": target["clause"],
            "indicator": target["indicator"],
            "area": target["area"],
            "area_now": areas_now.get(target["area"], ""),
            "figure_year": int(target["year"]),
            "target_year_passed": as_of > date(int(target["year"]), 12, 31),
            "usually_published_by": dataset.indicators[target["indicator"]]["publisher"],
            "owed_under_clause": clause["clause"] if clause else "",
            "owed_by": ";".join(clause["bodies"]) if clause else "",
            "missing_since": dataset.programme["signed"].isoformat(),
            "last_searched": _searched_on(searched.get(target["indicator"])),
        }
        for _, target in targets.iterrows()
        if figures.latest(target) is None
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _searched_on(search: pd.Series | None) -> str:
    return "" if search is None else search["searched_on"]
