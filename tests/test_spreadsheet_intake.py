"""The spreadsheet intake: the template, the normalisation of what keepers type, the import that
refuses a bad sheet without touching the data, and the round trip to the published download.
All spreadsheets here are filled by the tests with SYNTHETIC values of the mini programme."""

import io
import shutil
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from programme_monitor import DataErrors, load_dataset
from programme_monitor.builder.pipeline import build
from programme_monitor.builder.settings import BuildSettings
from programme_monitor.cli import main
from programme_monitor.data.value_rules import Refused, number_text
from programme_monitor.intake.importer import import_file
from programme_monitor.intake.spreadsheet import SHEET, write_template
from tests.conftest import MINI, make_project

CELLS = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "spreadsheets" / "cells.yaml").read_text("utf-8")
)
SYN1 = "SYN-1 — Nguồn tổng hợp số 1 (dữ liệu giả)"


@pytest.mark.parametrize("case", CELLS["normalised"], ids=lambda c: repr(c["cell"]))
def test_what_is_safe_to_normalise_is_normalised(case):
    assert number_text(case["cell"], percent=case["percent"]) == case["value"]


@pytest.mark.parametrize("case", CELLS["refused"], ids=lambda c: repr(c["cell"]))
def test_what_reads_two_ways_or_is_not_a_number_is_refused(case):
    with pytest.raises(Refused) as refused:
        number_text(case["cell"], percent=case["percent"])
    problem, fix = refused.value.words("vi")
    assert case["words"] in problem and fix


@pytest.fixture
def template(mini_copy, tmp_path):
    path = tmp_path / "mau.xlsx"
    write_template(load_dataset(mini_copy), path)
    return path


def fill(template: Path, rows: list[tuple], out: Path) -> Path:
    book = load_workbook(template)
    sheet = book[SHEET]
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            sheet.cell(row_number, column, value)
    book.save(out)
    return out


def test_template_has_vietnamese_headers_and_drop_downs_from_the_data(template):
    book = load_workbook(template)
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == [
        "Chỉ số",
        "Địa bàn",
        "Kỳ số liệu",
        "Giá trị",
        "Đơn vị",
        "Nguồn",
        "Ghi chú chuẩn",
        "Ghi chú",
        "Ghi chú (tiếng Anh)",
        "Tên nguồn",
        "Cơ quan công bố",
        "Địa chỉ nguồn",
        "Ngày công bố",
    ]
    lists = {
        str(v.sqref).split(":")[0][0]: v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert set(lists) == {"A", "B", "F", "G"}
    entries = [c.value for c in book["Danh mục"]["A"][1:] if c.value]
    assert entries == [
        "tree_cover — Tỷ lệ phủ cây xanh thử nghiệm",
        "new_roads — Chiều dài đường mới thử nghiệm",
        "culture_house — Nhà văn hóa thử nghiệm",
    ]
    assert lists["A"] == "'Danh mục'!$A$2:$A$4"
    assert sheet["C2"].number_format == "@"  # periods stay text: 2025-06 is not a date


def new_roads_row(note: str) -> tuple:
    """A synthetic row of the mini-programme as a keeper fills it: names from the drop-downs, a
    decimal comma."""
    road, area = "new_roads — Chiều dài đường mới thử nghiệm", "xa-thu-cu — Xã Thử Nghiệm"
    return (road, area, "2025-06", "2,5", None, SYN1, None, note)


def test_quirky_sheet_is_imported_normalised(template, mini_copy, tmp_path):
    nfd_note = unicodedata.normalize("NFD", "Ghi chú gõ bằng bộ gõ tổ hợp")
    sheet = fill(
        template,
        [
            new_roads_row("\ufeffGiá trị giả"),
            (
                "tree_cover — x",
                "xa-thu-cu",
                datetime(2025, 5, 31),
                "34,5 %",
                "%",
                "SYN-1",
                "estimate",
                nfd_note,
            ),
            ("tree_cover", "tinh-thu", 2025, 23.25, None, "SYN-1", None, "Giá trị giả"),
            (None,) * 8,  # a blank row in the middle is skipped
            ("new_roads", "tinh-thu", "2025", "1.234,5", "km", "SYN-1", None, "Giá trị giả"),
        ],
        tmp_path / "filled.xlsx",
    )
    result = import_file(sheet, mini_copy)
    assert (len(result.added), result.already_there) == (4, 0)
    added = (mini_copy / "observations.csv").read_text("utf-8").splitlines()[-4:]
    assert added == [
        "new_roads,xa-thu-cu,2025-06,2.5,km,SYN-1,,Giá trị giả",
        "tree_cover,xa-thu-cu,2025-05-31,34.5,percent,SYN-1,estimate,"
        + unicodedata.normalize("NFC", nfd_note),
        "tree_cover,tinh-thu,2025,23.25,percent,SYN-1,,Giá trị giả",
        "new_roads,tinh-thu,2025,1234.5,km,SYN-1,,Giá trị giả",
    ]
    again = import_file(sheet, mini_copy)  # importing twice adds nothing
    assert (len(again.added), again.already_there) == (0, 4)


GOOD = ("tree_cover", "xa-thu-cu", "2025-05", "40", None, "SYN-1", None, "Giá trị giả")


@pytest.mark.parametrize(
    "bad, row, column, words",
    [
        ({3: "khoảng 40"}, 3, "Giá trị", "không phải số"),
        ({3: "1.234"}, 3, "Giá trị", "không rõ"),
        ({0: "new_roads", 3: "4 %"}, 3, "Giá trị", "không phải phần trăm"),
        ({0: "tree_covr — ?"}, 3, "Chỉ số", "không có chỉ số nào tên hoặc mã"),
        ({4: "km"}, 3, "Đơn vị", "khác đơn vị của chỉ số"),
        ({1: "xa-khong-co"}, 3, "Địa bàn", "không có địa bàn nào tên hoặc mã"),
        ({5: "SYN-9"}, 3, "Nguồn", "không có nguồn nào tên hoặc mã"),
        ({5: None}, 3, "Nguồn", "dòng không có nguồn"),
        ({2: "2025-07"}, 3, "Kỳ số liệu", "sau ngày đăng của nguồn"),
        ({2: "2025-04", 3: "120"}, 3, "Giá trị", "ngoài 0–100"),
        ({3: "41"}, 3, "Giá trị", "mâu thuẫn với dòng 2 của filled.xlsx"),  # two rows of the sheet
        ({2: "2024", 3: "30"}, 3, "Giá trị", "mâu thuẫn với dòng 2 của observations.csv"),
    ],
)
def test_bad_row_is_named_by_sheet_row_and_header_and_nothing_is_imported(
    template, mini_copy, tmp_path, bad, row, column, words
):
    broken = list(GOOD)
    for index, value in bad.items():
        broken[index] = value
    sheet = fill(template, [GOOD, tuple(broken)], tmp_path / "filled.xlsx")
    before = (mini_copy / "observations.csv").read_bytes()
    with pytest.raises(DataErrors) as caught:
        import_file(sheet, mini_copy)
    [error] = caught.value.errors
    assert (error.file, error.row, error.column) == (sheet, row, column)
    assert words in error.problem and error.fix
    assert (mini_copy / "observations.csv").read_bytes() == before
    assert sorted(p.name for p in mini_copy.iterdir()) == sorted(p.name for p in MINI.iterdir())


def test_every_problem_of_a_sheet_comes_in_one_run(template, mini_copy, tmp_path):
    unknown_area = list(GOOD)
    unknown_area[1] = "xa-khong-co"
    sheet = fill(
        template,
        [GOOD, (*GOOD[:3], "1.234", *GOOD[4:]), tuple(unknown_area)],
        tmp_path / "filled.xlsx",
    )
    with pytest.raises(DataErrors) as caught:
        import_file(sheet, mini_copy)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "Giá trị"), (4, "Địa bàn")]


def test_a_file_that_is_not_a_workbook_is_refused(mini_copy, tmp_path, capsys):
    fake = tmp_path / "so-lieu.xlsx"
    fake.write_text("indicator,area\n", "utf-8")  # a CSV renamed to .xlsx
    before = (mini_copy / "observations.csv").read_bytes()
    assert main(["import", str(fake), "--data", str(mini_copy)]) == 2
    message = capsys.readouterr().err
    assert "không mở được bảng tính" in message and "giữ nguyên" in message
    assert (mini_copy / "observations.csv").read_bytes() == before


def test_round_trip_template_import_build_download(tmp_path):
    """A script fills the template, one command imports it, the build publishes it, and the
    downloaded package gives back the same values and validates against its own schema."""
    from frictionless import Package

    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    data = shutil.copytree(MINI, project / "data")
    template = tmp_path / "mau.xlsx"
    assert main(["template", "--data", str(data), "--out", str(template)]) == 0
    rows = [
        new_roads_row("Giá trị giả (kiểm thử)"),
        (
            "tree_cover — x",
            "tinh-thu — x",
            "2025-03",
            "24,75 %",
            None,
            SYN1,
            "provisional",
            "Giá trị giả (kiểm thử)",
        ),
    ]
    filled = fill(template, rows, tmp_path / "filled.xlsx")
    assert main(["import", str(filled), "--data", str(data)]) == 0
    # A keeper's own CSV, declaring its source; the title carries markup, to be shown as text.
    own = tmp_path / "bao-cao.csv"
    own.write_text(
        "Chỉ tiêu;Địa bàn;Kỳ;Giá trị;Tên nguồn;Cơ quan công bố;Ngày công bố\n"
        "Chiều dài đường mới thử nghiệm;Xã Thử Nghiệm;9/2025;3,5;"
        "<script>alert(1)</script> Báo cáo giả;Cơ quan giả;15/10/2025\n",
        "utf-8",
    )
    assert main(["import", str(own), "--data", str(data)]) == 0
    settings = BuildSettings(
        project,
        data,
        "2026-06-30",
        ("vi",),
        2,
        booklet=False,
        built_on=datetime(2026, 6, 30).date(),
    )
    build(settings)
    site = project / "_build" / "html"
    [archive] = site.glob("_downloads/*/*-du-lieu.zip")
    with zipfile.ZipFile(archive) as package_zip:
        package_zip.extractall(tmp_path / "download")
        observations = pd.read_csv(
            io.BytesIO(package_zip.read("observations.csv")), dtype=str, keep_default_na=False
        )
    imported = observations[observations["note_vi"] == "Giá trị giả (kiểm thử)"]
    assert imported[
        ["indicator", "area", "period", "value", "unit", "source", "flags"]
    ].values.tolist() == [
        ["new_roads", "xa-thu-cu", "2025-06", "2.5", "km", "SYN-1", ""],
        ["tree_cover", "tinh-thu", "2025-03", "24.75", "percent", "SYN-1", "provisional"],
    ]
    report = Package(str(tmp_path / "download" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # the indicator page links its own CSV, which holds the imported figure
    [page_csv] = site.glob("_downloads/*/observations-new_roads.csv")
    assert "new_roads,xa-thu-cu,2025-06,2.5,km,SYN-1,,Giá trị giả (kiểm thử)" in page_csv.read_text(
        "utf-8"
    )
    page = next(site.rglob("indicator-new_roads.html")).read_text("utf-8")
    assert "observations-new_roads.csv" in page and "indicator-new_roads.zip" in page
    # the declared source is published, its title as text on every page, never as markup
    pages = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    assert not [p for p, html in pages.items() if "<script>alert(1)" in html]
    assert [
        p
        for p, html in pages.items()
        if "&lt;script&gt;alert(1)&lt;/script&gt; Báo cáo giả" in html
    ]
