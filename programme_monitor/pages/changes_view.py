"""What changed since the programme was signed, and what it means for each target."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.assess.selection import sources_published_by
from programme_monitor.pages.indicator_page import context_section
from programme_monitor.pages.markdown import markdown_table, section
from programme_monitor.words.formatting import cite, markdown_escape


def events_table(dataset, as_of: date) -> str:
    """Changes in force on the reporting date, oldest first, with the sources published by then."""
    words = dataset.edition.labels
    published = set(sources_published_by(dataset, as_of).index)
    rows = [
        [
            dataset.edition.date(e["date"]),
            e["title"],
            markdown_escape(e["what"].strip()),
            "; ".join(cite(dataset, s) for s in e["sources"] if s in published),
        ]
        for e in sorted(dataset.changes.get("events", []), key=lambda e: e["date"])
        if e["date"] <= as_of
    ]
    if not rows:
        return ""
    return markdown_table(
        dataset.edition,
        [words["col_date"], words["col_change"], words["col_notes"], words["col_source"]],
        rows,
    )


def impacts_table(dataset, as_of: date) -> str:
    """For each affected target: the changes that touch it and what they mean."""
    words = dataset.edition.labels
    events = {e["id"]: e for e in dataset.changes.get("events", []) if e["date"] <= as_of}
    targets = dataset.targets.set_index("target_id")
    rows = []
    for impact in dataset.changes.get("impacts", []):
        in_force = [events[e] for e in impact["events"] if e in events]
        if not in_force:
            continue
        affected = ", ".join(f"{targets.loc[t, 'clause']} ({t})" for t in impact["affects"])
        rows.append(
            [
                affected,
                "; ".join(e["title"] for e in in_force),
                markdown_escape(impact["meaning"].strip()),
            ]
        )
    if not rows:
        return ""
    return markdown_table(
        dataset.edition, [words["col_targets"], words["col_change"], words["col_meaning"]], rows
    )


def changes_values(chapter, figures_dir: Path) -> tuple[dict[str, str], dict[Path, bytes]]:
    """The changes chapter's parts, by the name its narrative gives them, and the files of its
    charts (the area's context indicators through the changes)."""
    dataset, as_of = chapter.dataset, chapter.report_date
    context = [
        context_section(dataset, indicator_id, as_of, figures_dir)
        for indicator_id in dataset.indicator_ids_in_group("context")
    ]
    words = dataset.edition.labels
    events = events_table(dataset, as_of)
    values = {
        "reporting_section": section(words["changes_reporting"],
                                     dataset.changes.get("reporting", "")),
        "events_section": section(words["changes_events"], events),
        "impacts_section": section(words["changes_impacts"], impacts_table(dataset, as_of)),
        "context_section": section(words["changes_context"],
                                   "\n".join(page.markdown for page in context)),
        "no_changes": "" if events else words["changes_none"],
    }  # fmt: skip
    return values, {path: content for page in context for path, content in page.files.items()}
