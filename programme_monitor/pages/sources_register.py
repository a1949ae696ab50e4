"""The register of sources with full citations and how many published values use each."""

from __future__ import annotations

from datetime import date

from programme_monitor.assess.selection import published_by, sources_published_by
from programme_monitor.pages.markdown import markdown_table, section, small_print
from programme_monitor.words.formatting import cite, markdown_escape

# Percent of the line per column (id, citation, published, registered, confidence, uses, notes),
# for the booklet's 9 pt (the notebook prints the register in small type): the citation carries a
# full web address, so it gets the room (estimated widths gave the notes as much, and rows of a
# dozen lines left half-empty pages); a date and an id such as PROGRAMME fit on one line.
SOURCES_WIDTHS = [14, 30, 12, 12, 6, 6, 20]


def sources_table(dataset, as_of: date) -> str:
    words = dataset.edition.labels
    visible = published_by(dataset.observations, as_of)
    uses = visible["source"].value_counts()
    rows = []
    for source in sources_published_by(dataset, as_of).itertuples():
        title = markdown_escape(source.title)
        # The address is printed as well as linked: on paper a link is invisible.
        linked = f"[{title}]({source.url})" if source.url else title
        address = f" <{source.url}>" if source.url else ""
        finding = words["check_found"].format(finding=source.check) if source.check else ""
        note = markdown_escape(
            " ".join(
                _sentence(part) for part in [source.published_note, source.note, finding] if part
            )
        )
        rows.append(
            [
                source.source_id,
                f"{linked} — *{markdown_escape(source.publisher)}*.{address}",
                dataset.edition.published(source.published),
                _registered_and_checked(dataset.edition, source),
                words["confidence"][source.confidence],
                int(uses.get(source.source_id, 0)),
                note,
            ]
        )
    return markdown_table(
        dataset.edition,
        [
            words["col_id"],
            f"{words['col_title']}, {words['col_publisher'].lower()}",
            words["col_published"],
            words["col_accessed"],
            words["col_confidence"],
            words["col_used"],
            words["col_notes"],
        ],
        rows,
        widths=SOURCES_WIDTHS,
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _registered_and_checked(edition, source) -> str:
    """When the source came into the register, and when someone last looked at it again: a
    reviewer weighs an old unchecked citation differently from one seen last week."""
    registered = edition.date(date.fromisoformat(source.accessed))
    if source.checked:
        checked = edition.labels["checked_on"].format(
            date=edition.date(date.fromisoformat(source.checked))
        )
    else:
        checked = edition.labels["not_checked"]
    return f"{registered}; {checked}"


def errata_table(dataset) -> str:
    """Errors of the programme's text as printed, what is correct, and the sources that say so."""
    words = dataset.edition.labels
    rows = [
        [
            markdown_escape(e["where"]),
            markdown_escape(e["as_printed"]),
            markdown_escape(e["correct"]),
            markdown_escape(e["explanation"].strip()),
            "; ".join(cite(dataset, s) for s in e["sources"]),
        ]
        for e in dataset.programme.get("errata", [])
    ]
    if not rows:
        return ""  # a text with no known error: no section
    return markdown_table(
        dataset.edition,
        [
            words["col_where"],
            words["col_as_printed"],
            words["col_correct"],
            words["col_notes"],
            words["col_source"],
        ],
        rows,
    )


def sources_values(chapter) -> dict[str, str]:
    """The source register's tables, by the name its narrative gives them."""
    return {
        "sources_table": small_print(sources_table(chapter.dataset, chapter.report_date)),
        "errata_section": section(
            chapter.dataset.edition.labels["errata_heading"], errata_table(chapter.dataset)
        ),
    }
