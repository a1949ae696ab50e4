"""Which observations a reader sees on a reporting date, and which is a target's latest value."""

from __future__ import annotations

from datetime import date

import pandas as pd

from programme_monitor.data.dataset import Dataset
from programme_monitor.words.publication import newest_edition


def resolve_as_of(as_of: str | date | None, programme: dict | None = None) -> date:
    """The reporting date: a date, an ISO string, or, when none is given, the newest edition the
    programme declares (programme.yaml, publication.editions), so that the same data gives the
    same edition on any day; today only for a programme that declares none."""
    if as_of is None or as_of == "":
        return newest_edition(programme) or date.today()
    if isinstance(as_of, date):
        return as_of
    return date.fromisoformat(str(as_of))


def published_by(observations: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Observations whose source was published on or before the reporting date."""
    return observations[observations["published_by"] <= as_of]


def sources_published_by(dataset: Dataset, as_of: date) -> pd.DataFrame:
    """Sources a reader could have seen on the reporting date."""
    return dataset.sources[dataset.sources["published_by"] <= as_of]


def areas_as_known(dataset: Dataset, as_of: date | None) -> pd.DataFrame:
    """The areas as the edition can state them: which units make up an area (`part_of`) only
    once the source saying so (`part_of_source`) was published by the reporting date (every
    one when no date is chosen, as when only the data are checked)."""
    areas = dataset.areas.copy()
    if as_of is None:
        return areas
    published = dataset.sources["published_by"]
    later = areas["part_of_source"].map(
        lambda s: s != "" and not published.get(s, date.max) <= as_of
    )
    areas.loc[later, ["part_of", "part_of_source"]] = ""
    return areas


def _newest_first(observations: pd.DataFrame) -> pd.DataFrame:
    return observations.sort_values(
        ["period_end", "published_by", "row"], ascending=[False, False, False]
    )


def target_observations(dataset: Dataset, target: pd.Series, as_of: date) -> pd.DataFrame:
    """Real observations of the target's indicator in the target's area, seen by `as_of`.

    Forecasts and other plans' targets never count: a gap stays a gap. A legal fact published
    before it takes effect counts only from the day it does. One row per period: when two
    sources give the same period, the one published last stands (it corrects the earlier one).
    Oldest first.
    """
    visible = published_by(dataset.observations, as_of)
    rows = visible[
        (visible["indicator"] == target["indicator"])
        & (visible["lineage"] == target["area"])
        & visible["observed"]
        & (visible["period_start"] <= as_of)
    ]
    rows = rows.sort_values(["period_start", "period_end", "published_by", "row"])
    rows = rows.drop_duplicates(["area", "period"], keep="last")
    return rows.sort_values(["period_x", "row"])


def latest_for_target(dataset: Dataset, target: pd.Series, as_of: date) -> pd.Series | None:
    """The newest real observation of the target's indicator in the target's area, or None."""
    matches = target_observations(dataset, target, as_of)
    if matches.empty:
        return None
    return _newest_first(matches).iloc[0]


def context_for_target(dataset: Dataset, target: pd.Series, as_of: date) -> pd.DataFrame:
    """Newest real observation per (indicator, area) outside the target's own area, for
    comparison.

    Covers the target's own indicator and the indicators declared `related` to it. Only the
    target's own area (its lineage) is left out, not every area the programme sets targets for:
    a national programme's targets for urban areas are compared with its national figure.
    """
    indicator_ids = [
        target["indicator"],
        *dataset.indicators[target["indicator"]].get("related", []),
    ]
    visible = published_by(dataset.observations, as_of)
    others = visible[
        visible["indicator"].isin(indicator_ids)
        & visible["observed"]
        & (visible["lineage"] != target["area"])
    ]
    if others.empty:
        return others
    newest = _newest_first(others).drop_duplicates(["indicator", "area"])
    rank = newest["indicator"].map({ind: i for i, ind in enumerate(indicator_ids)})
    return newest.assign(rank=rank).sort_values(["rank", "area"]).drop(columns="rank")


def observations_of(dataset: Dataset, indicator_id: str, as_of: date) -> pd.DataFrame:
    """Every visible observation of one indicator, oldest first, for its table and chart."""
    visible = published_by(dataset.observations, as_of)
    rows = visible[visible["indicator"] == indicator_id]
    return rows.sort_values(["lineage", "area", "period_end", "row"])


def programme_lineages(dataset: Dataset, targets: pd.DataFrame) -> set[str]:
    """The lineages whose figures are the programme's own for an indicator with these targets:
    its area's and its targets' areas'. Any other area's figures are given for comparison only,
    and the pages say so."""
    return set(targets["area"]) | {dataset.programme["area"]}
