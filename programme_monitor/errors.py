"""Errors in input data, worded for the person who keeps the file, not for a programmer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataError:
    """One problem in one place of one data file.

    `row` counts lines as a spreadsheet shows them: the header is row 1, the first record row 2.
    `row` and `column` are None when the problem concerns the whole file or a YAML entry.
    """

    file: Path
    row: int | None
    column: str | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = [str(self.file)]
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column is not None:
            where.append(f"cột '{self.column}'")
        return f"{', '.join(where)}: {self.problem}. Cách sửa: {self.fix}."


class DataErrors(Exception):
    """Every problem found in the data, reported together so that one run shows them all."""

    def __init__(self, errors: list[DataError]):
        self.errors = list(errors)
        count = len(self.errors)
        lines = [f"Dữ liệu có {count} lỗi; chưa tạo ấn phẩm:"]
        lines += [f"  - {error}" for error in self.errors]
        super().__init__("\n".join(lines))


class ErrorCollector:
    """Gathers DataError records while checking, and raises them all at the end."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, file: Path, row: int | None, column: str | None, problem: str, fix: str) -> None:
        self.errors.append(DataError(Path(file), row, column, problem, fix))

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)
