"""The tasks of section III tracked as commitments (Open Government Partnership IRM scale).

Each task's completion on a reporting date is its latest assessment a reader could have seen
then (the state it describes had happened, its evidence was published); with none, it is
"no evidence available". A task is overdue the day after its due date while not complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from programme_monitor.data.dataset import Dataset


@dataclass(frozen=True)
class TaskStatus:
    task_id: str
    completion: str
    status_as_of: str  # the date the completion describes, as written (as_of if none)
    source: str | None
    evidence: str | None
    due: date
    overdue: bool
    history: pd.DataFrame  # every visible assessment, oldest first


def is_overdue(due: date, completion: str, as_of: date) -> bool:
    """Overdue from the day after the due date, unless complete."""
    return as_of > due and completion != "complete"


def assessment_history(dataset: Dataset, task_id: str, as_of: date) -> pd.DataFrame:
    rows = dataset.task_assessments
    visible = rows[
        (rows["task_id"] == task_id)
        & (rows["status_date"] <= as_of)
        & rows["published_by"].map(lambda p: p is None or p <= as_of)
    ]
    return visible.sort_values(["status_date", "row"])


def task_status(dataset: Dataset, task: pd.Series, as_of: date) -> TaskStatus:
    history = assessment_history(dataset, task["task_id"], as_of)
    due = date.fromisoformat(task["due"])
    if history.empty:
        return TaskStatus(
            task["task_id"],
            "no-evidence",
            as_of.isoformat(),
            None,
            None,
            due,
            is_overdue(due, "no-evidence", as_of),
            history,
        )
    latest = history.iloc[-1]
    return TaskStatus(
        task["task_id"],
        latest["completion"],
        latest["status_as_of"],
        latest["source"] or None,
        latest["evidence"],
        due,
        is_overdue(due, latest["completion"], as_of),
        history,
    )


def task_statuses(dataset: Dataset, as_of: date) -> dict[str, TaskStatus]:
    return {t["task_id"]: task_status(dataset, t, as_of) for _, t in dataset.tasks.iterrows()}
