"""Where the figures are in a keeper's file: the sheet, the header row below any title rows, and
what each column holds, recognised by its name (columns.yaml) in any order.

Two layouts are read. Long: one figure a row, with a period column. Wide, as a statistics office
lays out a series: one indicator a row and one column a period (2023 | 2024 | Năm 2025). A
column whose name means nothing here is reported and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from programme_monitor.common.resources import package_yaml
from programme_monitor.common.text_folding import unaccented
from programme_monitor.data.value_rules import Formula, Refused, clean_text, period_text
from programme_monitor.intake.keeper_files import FileRefused, Grid

HEADER_SEARCH_ROWS = 30  # title rows above a report's header rarely pass a dozen


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the file spells it
    field: str | None  # what it fills; None when the name means nothing here
    period: str | None = None  # wide layout: the period of the figures below it


@dataclass(frozen=True)
class Figure:
    """One figure of the file: its cells by field, where it is, and each field's column name."""

    row: int
    cells: dict
    headers: dict[str, str]


@dataclass(frozen=True)
class KeeperTable:
    sheet: str | None
    header_row: int
    columns: list[Column]
    rows: list[tuple[int, list]]  # the rows below the header

    @property
    def ignored(self) -> list[str]:
        quiet = _ignored_keys()
        return [c.header for c in self.columns if c.field is None and header_key(c.header)
                not in quiet and c.header]  # fmt: skip

    def figures(self) -> tuple[list[Figure], list[int]]:
        """Every figure of the table, and the rows that hold none (empty, a section title, a
        signature): those are reported, not refused."""
        fields = [c for c in self.columns if c.field and c.field != "value"]
        values = [c for c in self.columns if c.field == "value" or c.period]
        figures, without = [], []
        for number, cells in self.rows:
            if not any(_filled(v) for v in cells):
                continue
            shared = {c.field: _cell(cells, c.index) for c in fields if not c.period}
            found = [_figure(number, shared, fields, c, cells) for c in values
                     if _filled(_cell(cells, c.index))]  # fmt: skip
            figures += found
            if not found:
                without.append(number)
        return figures, without


def _figure(number: int, shared: dict, fields: list[Column], column: Column, cells) -> Figure:
    headers = {c.field: c.header for c in fields if not c.period}
    values = {**shared, "value": _cell(cells, column.index)}
    headers["value"] = column.header
    if column.period:
        values["period"], headers["period"] = column.period, column.header
    return Figure(number, values, headers)


def _cell(cells: list, index: int):
    return cells[index] if index < len(cells) else None


def _filled(value) -> bool:
    return isinstance(value, Formula) or (value is not None and str(value).strip() != "")


def header_key(text) -> str:
    """A column name as compared: no marks, case, punctuation or extra spaces."""
    folded = unaccented(clean_text(text) if not isinstance(text, Formula) else "").casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


def _columns_spec() -> dict:
    return package_yaml("intake", "columns.yaml")


def field_names() -> dict[str, dict[str, list[str]]]:
    return _columns_spec()["fields"]


def _known_keys() -> dict[str, str]:
    return {header_key(name): field for field, names in field_names().items()
            for lang in names for name in names[lang]}  # fmt: skip


def _ignored_keys() -> set[str]:
    ignored = _columns_spec()["ignored"]
    return {header_key(name) for lang in ignored for name in ignored[lang]}


def _field_of(text) -> str | None:
    """The field a column name means: the whole name first ("Ghi chú (tiếng Anh)"), then
    without a bracketed note ("Giá trị (%)", "Dân số [người]")."""
    known = _known_keys()
    if (field := known.get(header_key(text))) is not None:
        return field
    bare = re.sub(r"[(\[].*?[)\]]", " ", clean_text(text)) if isinstance(text, str) else ""
    return known.get(header_key(bare))


def _period_of(text) -> str | None:
    """The period a column name stands for in a wide table (2024, "Năm 2025", 2025-H1)."""
    if text is None or isinstance(text, (Formula, bool)):
        return None
    try:
        period = period_text(text)
    except Refused:
        return None
    return period if re.fullmatch(r"\d{4}(-(H[12]|Q[1-4]|\d{2}))?", period) else None


def _read_header(cells: list) -> list[Column]:
    columns = []
    for index, text in enumerate(cells):
        field = _field_of(text)
        period = None if field else _period_of(text)
        header = clean_text(text) if not isinstance(text, Formula) else text.text
        columns.append(Column(index, header, "value" if period else field, period))
    return columns


def _score(columns: list[Column]) -> int:
    """How much a row looks like the header of a table of figures; 0 when it cannot be one. A
    name repeated counts against it: the upper row of a two-row header repeats a merged name
    ("Số liệu" over "Năm 2025 | Năm 2026") that the lower row spells out."""
    named = [c.field for c in columns if c.field and not c.period]
    fields, wide = set(named), any(c.period for c in columns)
    if "indicator" not in fields or not ("value" in fields or wide):
        return 0
    return 2 * len(fields) - len(named) + wide


def find_table(grids: list[Grid]) -> KeeperTable:
    """The table of figures: the row, among the first rows of every visible sheet, whose names
    say the most about the columns below it. FileRefused when no row names an indicator and a
    value."""
    best, best_score = None, 0
    for grid in grids:
        for position, (number, cells) in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
            columns = _read_header(cells)
            score = _score(columns)
            if score > best_score:
                best, best_score = (grid, position, number, columns), score
    if best is None:
        raise _no_table(grids)
    grid, position, number, columns = best
    _refuse_repeated_fields(columns, number)
    return KeeperTable(grid.sheet, number, columns, grid.rows[position + 1 :])


def _refuse_repeated_fields(columns: list[Column], row: int) -> None:
    from openpyxl.utils import get_column_letter

    seen: dict[str, Column] = {}
    for column in columns:
        if column.field and not column.period:
            if column.field in seen:
                first = seen[column.field]
                raise FileRefused(
                    "duplicate_column", row=row, column=column.header, first_header=first.header,
                    second_header=column.header, field_vi=field_names()[column.field]["vi"][0],
                    field_en=field_names()[column.field]["en"][0],
                    first=get_column_letter(first.index + 1),
                    second=get_column_letter(column.index + 1),
                )  # fmt: skip
            seen[column.field] = column


def _no_table(grids: list[Grid]) -> FileRefused:
    if not any(any(_filled(v) for v in cells) for grid in grids for _, cells in grid.rows):
        return FileRefused("empty_file")
    names = field_names()
    sheets = ", ".join(f"'{g.sheet}'" for g in grids if g.sheet) or "CSV"
    return FileRefused(
        "no_table", rows=HEADER_SEARCH_ROWS, sheets=sheets,
        needed=f"{names['indicator']['vi'][0]}/{names['indicator']['en'][0]}, "
               f"{names['value']['vi'][0]}/{names['value']['en'][0]}",
        example="Chỉ tiêu | Địa bàn | Năm | Giá trị | Nguồn",
    )  # fmt: skip
