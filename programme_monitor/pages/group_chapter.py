"""A target group's chapter: its targets with status and comparison figures, and its pages."""

from __future__ import annotations

from datetime import date

from programme_monitor.assess.assessment import TargetStatus
from programme_monitor.pages.judgement_words import judgement_basis, status_with_reason
from programme_monitor.pages.markdown import markdown_table
from programme_monitor.pages.overview import overview_rows
from programme_monitor.words.formatting import format_target


def group_chapter(
    dataset, group_id: str, as_of: date, statuses: dict[str, TargetStatus], pages: dict[str, str]
) -> str:
    """A target group's chapter: its introduction, its targets with their status, basis and the
    figures of other areas beside them, and links to its indicators' pages."""
    group = next(g for g in dataset.programme["target_groups"] if g["id"] == group_id)
    indicator_ids = dataset.indicator_ids_in_group(group_id)
    targets = dataset.targets[dataset.targets["indicator"].isin(indicator_ids)]
    words = dataset.edition.labels
    parts = [f"# {group['title']}", "", group["intro"].strip(), ""]
    if len(targets):
        parts += [f"## {words['heading_targets']}", "", words["comparison_note"], "",
                  _targets_table(dataset, targets, as_of, statuses), ""]  # fmt: skip
    parts += [f"## {words['heading_indicator_pages']}", "", words["indicator_pages_lead"], ""]
    for indicator_id in indicator_ids:
        n = int((targets["indicator"] == indicator_id).sum())
        role = words["n_targets"].format(n) if n else words["context_figures"]
        parts.append(
            f"- {{doc}}`{dataset.indicators[indicator_id]['name']} "
            f"<{pages[indicator_id]}>` ({role})"
        )
    return "\n".join(parts + [""])


def _targets_table(dataset, targets, as_of: date, statuses: dict[str, TargetStatus]) -> str:
    context = overview_rows(dataset, as_of, targets).set_index("target_id")["context"]
    rows = [
        [
            t["clause"],
            f"{t['statement']} ({dataset.programme['scopes'][t['area']]['name']}): "
            f"{format_target(dataset, t)} ({t['year']})",
            status_with_reason(dataset.edition, statuses[t["target_id"]]),
            judgement_basis(dataset, t, statuses[t["target_id"]]),
            context[t["target_id"]],
        ]
        for _, t in targets.iterrows()
    ]
    words = dataset.edition.labels
    columns = ["col_clause", "col_target", "col_status", "col_basis", "col_comparison"]
    return markdown_table(dataset.edition, [words[c] for c in columns], rows)
