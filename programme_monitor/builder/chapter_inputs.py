"""What each chapter reads, as a content digest: the key that decides whether it runs again.

A chapter's digest covers the data it reads (every data file whole, except the tables keyed by
indicator, of which only the rows declared in chapter_inputs.yaml), so that one changed
observation changes the digest of the pages that show its indicator and of the summaries that
include it, and of no other page.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import cache
from pathlib import Path

from programme_monitor.common.digests import tree_digest
from programme_monitor.common.resources import package_yaml
from programme_monitor.data.chapters import ChapterRun
from programme_monitor.data.dataset import Dataset

ALL = None  # a selection of every row


def declarations() -> dict:
    return package_yaml("builder", "chapter_inputs.yaml")


def indicators_read(run: ChapterRun, dataset: Dataset, table: str) -> frozenset[str] | None:
    """The indicators whose rows of `table` the chapter reads; None for every row."""
    selector = declarations()["templates"].get(run.template, {}).get(table, "all")
    if selector == "all":
        return ALL
    if selector == "none":
        return frozenset()
    if selector == "own-indicator":
        return _with_related(dataset, [run.parameters["indicator_id"]])
    if selector == "own-group":
        return _with_related(dataset, dataset.indicator_ids_in_group(run.parameters["group_id"]))
    if isinstance(selector, dict) and set(selector) == {"group"}:
        return _with_related(dataset, dataset.indicator_ids_in_group(selector["group"]))
    raise ValueError(f"chapter_inputs.yaml: {run.template}.{table}: unknown selector {selector!r}")


def _with_related(dataset: Dataset, indicator_ids: list[str]) -> frozenset[str]:
    """The indicators and those declared `related` to them, whose values are shown beside them."""
    related = [r for i in indicator_ids for r in dataset.indicators[i].get("related", [])]
    return frozenset([*indicator_ids, *related])


def data_digest(data_dir: Path, run: ChapterRun, dataset: Dataset) -> str:
    """Digest of what `run` reads from `data_dir`: whole files, selected rows of keyed tables."""
    keyed = declarations()["keyed_by_indicator"]
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        name = path.relative_to(data_dir).as_posix()
        digest.update(name.encode() + b"\0")
        if name in keyed:
            selection = indicators_read(run, dataset, name)
            content = _rows_of(path, keyed[name], selection)
        else:
            content = path.read_bytes()
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def _rows_of(path: Path, column: str, selection: frozenset[str] | None) -> bytes:
    """The header and the rows whose `column` is in `selection` (every row when None), as bytes."""
    if selection is ALL:
        return path.read_bytes()
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    header = rows[0] if rows else []
    index = header.index(column) if column in header else None
    kept = [header] + [
        row for row in rows[1:] if index is None or (len(row) > index and row[index] in selection)
    ]
    return json.dumps(kept, ensure_ascii=False).encode("utf-8")


@cache
def code_digest() -> str:
    """Digest of the package's code and data files: a change to the code re-runs every chapter."""
    package = Path(__file__).parents[1]  # the whole package, not only build/
    files = [
        p
        for p in package.rglob("*")
        if p.is_file() and p.suffix in {".py", ".yaml"} and "__pycache__" not in p.parts
    ]
    return tree_digest(files, package)
