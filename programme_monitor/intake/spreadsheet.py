"""An Excel template for the people who keep the figures.

It has Vietnamese headers, drop-down lists of the programme's indicators, areas and sources (from
the data files, so another programme gets its own lists), optional columns that declare a new
source, and an instructions sheet. A filled template is imported like any other keeper's file
(importer.py): its headers are among the names the import recognises.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from programme_monitor.common.files import zip_bytes
from programme_monitor.common.resources import package_yaml
from programme_monitor.intake.names import SEPARATOR

SHEET = "Số liệu"
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"
FIRST_DATA_ROW = 2


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


def template_workbook(dataset, rows: int = 500, prefilled: list[dict[str, str]] = ()):
    """The template as an openpyxl Workbook: headers, drop-downs on `rows` rows, lists and
    instructions, and the `prefilled` rows (cells by the field their column fills) first."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    list_ranges = _write_lists(book.create_sheet(LISTS_SHEET), choice_lists(dataset))
    guide = book.create_sheet(GUIDE_SHEET)
    columns = template_columns()
    for number, column in enumerate(columns, start=1):
        _write_column(sheet, number, column, list_ranges, FIRST_DATA_ROW + rows - 1)
    fields = [column.field for column in columns]
    for row, record in enumerate(prefilled, start=FIRST_DATA_ROW):
        for name, value in record.items():
            sheet.cell(row, fields.index(name) + 1, value)
    sheet.freeze_panes = "A2"
    guide.column_dimensions["A"].width = 110
    for row, line in enumerate(guide_lines(), start=1):
        guide.cell(row, 1, line).alignment = Alignment(wrap_text=True)
    guide.cell(1, 1).font = Font(bold=True)
    return book


def write_template(dataset, path: Path, rows: int = 500) -> None:
    """The empty template, written to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    template_workbook(dataset, rows).save(path)


def prefilled_template(dataset, wanted: list[tuple[str, str]], day: date) -> bytes:
    """The template with a row for each (indicator, area) in `wanted`, named as the drop-downs
    name them, for a keeper to fill with period, value and source and send back as it is: the
    import reads rows left without a value as nothing to store. Its bytes depend only on its
    content and `day`, stamped as its date, so an edition rebuilt gives the same file."""
    lists = choice_lists(dataset)
    named = {entry.split(SEPARATOR)[0]: entry for entry in lists["indicators"] + lists["areas"]}
    rows = [{"indicator": named[i], "area": named.get(a, a)} for i, a in wanted]
    book = template_workbook(dataset, prefilled=rows)
    book.properties.created = datetime(day.year, day.month, day.day)
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl stamps the time of saving as modified, and zips with the clock
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as saved:
        files = {name: saved.read(name) for name in saved.namelist()}
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    files["docProps/core.xml"] = re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, files["docProps/core.xml"]
    )
    return zip_bytes(files)


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
