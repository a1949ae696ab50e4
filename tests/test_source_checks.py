"""When each source was last checked, and what the check found: a reviewer weighs a citation by it.

The register prints for every source the day it was registered and the day it was last checked (or
that it has not been); a check's finding goes with it. A date without a finding, a finding without
a date, or a check before the page existed is refused with its file, row and column.
"""

import csv
from datetime import date

import pytest

from programme_monitor import DataErrors, load_dataset
from programme_monitor.pages.sources_register import sources_table
from tests.conftest import REAL_DATA, set_cell

AS_OF = date(2026, 6, 30)


def errors_of(data_dir):
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    return caught.value.errors


@pytest.mark.parametrize(
    "cells, column, words",
    [
        ({"checked": "2026-05-02"}, "check_vi", "không ghi điều thấy được"),
        ({"check_vi": "Trang cho thấy 31,5."}, "checked", "không có ngày kiểm lại"),
        (
            {"checked": "2025-06-01", "check_vi": "Trang cho thấy 31,5."},
            "checked",
            "trước ngày đăng",
        ),
        ({"checked": "2026-13-01", "check_vi": "Trang cho thấy 31,5."}, "checked", ""),
    ],
)
def test_a_check_needs_its_date_and_what_it_found(mini_copy, cells, column, words):
    for name, value in cells.items():
        set_cell(mini_copy / "sources.csv", 2, name, value)
    (error,) = errors_of(mini_copy)
    assert (error.file.name, error.row, error.column) == ("sources.csv", 2, column)
    assert words in error.problem


def test_a_page_dated_by_its_month_may_be_checked_within_that_month(mini_copy):
    # SYN-2 is dated 2026-03: a check on 10 March is not "before" a page of March.
    set_cell(mini_copy / "sources.csv", 3, "checked", "2026-03-10")
    set_cell(mini_copy / "sources.csv", 3, "check_vi", "Trang cho thấy 40.")
    load_dataset(mini_copy)


def test_the_register_says_when_each_source_was_checked_and_what_was_seen(mini_copy):
    set_cell(mini_copy / "sources.csv", 2, "checked", "2026-05-02")
    set_cell(mini_copy / "sources.csv", 2, "check_vi", "Bản lưu của trang cho thấy 31,5 ha.")
    table = sources_table(load_dataset(mini_copy), AS_OF)
    checked_row = next(line for line in table.splitlines() if "SYN-1" in line)
    assert "01/01/2026; kiểm lại 02/05/2026" in checked_row
    assert "Kiểm lại: Bản lưu của trang cho thấy 31,5 ha." in checked_row
    unchecked_row = next(line for line in table.splitlines() if "SYN-2" in line)
    assert "01/04/2026; chưa kiểm lại" in unchecked_row
    assert "Kiểm lại:" not in unchecked_row


def _rows(name):
    with open(REAL_DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_citations_a_reviewer_questioned_are_replaced_or_checked():
    """Issue 19: a figure cited to a copy on a sports site is re-sourced; the tag page, the
    machine-translated edition and the fibre figure are checked, with what was seen."""
    sources = {row["source_id"]: row for row in _rows("sources.csv")}
    cited = {row["source"] for row in _rows("observations.csv")}
    assert not any("tothethao" in sources[s]["url"] for s in cited)
    for source_id, seen in [
        ("S-CAFEF-BB2023", "78,3"),
        ("S-DTKD-MOC", "23,6"),
        ("S-LD-LOAI2", "Việt Khê"),
    ]:
        assert sources[source_id]["checked"], source_id
        assert seen in sources[source_id]["check_vi"], source_id
