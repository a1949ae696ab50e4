"""The home page's first screen: how the programme stands, in a few lines a phone shows at once.

A reader arriving from a link in the press learns, before any scrolling: the reporting date, the
targets by status (symbol and words, and why those not assessable are not), the tasks by level of
completion, and the one thing to know before reading on (what became of the area since the
programme was signed). Each line leads to where its list is. All of it from the data.
"""

from __future__ import annotations

from pathlib import Path

from programme_monitor.assess.assessment import status_counts
from programme_monitor.assess.figures_wanted import monitoring_clause
from programme_monitor.pages.figures_wanted_page import monitoring_bodies_now
from programme_monitor.pages.judgement_words import completion_text, reason_text, status_text
from programme_monitor.pages.overview import (
    changes_summary,
    completion_counts,
    not_assessable_reasons,
)

# Written by the overview chapter beside itself; book/intro.md (and its translations) include it.
HOME_STATUS = Path("home-status.md")
# Where each line leads, from the home page (book/intro.md): the scorecard and the register.
SCORECARD = "generated/overview"
FIGURES_WANTED = "generated/figures-wanted"
TASKS = "generated/tasks"
CHANGES = "generated/changes"


def home_status(chapter) -> str:
    """Markdown for the home page, which includes it (links relative to book/)."""
    dataset, edition, statuses = chapter.dataset, chapter.edition, chapter.statuses
    words = edition.labels
    as_of = edition.date(chapter.report_date)
    lines = [words["home_as_of"].format(as_of=as_of, n_targets=len(statuses)), ""]
    # A status's words lead to its list; "not assessable" is split by its reason, which is the news.
    for name, count in status_counts(statuses).items():
        if name != "not-assessable" and count:
            lines.append(f"- {{doc}}`{status_text(edition, name)} <{SCORECARD}>`: **{count}**")
    for reason, count in not_assessable_reasons(statuses).items():
        label = f"{status_text(edition, 'not-assessable')}, {reason_text(edition, reason)}"
        target = FIGURES_WANTED if reason == "no-data" else SCORECARD
        lines.append(f"- {{doc}}`{label} <{target}>`: **{count}**")
    completion = completion_counts(edition.lang, chapter.tasks)
    levels = "; ".join(
        f"{completion_text(edition, name)} **{count}**"
        for name, count in completion.items()
        if count
    )
    overdue = sum(task.overdue for task in chapter.tasks.values())
    lines += [
        "",
        words["home_tasks"].format(
            n=len(chapter.tasks), levels=levels, overdue=overdue, tasks=TASKS
        ),
        "",
        words["home_caveat"].format(summary=changes_summary(dataset), changes=CHANGES),
    ]
    reporting = _who_reports_now(dataset)
    if reporting:
        lines[-1] = f"{lines[-1]} {reporting}"
    return "\n".join(lines) + "\n"


def _who_reports_now(dataset) -> str:
    """What became of the body the programme makes lead its monitoring (bodies.csv's status), or
    "" when the programme names none or its folder says nothing of it."""
    clause = monitoring_clause(dataset.programme)
    if clause is None or not clause["bodies"]:
        return ""
    lead = dataset.bodies.set_index("body_id")["name"].get(clause["bodies"][0])
    said = dict(monitoring_bodies_now(dataset))
    if lead not in said:
        return ""
    return dataset.edition.labels["home_monitoring_body"].format(body=lead, status=said[lead])
