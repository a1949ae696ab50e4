"""What changed since the programme was signed, and what it means for each target."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.assess.selection import sources_published_by
from programme_monitor.pages.indicator_page import context_section
from programme_monitor.pages.markdown import markdown_table, section
from programme_monitor.words.formatting import cite, markdown_escape


def event_facts(event: dict) -> list[dict]:
    """An event's statements, each with the sources it rests on: its `facts`, or the one
    statement `what` with the event's `sources` (the short form for an event one source covers)."""
    if "facts" in event:
        return event["facts"]
    return [{"text": event.get("what", ""), "sources": event.get("sources", [])}]


def events_in_edition(dataset, as_of: date) -> list[tuple[dict, list[dict]]]:
    """The changes in force on the reporting date, oldest first, each with the facts the edition
    can state: those with a source published by then. A fact resting only on a later source is
    left out, and an event with no such fact is not shown at all, so the page never states what
    the edition's figures and downloads leave out."""
    published = set(sources_published_by(dataset, as_of).index)
    shown = []
    for event in sorted(dataset.changes.get("events", []), key=lambda e: e["date"]):
        if event["date"] > as_of:
            continue
        facts = [
            {**fact, "sources": [s for s in fact.get("sources", []) if s in published]}
            for fact in event_facts(event)
        ]
        facts = [fact for fact in facts if fact["sources"]]
        if facts:
            shown.append((event, facts))
    return shown


def events_table(dataset, as_of: date) -> str:
    """Changes in force on the reporting date, oldest first, with the facts and sources published
    by then."""
    words = dataset.edition.labels
    rows = [
        [
            dataset.edition.date(event["date"]),
            event["title"],
            " ".join(markdown_escape(fact["text"].strip()) for fact in facts),
            "; ".join(
                cite(dataset, s)
                for s in dict.fromkeys(s for fact in facts for s in fact["sources"])
            ),
        ]
        for event, facts in events_in_edition(dataset, as_of)
    ]
    if not rows:
        return ""
    return markdown_table(
        dataset.edition,
        [words["col_date"], words["col_change"], words["col_notes"], words["col_source"]],
        rows,
    )


def impacts_table(dataset, as_of: date) -> str:
    """For each affected target: the changes shown on the page that touch it, and what they mean."""
    words = dataset.edition.labels
    events = {event["id"]: event for event, _ in events_in_edition(dataset, as_of)}
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
