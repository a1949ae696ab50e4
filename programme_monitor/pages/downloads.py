"""Files readers can download beside the pages: plain UTF-8 CSV, one row per target or task."""

from __future__ import annotations

from datetime import date

import pandas as pd

from programme_monitor.assess.commitments import TaskStatus
from programme_monitor.assess.progress import method


def task_status_table(dataset, tasks: dict[str, TaskStatus], as_of: date) -> pd.DataFrame:
    levels = method(dataset.edition.lang)["completion"]
    rows = []
    for _, task in dataset.tasks.iterrows():
        status = tasks[task["task_id"]]
        rows.append(
            {
                "as_of": as_of.isoformat(),
                "task_id": task["task_id"],
                "group": task["group"],
                "title": task["title"],
                "due": task["due"],
                "due_basis": task["due_basis"],
                "overdue": status.overdue,
                "completion": status.completion,
                "completion_label": levels[status.completion]["label"],
                "status_as_of": status.status_as_of,
                "source": status.source,
                "evidence": status.evidence,
            }
        )
    return pd.DataFrame(rows)
