"""Synthetic programmes N times the size of a real one, for the benchmark only; never published.

Each indicator of a target group gets N-1 copies, with copies of its targets and observations, so
the copy has N times as many indicator pages with the same mix of charts, tables and empty series.
Every copy says it is synthetic: in the programme's title, in each copied indicator's name and in
each copied observation's note.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import yaml

MARK = "TỔNG HỢP (chỉ để đo thời gian dựng, không đăng)"
MARK_EN = "SYNTHETIC (only to time the build, never published)"


def synthetic_programme(real_data: Path, factor: int, target: Path) -> Path:
    """Write into `target` a copy of `real_data` with `factor` times as many target indicators."""
    shutil.copytree(real_data, target)
    if factor == 1:
        return target
    indicators_path = target / "indicators.yaml"
    spec = yaml.safe_load(indicators_path.read_text("utf-8"))
    groups = {
        g["id"]
        for g in yaml.safe_load((target / "programme.yaml").read_text("utf-8"))["target_groups"]
    }
    originals = {i: d for i, d in spec["indicators"].items() if d["group"] in groups}
    copies = {}
    for copy in range(2, factor + 1):
        for indicator, definition in originals.items():
            copies[_copy_id(indicator, copy)] = {
                **definition,
                "name_vi": f"{definition['name_vi']} – bản sao {copy}, {MARK}",
                "name_en": f"{definition['name_en']} – copy {copy}, {MARK_EN}",
                "related": [
                    _copy_id(r, copy) if r in originals else r
                    for r in definition.get("related", [])
                ],
            }
    spec["indicators"].update(copies)
    indicators_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), "utf-8")
    _copy_rows(
        target / "targets.csv",
        originals,
        factor,
        lambda row, copy: {"target_id": f"{row['target_id']}S{copy}"},
    )
    _copy_rows(
        target / "observations.csv",
        originals,
        factor,
        lambda row, copy: {
            "note_vi": f"{row['note_vi']} [{MARK}]".strip(),
            "note_en": f"{row['note_en']} [{MARK_EN}]".strip(),
        },
    )
    programme = target / "programme.yaml"
    text = programme.read_text("utf-8")
    text = text.replace("short_title_vi: ", f"short_title_vi: {MARK} – ", 1)
    programme.write_text(
        text.replace("short_title_en: ", f"short_title_en: {MARK_EN} – ", 1), "utf-8"
    )
    return target


def _copy_id(indicator: str, copy: int) -> str:
    return f"{indicator}_s{copy}"


def _copy_rows(path: Path, originals: dict, factor: int, changes) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    added = [
        {**row, "indicator": _copy_id(row["indicator"], copy), **changes(row, copy)}
        for copy in range(2, factor + 1)
        for row in rows
        if row["indicator"] in originals
    ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + added)
