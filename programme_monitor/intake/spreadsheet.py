"""The spreadsheet intake: an Excel template for the people who keep the figures, and its import.

The template has Vietnamese headers, drop-down lists of the programme's indicators, areas and
sources (from the data files, so another programme gets its own lists), and an instructions sheet.
`import_observations` reads a filled template, normalises what is safe to normalise
(cell_values.py), checks the result together with every other data file exactly as a build does,
and only then replaces observations.csv, in one rename. A spreadsheet with any problem changes
nothing; every problem is named by sheet row and column header, as the keeper sees them.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from programme_monitor.common.resources import package_yaml
from programme_monitor.data.contract import columns
from programme_monitor.data.dataset import FILES, load_dataset
from programme_monitor.data.errors import DataError, DataErrors, ErrorCollector, RowErrors
from programme_monitor.intake.cell_values import Refused, clean_text, number_text, period_text

SHEET = "Số liệu"
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"
FIRST_DATA_ROW = 2
SEPARATOR = " — "  # between a code and its name in a drop-down entry: "urbanisation_rate — Tỷ lệ…"


@dataclass(frozen=True)
class Column:
    field: str  # the observations.csv column it fills
    header: str
    width: int
    help: str
    list_name: str | None = None  # the drop-down list it takes its values from


def _template_spec() -> dict:
    return package_yaml("intake", "spreadsheet.yaml")


def template_columns() -> list[Column]:
    """The template's columns, in order, from spreadsheet.yaml."""
    return [Column(**spec) for spec in _template_spec()["columns"]]


def guide_lines() -> list[str]:
    return _template_spec()["guide"]


def choice_lists(dataset) -> dict[str, list[str]]:
    """Entries of each drop-down: 'code — name': the keeper reads names, the file gets codes."""
    return {
        "indicators": [
            f"{i}{SEPARATOR}{spec['name_vi']}" for i, spec in dataset.indicators.items()
        ],
        "areas": [f"{a.area_id}{SEPARATOR}{a.name_vi}" for a in dataset.areas.itertuples()],
        "sources": [f"{s.source_id}{SEPARATOR}{s.title}" for s in dataset.sources.itertuples()],
        "flags": list(dataset.vocabulary["flags"]),
    }


def write_template(dataset, path: Path, rows: int = 500) -> None:
    """An .xlsx template with headers, drop-downs on `rows` rows, lists and instructions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    list_ranges = _write_lists(book.create_sheet(LISTS_SHEET), choice_lists(dataset))
    guide = book.create_sheet(GUIDE_SHEET)
    for number, column in enumerate(template_columns(), start=1):
        _write_column(sheet, number, column, list_ranges, FIRST_DATA_ROW + rows - 1)
    sheet.freeze_panes = "A2"
    guide.column_dimensions["A"].width = 110
    for row, line in enumerate(guide_lines(), start=1):
        guide.cell(row, 1, line).alignment = Alignment(wrap_text=True)
    guide.cell(1, 1).font = Font(bold=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _write_lists(lists, choices: dict[str, list[str]]) -> dict[str, str]:
    """Each drop-down's entries in a column of the lists sheet; the range of each, by name."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ranges = {}
    for number, (name, entries) in enumerate(choices.items(), start=1):
        letter = get_column_letter(number)
        lists.cell(1, number, name).font = Font(bold=True)
        for row, entry in enumerate(entries, start=2):
            lists.cell(row, number, entry)
        lists.column_dimensions[letter].width = 60
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(entries) + 1}"
    return ranges


def _write_column(sheet, number: int, column: Column, list_ranges: dict, last: int) -> None:
    """One column of the data sheet: its header, width, cell format and the help or drop-down
    shown on its cells down to row `last`."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(number)
    cell = sheet.cell(1, number, column.header)
    cell.font = Font(bold=True, color="FFFFFF")
    cell.fill = PatternFill("solid", fgColor="1F4E79")
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions[letter].width = column.width
    if column.field == "period":
        for row in range(FIRST_DATA_ROW, last + 1):
            # text: Excel must not turn 2025-06 into a date. Values stay numbers, read by
            # Excel in the keeper's own locale, which is what makes 1.234 unambiguous.
            sheet.cell(row, number).number_format = "@"
    shown = {"allow_blank": True, "showErrorMessage": column.list_name != "flags",
             "showInputMessage": True, "promptTitle": column.header[:32],
             "prompt": column.help[:255]}  # fmt: skip
    if column.list_name:
        validation = DataValidation(
            type="list", formula1=list_ranges[column.list_name],
            errorTitle="Không có trong danh mục", error="Chọn một dòng trong danh sách.", **shown,
        )  # fmt: skip
    else:
        validation = DataValidation(**shown)
    validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
    sheet.add_data_validation(validation)


@dataclass
class ImportResult:
    added: int
    already_there: int


def import_observations(xlsx: Path, data_dir: Path) -> ImportResult:
    """Appends the filled rows of `xlsx` to observations.csv, or raises DataErrors and changes
    nothing.

    Every problem of the sheet comes in one run: cells that cannot be normalised, and what the
    checks of the whole data find in the rows that could.
    """
    dataset = load_dataset(data_dir)  # the data as it is must be sound before anything is added
    rows, errors = read_filled_rows(xlsx, dataset)
    if errors.errors and not rows:
        errors.raise_if_any()  # nothing readable: not a workbook, no sheet, missing columns
    target = data_dir / FILES["observations"]
    existing = target.read_text("utf-8")
    # The file's own columns: a translation column may be absent from a one-language programme.
    header = next(csv.reader(io.StringIO(existing)), columns("observations"))
    known = {
        tuple(record.get(c, "") for c in header) for record in csv.DictReader(io.StringIO(existing))
    }
    new_rows = [
        (row, record)
        for row, record in rows
        if tuple(record.get(c, "") for c in header) not in known
    ]
    text = existing if existing.endswith("\n") else existing + "\n"
    first_new_row = len(list(csv.reader(io.StringIO(text)))) + 1  # counted as the checks count
    text += _csv_lines([record for _, record in new_rows], header)
    errors.errors += _errors_with_the_rest(data_dir, text, xlsx, new_rows, first_new_row)
    errors.raise_if_any()
    _replace(target, text)
    return ImportResult(len(new_rows), len(rows) - len(new_rows))


def read_filled_rows(
    xlsx: Path, dataset
) -> tuple[list[tuple[int, dict[str, str]]], ErrorCollector]:
    """(sheet row, observation record) of every filled row; refused cells are errors."""
    errors = ErrorCollector()
    cells = _data_sheet_rows(xlsx, errors)
    if cells is None:
        return [], errors
    header = [clean_text(value) for value in (cells[0] if cells else ())]
    spec = {column.header: column for column in template_columns()}
    missing = [name for name in spec if name not in header]
    if missing:
        fix = "dùng bảng tính mẫu của ấn phẩm, không đổi tên hay xóa cột"
        errors.add(xlsx, 1, missing[0], f"thiếu cột {', '.join(missing)}", fix)
        return [], errors
    position = {spec[name].field: header.index(name) for name in spec}
    headers = {column.field: column.header for column in spec.values()}
    rows = []
    for row_number, values in enumerate(cells[1:], start=FIRST_DATA_ROW):
        if not any(clean_text(v) for v in values):
            continue
        cell = _SheetRow(values, position, headers, errors.at(xlsx, row_number))
        record = _record(cell, dataset)
        if record is not None:
            rows.append((row_number, record))
    return rows, errors


def _data_sheet_rows(xlsx: Path, errors: ErrorCollector) -> list[tuple] | None:
    """The cells of the template's data sheet, row by row; None (and the error) when the file is
    not a workbook or has no such sheet."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(xlsx, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a file that is not a workbook
        fix = "lưu lại tệp dạng Excel Workbook (.xlsx) từ mẫu của ấn phẩm"
        errors.add(xlsx, None, None, f"không mở được bảng tính ({type(exc).__name__})", fix)
        return None
    if SHEET not in book.sheetnames:
        fix = "dùng bảng tính mẫu của ấn phẩm và ghi số liệu vào trang này"
        errors.add(xlsx, None, None, f"không có trang '{SHEET}'", fix)
        return None
    return list(book[SHEET].iter_rows(values_only=True))


@dataclass(frozen=True)
class _SheetRow:
    """One filled row of the data sheet: its cells by field, and its errors by column header."""

    values: tuple
    position: dict[str, int]
    headers: dict[str, str]
    at: RowErrors

    def __call__(self, field: str):
        index = self.position[field]
        return self.values[index] if index < len(self.values) else None

    def refuse(self, field: str, problem: str, fix: str) -> None:
        self.at(self.headers[field], problem, fix, found=clean_text(self(field)))


def _record(cell: _SheetRow, dataset) -> dict[str, str] | None:
    """The observation a row records, in observations.csv's columns; None when a cell is
    refused."""
    record = {field: "" for field in columns("observations")}
    for field in ("indicator", "area", "source"):
        record[field] = clean_text(cell(field)).split(SEPARATOR)[0].strip()
    indicator = dataset.indicators.get(record["indicator"])
    if indicator is None:
        problem = f"chỉ số '{clean_text(cell('indicator'))}' không có trong danh mục"
        cell.refuse("indicator", problem, "chọn chỉ số trong danh sách thả xuống")
        return None
    unit = clean_text(cell("unit"))
    expected = dataset.units[indicator["unit"]]["symbol_vi"] or indicator["unit"]
    if unit and unit not in (indicator["unit"], dataset.units[indicator["unit"]]["symbol_vi"]):
        problem = f"đơn vị '{unit}' khác đơn vị của chỉ số ({expected})"
        cell.refuse("unit", problem, f"để trống hoặc ghi '{expected}'; quy đổi giá trị nếu cần")
        return None
    record["unit"] = indicator["unit"]
    record["period"] = period_text(cell("period"))
    try:
        record["value"] = _value_text(cell("value"), indicator)
    except Refused as refused:
        cell.refuse("value", refused.problem, refused.fix)
        return None
    flags = clean_text(cell("flags")).split(";")
    record["flags"] = ";".join(part.strip() for part in flags if part.strip())
    record["note_vi"] = clean_text(cell("note_vi"))
    record["note_en"] = clean_text(cell("note_en"))
    return record


def _value_text(value, indicator: dict) -> str:
    """A numeric indicator's value as the data file writes it (raises Refused); a category's
    text as it is."""
    if indicator["value_type"] == "number":
        return number_text(value, percent=indicator["unit"] == "percent")
    return clean_text(value)


def _csv_lines(records: list[dict[str, str]], header: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writerows(records)
    return buffer.getvalue()


def _errors_with_the_rest(
    data_dir: Path, text: str, xlsx: Path, new_rows: list[tuple[int, dict]], first_new_row: int
) -> list[DataError]:
    """Loads a copy of the data with the new observations; errors on new rows point at the sheet."""
    header_of = {column.field: column.header for column in template_columns()}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data_dir, copy)
        (copy / FILES["observations"]).write_text(text, "utf-8")
        try:
            load_dataset(copy)
        except DataErrors as caught:
            sheet_row = {first_new_row + index: row for index, (row, _) in enumerate(new_rows)}
            return [_to_sheet(e, copy, data_dir, xlsx, sheet_row, header_of) for e in caught.errors]
    return []


def _to_sheet(
    error: DataError, copy: Path, data_dir: Path, xlsx: Path, sheet_row: dict, header_of: dict
) -> DataError:
    """An error found in the copy, named where the keeper can fix it."""
    if error.file.name == FILES["observations"] and error.row in sheet_row:

        def where(match: re.Match) -> str:  # "dòng 8" of the combined file, as the keeper sees it
            row = int(match[1])
            return (
                f"dòng {sheet_row[row]} của bảng tính"
                if row in sheet_row
                else f"dòng {row} của {FILES['observations']}"
            )

        return replace(
            error,
            file=xlsx,
            row=sheet_row[error.row],
            column=header_of.get(error.column, error.column),
            problem=re.sub(r"dòng (\d+)", where, error.problem),
        )
    return replace(error, file=data_dir / error.file.relative_to(copy))


def _replace(target: Path, text: str) -> None:
    """Write beside the file, then rename over it: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(temporary, target)
