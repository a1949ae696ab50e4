"""The chapter "What changed since the last edition": the edition's data package compared with the
one the previous edition published (archived in the programme's `editions/` folder).

Computed, never written by hand: targets whose status moved and why, targets judged on a new
figure with the same status, new, corrected and withdrawn figures, new sources, tasks whose
completion moved. The same rows are offered as CSV.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from programme_monitor.assess.edition_changes import CHANGE_KINDS, edition_changes, split_figure
from programme_monitor.data.chapters import indicator_pages
from programme_monitor.data.edition_archive import COMPARED, previous_edition, read_edition
from programme_monitor.pages.data_package import csv_bytes
from programme_monitor.pages.data_page import edition_package
from programme_monitor.pages.judgement_words import completion_text, reason_text, status_text
from programme_monitor.pages.markdown import markdown_table, section
from programme_monitor.words.formatting import cite, flag_words, format_value, markdown_escape

DOWNLOAD = Path("downloads/since-last-edition.csv")


def published_tables(chapter) -> dict[str, pd.DataFrame]:
    """The compared tables of this edition's data package, read back as text: the same cells a
    reader of its download gets, so both sides of the comparison are alike."""
    files = edition_package(chapter)
    return {
        name.removesuffix(".csv"): pd.read_csv(
            io.BytesIO(files[name]), dtype=str, keep_default_na=False
        )
        for name in COMPARED
    }


def since_last_values(chapter) -> tuple[dict[str, str], dict[Path, bytes]]:
    """The chapter's parts, by the name its narrative gives them, and its CSV download."""
    dataset, as_of = chapter.dataset, chapter.report_date
    words = dataset.edition.labels
    previous = previous_edition(dataset.data_dir, as_of)
    if previous is None:
        return {"lead": words["since_none"], **dict.fromkeys(PARTS, "")}, {}
    changes = edition_changes(read_edition(dataset.data_dir, previous), published_tables(chapter))
    counted = changes.groupby("change").size()
    summary = "; ".join(
        words["since_counts"][kind]["one" if n == 1 else "other"].format(n=n)
        for kind, n in ((kind, int(counted.get(kind, 0))) for kind in CHANGE_KINDS)
        if n
    )
    values = {
        "lead": words["since_lead"].format(
            previous=dataset.edition.date(previous),
            summary=f"{summary}." if summary else words["since_nothing"],
        ),
        **{name: render(dataset, changes) for name, render in PARTS.items()},
    }
    download = changes.assign(previous_edition=previous.isoformat(), as_of=as_of.isoformat())
    download = download[["previous_edition", "as_of", *changes.columns]]
    return values, {DOWNLOAD: csv_bytes(download)}


def _of(changes: pd.DataFrame, *kinds: str) -> pd.DataFrame:
    return changes[changes["change"].isin(kinds)]


def _target_name(dataset, target_id: str) -> str:
    target = dataset.targets.set_index("target_id").loc[target_id]
    indicator = dataset.indicators[target["indicator"]]["name"]
    page = indicator_pages(dataset).get(target["indicator"])
    name = f"{{doc}}`{markdown_escape(indicator)} <{page}>`" if page else indicator
    return f"{target['clause']} ({target_id}): {name}"


def _source(dataset, source_id: str) -> str:
    return cite(dataset, source_id) if source_id in dataset.sources.index else source_id


def targets_section(dataset, changes: pd.DataFrame) -> str:
    words, edition = dataset.edition.labels, dataset.edition
    why = {
        "new-figure": words["since_why_new_figure"],
        "time-passed": words["since_why_time_passed"],
    }
    rows = [
        [
            _target_name(dataset, row.item),
            status_text(edition, row.before),
            status_text(edition, row.after),
            why.get(row.why) or _sentence(reason_text(edition, row.why, short=False)),
        ]
        for row in _of(changes, "target-status").itertuples()
    ]
    header = [words["col_target"], words["since_col_before"], words["since_col_now"],
              words["since_col_why"]]  # fmt: skip
    return section(words["since_targets"], markdown_table(edition, header, rows) if rows else "")


def _sentence(text: str) -> str:
    """The method's reason, written to follow a status in brackets, as a sentence of its own."""
    text = text.strip()
    return f"{text[:1].upper()}{text[1:]}{'' if text.endswith('.') else '.'}" if text else ""


def target_figures_section(dataset, changes: pd.DataFrame) -> str:
    words, edition = dataset.edition.labels, dataset.edition
    rows = [
        [
            _target_name(dataset, row.item),
            markdown_escape(row.before),
            markdown_escape(row.after),
            status_text(edition, row.why),
        ]
        for row in _of(changes, "target-figure").itertuples()
    ]
    header = [words["col_target"], words["since_col_before"], words["since_col_now"],
              words["since_col_status_same"]]  # fmt: skip
    return section(
        words["since_target_figures"], markdown_table(edition, header, rows) if rows else ""
    )


def _value(dataset, indicator: str, text: str, unit: str) -> str:
    """A figure as edition_changes wrote it, in the edition's words: '45' with flags 'at-least'
    and unit 'percent' is 'ít nhất 45 %'."""
    if not text:
        return "—"
    value, flags = split_figure(text)
    try:
        number = float(value)
    except ValueError:
        number = None
    observation = pd.Series(
        {
            "indicator": indicator,
            "value": value,
            "value_number": number,
            "unit": unit,
            "flags": [f for f in flags.split(";") if f],
        }  # fmt: skip
    )
    # A flag that says what the figure is (an estimate, another plan's target) is named after it;
    # a bound or an approximation is already in the value's words ("ít nhất 45 %", "khoảng 45 %").
    flags = dataset.vocabulary["flags"]
    named = [
        f for f in observation["flags"] if "value_words" not in flags[f] and f != "approximate"
    ]
    value = format_value(dataset, observation)
    return f"{value} ({flag_words(dataset, named)})" if named else value


def figures_section(dataset, changes: pd.DataFrame) -> str:
    words, edition = dataset.edition.labels, dataset.edition
    areas = dataset.areas.set_index("area_id")["name"]
    pages = indicator_pages(dataset)
    kind_words = {
        "figure-new": words["since_figure_new"],
        "figure-corrected": words["since_figure_corrected"],
        "figure-withdrawn": words["since_figure_withdrawn"],
    }
    rows = []
    for row in _of(changes, *kind_words).itertuples():
        indicator, area, period, _ = row.item.split("|")
        name = dataset.indicators.get(indicator, {}).get("name", indicator)
        if indicator in pages:
            name = f"{{doc}}`{markdown_escape(name)} <{pages[indicator]}>`"
        rows.append(
            [
                kind_words[row.change],
                name,
                markdown_escape(areas.get(area, area)),
                edition.period(period),
                _value(dataset, indicator, row.before, row.unit),
                _value(dataset, indicator, row.after, row.unit),
                _source(dataset, row.why),
            ]
        )
    header = [words["col_change"], words["since_col_indicator"], words["col_area"],
              words["col_period"], words["since_col_before"], words["since_col_now"],
              words["col_source"]]  # fmt: skip
    return section(words["since_figures"], markdown_table(edition, header, rows) if rows else "")


def sources_section(dataset, changes: pd.DataFrame) -> str:
    words = dataset.edition.labels
    rows = [
        [_source(dataset, row.item), markdown_escape(row.after)]
        for row in _of(changes, "source-new").itertuples()
    ]
    table = markdown_table(dataset.edition, [words["col_source"], words["col_title"]], rows)
    return section(words["since_sources"], table if rows else "")


def tasks_section(dataset, changes: pd.DataFrame) -> str:
    words, edition = dataset.edition.labels, dataset.edition
    titles = dataset.tasks.set_index("task_id")["title"]
    rows = [
        [
            f"{row.item}: {markdown_escape(titles.get(row.item, ''))}",
            completion_text(edition, row.before),
            completion_text(edition, row.after),
            _source(dataset, row.why) if row.why else "",
        ]
        for row in _of(changes, "task-completion").itertuples()
    ]
    header = [words["col_task"], words["since_col_before"], words["since_col_now"],
              words["col_source"]]  # fmt: skip
    return section(words["since_tasks"], markdown_table(edition, header, rows) if rows else "")


# The chapter's parts in the order its narrative shows them; each is left out when empty.
PARTS = {
    "targets_section": targets_section,
    "target_figures_section": target_figures_section,
    "figures_section": figures_section,
    "sources_section": sources_section,
    "tasks_section": tasks_section,
}
