"""The import of a keeper's file: every figure read, named, normalised and checked with the rest
of the data, then stored in one step, or refused whole with every problem named.

`import_file` reads the table (keeper_files.py, keeper_table.py), resolves names to ids
(names.py), applies the value rules the check of data/ applies (data/value_rules.py), adds the
sources the file declares (new_sources.py), and checks a copy of the data folder with the new rows
exactly as a build does. Only when all is sound are sources.csv and observations.csv replaced,
each in one rename; on any refusal both stay byte for byte as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from programme_monitor.common.periods import latest_possible_date, parse_period
from programme_monitor.common.text_folding import typed_in_legacy_encoding
from programme_monitor.data.contract import columns
from programme_monitor.data.dataset import FILES, check_programme
from programme_monitor.data.errors import DataError, DataErrors
from programme_monitor.data.value_rules import (
    Formula,
    Refused,
    clean_text,
    observation_cells,
    period_text,
)
from programme_monitor.intake.intake_words import IntakeWords
from programme_monitor.intake.keeper_files import FileRefused, read_grids
from programme_monitor.intake.keeper_table import Figure, KeeperTable, find_table
from programme_monitor.intake.names import (
    AmbiguousName,
    UnknownName,
    area_index,
    indicator_index,
    source_index,
)
from programme_monitor.intake.new_sources import SourceDeclarations, declares_source
from programme_monitor.intake.stored_rows import checked_with_the_rest, replace_file
from programme_monitor.words.publication import newest_edition

OBSERVATION_FIELDS = ("indicator", "area", "period", "value", "unit", "source", "flags",
                      "note_vi", "note_en")  # fmt: skip


@dataclass
class ImportReport:
    """What a run read, resolved, normalised and stored (or would store, with --check)."""

    file: Path
    table: KeeperTable
    added: list[tuple[int, dict]] = field(default_factory=list)  # (keeper's row, record)
    already_there: int = 0
    new_sources: list[dict] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, written) → id
    normalised: list[tuple[int, str, str, str]] = field(default_factory=list)
    without_value: list[int] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False  # a file changed (not on a dry run, nor when every row was there)
    # The newest edition programme.yaml declares, when some rows' sources were published after
    # it: the build publishes that edition (the data fixes it), so they wait for the next one.
    waits_for_edition: date | None = None


def import_file(
    path: Path, data_dir: Path, lang: str = "vi", dry_run: bool = False, today: date | None = None
) -> ImportReport:
    """Read `path`, check its figures with the data of `data_dir`, and store them unless
    `dry_run`; DataErrors naming every problem otherwise, with nothing written."""
    today = today or date.today()
    words = IntakeWords(lang)
    programme = check_programme(data_dir, today)  # the data as it is must be sound first
    try:
        table = find_table(read_grids(path))
    except FileRefused as refused:
        raise DataErrors([words.file_error(path, refused)]) from None
    reader = _FigureReader(path, programme, words, today)
    if missing := reader.missing_columns(table):
        raise DataErrors(missing)  # every row would lack it: said once, at the header
    report = ImportReport(path, table, dry_run=dry_run)
    figures, report.without_value = table.figures()
    rows = [(f, record) for f in figures if (record := reader.observation(f, report)) is not None]
    errors = reader.errors
    stored = checked_with_the_rest(data_dir, rows, reader.sources, path, today)
    errors += stored.errors
    if errors:
        raise DataErrors(sorted(errors, key=lambda e: (e.row or 0, e.column or "")))
    report.added, report.already_there = stored.added, stored.already_there
    report.new_sources = [s for s in reader.sources.records if s["source_id"] in stored.cited]
    report.waits_for_edition = _edition_before(programme, report)
    if not dry_run and report.added:
        replace_file(data_dir / FILES["sources"], stored.sources_text)
        replace_file(data_dir / FILES["observations"], stored.observations_text)
        report.written = True
    return report


def _edition_before(programme, report: ImportReport) -> date | None:
    """The newest declared edition, if some added rows' sources came out after it."""
    newest = newest_edition(programme.programme)
    if newest is None:
        return None
    published = dict(programme.frames["sources"]["published_by"])
    published.update(
        {s["source_id"]: latest_possible_date(s["published"]) for s in report.new_sources}
    )
    later = [r for _, r in report.added if published.get(r["source"], newest) > newest]
    return newest if later else None


class _FigureReader:
    """Turns each figure of the table into an observations.csv record, or records why not."""

    def __init__(self, path: Path, programme, words: IntakeWords, today: date):
        self.path, self.programme, self.words = path, programme, words
        frames = programme.frames
        self.indexes = {
            "indicator": indicator_index(programme.indicators),
            "area": area_index(frames["areas"]),
            "source": source_index(frames["sources"]),
        }
        register = frames["sources"].to_dict("records")
        self.sources = SourceDeclarations(register, path.name, today)
        self.errors: list[DataError] = []

    def observation(self, figure: Figure, report: ImportReport) -> dict | None:
        cells = {name: figure.cells.get(name) for name in OBSERVATION_FIELDS}
        failed = len(self.errors)
        cells["indicator"] = self._name(figure, "indicator", report, None)
        span = self._span(figure)
        cells["area"] = self._name(figure, "area", report, span)
        cells["source"] = self._source(figure, report)
        record, refused = observation_cells(cells, self.programme.indicators, self.programme.units)
        for column, why in refused.items():
            self._refuse(figure, column, why.words(self.words.lang), figure.cells.get(column))
        if len(self.errors) > failed:
            return None
        _note_normalised(figure, record, report)
        return {name: record.get(name) or "" for name in columns("observations")}

    def _name(self, figure: Figure, kind: str, report: ImportReport, span) -> str | None:
        written = clean_text(figure.cells.get(kind))
        if not written:
            return None  # an empty cell is the contract's to name, or a missing column's
        try:
            resolved = self.indexes[kind].resolve(written, span)
        except UnknownName as unknown:
            if typed_in_legacy_encoding(written):  # no name will match until it is re-typed
                self._refuse(figure, kind, self.words.problem("legacy_font_text", text=written))
            else:
                self._refuse(figure, kind, self.words.unknown(kind, unknown, self.indexes[kind]))
            return None
        except AmbiguousName as ambiguous:
            self._refuse(figure, kind, self.words.ambiguous(ambiguous))
            return None
        if not resolved.exact:
            report.names[(kind, written)] = resolved.id
        return resolved.id

    def _span(self, figure: Figure) -> tuple[date, date] | None:
        """The dates the figure is for, to tell apart areas of one name; None if unreadable."""
        try:
            period = parse_period(period_text(figure.cells.get("period")))
        except (Refused, ValueError):
            return None
        return period.start, period.end

    def _source(self, figure: Figure, report: ImportReport) -> str | None:
        """A known source by code or title, or the new one the row declares."""
        if not declares_source(figure.cells):
            if not clean_text(figure.cells.get("source")):
                self._refuse(figure, "source", self.words.problem("no_source"))
                return None
            return self._name(figure, "source", report, None)
        try:
            declared = self.sources.source_for(figure.row, figure.cells)
        except Refused as why:
            self._refuse(figure, "source_published", why.words(self.words.lang))
            return None
        if declared.missing:
            self._refuse(figure, "source_title", self.words.incomplete_source(
                declared, self.indexes["source"]))  # fmt: skip
            return None
        return declared.record["source_id"]

    def _refuse(self, figure: Figure, field_name: str, words: tuple[str, str], found=None):
        found = found if found is not None else figure.cells.get(field_name)
        found = found.text if isinstance(found, Formula) else clean_text(found)
        column = figure.headers.get(field_name) or self.words.field_name(field_name)
        self.errors.append(DataError(self.path, figure.row, column, *words, found=found or None))

    def missing_columns(self, table: KeeperTable) -> list[DataError]:
        """A field every figure needs and the table has no column for."""
        present = {c.field for c in table.columns} | {"period" for c in table.columns if c.period}
        if "source_title" in present:
            present.add("source")  # the file declares its sources
        return [
            DataError(self.path, table.header_row, self.words.field_name(name),
                      *self.words.problem("missing_column", field=self.words.field_name(name),
                                          help_vi=self.words.field_help(name, "vi"),
                                          help_en=self.words.field_help(name, "en")))
            for name in ("area", "period", "source") if name not in present
        ]  # fmt: skip


def _note_normalised(figure: Figure, record: dict, report: ImportReport) -> None:
    """Text the rules rewrote (60,5 → 60.5; 30/6/2025 → 2025-06-30), for the summary. A unit
    written as its symbol is not news."""
    for name in ("value", "period"):
        written = figure.cells.get(name)
        if isinstance(written, str) and clean_text(written) != record.get(name):
            header = figure.headers.get(name, name)
            report.normalised.append((figure.row, header, clean_text(written), record[name]))
