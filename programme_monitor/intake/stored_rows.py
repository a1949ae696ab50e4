"""The new rows beside the data already there: checked together on a copy of the data folder,
exactly as a build checks them, and written only when the copy is sound.

A problem the check finds in a new row is named where the keeper can fix it: the row of their
file and the column as their file spells it, not a line of observations.csv they never saw.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from programme_monitor.data.contract import columns
from programme_monitor.data.dataset import FILES, check_programme
from programme_monitor.data.errors import DataError, DataErrors
from programme_monitor.intake.keeper_table import Figure
from programme_monitor.intake.new_sources import SourceDeclarations

# How a check's message names a row, by language: "dòng 8 của tệp.csv", "row 8 of file.csv".
ROW_WORDS = {"vi": ("dòng", "của"), "en": ("row", "of")}

# Which column of the keeper's file a column of sources.csv came from.
SOURCE_PARTS = {"title": "source_title", "publisher": "source_publisher", "url": "source_url",
                "published": "source_published"}  # fmt: skip


@dataclass
class StoredRows:
    errors: list[DataError] = field(default_factory=list)
    added: list[tuple[int, dict]] = field(default_factory=list)
    already_there: int = 0
    cited: set[str] = field(default_factory=set)  # new sources that new rows cite
    observations_text: str = ""
    sources_text: str = ""


def checked_with_the_rest(
    data_dir: Path,
    rows: list[tuple[Figure, dict]],
    declared: SourceDeclarations,
    keeper_file: Path,
    today: date,
) -> StoredRows:
    """observations.csv and sources.csv with the new rows appended (an exact repeat of a row
    already there is skipped), and every error the whole check finds, named in the keeper's
    file."""
    stored = StoredRows()
    observations, header = _existing(data_dir / FILES["observations"], "observations")
    known = {tuple(r.get(c, "") for c in header) for r in csv.DictReader(io.StringIO(observations))}
    new = [(f, r) for f, r in rows if tuple(r.get(c, "") for c in header) not in known]
    stored.already_there = len(rows) - len(new)
    stored.added = [(f.row, r) for f, r in new]
    stored.cited = {r["source"] for _, r in new} & {s["source_id"] for s in declared.records}
    sources, source_header = _existing(data_dir / FILES["sources"], "sources")
    new_sources = [s for s in declared.records if s["source_id"] in stored.cited]
    first_observation = _row_count(observations) + 1
    first_source = _row_count(sources) + 1
    stored.observations_text = observations + _csv_lines([r for _, r in new], header)
    stored.sources_text = sources + _csv_lines(new_sources, source_header)
    where = _Where(keeper_file, data_dir)
    where.observation_rows = {first_observation + i: f for i, (f, _) in enumerate(new)}
    where.source_rows = {first_source + i: next(f for f, r in new if r["source"] == s["source_id"])
                         for i, s in enumerate(new_sources)}  # fmt: skip
    stored.errors = _check_copy(data_dir, stored, where, today)
    return stored


def _existing(path: Path, table: str) -> tuple[str, list[str]]:
    """A data file's text, ending in a line break, and its own header (a translation column may
    be absent from a one-language programme)."""
    text = path.read_text("utf-8")
    header = next(csv.reader(io.StringIO(text)), columns(table))
    return (text if text.endswith("\n") else text + "\n"), header


def _row_count(text: str) -> int:
    return len(list(csv.reader(io.StringIO(text))))


def _csv_lines(records: list[dict[str, str]], header: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writerows(records)
    return buffer.getvalue()


def _check_copy(data_dir: Path, stored: StoredRows, where: _Where, today: date) -> list[DataError]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data_dir, copy)
        (copy / FILES["observations"]).write_text(stored.observations_text, "utf-8")
        (copy / FILES["sources"]).write_text(stored.sources_text, "utf-8")
        try:
            check_programme(copy, today)
        except DataErrors as caught:
            where.copy = copy
            return [where.in_keeper_file(error) for error in caught.errors]
    return []


@dataclass
class _Where:
    """Maps an error found in the copy to the keeper's file (new rows) or the data folder."""

    keeper_file: Path
    data_dir: Path
    copy: Path | None = None
    observation_rows: dict[int, Figure] = field(default_factory=dict)
    source_rows: dict[int, Figure] = field(default_factory=dict)

    def in_keeper_file(self, error: DataError) -> DataError:
        rows, fields = {FILES["observations"]: (self.observation_rows, {}),
                        FILES["sources"]: (self.source_rows, SOURCE_PARTS)}.get(
                            error.file.name, ({}, {}))  # fmt: skip
        figure = rows.get(error.row)
        if figure is None:
            return replace(error, file=self.data_dir / error.file.relative_to(self.copy))
        name = fields.get(error.column, error.column)
        others = {lang: (self._rows_named(rows, problem, lang), fix)
                  for lang, (problem, fix) in error.other_languages.items()}  # fmt: skip
        return replace(
            error, file=self.keeper_file, row=figure.row,
            column=figure.headers.get(name, error.column),
            problem=self._rows_named(rows, error.problem, "vi"), other_languages=others,
        )  # fmt: skip

    def _rows_named(self, rows: dict[int, Figure], text: str, lang: str) -> str:
        """ "dòng 8" of the combined file, as the keeper sees it: a row of their file, or a
        row of the data file that was there before."""
        word, of = ROW_WORDS.get(lang, ROW_WORDS["vi"])

        def named(match: re.Match) -> str:
            row = int(match[1])
            if row in rows:
                return f"{word} {rows[row].row} {of} {self.keeper_file.name}"
            return f"{word} {row} {of} {FILES['observations']}"

        return re.sub(rf"\b{word} (\d+)", named, text)


def replace_file(target: Path, text: str) -> None:
    """Write beside the file, then rename over it: a reader never sees half a file."""
    if target.read_text("utf-8") == text:
        return
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(temporary, target)
