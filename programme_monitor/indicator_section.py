"""The section of a chapter about one indicator: definition, targets, values, chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.charts import draw_indicator_chart
from programme_monitor.formatting import (
    cite, flag_words, format_period, format_target, format_value, labels, markdown_escape,
)
from programme_monitor.markdown import markdown_table
from programme_monitor.selection import observations_of


def indicator_section(dataset, indicator_id: str, as_of: date, figures_dir: Path,
                      lang: str = "vi", heading_level: int = 2) -> str:
    """Markdown for one indicator; draws its chart into `figures_dir` when it has data."""
    words = labels(lang)
    spec = dataset.indicators[indicator_id]
    targets = dataset.targets[dataset.targets["indicator"] == indicator_id]
    observations = observations_of(dataset, indicator_id, as_of)
    parts = [f"{'#' * heading_level} {spec['name_vi']}", "",
             f"{spec['definition_vi'].strip()} *Cơ quan công bố:* {spec['publisher_vi']}.", ""]
    if len(targets):
        parts += [markdown_table(
            [words["col_clause"], words["col_target"], words["col_area"], words["col_year"],
             words["col_reading"]],
            [[t["clause"], format_target(dataset, t), dataset.programme["scopes"][t["area"]],
              f"{t['year']}" + ("" if t["year_basis"] == "text" else " *"),
              markdown_escape(t["reading_note_vi"])] for _, t in targets.iterrows()]), ""]
        if (targets["year_basis"] != "text").any():
            parts += [f"\\* {dataset.vocabulary['year_bases']['horizon']['label_vi']}.", ""]
    in_scope = observations["lineage"].isin(set(dataset.programme["scopes"]))
    if len(targets) and not in_scope.any():
        parts += [f"**{words['no_data_long']}**", ""]
    if observations.empty:
        return "\n".join(parts)
    relative = Path(figures_dir.name) / f"{indicator_id}.svg"
    alt = draw_indicator_chart(dataset, indicator_id, observations, targets,
                               figures_dir / f"{indicator_id}.svg", lang)
    sources = "; ".join(cite(dataset, s) for s in dict.fromkeys(observations["source"]))
    caption = f"{spec['name_vi']}. Nguồn: {sources}."
    if observations["flags"].map(lambda flags: "lower-bound" in flags).any():
        caption += f" {words['lower_bound_note']}"
    if (~observations["observed"]).any():
        caption += f" {words['hollow_note']}"
    parts += [f":::{{figure}} {relative.as_posix()}", f":alt: {alt}", f":name: fig-{indicator_id}",
              "", caption, ":::", ""]
    parts.append(markdown_table(
        [words["col_area"], words["col_period"], words["col_value"], words["col_notes"],
         words["col_source"]],
        [[dataset.area_names[o["area"]], format_period(o["period"]), format_value(dataset, o),
          markdown_escape("; ".join(filter(None, [flag_words(dataset, o["flags"]), o["note_vi"]]))),
          cite(dataset, o["source"])] for _, o in observations.iterrows()]))
    return "\n".join(parts + [""])
