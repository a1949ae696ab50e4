"""Series of figures through administrative changes.

After 1/7/2025 the former Thủy Nguyên city is no longer an administrative unit: figures come from
the seven wards and one commune that replaced it. areas.csv names them with `part_of`; for an
indicator declared `additive` (areas, people, counts: never rates or per-person figures), the
figures of all the parts for one period are added up into a figure for the whole. A sum is only
made when every part has a figure for that period, so a missing ward never passes for a smaller
total.

A series that runs across areas of one lineage (district, then city, then the area of the
successor wards) crosses a boundary change; `boundary_crossings` says where, so the page can say
so beside the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from programme_monitor.common.resources import package_yaml
from programme_monitor.words.edition import LANGUAGES


def add_sums_of_parts(
    observations: pd.DataFrame,
    areas: pd.DataFrame,
    indicators: dict,
    parts_known: dict[str, date] | None = None,
) -> pd.DataFrame:
    """Observations plus one derived row per (indicator, whole area, period) that all parts report.

    The derived row cites the source of its latest-published part, is flagged `derived` and lists
    every part's value and source in its note. It counts as published when that part is, or when
    the source saying which units make the whole (`parts_known`: part → its publication date,
    areas.csv part_of_source) is, whichever is later. A figure reported for the whole itself, for
    the same period, is kept and no sum is made.
    """
    parts_known = parts_known or {}
    wholes = areas[areas["part_of"] != ""].groupby("part_of")["area_id"].apply(list)
    if wholes.empty or observations.empty:
        return observations
    names = _names_in_every_language(areas)
    lineage = dict(zip(areas["area_id"], areas["lineage"]))
    additive = observations["indicator"].map(lambda i: bool(indicators.get(i, {}).get("additive")))
    sums = []
    for whole, parts in wholes.items():
        rows = observations[observations["area"].isin(parts) & observations["observed"] & additive]
        for (indicator, period), group in rows.groupby(["indicator", "period"], sort=True):
            reported = observations[
                (observations["indicator"] == indicator)
                & (observations["area"] == whole)
                & (observations["period"] == period)
            ]
            if set(group["area"]) != set(parts) or len(group) != len(parts) or len(reported):
                continue
            row = _sum_row(group, whole, lineage[whole], names)
            known = [parts_known[p] for p in parts if p in parts_known]
            row["published_by"] = max([row["published_by"], *known])
            sums.append(row)
    if not sums:
        return observations
    return pd.concat(
        [observations, pd.DataFrame(sums, columns=observations.columns)], ignore_index=True
    )


def _names_in_every_language(areas: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Each area's name by language, for the note of a sum: the translation where there is one."""

    def in_language(lang: str) -> pd.Series:
        return areas.get(f"name_{lang}", areas["name_vi"]).where(
            lambda n: n != "", areas["name_vi"]
        )

    return {lang: dict(zip(areas["area_id"], in_language(lang))) for lang in LANGUAGES}


def _sum_row(group: pd.DataFrame, whole: str, lineage: str, names: dict) -> dict:
    """The derived row of one whole area: the parts' sum, cited to the latest-published part."""
    latest = group.sort_values(["published_by", "row"]).iloc[-1]
    notes = {}
    for lang in LANGUAGES:
        listing = "; ".join(
            f"{names[lang][r.area]}: {r.value} ({r.source})"
            for r in group.sort_values("row").itertuples()
        )
        notes[f"note_{lang}"] = _SUM_OF_PARTS[lang].format(count=len(group), parts=listing)
    return dict(
        latest,
        area=whole,
        lineage=lineage,
        value=_plain_number(group["value_number"].sum()),
        value_number=float(group["value_number"].sum()),
        flags=tuple(sorted(set(latest["flags"]) | {"derived"})),
        **notes,
    )


def _sum_note_templates() -> dict[str, str]:
    notes = package_yaml("data", "vocabulary.yaml")["derived_notes"]
    return {lang: notes[f"sum_of_parts_{lang}"] for lang in LANGUAGES}


_SUM_OF_PARTS = _sum_note_templates()


def _plain_number(value: float) -> str:
    """As a data file would write it: no exponent, no trailing zeros."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Crossing:
    """Where a series moves from one area of a lineage to the next."""

    before: str  # area_id
    after: str
    changed_on: date | None  # valid_from of the later area, when known


def boundary_crossings(observations: pd.DataFrame, areas: pd.DataFrame) -> list[Crossing]:
    """For each lineage in `observations`, the changes of area its measured figures run across, in
    order. Forecasts and other plans' targets are not measurements of the series, so they do not
    count."""
    valid_from = dict(zip(areas["area_id"], areas["valid_from"]))
    crossings = []
    measured = observations[observations["observed"].astype(bool)]
    for _, series in measured.sort_values(["lineage", "period_start"]).groupby(
        "lineage", sort=False
    ):
        seen = list(dict.fromkeys(series["area"]))
        for before, after in zip(seen, seen[1:]):
            start = valid_from.get(after) or None
            crossings.append(Crossing(before, after, date.fromisoformat(start) if start else None))
    return crossings
