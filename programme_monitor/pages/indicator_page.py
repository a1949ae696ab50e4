"""One indicator's page: definition, targets and their status, chart, values, calculation inputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from programme_monitor.assess.assessment import TargetStatus, inputs_table
from programme_monitor.assess.figures_wanted import figures_wanted
from programme_monitor.assess.selection import observations_of, programme_lineages
from programme_monitor.common.files import zip_bytes
from programme_monitor.data.area_series import boundary_crossings
from programme_monitor.data.chapters import indicator_pages
from programme_monitor.pages.charts import (
    ChartContext,
    Projection,
    draw_indicator_chart,
    narrow_path,
)
from programme_monitor.pages.data_package import csv_bytes, indicator_tables, package_files
from programme_monitor.pages.embed_page import embed_page, embed_paths
from programme_monitor.pages.indicator_json import SCHEMA_NAME, json_files
from programme_monitor.pages.judgement_words import (
    judgement_basis,
    percent_per_year,
    ratio_text,
    status_with_reason,
)
from programme_monitor.pages.markdown import (
    Page,
    markdown_table,
    runs_on_in_booklet,
    web_only,
    web_only_section,
)
from programme_monitor.words.formatting import (
    cite,
    flag_words,
    format_target,
    format_value,
    is_bound,
    markdown_escape,
    unit_symbol,
)
from programme_monitor.words.publication import EMBED_FOLDER


def indicator_page(
    dataset,
    indicator_id: str,
    as_of: date,
    statuses: dict[str, TargetStatus],
    links: dict[str, str],
    figures_dir: Path,
    downloads_dir: Path,
    embed_dir: Path = Path(EMBED_FOLDER),
) -> Page:
    """The page's Markdown and its files: the chart, the CSV of calculation inputs, the
    indicator's data package.

    `links` gives document names: 'chapter' (the group's chapter), 'methodology' and
    'figures_wanted' (the register of figures wanted).
    """
    spec = dataset.indicators[indicator_id]
    targets = dataset.targets[dataset.targets["indicator"] == indicator_id]
    observations = observations_of(dataset, indicator_id, as_of)
    # In the booklet the indicators follow one another: one page each left most of them blank.
    parts = [
        runs_on_in_booklet(),
        "",
        f"# {spec['name']}",
        "",
        *_status_first(dataset, targets, statuses),
        _facts(dataset, spec, as_of, links),
        "",
    ]
    files, alt = {}, ""
    if len(targets):
        parts += _targets_section(dataset, targets, statuses)
        parts += _figures_wanted_note(dataset, indicator_id, as_of, links)
    if not observations.empty:
        section, chart, alt = _observations_section(
            dataset, indicator_id, observations, targets, statuses, as_of, figures_dir
        )
        parts += section
        files.update(chart)
    inputs = _targets_inputs(dataset, targets, statuses, as_of)
    if len(targets):
        section, table = _inputs_section(dataset, indicator_id, inputs, downloads_dir)
        parts += section
        files.update(table)
    downloads, package = _downloads(dataset, indicator_id, inputs, as_of, downloads_dir)
    reuse, data = _reuse(dataset, indicator_id, statuses, as_of, downloads_dir, figures_dir, files)
    embed, embedded = _embed(
        dataset, indicator_id, targets, statuses, observations, files, alt, figures_dir, embed_dir
    )
    return Page(
        "\n".join(parts + downloads + reuse + embed), {**files, **package, **data, **embedded}
    )


def _status_first(dataset, targets: pd.DataFrame, statuses: dict) -> list[str]:
    """Each target's status in words, right under the title: on a phone the targets' table came
    below the first screen, after the definition."""
    if not len(targets):
        return []
    words = dataset.edition.labels
    each = "; ".join(_status_lines(dataset, targets, statuses))
    return [f"**{words['col_status']}:** {each}.", ""]


def _status_lines(dataset, targets: pd.DataFrame, statuses: dict) -> list[str]:
    return [
        f"{t['clause']} ({t['target_id']}, {t['year']}): "
        f"{status_with_reason(dataset.edition, statuses[t['target_id']])}"
        for _, t in targets.iterrows()
    ]


def _embed(
    dataset, indicator_id, targets, statuses, observations, files, alt, figures_dir, embed_dir
) -> tuple[list[str], dict[Path, bytes]]:
    """The page another site puts in a frame (pages/embed_page.py) and the chart as the preview
    image of a shared link; on the page, where to find it."""
    words = dataset.edition.labels
    numbers = source_numbers(observations)
    own = programme_lineages(dataset, targets)
    sources = dataset.sources
    wide = figures_dir / f"{indicator_id}.svg"
    page_path, image_path = embed_paths(embed_dir, indicator_id)
    page = embed_page(
        lang=dataset.edition.lang,
        name=dataset.indicators[indicator_id]["name"],
        site_title=words["site_title"].format(short_title=dataset.programme["short_title"]),
        statuses=_status_lines(dataset, targets, statuses),
        alt=alt,
        chart_svg=files.get(narrow_path(wide)),
        values=[
            (
                area_label(dataset, o, own),
                dataset.edition.period(o["period"]),
                format_value(dataset, o),
                numbers[o["source"]],
            )
            for _, o in observations.iterrows()
        ],
        sources=[(n, _source_line(dataset, s), sources.loc[s, "url"]) for s, n in numbers.items()],
        full_page=f"../{indicator_pages(dataset)[indicator_id]}.html",
        words=words,
    )
    embedded = {page_path: page}
    if wide.with_suffix(".png") in files:
        embedded[image_path] = files[wide.with_suffix(".png")]
    link = f'<a href="{embed_dir.as_posix()}/{page_path.name}">{words["embed_link_text"]}</a>'
    return [web_only(words["embed_offer"].format(link=link)), ""], embedded


def source_numbers(observations: pd.DataFrame) -> dict[str, int]:
    """Each source's number in the chart, the values table and the embed page: in order of use."""
    return {source: n for n, source in enumerate(dict.fromkeys(observations["source"]), 1)}


def _source_line(dataset, source_id: str) -> str:
    source = dataset.sources.loc[source_id]
    published = dataset.edition.published(source["published"])
    return f"{source['publisher']}, {published}: {source['title']}"


def area_label(dataset, observation: pd.Series, own: set[str]) -> str:
    """The observation's area, said to be another than the programme's when it is."""
    name = dataset.area_names[observation["area"]]
    if observation["lineage"] in own:
        return name
    return dataset.edition.labels["other_area"].format(area=name)


def _reuse(dataset, indicator_id, statuses, as_of, downloads_dir, figures_dir, files) -> tuple:
    """For other sites: the indicator as JSON with its schema, and the chart as SVG and PNG."""
    words = dataset.edition.labels
    data = json_files(dataset, indicator_id, statuses, as_of, downloads_dir)

    def link(path: Path, text: str) -> str:
        return f"{{download}}`{text} <{path.parent.name}/{path.name}>`"

    json_path = downloads_dir / f"{indicator_id}.json"
    text = words["indicator_json"].format(
        json=link(json_path, json_path.name), schema=link(downloads_dir / SCHEMA_NAME, SCHEMA_NAME)
    )
    chart = figures_dir / f"{indicator_id}.svg"
    if chart in files:
        text += " " + words["indicator_chart_files"].format(
            svg=link(chart, "SVG"), png=link(chart.with_suffix(".png"), "PNG")
        )
    return [web_only(text), ""], data


def _targets_inputs(dataset, targets: pd.DataFrame, statuses: dict, as_of: date) -> pd.DataFrame:
    """Every input of the judgement of each of these targets (no row when there is no target)."""
    own = {t: statuses[t] for t in targets["target_id"]}
    return inputs_table(dataset, own, as_of, targets=targets)


def _observations_section(
    dataset, indicator_id, observations, targets, statuses, as_of, figures_dir
) -> tuple[list[str], dict[Path, bytes], str]:
    """The chart, the table of values with their sources numbered as in the chart, and where
    the series crosses a boundary change; and the chart's alternative text."""
    words = dataset.edition.labels
    numbers = source_numbers(observations)
    figure, chart, alt = _figure(
        dataset, indicator_id, observations, targets, statuses, as_of, numbers, figures_dir
    )
    values = _values_table(
        dataset, observations, numbers, words, programme_lineages(dataset, targets)
    )
    parts = [f"## {words['heading_chart']}", "", *figure]
    parts += [f"## {words['heading_values']}", "", values, ""]
    return parts + _boundary_note(dataset, observations, words), chart, alt


def _downloads(
    dataset, indicator_id: str, inputs: pd.DataFrame, as_of: date, downloads_dir: Path
) -> tuple[list[str], dict[Path, bytes]]:
    """The indicator's own data package: its observations as CSV, and a zip with its targets,
    calculation inputs, the areas and sources they refer to, and the descriptor; the links to
    them and the files."""
    words = dataset.edition.labels
    name = dataset.indicators[indicator_id]["name"]
    files = package_files(
        dataset,
        as_of,
        {"progress-inputs": inputs} if len(inputs) else {},
        f"indicator-{indicator_id.replace('_', '-')}",
        words["package_title"].format(name=name, as_of=as_of.isoformat()),
        tables=indicator_tables(dataset, as_of, indicator_id),
    )
    csv_path = downloads_dir / f"observations-{indicator_id}.csv"
    zip_path = downloads_dir / f"indicator-{indicator_id}.zip"

    def link(path: Path) -> str:
        return f"{{download}}`{path.name} <{downloads_dir.name}/{path.name}>`"

    text = words["indicator_downloads"].format(
        csv=link(csv_path), zip=link(zip_path), data="{doc}`data`"
    )
    section = web_only_section(words["heading_download"], text)
    return [section, ""], {csv_path: files["observations.csv"], zip_path: zip_bytes(files)}


def _facts(dataset, spec: dict, as_of: date, links: dict[str, str]) -> str:
    unit = dataset.units[spec["unit"]]
    words = dataset.edition.labels
    lines = [
        spec["definition"].strip(),
        "",
        f"- **{words['fact_as_of']}** {dataset.edition.date(as_of)}",
        f"- **{words['fact_unit']}** {unit['name']}"
        + (f" ({unit['symbol']})" if unit["symbol"] else ""),
        f"- **{words['fact_direction']}** {words['direction'][spec['direction']]}",
    ]
    if spec.get("ceiling") is not None:
        ceiling = dataset.edition.number(spec["ceiling"])
        lines.append(
            f"- **{words['fact_ceiling']}** {dataset.edition.with_unit(ceiling, unit['symbol'])}"
        )
    if spec.get("stages"):
        stages = "; ".join(dataset.edition.category(spec, stage) for stage in spec["stages"])
        lines.append(f"- **{words['fact_stages']}** {stages}")
    lines += [
        f"- **{words['fact_publisher']}** {spec['publisher']}",
        f"- **{words['fact_chapter']}** {{doc}}`{links['chapter']}`; {words['fact_method']} "
        f"{{doc}}`{links['methodology']}`",
    ]
    return "\n".join(lines)


def _targets_section(dataset, targets: pd.DataFrame, statuses: dict) -> list[str]:
    """The indicator's targets with their status and its basis, and the notes on reading them."""
    words = dataset.edition.labels
    rows = [_target_row(dataset, t, statuses[t["target_id"]]) for _, t in targets.iterrows()]
    columns = ["col_clause", "col_target_year", "col_area", "col_status", "col_basis"]
    parts = [
        f"## {words['heading_targets']}",
        "",
        markdown_table(dataset.edition, [words[c] for c in columns], rows),
        "",
    ]
    if (targets["year_basis"] != "text").any():
        parts += [f"\\* {dataset.vocabulary['year_bases']['horizon']['label']}.", ""]
    notes = _reading_notes(targets, statuses, words)
    if notes:
        parts += [words["notes_lead"], "", *notes, ""]
    return parts


def _figures_wanted_note(dataset, indicator_id: str, as_of: date, links: dict) -> list[str]:
    """Which of the indicator's targets have no figure for their area, where it is usually
    published, and the register that says who owes it."""
    wanted = figures_wanted(dataset, as_of, indicator=indicator_id)
    if wanted.empty:
        return []
    note = dataset.edition.labels["wanted_on_indicator"].format(
        targets=", ".join(f"{row.clause} ({row.target_id})" for row in wanted.itertuples()),
        publisher=markdown_escape(dataset.indicators[indicator_id]["publisher"]),
        register=f"{{doc}}`{links['figures_wanted']}`",
    )
    return [" ".join(note.split()), ""]


def _target_row(dataset, target: pd.Series, result: TargetStatus) -> list[str]:
    # A year the text does not state (the programme's end is used) is starred.
    year = f"{target['year']}" + ("" if target["year_basis"] == "text" else "*")
    return [
        target["clause"],
        f"{format_target(dataset, target)} ({year})",
        dataset.programme["scopes"][target["area"]]["name"],
        status_with_reason(dataset.edition, result),
        judgement_basis(dataset, target, result),
    ]


def _reading_notes(targets: pd.DataFrame, statuses: dict, words: dict) -> list[str]:
    """How a target's text is read, and a change of scale, each said once."""
    notes = []
    for _, target in targets.iterrows():
        if target["reading_note"]:
            note = markdown_escape(target["reading_note"])
            notes.append(f"- {target['clause']} ({target['target_id']}): {note}")
        changed = statuses[target["target_id"]].scale_changed
        if changed and not any(changed in n for n in notes):
            notes.append(f"- {words['scale_changed']} {markdown_escape(changed)}")
    return notes


def context_section(
    dataset, indicator_id: str, as_of: date, figures_dir: Path, heading_level: int = 3
) -> Page:
    """A figure that describes the area (not a target): definition, chart, values with sources."""
    spec = dataset.indicators[indicator_id]
    observations = observations_of(dataset, indicator_id, as_of)
    numbers = source_numbers(observations)
    parts = [
        f"{'#' * heading_level} {spec['name']}",
        "",
        f"{spec['definition'].strip()} *{dataset.edition.labels['fact_publisher']}* "
        f"{spec['publisher']}.",
        "",
    ]
    files = {}
    if not observations.empty:
        no_targets = dataset.targets.iloc[0:0]
        figure, files, _alt = _figure(
            dataset, indicator_id, observations, no_targets, {}, as_of, numbers, figures_dir
        )
        own = programme_lineages(dataset, no_targets)
        parts += figure
        parts += [_values_table(dataset, observations, numbers, dataset.edition.labels, own), ""]
        parts += _boundary_note(dataset, observations, dataset.edition.labels)
    return Page("\n".join(parts), files)


def _figure(
    dataset,
    indicator_id: str,
    observations: pd.DataFrame,
    targets: pd.DataFrame,
    statuses: dict,
    as_of: date,
    numbers: dict,
    figures_dir: Path,
) -> tuple[list[str], dict[Path, bytes], str]:
    words = dataset.edition.labels
    spec = dataset.indicators[indicator_id]
    context = ChartContext(as_of, tuple(_projections(dataset, targets, statuses)), numbers)
    path = figures_dir / f"{indicator_id}.svg"
    alt, files = draw_indicator_chart(dataset, indicator_id, observations, targets, path, context)
    sources = "; ".join(f"[{n}] {cite(dataset, s)}" for s, n in numbers.items())
    caption = f"{spec['name']}. {words['sources_lead']} {sources}. {words['as_of_line_note']}"
    if observations["flags"].map(lambda flags: is_bound(dataset, flags)).any():
        caption += f" {words['lower_bound_note']}"
    if (~observations["observed"]).any():
        caption += f" {words['hollow_note']}"
    if context.projections:
        caption += f" {words['projection_note']}"
    relative = Path(figures_dir.name) / f"{path.stem}.*"  # .svg on the site, .pdf in print
    narrow = Path(figures_dir.name) / narrow_path(path).name
    # On a phone the narrow rendering replaces the wide one (custom.css): its text stays 12 px or
    # more. Only one of the two is shown, so a screen reader reads one alternative text.
    return (
        [
            "::::{only} html",
            f":::{{image}} {narrow.as_posix()}",
            ":class: chart-narrow",
            f":alt: {alt}",
            ":::",
            "::::",
            "",
            f":::{{figure}} {relative.as_posix()}",
            f":alt: {alt}",
            ":class: chart-wide",
            f":name: fig-{indicator_id}",
            "",
            caption,
            ":::",
            "",
        ],
        files,
        alt,
    )


def _projections(dataset, targets: pd.DataFrame, statuses: dict) -> list[Projection]:
    projections = []
    for _, target in targets.iterrows():
        calc = statuses[target["target_id"]].calculation
        if calc is None or calc.projection is None:
            continue
        projections.append(
            Projection(
                calc.latest.segment,
                (calc.latest.t, calc.latest.value),
                (calc.target_t, calc.projection),
                f"{target['clause']} ({target['target_id']})",
            )
        )
    return projections


def _values_table(
    dataset, observations: pd.DataFrame, numbers: dict, words: dict, own: set[str]
) -> str:
    return markdown_table(
        dataset.edition,
        [
            words["col_area"],
            words["col_period"],
            words["col_value"],
            words["col_notes"],
            words["col_source"],
        ],
        [
            [
                markdown_escape(area_label(dataset, o, own)),
                dataset.edition.period(o["period"]),
                format_value(dataset, o),
                markdown_escape(
                    "; ".join(filter(None, [flag_words(dataset, o["flags"]), o["note"]]))
                ),
                f"[{numbers[o['source']]}] {cite(dataset, o['source'])}",
            ]
            for _, o in observations.iterrows()
        ],
    )


def _boundary_note(dataset, observations: pd.DataFrame, words: dict) -> list[str]:
    """Says where the figures of one lineage move from one area to the next."""
    crossings = boundary_crossings(observations, dataset.areas)
    if not crossings:
        return []
    steps = "; ".join(
        words["boundary_step"].format(
            before=dataset.area_names[c.before],
            after=dataset.area_names[c.after],
            since=words["boundary_since"].format(date=dataset.edition.date(c.changed_on))
            if c.changed_on
            else "",
        )
        for c in crossings
    )
    return [words["boundary_crossing"].format(steps=markdown_escape(steps)).strip(), ""]


# The rows of the inputs table, in order; their names are labels.yaml's `input_rows`.
INPUT_ROWS = [
    "base",
    "latest",
    "target_value_used",
    "target_year",
    "direction",
    "required_growth",
    "observed_growth",
    "ratio",
    "ceiling_coefficient",
    "projection_in_target_year",
    "projected_shortfall",
    "anticipated_progress",
    "evidence",
    "status_label",
    "reason_text",
]


def _inputs_section(
    dataset, indicator_id: str, table: pd.DataFrame, downloads_dir: Path
) -> tuple[list[str], dict[Path, bytes]]:
    """Every input of every target's judgement (`table`), one column per target, and its CSV."""
    csv_path = downloads_dir / f"progress-inputs-{indicator_id}.csv"
    symbol = unit_symbol(dataset, dataset.indicators[indicator_id]["unit"])
    words = dataset.edition.labels
    header = [words["col_input"], *[f"{r.clause} ({r.target_id})" for r in table.itertuples()]]
    rows = [
        [
            words["input_rows"][key],
            *[_input_cell(dataset, row, key, symbol) for _, row in table.iterrows()],
        ]
        for key in INPUT_ROWS
    ]
    rows = [row for row in rows if any(cell not in ("", "–") for cell in row[1:])]
    link = f"{{download}}`{words['inputs_csv']} <{downloads_dir.name}/{csv_path.name}>`"
    return [
        f"## {words['heading_inputs']}",
        "",
        words["base_year_rule"].format(year=dataset.programme["base_year"]),
        "",
        web_only(words["download_link"].format(link=link)),
        "",
        markdown_table(dataset.edition, header, rows),
        "",
    ], {csv_path: csv_bytes(table)}


def _input_cell(dataset, row: pd.Series, key: str, symbol: str) -> str:
    """One input of one target's judgement, as the inputs table shows it ("–" when empty)."""
    edition, value = dataset.edition, row.get(key)
    if key in ("base", "latest"):
        if _missing(row[f"{key}_value"]):
            return "–"
        where = f"{edition.period(row[f'{key}_period'])}, {dataset.area_names[row[f'{key}_area']]}"
        return f"{_number_with_unit(edition, row[f'{key}_value'], symbol)} ({where})"
    if key == "evidence":
        return "–" if _missing(row["evidence_period"]) else _evidence_cell(dataset, row)
    if key == "direction":
        return "–" if row["kind"] == "milestone" else edition.labels["direction"][value]
    if _missing(value):
        return "–"
    if key in ("target_value_used", "projection_in_target_year"):
        return _number_with_unit(edition, value, symbol)
    if key == "projected_shortfall":
        # A difference of percentages is in percentage points, not per cent.
        unit = edition.labels["percentage_points"] if symbol == "%" else symbol
        gap = edition.with_unit(edition.number(round(abs(float(value)), 2)), unit)
        return edition.labels["shortfall" if value > 0 else "overshoot"].format(gap)
    if key in ("required_growth", "observed_growth"):
        return percent_per_year(edition, value)
    if key in ("ratio", "anticipated_progress", "ceiling_coefficient"):
        return ratio_text(edition, value)
    return markdown_escape(value)


def _missing(value) -> bool:
    return value is None or pd.isna(value)


def _number_with_unit(edition, value, symbol: str) -> str:
    return edition.with_unit(edition.number(round(float(value), 2)), symbol)


def _evidence_cell(dataset, row: pd.Series) -> str:
    spec = dataset.indicators[row["indicator"]]
    value = markdown_escape(dataset.edition.category(spec, row["evidence_value"]))
    period = dataset.edition.period(row["evidence_period"])
    return f"{value} ({period}, {cite(dataset, row['evidence_source'])})"
