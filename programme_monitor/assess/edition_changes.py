"""What changed between two editions, computed from what each published.

Both sides are data packages as published (the previous one archived in `editions/<date>/`, the
current one computed the same way): the targets' assessments (progress-inputs.csv), the tasks'
completion (task-status.csv), the figures (observations.csv) and the sources (sources.csv). Cells
are compared as the text they were published as, so a change is what a reader of the two
downloads would find, nothing more.
"""

from __future__ import annotations

import pandas as pd

# One row per change, in this order of kinds; `item` is the target, the task, the source or the
# figure ("indicator|area|period|source", the observations' primary key); a figure's value is
# written "45 [at-least]" when it has flags, its unit apart.
COLUMNS = ["change", "item", "before", "after", "unit", "why"]
CHANGE_KINDS = (
    "target-status",  # a target's status moved
    "target-figure",  # the figure a target is judged on moved, its status did not
    "figure-new",  # a figure the previous edition did not have
    "figure-corrected",  # the same indicator, area, period and source with another value
    "figure-withdrawn",  # a figure the previous edition had and this one does not
    "source-new",
    "task-completion",  # a task's completion moved
)
# The observations' primary key (schemas/observations.schema.yaml): one source's figure for one
# area and period. A figure from another source for the same period is a new figure beside it.
FIGURE_KEY = ["indicator", "area", "period", "source"]
# What a target's judgement rests on: the newest figure the calculation used, or a milestone's
# evidence.
JUDGED_ON = ["latest_period", "latest_value", "evidence_period", "evidence_value"]


def edition_changes(
    previous: dict[str, pd.DataFrame], current: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """Every change from `previous` to `current` (tables by file name without .csv, as text)."""
    rows = (
        _target_changes(previous["progress-inputs"], current["progress-inputs"])
        + _figure_changes(previous["observations"], current["observations"])
        + _source_changes(previous["sources"], current["sources"])
        + _task_changes(previous["task-status"], current["task-status"])
    )
    return pd.DataFrame(rows, columns=COLUMNS)


def _by(frame: pd.DataFrame, key: str | list[str]) -> dict:
    keys = frame[key].astype(str).agg("|".join, axis=1) if isinstance(key, list) else frame[key]
    if keys.duplicated().any():  # the key would lose a row: never compare on a key that is not one
        raise ValueError(f"{key}: not unique ({', '.join(sorted(set(keys[keys.duplicated()])))})")
    return dict(zip(keys, frame.to_dict("records"), strict=True))


def _judged_on(row: dict) -> str:
    """The figure a judgement rests on, as 'value (period)'; '' when it rests on none."""
    for period, value in (("latest_period", "latest_value"), ("evidence_period", "evidence_value")):
        if row.get(value, ""):
            return f"{row[value]} ({row.get(period, '')})"
    return ""


def _target_changes(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    then, rows = _by(before, "target_id"), []
    for target, now in _by(after, "target_id").items():
        old = then.get(target)
        if old is None:
            continue  # a target the programme did not have then: not a change of progress
        figure_moved = _judged_on(old) != _judged_on(now)
        if old["status"] != now["status"]:
            # Why: a new figure, or else the reason the method now gives (the reporting date
            # passed the target year, say), or else only the passing of time.
            why = "new-figure" if figure_moved else (now.get("reason") or "time-passed")
            rows.append(_row("target-status", target, old["status"], now["status"], why))
        elif figure_moved:
            rows.append(
                _row("target-figure", target, _judged_on(old), _judged_on(now), now["status"])
            )
    return rows


def _figure_changes(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    then, now, rows = _by(before, FIGURE_KEY), _by(after, FIGURE_KEY), []
    for key, figure in now.items():
        old = then.get(key)
        if old is None:
            rows.append(
                _row("figure-new", key, "", _figure(figure), figure["source"], figure["unit"])
            )
        elif (_figure(old), old["unit"]) != (_figure(figure), figure["unit"]):
            rows.append(
                _row(
                    "figure-corrected",
                    key,
                    _figure(old),
                    _figure(figure),
                    figure["source"],
                    figure["unit"],
                )
            )
    rows += [
        _row("figure-withdrawn", key, _figure(old), "", old["source"], old["unit"])
        for key, old in then.items()
        if key not in now
    ]
    return rows


def _figure(row: dict) -> str:
    return f"{row['value']} [{row['flags']}]" if row.get("flags") else row["value"]


def split_figure(text: str) -> tuple[str, str]:
    """'45 [at-least]' → ('45', 'at-least'): a figure's value and flags as edition_changes wrote
    them."""
    value, _, flags = text.partition(" [")
    return value, flags.removesuffix("]")


def _source_changes(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    known = set(before["source_id"])
    return [
        _row("source-new", source["source_id"], "", source["title"], source["published"])
        for source in after.to_dict("records")
        if source["source_id"] not in known
    ]


def _task_changes(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    then, rows = _by(before, "task_id"), []
    for task, now in _by(after, "task_id").items():
        old = then.get(task)
        if old is not None and old["completion"] != now["completion"]:
            rows.append(
                _row("task-completion", task, old["completion"], now["completion"], now["source"])
            )
    return rows


def _row(change: str, item: str, before: str, after: str, why: str, unit: str = "") -> dict:
    return {
        "change": change,
        "item": item,
        "before": before,
        "after": after,
        "unit": unit,
        "why": why,
    }
