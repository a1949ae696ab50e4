"""The tasks of section III by group: who does them, by when, how far they are, on what evidence."""

from __future__ import annotations

from datetime import date

from programme_monitor.commitments import TaskStatus
from programme_monitor.formatting import cite, format_date, format_period, labels, markdown_escape
from programme_monitor.judgement_words import completion_text
from programme_monitor.markdown import markdown_table


def body_names(dataset, body_ids: list[str]) -> str:
    names = dict(zip(dataset.bodies["body_id"], dataset.bodies["name_vi"]))
    return "; ".join(names[b] for b in body_ids)


def due_text(task, status: TaskStatus | None = None) -> str:
    """The due date, where it comes from, and 'overdue' in words when it is."""
    due = format_date(date.fromisoformat(task["due"]))
    basis = task["due_basis"]
    if basis == "horizon":
        text = f"{due} (mốc cuối Chương trình)"
    elif basis == "text":
        text = due
    else:
        text = f"{due} (theo {basis})"
    if status is not None and status.overdue:
        text += " – **quá hạn**"
    return text


def task_group_table(dataset, group_clause: str, statuses: dict[str, TaskStatus],
                     lang: str = "vi") -> str:
    words = labels(lang)
    tasks = dataset.tasks[dataset.tasks["group"] == group_clause]
    rows = []
    for _, task in tasks.iterrows():
        status = statuses[task["task_id"]]
        bodies = f"Chủ trì: {body_names(dataset, task['lead'])}"
        if task["support"]:
            bodies += f". Phối hợp: {body_names(dataset, task['support'])}"
        rows.append([task["task_id"],
                     f"{markdown_escape(task['title_vi'])} (căn cứ {', '.join(task['basis'])})",
                     bodies, due_text(task, status),
                     f"{completion_text(status.completion)} ({format_period(status.status_as_of)})",
                     evidence_text(dataset, status)])
    return markdown_table([words["col_clause"], words["col_task"], words["col_bodies"],
                           words["col_due"], words["col_completion"], words["col_evidence"]], rows)


def evidence_text(dataset, status: TaskStatus) -> str:
    if status.source is None:
        return "–"  # the completion column already says "no evidence available"
    return f"{markdown_escape(status.evidence)} {cite(dataset, status.source)}"


def history_table(dataset, statuses: dict[str, TaskStatus], lang: str = "vi") -> str:
    """Every assessment seen by the reporting date, oldest first, task by task."""
    words = labels(lang)
    rows = []
    for task_id, status in statuses.items():
        for entry in status.history.itertuples():
            rows.append([task_id, format_period(entry.status_as_of), completion_text(entry.completion),
                         markdown_escape(entry.evidence_vi), cite(dataset, entry.source),
                         format_date(date.fromisoformat(entry.assessed_on))])
    return markdown_table([words["col_clause"], words["col_status_date"], words["col_completion"],
                           words["col_evidence"], words["col_source"], words["col_assessed_on"]],
                          rows)


def organisation_table(dataset, lang: str = "vi") -> str:
    words = labels(lang)
    rows = [[o["clause"], body_names(dataset, o["bodies"]), markdown_escape(o["summary_vi"].strip())]
            for o in dataset.programme["organisation"]]
    return markdown_table([words["col_clause"], words["col_body"], words["col_role"]], rows)


def bodies_status_table(dataset, lang: str = "vi") -> str:
    words = labels(lang)
    rows = [[b.name_vi, markdown_escape(b.role_vi), markdown_escape(b.status_since_2025_vi)]
            for b in dataset.bodies.itertuples()]
    return markdown_table([words["col_body"], words["col_role"], words["col_status_since"]], rows)
