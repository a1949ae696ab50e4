"""The tasks of section III by group, with the bodies section IV makes responsible."""

from __future__ import annotations

from datetime import date

from programme_monitor.formatting import format_date, labels, markdown_escape
from programme_monitor.markdown import markdown_table


def body_names(dataset, body_ids: list[str]) -> str:
    names = dict(zip(dataset.bodies["body_id"], dataset.bodies["name_vi"]))
    return "; ".join(names[b] for b in body_ids)


def due_text(task) -> str:
    """The due date and where it comes from: the text, another clause, or the programme's horizon."""
    due = format_date(date.fromisoformat(task["due"]))
    basis = task["due_basis"]
    if basis == "horizon":
        return f"{due} (mốc cuối Chương trình)"
    if basis == "text":
        return due
    return f"{due} (theo {basis})"


def task_group_table(dataset, group_clause: str, lang: str = "vi") -> str:
    words = labels(lang)
    tasks = dataset.tasks[dataset.tasks["group"] == group_clause]
    rows = []
    for _, task in tasks.iterrows():
        rows.append([task["task_id"], markdown_escape(task["title_vi"]),
                     body_names(dataset, task["lead"]), body_names(dataset, task["support"]),
                     ", ".join(task["basis"]), due_text(task)])
    return markdown_table([words["col_clause"], words["col_task"], words["col_lead"],
                           words["col_support"], words["col_basis"], words["col_due"]], rows)


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
