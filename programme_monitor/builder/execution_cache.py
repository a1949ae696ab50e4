"""Executed chapters kept by the digest of their inputs, so a rebuild runs only what changed.

A chapter's key covers everything its output can depend on: the template notebook, its
parameters, the rows of data it reads (chapter_inputs.py), the package's code, the pinned
requirements and Python's version, and the plan of all chapters (page names and order, which
every page links to). Keys are content digests, never timestamps: a file touched but unchanged
runs nothing; a file changed and restored to its old content reuses the old output.

An entry is a directory holding the executed notebook and every file it wrote (charts,
downloads). It appears whole or not at all: it is prepared elsewhere and renamed into place.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from programme_monitor.builder.chapter_inputs import DataDigests, chapter_code_digest
from programme_monitor.common.digests import bytes_digest, value_digest
from programme_monitor.data.chapters import ChapterRun
from programme_monitor.data.dataset import Dataset

# Entries kept beyond those of the last build, so that going back to an earlier edition or undoing
# a change is quick too; the oldest go first.
SPARE_ENTRIES_PER_CHAPTER = 3

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyedRun:
    run: ChapterRun
    parameters: dict  # every parameter passed to papermill, the common ones included
    key: str


def plan_digest(runs: list[ChapterRun]) -> str:
    plan = [[run.template, run.output, run.parameters] for run in runs]
    return value_digest(plan)


def environment_digest(project_dir: Path) -> str:
    """What the code runs on: the pinned requirements and the Python version."""
    requirements = project_dir / "requirements.txt"
    pinned = requirements.read_text("utf-8") if requirements.exists() else ""
    return value_digest([pinned, sys.version])


def key_runs(
    runs: list[ChapterRun],
    common: dict,
    dataset: Dataset,
    data_dir: Path,
    notebooks_dir: Path,
    project_dir: Path,
) -> list[KeyedRun]:
    """Each run with its full parameters and the digest of everything its output depends on."""
    shared = [plan_digest(runs), chapter_code_digest(), environment_digest(project_dir)]
    templates = {
        name: bytes_digest((notebooks_dir / name).read_bytes())
        for name in {run.template for run in runs}
    }
    data = DataDigests(data_dir)
    keyed = []
    for run in runs:
        parameters = {**common, **run.parameters}
        key = value_digest(
            [*shared, templates[run.template], run.output, parameters, data.of(run, dataset)]
        )
        keyed.append(KeyedRun(run, parameters, key))
    return keyed


class ExecutionCache:
    """Executed chapters under `root`, one directory per key."""

    def __init__(self, root: Path):
        self.root = root

    def entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def has(self, key: str) -> bool:
        return self.entry(key).is_dir()

    def store(self, key: str, prepared: Path) -> Path:
        """Move a fully prepared directory in as the entry for `key`."""
        entry = self.entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        if entry.exists():
            shutil.rmtree(entry)
        prepared.rename(entry)
        return entry

    def mark_used(self, keys: list[str]) -> None:
        now = time.time()
        for key in keys:
            os.utime(self.entry(key), (now, now))

    def prune(self, keep: set[str], spare: int) -> int:
        """Remove entries beyond `keep` and the `spare` most recently used others; how many went."""
        if not self.root.exists():
            return 0
        others = sorted(
            (p for p in self.root.glob("*/*") if p.name not in keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[spare:]:
            shutil.rmtree(old)
        removed = max(0, len(others) - spare)
        log.debug("execution cache: %d entries kept, %d removed", len(keep), removed)
        return removed


def entry_files(entry: Path) -> dict[str, Path]:
    """Relative path -> file, for every file of an entry."""
    return {p.relative_to(entry).as_posix(): p for p in entry.rglob("*") if p.is_file()}


class ConflictingOutputs(Exception):
    """Two chapters wrote different files under the same name."""


def merge_outputs(entries: list[tuple[str, Path]]) -> dict[str, bytes]:
    """Relative path -> content of every file of every (chapter, entry), in plan order.

    Two chapters may write the same file (a chart shown in two places) only with the same bytes.
    """
    merged: dict[str, bytes] = {}
    written_by: dict[str, str] = {}
    for chapter, entry in entries:
        for name, path in entry_files(entry).items():
            content = path.read_bytes()
            if name in merged and merged[name] != content:
                raise ConflictingOutputs(
                    f"{written_by[name]} và {chapter} cùng ghi tệp {name} "
                    "với nội dung khác nhau; đổi tên tệp ở một chương"
                )
            merged[name] = content
            written_by[name] = chapter
    return merged
