"""A keeper's file read into grids of cells, whatever program wrote it.

CSV: UTF-8 with or without a byte-order mark, or UTF-16 (Excel's "Unicode Text"); comma,
semicolon or tab between cells. A file in a legacy encoding (Windows-1258, TCVN3, VNI) is
refused with how to re-save it: no decoding of it is certain, and a wrong guess would publish
wrong names. .xlsx: every visible sheet, merged cells read as their top-left cell, a formula read
as the result the file stores, or marked as a formula without one (value_rules.Formula).

Row numbers are the keeper's: the line of the CSV, the row of the sheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from programme_monitor.data.value_rules import Formula

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
DELIMITERS = ",;\t"


@dataclass(frozen=True)
class Grid:
    """One sheet of a workbook, or the one table of a CSV: (row number, cells) in file order."""

    sheet: str | None  # None for a CSV
    rows: list[tuple[int, list]]


class FileRefused(Exception):
    """The file as a whole cannot be read: `key` names the message (messages.yaml)."""

    def __init__(self, key: str, row: int | None = None, column: str | None = None, **params):
        super().__init__(key)
        self.key, self.row, self.column, self.params = key, row, column, params


def read_grids(path: Path) -> list[Grid]:
    """The grids of a keeper's file, or FileRefused."""
    if not path.is_file():
        raise FileRefused("file_missing")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [Grid(None, _csv_rows(_decoded(path.read_bytes())))]
    if suffix in (".xlsx", ".xlsm"):
        return _workbook_grids(path)
    raise FileRefused("unsupported_format", suffix=suffix or path.name)


def _decoded(raw: bytes) -> str:
    """The text of a CSV file, in an encoding that is certain, or FileRefused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    high_bytes = raw[1:400:2]
    if len(raw) >= 4 and raw[0] != 0 and high_bytes.count(0) >= 0.9 * len(high_bytes):
        return raw.decode("utf-16-le", errors="strict")  # UTF-16 without its mark: Latin
        # letters, digits and separators leave every second byte 0, which no 8-bit text does
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileRefused(
            "legacy_encoding", row=line, byte=f"{raw[exc.start]:02X}", line=line
        ) from None


def _csv_rows(text: str) -> list[tuple[int, list]]:
    """(line, cells) of each record; a record that spans lines is numbered by its first."""
    if not text.strip():
        raise FileRefused("empty_file")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows, line = [], 1
    for cells in reader:
        rows.append((line, [cell if cell.strip() else None for cell in cells]))
        line = reader.line_num + 1
    return rows


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same, largest number of cells."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = text.splitlines()[0]
        return max(DELIMITERS, key=first.count)


def _workbook_grids(path: Path) -> list[Grid]:
    """Every visible sheet of a workbook, merged ranges filled from their top-left cell."""
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises several types for a file that is not a workbook
        raise FileRefused("not_a_workbook", reason=type(exc).__name__) from None
    grids = []
    for sheet in values.worksheets:
        if sheet.sheet_state != "visible":
            continue  # a hidden sheet holds lists or workings, not what the keeper sends
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        _mark_formulas_without_values(cells, formulas[sheet.title])
        _fill_merged(cells, sheet.merged_cells.ranges)
        grids.append(Grid(sheet.title, [(n, row) for n, row in enumerate(cells, start=1)]))
    return grids


def _mark_formulas_without_values(cells: list[list], formulas) -> None:
    """A formula whose result the file does not store (a file written by a program that does
    not compute) reads as empty; it is marked, so that it is refused instead of lost."""
    for r, row in enumerate(formulas.iter_rows()):
        for c, cell in enumerate(row):
            if cell.data_type == "f" and r < len(cells) and cells[r][c] is None:
                cells[r][c] = Formula(str(getattr(cell.value, "text", cell.value)))


def _fill_merged(cells: list[list], ranges) -> None:
    for merged in ranges:
        top_left = cells[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(cells))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(cells[r]))):
                cells[r][c] = top_left
