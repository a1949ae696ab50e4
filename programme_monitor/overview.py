"""The overview: one row per target with its latest value and source, or 'no data yet'."""

from __future__ import annotations

from datetime import date

import pandas as pd

from programme_monitor.formatting import cite, format_period, format_target, format_value, labels
from programme_monitor.markdown import markdown_table
from programme_monitor.selection import context_for_target, latest_for_target


def target_label(dataset, target: pd.Series) -> str:
    scope = dataset.programme["scopes"][target["area"]]
    return f"{target['statement_vi']} ({scope})"


def overview_rows(dataset, as_of: date) -> pd.DataFrame:
    """One row per target: clause, statement, target, year, latest value and source (or none)."""
    rows = []
    for _, target in dataset.targets.iterrows():
        latest = latest_for_target(dataset, target, as_of)
        context = context_for_target(dataset, target, as_of)
        rows.append({
            "target_id": target["target_id"],
            "clause": target["clause"],
            "statement": target_label(dataset, target),
            "target": format_target(dataset, target),
            "year": int(target["year"]),
            "has_data": latest is not None,
            "latest": "" if latest is None else
            f"{format_value(dataset, latest)} ({format_period(latest['period'])})",
            "source": "" if latest is None else cite(dataset, latest["source"]),
            "context": "; ".join(_context_entry(dataset, target, c) for _, c in context.iterrows()),
        })
    return pd.DataFrame(rows)


def _context_entry(dataset, target: pd.Series, observation: pd.Series) -> str:
    """'Việt Nam: 40,4 % (6/2021, source)'; a related indicator is named, so it is not misread."""
    text = (f"{dataset.area_names[observation['area']]}: {format_value(dataset, observation)} "
            f"({format_period(observation['period'])}, {cite(dataset, observation['source'])})")
    if observation["indicator"] != target["indicator"]:
        text = f"{dataset.indicators[observation['indicator']]['name_vi']} – {text}"
    return text


def overview_table(dataset, as_of: date, lang: str = "vi") -> str:
    words = labels(lang)
    table = overview_rows(dataset, as_of)
    header = [words["col_clause"], words["col_statement"], words["col_target"],
              words["col_latest"], words["col_source"], words["col_context"]]
    body = [[r.clause, r.statement, f"{r.target} ({r.year})",
             r.latest if r.has_data else f"*{words['no_data']}*", r.source, r.context]
            for r in table.itertuples()]
    return markdown_table(header, body)
