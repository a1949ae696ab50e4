"""Which observations a reader sees on a reporting date, and which is a target's latest value."""

from __future__ import annotations

from datetime import date

import numpy as np
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


class TargetFigures:
    """The figures of a programme's targets on one reporting date, sorted out once for all of
    them rather than once per target.

    Asking pandas for one target's rows costs about the same whatever the table's size, a few
    milliseconds for every selection and sort, and pages ask for every target: at 16 times the
    indicators, the overview spent 4 of its 9 seconds there (issue 22). Here the observations are
    filtered, sorted and de-duplicated once, and a target's rows are then picked by position; each
    answer is what the same selection on that target alone gives (tests/test_selection.py).
    """

    def __init__(self, dataset: Dataset, as_of: date):
        self.dataset, self.as_of = dataset, as_of
        visible = published_by(dataset.observations, as_of)
        # Forecasts and other plans' targets never count: a gap stays a gap.
        # .loc: with no rows (a new programme's folder), the column is not boolean, and plain
        # [] would read an empty Series of labels as a choice of columns.
        observed = visible.loc[visible["observed"]]
        # A legal fact published before it takes effect counts only from the day it does. One
        # row per period: when two sources give the same period, the one published last stands
        # (it corrects the earlier one).
        own = observed[observed["period_start"] <= as_of]
        own = own.sort_values(["period_start", "period_end", "published_by", "row"])
        own = own.drop_duplicates(["indicator", "lineage", "area", "period"], keep="last")
        self._own = own.sort_values(["period_x", "row"])
        self._own_rows = self._own.groupby(["indicator", "lineage"], sort=False).indices
        # Newest first; an (indicator, area) keeps its newest row of each lineage, so leaving out
        # a target's own lineage afterwards still finds the newest of the others.
        newest = _newest_first(observed).drop_duplicates(["indicator", "area", "lineage"])
        self._newest = newest
        self._newest_rows = newest.groupby("indicator", sort=False).indices

    def series(self, target: pd.Series) -> pd.DataFrame:
        """Real observations of the target's indicator in the target's area, seen by the
        reporting date, one per period, oldest first."""
        rows = self._own_rows.get((target["indicator"], target["area"]), NO_ROWS)
        return self._own.iloc[rows]

    def latest(self, target: pd.Series) -> pd.Series | None:
        """The newest real observation of the target's indicator in the target's area, or None."""
        series = self.series(target)
        return None if series.empty else _newest_first(series).iloc[0]

    def context(self, target: pd.Series) -> pd.DataFrame:
        """Newest real observation per (indicator, area) outside the target's own area, for
        comparison.

        Covers the target's own indicator and the indicators declared `related` to it. Only the
        target's own area (its lineage) is left out, not every area the programme sets targets
        for: a national programme's targets for urban areas are compared with its national
        figure.
        """
        indicator_ids = [
            target["indicator"],
            *self.dataset.indicators[target["indicator"]].get("related", []),
        ]
        found = [self._newest_rows[i] for i in indicator_ids if i in self._newest_rows]
        rows = self._newest.iloc[np.unique(np.concatenate(found)) if found else NO_ROWS]
        others = rows[rows["lineage"] != target["area"]]
        if others.empty:
            return others
        newest = others.drop_duplicates(["indicator", "area"])
        rank = newest["indicator"].map({ind: i for i, ind in enumerate(indicator_ids)})
        return newest.assign(rank=rank).sort_values(["rank", "area"]).drop(columns="rank")


NO_ROWS = np.array([], dtype=np.intp)


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
