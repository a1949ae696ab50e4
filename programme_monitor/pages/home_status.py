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
from programme_monitor.assess.progress import method
from programme_monitor.pages.judgement_words import completion_text, reason_text, status_text
from programme_monitor.pages.overview import changes_summary

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
    reasons: dict[str, int] = {}
    for result in statuses.values():
        if result.status == "not-assessable":
            reasons[result.reason] = reasons.get(result.reason, 0) + 1
    for reason, count in reasons.items():
        label = f"{status_text(edition, 'not-assessable')}, {reason_text(edition, reason)}"
        target = FIGURES_WANTED if reason == "no-data" else SCORECARD
        lines.append(f"- {{doc}}`{label} <{target}>`: **{count}**")
    completion = {name: 0 for name in method(edition.lang)["completion"]}
    for task in chapter.tasks.values():
        completion[task.completion] += 1
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
    bodies = dataset.bodies.set_index("body_id")
    lead = clause["bodies"][0]
    status = bodies.loc[lead].get("status_since_2025", "") if lead in bodies.index else ""
    if not isinstance(status, str) or not status.strip():
        return ""
    return dataset.edition.labels["home_monitoring_body"].format(
        body=bodies.loc[lead, "name"], status=status.strip()
    )
