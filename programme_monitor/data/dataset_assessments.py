"""Checks for the parts of the data that judgements rest on.

- the scale breaks and stage values of category indicators, which decide when a milestone is
  reached and when later values stop being comparable with it;
- the task assessment register (task-assessments.csv): one row per assessment, with evidence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from programme_monitor.common.periods import DATE_FORMATS, latest_possible_date
from programme_monitor.data.contract import columns
from programme_monitor.data.errors import ErrorCollector, said


def check_breaks(
    indicators: dict, source_ids: set[str], path: Path, errors: ErrorCollector
) -> None:
    """A scale break is dated and sourced (the contract checks that the keys are there)."""
    for ind_id, spec in indicators.items():
        for index, brk in enumerate(spec.get("breaks", []) if isinstance(spec, dict) else []):
            where = f"indicators.{ind_id}.breaks.{index}"
            if "date" in brk and not isinstance(brk["date"], date):
                errors.add(
                    path,
                    None,
                    f"{where}.date",
                    f"'{brk['date']}' không phải ngày",
                    "ghi date: YYYY-MM-DD (ngày cách phân loại mới có hiệu lực)",
                )
            if "source" in brk and brk["source"] not in source_ids:
                errors.add(
                    path,
                    None,
                    f"{where}.source",
                    f"nguồn '{brk['source']}' không có trong sources.csv",
                    "ghi mã nguồn của văn bản thay đổi cách phân loại",
                )


def first_break(spec: dict) -> date | None:
    dates = [b["date"] for b in spec.get("breaks", []) if isinstance(b.get("date"), date)]
    return min(dates) if dates else None


def check_milestone_values(
    targets: pd.DataFrame, indicators: dict, path: Path, errors: ErrorCollector
) -> None:
    """A milestone on a category indicator names one of its stages, or it could never be reached."""
    for target in targets.itertuples():
        spec = indicators.get(target.indicator)
        if target.kind != "milestone" or spec is None or spec.get("value_type") != "category":
            continue
        stages = spec.get("stages")
        if not stages:
            errors.add(
                path,
                target.row,
                "indicator",
                f"chỉ số '{target.indicator}' chưa khai báo stages",
                "thêm stages (các bước theo thứ tự) cho chỉ số trong indicators.yaml",
            )
        elif target.value_text not in stages:
            errors.add(
                path,
                target.row,
                "value_text",
                f"'{target.value_text}' không phải một bước của chỉ số",
                f"dùng một trong: {', '.join(stages)}",
            )


def check_stage_values(
    observations: pd.DataFrame, indicators: dict, path: Path, errors: ErrorCollector
) -> None:
    """Values of a staged indicator are stages, until the scale itself changed."""
    for obs in observations.itertuples():
        spec = indicators.get(obs.indicator, {})
        stages = spec.get("stages")
        if not stages or obs.value in stages:
            continue
        changed = first_break(spec)
        if changed is not None and obs.period_start >= changed:
            continue
        words = said("not_a_stage", value=obs.value, indicator=obs.indicator,
                     stages=", ".join(stages))  # fmt: skip
        errors.at(path, obs.row)("value", **words)


def load_task_assessments(
    records, path: Path, sources: pd.DataFrame, errors: ErrorCollector
) -> pd.DataFrame:
    status_dates, rows = [], []
    for row, record in records:
        source = record["source"]
        if not source and record["completion"] != "no-evidence":
            errors.add(
                path,
                row,
                "source",
                "đánh giá không có nguồn bằng chứng",
                "ghi mã nguồn chứng minh mức đánh giá",
            )
        status_date = _date(record["status_as_of"], path, row, "status_as_of", errors)
        assessed = _date(record["assessed_on"], path, row, "assessed_on", errors)
        published = sources.loc[source, "published_by"] if source in sources.index else None
        if assessed and published and published > assessed:
            errors.add(
                path,
                row,
                "assessed_on",
                f"nguồn đăng ngày {published}, sau ngày đánh giá",
                "ngày đánh giá phải sau ngày nguồn được đăng",
            )
        status_dates.append(status_date)
        rows.append(row)
    names = columns("task_assessments")
    frame = pd.DataFrame([{**dict.fromkeys(names, ""), **r} for _, r in records], columns=names)
    frame["row"] = rows
    frame["status_date"] = status_dates
    frame["published_by"] = [
        sources.loc[s, "published_by"] if s in sources.index else None for s in frame["source"]
    ]
    return frame


def _date(text: str, path: Path, row: int, column: str, errors: ErrorCollector) -> date | None:
    try:
        return latest_possible_date(text)
    except ValueError:
        errors.add(path, row, column, f"'{text}' không phải ngày", f"ghi theo dạng {DATE_FORMATS}")
        return None
