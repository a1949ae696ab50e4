"""The overview: counts by status and completion, one row per target and per task group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from programme_monitor.assess.assessment import TargetStatus, inputs_table, status_counts
from programme_monitor.assess.commitments import TaskStatus
from programme_monitor.assess.progress import method
from programme_monitor.assess.selection import TargetFigures, published_by, sources_published_by
from programme_monitor.data.chapters import indicator_pages
from programme_monitor.pages.data_package import csv_bytes
from programme_monitor.pages.downloads import task_status_table
from programme_monitor.pages.judgement_words import completion_text, status_text, status_with_reason
from programme_monitor.pages.markdown import markdown_table, small_print
from programme_monitor.pages.method_tables import status_legend_table
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import cite, format_target, format_value


def target_label(dataset, target: pd.Series) -> str:
    scope = dataset.programme["scopes"][target["area"]]["name"]
    return f"{target['statement']} ({scope})"


def overview_rows(dataset, as_of: date, targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per target (of `targets`, by default the programme's): clause, statement, target,
    year, latest value and source (or none)."""
    rows = []
    figures = TargetFigures(dataset, as_of)
    for _, target in (dataset.targets if targets is None else targets).iterrows():
        latest = figures.latest(target)
        context = figures.context(target)
        rows.append(
            {
                "target_id": target["target_id"],
                "clause": target["clause"],
                "statement": target_label(dataset, target),
                "target": format_target(dataset, target),
                "year": int(target["year"]),
                "has_data": latest is not None,
                "latest": "" if latest is None else _value_and_period(dataset, latest),
                "source": "" if latest is None else cite(dataset, latest["source"]),
                "context": "; ".join(
                    _context_entry(dataset, target, c) for _, c in context.iterrows()
                ),
            }
        )
    return pd.DataFrame(rows)


def _value_and_period(dataset, observation: pd.Series) -> str:
    """'60,5 % (2024)'."""
    period = dataset.edition.period(observation["period"])
    return f"{format_value(dataset, observation)} ({period})"


def _context_entry(dataset, target: pd.Series, observation: pd.Series) -> str:
    """'Việt Nam: 40,4 % (6/2021, source)'; a related indicator is named, so it is not misread."""
    text = (
        f"{dataset.area_names[observation['area']]}: {format_value(dataset, observation)} "
        f"({dataset.edition.period(observation['period'])}, {cite(dataset, observation['source'])})"
    )
    if observation["indicator"] != target["indicator"]:
        text = f"{dataset.indicators[observation['indicator']]['name']} – {text}"
    return text


def not_assessable_reasons(statuses: dict[str, TargetStatus]) -> dict[str, int]:
    """How many targets are not assessable for each reason, in the order first met: the reason,
    not the bare count, is the news (the overview and the home page say it so)."""
    reasons: dict[str, int] = {}
    for result in statuses.values():
        if result.status == "not-assessable":
            reasons[result.reason] = reasons.get(result.reason, 0) + 1
    return reasons


def completion_counts(lang: str, tasks: dict[str, TaskStatus]) -> dict[str, int]:
    """Tasks per level of completion, every level of the scale in its order."""
    counts = {name: 0 for name in method(lang)["completion"]}
    for task in tasks.values():
        counts[task.completion] += 1
    return counts


def status_count_table(edition: Edition, statuses: dict[str, TargetStatus]) -> str:
    """Targets per status; 'not assessable' split by reason, since the reason is the news."""
    rows = [
        [status_text(edition, name), count]
        for name, count in status_counts(statuses).items()
        if name != "not-assessable"
    ]
    not_assessable = status_text(edition, "not-assessable")
    rows += [
        [f"{not_assessable}: {method(edition.lang)['reasons'][reason]['long']}", count]
        for reason, count in not_assessable_reasons(statuses).items()
    ]
    words = edition.labels
    rows.append([f"**{words['total_targets']}**", f"**{len(statuses)}**"])
    return markdown_table(edition, [words["col_status"], words["col_target_count"]], rows)


def completion_count_table(edition: Edition, tasks: dict[str, TaskStatus]) -> str:
    counts = completion_counts(edition.lang, tasks)
    rows = [[completion_text(edition, name), count] for name, count in counts.items() if count]
    words = edition.labels
    rows.append([words["overdue_not_done"], sum(t.overdue for t in tasks.values())])
    rows.append([f"**{words['total_tasks']}**", f"**{len(tasks)}**"])
    return markdown_table(edition, [words["col_completion_level"], words["col_task_count"]], rows)


# Percent of the line for clause, target and status in the one-page scorecard (measured on the
# booklet with pdftotext -bbox: at 9 pt the longest status, "– Chưa đánh giá được (chưa có số
# liệu)", and most targets fit on one line).
SCORECARD_WIDTHS = [8, 57, 35]


def target_scorecard(dataset, statuses: dict[str, TargetStatus], pages: dict[str, str]) -> str:
    """One short row per target, to fit one printed page: clause, indicator (a link to its page)
    with the level and year asked, and the status in symbol and words. The area is named only when
    it is not the programme's whole area (the inner city, for instance)."""
    whole_area = dataset.programme["area"]
    rows = []
    for _, target in dataset.targets.iterrows():
        indicator = dataset.indicators[target["indicator"]]["name"]
        scope = (
            ""
            if target["area"] == whole_area
            else f"; {dataset.programme['scopes'][target['area']]['name']}"
        )
        rows.append(
            [
                target["clause"],
                f"{{doc}}`{indicator} <{pages[target['indicator']]}>`: "
                f"{format_target(dataset, target)} ({target['year']}{scope})",
                status_with_reason(dataset.edition, statuses[target["target_id"]]),
            ]
        )
    # Laid out by hand to fit one page: the status words are short and must not wrap the target.
    words = dataset.edition.labels
    return markdown_table(
        dataset.edition,
        [words["col_clause"], words["col_indicator_level"], words["col_status"]],
        rows,
        widths=SCORECARD_WIDTHS,
    )


def task_group_scorecard(dataset, tasks: dict[str, TaskStatus]) -> str:
    """One row per task group: how many tasks at each completion level, how many overdue."""
    levels = list(method(dataset.edition.lang)["completion"])
    rows = []
    for group in dataset.programme["task_groups"]:
        in_group = [
            tasks[t]
            for t in dataset.tasks.loc[dataset.tasks["group"] == group["clause"], "task_id"]
        ]
        rows.append(
            [
                f"{group['clause']}. {group['title'].strip()}",
                len(in_group),
                *[sum(t.completion == level for t in in_group) for level in levels],
                sum(t.overdue for t in in_group),
            ]
        )
    words = dataset.edition.labels
    return markdown_table(
        dataset.edition,
        [
            words["col_task_group"],
            words["col_task_count"],
            *[completion_text(dataset.edition, c) for c in levels],
            words["col_overdue"],
        ],
        rows,
    )


def overview_facts(chapter) -> dict[str, str | int]:
    """The programme's facts and counts the introduction cites (`{glue:text}` roles), for the
    chapter's edition and reporting date."""
    dataset, edition, report_date = chapter.dataset, chapter.edition, chapter.report_date
    rows = overview_rows(dataset, report_date)
    programme = dataset.programme
    return {
        "programme_title": programme["title"].strip(),
        "programme_short_title": programme["short_title"],
        "programme_issuer": programme["issuer"],
        "programme_signed": edition.date(programme["signed"]),
        "programme_area": programme["area_name"],
        "as_of": edition.date(report_date),
        "n_targets": len(rows),
        "n_targets_with_data": int(rows["has_data"].sum()),
        "n_targets_without_data": int((~rows["has_data"]).sum()),
        "n_targets_assessed": sum(s.status != "not-assessable" for s in chapter.statuses.values()),
        "n_tasks": len(dataset.tasks),
        "n_task_groups": len(programme["task_groups"]),
        "n_observations": len(published_by(dataset.observations, report_date)),
        "n_sources": len(sources_published_by(dataset, report_date)),
        # Sentences only some programmes need: said when the folder has something to say.
        "changes_summary": changes_summary(dataset),
        "errata_note": edition.labels["errata_note"] if programme.get("errata") else "",
    }


def changes_summary(dataset) -> str:
    """The introduction's sentence on what changed: the programme's own (changes.yaml, summary),
    else how many changes are recorded, else that none is."""
    words, events = dataset.edition.labels, dataset.changes.get("events", [])
    text = dataset.changes.get("summary") or (
        words["changes_count"].format(n=len(events)) if events else words["changes_none"]
    )
    return " ".join(text.split())


def overview_downloads(chapter) -> dict[Path, bytes]:
    """The overview's downloads: every input of every assessment, and the tasks' status."""
    dataset, report_date = chapter.dataset, chapter.report_date
    return {
        Path("downloads/progress-inputs.csv"): csv_bytes(
            inputs_table(dataset, chapter.statuses, report_date)
        ),
        Path("downloads/task-status.csv"): csv_bytes(
            task_status_table(dataset, chapter.tasks, report_date)
        ),
    }


def overview_tables(chapter) -> dict[str, str]:
    """The overview's tables, as Markdown, by the name its narrative gives them."""
    dataset, edition = chapter.dataset, chapter.edition
    statuses, tasks = chapter.statuses, chapter.tasks
    return {
        "status_count_table": status_count_table(edition, statuses),
        "status_legend_table": status_legend_table(edition),
        "completion_count_table": completion_count_table(edition, tasks),
        # 8.5 pt: with each indicator's page number (issue 19) the Vietnamese scorecard ran one
        # row onto a second page at 9 pt; the meeting turns to it as one page.
        "target_scorecard": small_print(
            target_scorecard(dataset, statuses, indicator_pages(dataset)),
            r"\fontsize{8.5}{10.2}\selectfont",
        ),
        "task_group_scorecard": task_group_scorecard(dataset, tasks),
    }
