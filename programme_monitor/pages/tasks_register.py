"""The tasks of section III by group: who does them, by when, how far they are, on what evidence."""

from __future__ import annotations

from datetime import date

from programme_monitor.assess.commitments import TaskStatus
from programme_monitor.pages.judgement_words import completion_text
from programme_monitor.pages.markdown import markdown_table, reviewers_notes, section
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import cite, markdown_escape


def body_names(dataset, body_ids: list[str]) -> str:
    names = dict(zip(dataset.bodies["body_id"], dataset.bodies["name"]))
    return "; ".join(names[b] for b in body_ids)


def due_text(edition: Edition, task, status: TaskStatus | None = None) -> str:
    """The due date, where it comes from, and 'overdue' in words when it is."""
    due = edition.date(date.fromisoformat(task["due"]))
    basis, words = task["due_basis"], edition.labels
    if basis == "horizon":
        text = f"{due} ({words['due_horizon']})"
    elif basis == "text":
        text = due
    else:
        text = f"{due} ({words['due_per'].format(basis)})"
    if status is not None and status.overdue:
        text += f" – **{words['overdue']}**"
    return text


def task_group_table(dataset, group_clause: str, statuses: dict[str, TaskStatus]) -> str:
    words = dataset.edition.labels
    tasks = dataset.tasks[dataset.tasks["group"] == group_clause]
    rows = []
    for _, task in tasks.iterrows():
        status = statuses[task["task_id"]]
        bodies = f"{words['lead']} {body_names(dataset, task['lead'])}"
        if task["support"]:
            bodies += f". {words['support']} {body_names(dataset, task['support'])}"
        rows.append(
            [
                task["task_id"],
                markdown_escape(task["title"])
                + (
                    f" ({words['basis'].format(', '.join(task['basis']))})" if task["basis"] else ""
                ),
                bodies,
                due_text(dataset.edition, task, status),
                f"{completion_text(dataset.edition, status.completion)} "
                f"({dataset.edition.period(status.status_as_of)})",
                evidence_text(dataset, status),
            ]
        )
    return markdown_table(
        dataset.edition,
        [
            words["col_clause"],
            words["col_task"],
            words["col_bodies"],
            words["col_due"],
            words["col_completion"],
            words["col_evidence"],
        ],
        rows,
    )


def evidence_text(dataset, status: TaskStatus) -> str:
    if status.source is None:
        return "–"  # the completion column already says "no evidence available"
    return f"{markdown_escape(status.evidence)} {cite(dataset, status.source)}"


def history_table(dataset, statuses: dict[str, TaskStatus]) -> str:
    """Every assessment seen by the reporting date, oldest first, task by task."""
    words = dataset.edition.labels
    rows = []
    for task_id, status in statuses.items():
        for entry in status.history.itertuples():
            rows.append(
                [
                    task_id,
                    dataset.edition.period(entry.status_as_of),
                    completion_text(dataset.edition, entry.completion),
                    markdown_escape(entry.evidence),
                    cite(dataset, entry.source),
                    dataset.edition.date(date.fromisoformat(entry.assessed_on)),
                ]
            )
    return markdown_table(
        dataset.edition,
        [
            words["col_clause"],
            words["col_status_date"],
            words["col_completion"],
            words["col_evidence"],
            words["col_source"],
            words["col_assessed_on"],
        ],
        rows,
    )


def organisation_table(dataset) -> str:
    """The organisation section's clauses and bodies; nothing for a programme without one."""
    words = dataset.edition.labels
    rows = [
        [o["clause"], body_names(dataset, o["bodies"]), markdown_escape(o["summary"].strip())]
        for o in dataset.programme.get("organisation", [])
    ]
    if not rows:
        return ""
    return markdown_table(
        dataset.edition, [words["col_clause"], words["col_body"], words["col_role"]], rows
    )


def bodies_status_table(dataset) -> str:
    """What became of each body, where the data says; nothing when it says of none."""
    words = dataset.edition.labels
    rows = [
        [b.name, markdown_escape(b.role), markdown_escape(b.status_since_2025)]
        for b in dataset.bodies.itertuples()
    ]
    if not any(row[2] for row in rows):
        return ""
    # What the column means is the programme's to say (programme.yaml, bodies_status_column).
    column = dataset.programme.get("bodies_status_column", {}).get(
        "title", words["col_status_since"]
    )
    return markdown_table(dataset.edition, [words["col_body"], words["col_role"], column], rows)


def tasks_values(chapter) -> dict[str, str]:
    """The tasks chapter's figures and tables, by the name its narrative gives them; each task
    group is a section with its table and, in print, ruled lines for reviewers' notes."""
    dataset, edition, tasks = chapter.dataset, chapter.edition, chapter.tasks
    groups = [
        f"## {group['clause']}. {group['title'].strip()}\n\n"
        f"{task_group_table(dataset, group['clause'], tasks)}\n\n{reviewers_notes()}\n"
        for group in dataset.programme["task_groups"]
    ]
    words = edition.labels
    return {
        "tasks_lead": tasks_lead(dataset),
        "as_of": edition.date(chapter.report_date),
        "task_groups": "\n".join(groups),
        "history_table": history_table(dataset, tasks),
        "organisation_section": section(organisation_heading(dataset),
                                        organisation_table(dataset)),
        "bodies_status_section": section(words["bodies_status_heading"],
                                         bodies_status_table(dataset)),
    }  # fmt: skip


def section_number(clauses: list[str]) -> str | None:
    """The section a list of clauses sits in, as the programme numbers it (III for III.1, III.2);
    None when its clauses carry no section."""
    sections = {clause.split(".")[0] for clause in clauses if "." in clause}
    return sections.pop() if len(sections) == 1 else None


def tasks_lead(dataset) -> str:
    """How many tasks, where the programme lists them, and, when it has an organisation section,
    how that section assigns them: in the programme's own numbering."""
    words, groups = dataset.edition.labels, dataset.programme["task_groups"]
    tasks = section_number([g["clause"] for g in groups])
    where = (words["tasks_where_section"].format(section=tasks) if tasks
             else words["tasks_where_whole"])  # fmt: skip
    example = f"{groups[0]['clause']}.1"
    lead = words["tasks_lead"].format(
        where=where, n_tasks=len(dataset.tasks), n_groups=len(groups), example=example
    )
    organisation = section_number([o["clause"] for o in dataset.programme.get("organisation", [])])
    if organisation:
        lead += " " + words["tasks_organisation_note"].format(section=organisation)
    return lead


def organisation_heading(dataset) -> str:
    words = dataset.edition.labels
    number = section_number([o["clause"] for o in dataset.programme.get("organisation", [])])
    return (words["organisation_heading"].format(section=number) if number
            else words["organisation_heading_plain"])  # fmt: skip
