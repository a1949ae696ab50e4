"""The method's cut-offs, statuses and scales as tables, read from progress_method.yaml."""

from __future__ import annotations

from datetime import date

from programme_monitor.assess.progress import method
from programme_monitor.assess.selection import areas_as_known
from programme_monitor.pages.markdown import markdown_table
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import cite, format_target


def _percent(edition: Edition, value: float) -> str:
    return edition.with_unit(edition.number(round(value * 100, 2)), "%")


def ratio_cutoff_table(edition: Edition) -> str:
    cut = method(edition.lang)["ratio_cutoffs"]
    statuses = method(edition.lang)["statuses"]
    words = edition.labels
    rows = [
        [words["cutoff_achieved"], _label(statuses, "achieved")],
        [f"R ≥ {edition.number(cut['on-track'])}", _label(statuses, "on-track")],
        [
            f"{edition.number(cut['acceleration-needed'])} ≤ R < {edition.number(cut['on-track'])}",
            _label(statuses, "acceleration-needed"),
        ],
        [
            f"{edition.number(cut['limited-progress'])} ≤ R < "
            f"{edition.number(cut['acceleration-needed'])}",
            _label(statuses, "limited-progress"),
        ],
        [f"R < {edition.number(cut['limited-progress'])}", _label(statuses, "deterioration")],
    ]
    return markdown_table(edition, [words["col_condition"], words["col_status"]], rows)


def growth_cutoff_table(edition: Edition) -> str:
    cut = method(edition.lang)["growth_cutoffs"]
    statuses = method(edition.lang)["statuses"]
    words = edition.labels
    per_year = words["per_year"]
    on_track, needed = (
        _percent(edition, cut["on-track"]),
        _percent(edition, cut["acceleration-needed"]),
    )
    rows = [
        [f"g ≥ {on_track}{per_year} × C", _label(statuses, "on-track")],
        [
            f"{needed}{per_year} × C ≤ g < {on_track}{per_year} × C",
            _label(statuses, "acceleration-needed"),
        ],
        [f"0 ≤ g < {needed}{per_year} × C", _label(statuses, "limited-progress")],
        ["g < 0", _label(statuses, "deterioration")],
    ]
    return markdown_table(edition, [words["col_growth"], words["col_status"]], rows)


def status_legend_table(edition: Edition) -> str:
    words = edition.labels
    rows = [
        [spec["symbol"], spec["label"], " ".join(spec["meaning"].split())]
        for spec in method(edition.lang)["statuses"].values()
    ]
    return markdown_table(
        edition, [words["col_symbol"], words["col_status"], words["col_meaning_status"]], rows
    )


def reasons_table(edition: Edition) -> str:
    return markdown_table(
        edition,
        [edition.labels["input_rows"]["reason_text"]],
        [[text["long"]] for text in method(edition.lang)["reasons"].values()],
    )


def completion_table(edition: Edition) -> str:
    words = edition.labels
    rows = [[spec["symbol"], spec["label"]] for spec in method(edition.lang)["completion"].values()]
    return markdown_table(edition, [words["col_symbol"], words["col_completion_ogp"]], rows)


def references_list(edition: Edition) -> str:
    return "\n".join(
        f"- [{ref['title']}]({ref['url']})" for ref in method(edition.lang)["method"]["references"]
    )


def _label(statuses: dict, name: str) -> str:
    return f"{statuses[name]['symbol']} {statuses[name]['label']}"


def boundary_lines(dataset) -> str:
    """The programme area's successive boundaries, from areas.csv: the breaks in its series."""
    lines = []
    words = dataset.edition.labels
    for lineage, scope in dataset.programme["scopes"].items():
        areas = dataset.areas[dataset.areas["lineage"] == lineage]
        if len(areas) < 2:
            continue
        spans = []
        for area in areas.itertuples():
            start = (
                dataset.edition.date(date.fromisoformat(area.valid_from))
                if area.valid_from
                else "…"
            )
            end = (
                dataset.edition.date(date.fromisoformat(area.valid_to))
                if area.valid_to
                else words["now"]
            )
            code = f"{words['code']} {area.official_code}; " if area.official_code else ""
            spans.append(f"{area.name} ({code}{start} – {end})")
        lines.append(f"- {scope['name']}: " + "; ".join(spans) + ".")
        lines += _parts_lines(dataset, areas)
    return "\n".join(lines) or f"- {words['no_boundary_change']}"


def _parts_lines(dataset, areas) -> list[str]:
    """The units an area of the lineage is made of, and which figures are added up from them."""
    lines = []
    words = dataset.edition.labels
    additive = [
        spec["name"].lower() for spec in dataset.indicators.values() if spec.get("additive")
    ]
    known = areas_as_known(dataset, dataset.edition.as_of)
    for whole in areas.itertuples():
        parts = known[known["part_of"] == whole.area_id]
        if parts.empty:
            continue
        names = ", ".join(
            f"{p.name} ({words['code']} {p.official_code})" if p.official_code else p.name
            for p in parts.itertuples()
        )
        lines.append(
            "  - "
            + words["parts_rule"].format(
                whole=whole.name,
                count=len(parts),
                names=names,
                additive=f" ({', '.join(additive)})" if additive else "",
            )
            + (
                ""
                if dataset.observations["area"].isin(parts["area_id"]).any()
                else " " + words["parts_no_data"]
            )
        )
    return lines


def scale_break_lines(dataset) -> str:
    """Indicators whose scale changed, from the `breaks` of indicators.yaml."""
    edition = dataset.edition
    words = edition.labels
    lines = [
        f"- {words['scale_break'].format(name=spec['name'], date=edition.date(brk['date']))} "
        f"{brk['note']} ({cite(dataset, brk['source'])})"
        for spec in dataset.indicators.values()
        for brk in spec.get("breaks", [])
    ]
    return "\n".join(lines) or f"- {words['no_scale_change']}"


def constants_table(edition: Edition) -> str:
    """The method's fixed numbers besides the cut-offs, as the code reads them."""
    spec, words = method(edition.lang), edition.labels
    rows = [
        [words["constant_zero"], edition.number(spec["zero_replacement"], 3)],
        [words["constant_exponent"], edition.number(spec["ceiling_exponent"])],
        [words["constant_span"], edition.number(spec["minimum_span_years"])],
    ]
    return markdown_table(edition, [words["col_constant"], words["col_value"]], rows)


def methodology_values(chapter) -> dict[str, str]:
    """The methodology chapter's tables and the programme's own figures, by the name its narrative
    gives them."""
    dataset, edition = chapter.dataset, chapter.edition
    return {
        "status_legend_table": status_legend_table(edition),
        "ratio_cutoff_table": ratio_cutoff_table(edition),
        "growth_cutoff_table": growth_cutoff_table(edition),
        "constants_table": constants_table(edition),
        "base_year": dataset.programme["base_year"],
        "minimum_span_years": format(method(edition.lang)["minimum_span_years"], "g"),
        "boundary_lines": boundary_lines(dataset),
        "scale_break_lines": scale_break_lines(dataset),
        "reasons_table": reasons_table(edition),
        "completion_table": completion_table(edition),
        "horizon": dataset.programme["horizon"],
        "references_list": references_list(edition),
        "range_example": target_example(dataset, "range"),
        "minimum_example": target_example(dataset, "minimum", strict=""),
        "strict_example": target_example(dataset, "minimum", strict="yes"),
    }


def target_example(dataset, kind: str, strict: str | None = None) -> str:
    """The programme's first target of a kind, as the pages write it ("60–70 %", "trên 90 %"),
    to illustrate the method with the programme's own words; a neutral one if it has none."""
    targets = dataset.targets[dataset.targets["kind"] == kind]
    if strict is not None:
        targets = targets[targets["strict"] == strict]
    if targets.empty:
        return dataset.edition.labels["example_target"][f"{kind}{'_strict' if strict else ''}"]
    return format_target(dataset, targets.iloc[0])
