"""Errors in input data, worded for the person who keeps the file, not for a programmer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from programme_monitor.common.resources import package_yaml


@dataclass(frozen=True)
class DataError:
    """One problem in one place of one data file.

    `row` counts lines as a spreadsheet shows them: the header is row 1, the first record row 2.
    `row` is None when the problem concerns the whole file or a YAML entry; `column` is then the
    entry's key path (publication.licence_url). `found` is the value as written, `expected` what
    the contract allows there; either is None when it does not apply.
    """

    file: Path
    row: int | None
    column: str | None
    problem: str
    fix: str
    found: str | None = None
    expected: str | None = None
    # The problem and fix in other languages than Vietnamese, where the check says them (said).
    other_languages: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return self.text("vi")

    def text(self, lang: str) -> str:
        """The error as one line in `lang` (vi or en): where, what, the value, the fix."""
        words = package_yaml("data", "errors.yaml")[lang]
        problem, fix = self.other_languages.get(lang, (self.problem, self.fix))
        where = [str(self.file)]
        if self.row is not None:
            where.append(f"{words['row']} {self.row}")
        if self.column is not None:
            where.append(f"{words['column']} '{self.column}'")
        text = f"{', '.join(where)}: {problem}"
        if self.found and self.found not in problem:
            text += f" ({words['found']}: '{self.found}')"
        if self.expected and self.expected not in problem:
            text += f". {words['expected']}: {self.expected}"
        return f"{text}. {words['fix']}: {fix.rstrip('.')}."


class DataErrors(Exception):
    """Every problem found in the data, reported together so that one run shows them all."""

    def __init__(self, errors: list[DataError]):
        self.errors = list(errors)
        super().__init__(self.report("vi"))

    def report(self, lang: str, heading: str | None = None) -> str:
        """Every error, one a line, under `heading` (default: nothing was built)."""
        words = package_yaml("data", "errors.yaml")[lang]
        lines = [heading or words["heading"].format(count=len(self.errors))]
        return "\n".join(lines + [f"  - {error.text(lang)}" for error in self.errors])


class ErrorCollector:
    """Gathers DataError records while checking, and raises them all at the end."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(
        self,
        file: Path,
        row: int | None,
        column: str | None,
        problem: str,
        fix: str,
        found: str | None = None,
        expected: str | None = None,
        other_languages: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.errors.append(
            DataError(Path(file), row, column, problem, fix, found, expected, other_languages or {})
        )

    def at(self, file: Path, row: int | None) -> RowErrors:
        """The errors of one row of one file: `at(column, problem, fix, expected=…)`."""
        return RowErrors(self, Path(file), row)

    def fill_found_values(self, cells: dict[Path, dict[int, dict[str, str]]]) -> None:
        """Give every cell error the value written in that cell, where its check did not."""
        for index, error in enumerate(self.errors):
            if error.found is None and error.row is not None and error.column is not None:
                value = cells.get(error.file, {}).get(error.row, {}).get(error.column)
                if value is not None:
                    self.errors[index] = replace(error, found=value)

    def raise_if_any(self) -> None:
        """Raise every error, file by file in row order. A cell gets only its first error: the
        contract's (an empty or malformed cell) comes before the checks that depend on it."""
        if not self.errors:
            return
        first_per_cell: dict[tuple, DataError] = {}
        for error in self.errors:
            key = (error.file, error.row, error.column) if error.column else (id(error),)
            first_per_cell.setdefault(key, error)
        ordered = sorted(
            first_per_cell.values(), key=lambda e: (str(e.file), e.row if e.row is not None else 0)
        )
        raise DataErrors(ordered)


@dataclass(frozen=True)
class RowErrors:
    """Records errors of one row of one file (ErrorCollector.at)."""

    collector: ErrorCollector
    file: Path
    row: int | None

    def __call__(self, column: str | None, problem: str, fix: str, **values) -> None:
        self.collector.add(self.file, self.row, column, problem, fix, **values)


def said(message: str, **params) -> dict:
    """A check's words (check_words.yaml) in Vietnamese and in every other language, as the
    keywords of ErrorCollector.add or RowErrors: `at(column, **said("negative", …))`."""
    entry = package_yaml("data", "check_words.yaml")[message]
    languages = sorted({name.rsplit("_", 1)[1] for name in entry})

    def words(lang: str) -> tuple[str, str]:
        return (
            " ".join(entry[f"problem_{lang}"].format(**params).split()),
            " ".join(entry[f"fix_{lang}"].format(**params).split()),
        )

    problem, fix = words("vi")
    others = {lang: words(lang) for lang in languages if lang != "vi"}
    return {"problem": problem, "fix": fix, "other_languages": others}
