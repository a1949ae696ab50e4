"""The chapter "Figures wanted": the register of assess/figures_wanted.py in the edition's words,
grouped by where each figure is usually published (who a meeting asks), offered as CSV, and
for each of those places the keepers' template with its figures already listed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from programme_monitor.assess.figures_wanted import figures_wanted, monitoring_clause, searches_by
from programme_monitor.common.text_folding import unaccented
from programme_monitor.data.chapters import indicator_pages
from programme_monitor.intake.spreadsheet import prefilled_template
from programme_monitor.pages.data_package import csv_bytes
from programme_monitor.pages.markdown import section, web_only
from programme_monitor.pages.overview import target_label
from programme_monitor.words.edition import SOURCE_LANGUAGE
from programme_monitor.words.formatting import markdown_escape

DOWNLOAD = Path("downloads/figures-wanted.csv")
SHEETS = Path("downloads")


def figures_wanted_values(chapter) -> tuple[dict[str, str], dict[Path, bytes]]:
    """The chapter's parts, by the name its narrative gives them, and its CSV download."""
    dataset, as_of = chapter.dataset, chapter.report_date
    words, edition = dataset.edition.labels, dataset.edition
    wanted = figures_wanted(dataset, as_of)
    if wanted.empty:
        none = {"lead": words["wanted_none"].format(as_of=edition.date(as_of)), "owed": "",
                "table": "", "search_log": ""}  # fmt: skip
        return none, {DOWNLOAD: csv_bytes(_download(dataset, wanted))}
    lead = words["wanted_lead"].format(
        as_of=edition.date(as_of),
        n=len(wanted),
        total=len(dataset.targets),
        passed=int(wanted["target_year_passed"].sum()),
    )
    sheets = sheet_names(dataset, wanted)
    since = words["wanted_since"].format(signed=edition.date(dataset.programme["signed"]))
    values = {
        "lead": f"{' '.join(lead.split())} {since}",
        "owed": _owed(dataset),
        "table": _by_publisher(dataset, wanted, sheets),
        "search_log": search_log(dataset, as_of),
    }
    files = {DOWNLOAD: csv_bytes(_download(dataset, wanted))}
    return values, files | prefilled_sheets(dataset, wanted, sheets, as_of)


def _body_names(dataset, body_ids: list[str]) -> list[str]:
    bodies = dataset.bodies.set_index("body_id")
    return [bodies.loc[body, "name"] if body in bodies.index else body for body in body_ids]


def _owed(dataset) -> str:
    """Who owes the figures under the programme, and what became of each body since."""
    words = dataset.edition.labels
    clause = monitoring_clause(dataset.programme)
    if clause is None:
        return " ".join(words["wanted_owed_none"].split())
    names = _body_names(dataset, clause["bodies"])
    bodies_text = names[0] if len(names) < 2 else (
        f"{', '.join(names[:-1])} {words['wanted_and']} {names[-1]}")  # fmt: skip
    owed = words["wanted_owed"].format(clause=clause["clause"], bodies=bodies_text)
    lines = [" ".join(owed.split())]
    for name, status in monitoring_bodies_now(dataset):
        lines.append(f"- {words['wanted_body_now'].format(body=name, status=status)}")
    return lines[0] + ("\n\n" + "\n".join(lines[1:]) if len(lines) > 1 else "")


def monitoring_bodies_now(dataset) -> list[tuple[str, str]]:
    """(name, what became of it) for each body the programme makes follow and report on it, in
    the clause's order, when bodies.csv's status column says something of it."""
    clause = monitoring_clause(dataset.programme)
    bodies = dataset.bodies.set_index("body_id")
    said = []
    for body in clause["bodies"] if clause else []:
        status = bodies.loc[body].get("status_since_2025", "") if body in bodies.index else ""
        if isinstance(status, str) and status.strip():
            said.append((bodies.loc[body, "name"], status.strip()))
    return said


def _by_publisher(dataset, wanted: pd.DataFrame, sheets: dict[str, str]) -> str:
    """A section per place the figures are usually published (who a meeting asks), the one owing
    most first, each figure a line: lists read on a phone and in print where a four-column table
    wraps to a word a line."""
    words, edition = dataset.edition.labels, dataset.edition
    targets = dataset.targets.set_index("target_id", drop=False)
    pages = indicator_pages(dataset)
    counts = wanted["usually_published_by"].value_counts(sort=False)  # in order of first row
    order = sorted(counts.index, key=lambda name: -counts[name])  # stable: ties keep that order
    sections = [words["wanted_by_publisher"]]
    for publisher in order:
        lines = []
        for _, row in wanted[wanted["usually_published_by"] == publisher].iterrows():
            spec = dataset.indicators[row["indicator"]]
            unit = dataset.units[spec["unit"]]
            name = markdown_escape(spec["name"])
            if row["indicator"] in pages:
                name = f"{{doc}}`{name} <{pages[row['indicator']]}>`"
            figure = words["wanted_figure_passed" if row["target_year_passed"] else "wanted_figure"]
            statement = markdown_escape(target_label(dataset, targets.loc[row["target_id"]]))
            searched = (
                words["wanted_last_searched"].format(
                    date=edition.date(date.fromisoformat(row["last_searched"]))
                )
                if row["last_searched"]
                else words["wanted_never_searched"]
            )
            lines.append(
                f"- **{row['clause']} ({row['target_id']})** {statement}. {name} "
                f"({unit['symbol'] or unit['name']}): {figure.format(year=row['figure_year'])}. "
                f"{searched}"
            )
        sheet = sheets[publisher]
        offer = web_only(f"{words['wanted_sheet']} {{download}}`{sheet} <{SHEETS / sheet}>`.")
        sections.append(section(markdown_escape(publisher), "\n".join(lines) + "\n\n" + offer))
    return "\n\n".join(sections)


def search_log(dataset, as_of) -> str:
    """Every logged search made by the reporting date, newest first: when, for which figures,
    where and with which words, and what was found; a line each, like the register above (a
    four-column table wrapped to a word a line on a phone). Empty when none was logged."""
    searches = searches_by(dataset, as_of)
    if searches.empty:
        return ""
    words, edition = dataset.edition.labels, dataset.edition
    lines = []
    for _, search in searches.iterrows():
        names = "; ".join(dataset.indicators[i]["name"] for i in search["indicators"])
        query = (
            f" ({words['search_words']} *{markdown_escape(search['query'])}*)"
            if search["query"]
            else ""
        )
        lines.append(
            f"- **{edition.date(date.fromisoformat(search['searched_on']))}**: "
            f"{markdown_escape(names)}. {words['col_where_searched']}: "
            f"{markdown_escape(search['where'])}{query}. "
            f"{words['col_found']}: {markdown_escape(search['found'])}"
        )
    return section(
        words["search_log_heading"], f"{words['search_log_lead']}\n\n" + "\n".join(lines)
    )


def sheet_names(dataset, wanted: pd.DataFrame) -> dict[str, str]:
    """Each place's sheet: 'so-lieu-can-co-so-xay-dung-thanh-pho-hai-phong.xlsx', readable, safe
    in any address, the same in every edition (from the publisher's name in the data's own
    language: the sheet is the keepers' template, in that language), and never one file for two
    places whose long names cut to the same letters."""
    names: dict[str, str] = {}
    for publisher, indicator in wanted.drop_duplicates("usually_published_by")[
        ["usually_published_by", "indicator"]
    ].itertuples(index=False):
        own = dataset.indicators[indicator].get(f"publisher_{SOURCE_LANGUAGE}", publisher)
        slug = re.sub(r"[^a-z0-9]+", "-", unaccented(own).lower()).strip("-")[:60].strip("-")
        name, n = f"so-lieu-can-co-{slug}.xlsx", 2
        while name in names.values():
            name, n = f"so-lieu-can-co-{slug}-{n}.xlsx", n + 1
        names[publisher] = name
    return names


def prefilled_sheets(dataset, wanted: pd.DataFrame, names: dict[str, str], day) -> dict:
    """For each place the figures are usually published, the keepers' template with a row for
    each figure wanted there (indicator and the area in force), to fill and send back."""
    sheets = {}
    for publisher, rows in wanted.groupby("usually_published_by", sort=False):
        pairs = list(dict.fromkeys(zip(rows["indicator"], rows["area_now"], strict=True)))
        sheets[SHEETS / names[publisher]] = prefilled_template(dataset, pairs, day)
    return sheets


def _download(dataset, wanted: pd.DataFrame) -> pd.DataFrame:
    """The register with the names a reader needs beside the ids, in the edition's language."""
    owed = {ids: "; ".join(_body_names(dataset, ids.split(";"))) if ids else ""
            for ids in set(wanted["owed_by"])}  # fmt: skip
    return wanted.assign(
        indicator_name=[dataset.indicators[i]["name"] for i in wanted["indicator"]],
        unit=[dataset.units[dataset.indicators[i]["unit"]]["name"] for i in wanted["indicator"]],
        owed_by_names=wanted["owed_by"].map(owed),
    )
