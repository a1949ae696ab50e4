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
    return DataDigests(data_dir).of(run, dataset)


class DataDigests:
    """A programme's folder read once, and the digest of what each chapter reads from it.

    Read once per build, not once per chapter: each chapter reading and parsing every file again
    made this step grow with chapters times rows (16 s of a build that ran nothing, with 16 times
    the real programme's indicators).
    """

    def __init__(self, data_dir: Path):
        keyed = declarations()["keyed_by_indicator"]
        self.files: list[tuple[str, bytes]] = []  # (name, digest of the whole file), in order
        self.tables: dict[str, _KeyedTable] = {}
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            name = path.relative_to(data_dir).as_posix()
            content = path.read_bytes()
            self.files.append((name, hashlib.sha256(content).digest()))
            if name in keyed:
                self.tables[name] = _KeyedTable(content, keyed[name])

    def of(self, run: ChapterRun, dataset: Dataset) -> str:
        digest = hashlib.sha256()
        for name, whole in self.files:
            digest.update(name.encode() + b"\0")
            selection = indicators_read(run, dataset, name) if name in self.tables else ALL
            digest.update(whole if selection is ALL else self.tables[name].rows_digest(selection))
        return digest.hexdigest()


class _KeyedTable:
    """A table keyed by indicator, its rows grouped by their key for quick selection."""

    def __init__(self, content: bytes, column: str):
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
        self.header = rows[0] if rows else []
        self.rows = rows[1:]
        index = self.header.index(column) if column in self.header else None
        self.positions: dict[str | None, list[int]] = {}
        for position, row in enumerate(self.rows):
            if index is None:  # no key column: every row counts, whatever the selection
                key = None
            elif len(row) > index:
                key = row[index]
            else:
                continue  # a short row names no indicator: no selection keeps it
            self.positions.setdefault(key, []).append(position)
        self._digests: dict[frozenset[str], bytes] = {}

    def rows_digest(self, selection: frozenset[str]) -> bytes:
        """Digest of the header and the rows whose key is in `selection`, in the file's order."""
        if selection not in self._digests:
            keys = [None, *selection]
            kept = sorted(p for key in keys for p in self.positions.get(key, []))
            content = json.dumps([self.header] + [self.rows[p] for p in kept], ensure_ascii=False)
            self._digests[selection] = hashlib.sha256(content.encode("utf-8")).digest()
        return self._digests[selection]


PACKAGE = Path(__file__).parents[1]
# The rooms of the package no chapter runs: the Sphinx extension and the publishing step (site/)
# run in the compiles and after them. No room a notebook imports may import site/
# (tests/test_layout.py), and the files the build writes with it for the compiles (the edition's
# table of contents, its footer values) are not read by chapters. A change there compiles the
# book again (compile.py keys on the whole package) but runs no chapter again.
OUTSIDE_CHAPTERS = frozenset({"site"})


@cache
def code_digest(package: Path = PACKAGE, leave_out: frozenset[str] = frozenset()) -> str:
    """Digest of the package's code and data files, but for the rooms in `leave_out`."""
    files = [
        p
        for p in package.rglob("*")
        if p.is_file()
        and p.suffix in {".py", ".yaml"}
        and "__pycache__" not in p.parts
        and p.relative_to(package).parts[0] not in leave_out
    ]
    return tree_digest(files, package)


def chapter_code_digest(package: Path = PACKAGE) -> str:
    """Digest of the code a chapter's output can depend on: a change to it re-runs every chapter."""
    return code_digest(package, OUTSIDE_CHAPTERS)
