"""The register of figures wanted: exactly the targets without a figure for their own area, who
owes each figure under the programme, and where it is usually published."""

import csv
import io
import re
import time
from datetime import date

import pandas as pd
import yaml

from programme_monitor import load_dataset
from programme_monitor.assess.figures_wanted import figures_wanted
from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.figures_wanted_page import DOWNLOAD, figures_wanted_values
from programme_monitor.pages.overview import overview_rows
from tests.conftest import MINI, REAL_DATA

AS_OF = date(2026, 11, 24)


def test_the_register_lists_exactly_the_targets_without_a_figure_for_their_area():
    dataset = load_dataset(REAL_DATA)
    wanted = figures_wanted(dataset, AS_OF)
    rows = overview_rows(dataset, AS_OF)
    assert list(wanted["target_id"]) == list(rows.loc[~rows["has_data"], "target_id"])
    assert len(wanted) == 29  # of 34: the five with a figure are T01, T02, T03, T06 and T34
    assert set(wanted["owed_under_clause"]) == {"IV.5"}  # the clause marked monitors: true
    assert set(wanted["owed_by"]) == {"ubnd-huyen;co-quan-tham-muu-huyen-uy"}
    assert set(wanted["missing_since"]) == {"2024-03-06"}  # the programme's signature
    assert wanted["usually_published_by"].str.len().min() > 0
    assert list(wanted["target_year_passed"]) == [year < 2026 for year in wanted["figure_year"]]


def test_a_figure_for_the_targets_own_area_takes_it_off_the_register(mini_copy):
    as_of = date(2026, 6, 30)
    assert list(figures_wanted(load_dataset(mini_copy), as_of)["target_id"]) == ["X2"]
    observations = mini_copy / "observations.csv"
    with open(observations, "a", encoding="utf-8") as handle:  # the province's: context only
        handle.write("new_roads,tinh-thu,2025,4.5,km,SYN-1,,Giá trị giả của tỉnh\n")
    assert list(figures_wanted(load_dataset(mini_copy), as_of)["target_id"]) == ["X2"]
    with open(observations, "a", encoding="utf-8") as handle:
        handle.write("new_roads,xa-thu-cu,2025,1.5,km,SYN-1,,Giá trị giả\n")
    assert figures_wanted(load_dataset(mini_copy), as_of).empty


def test_a_target_year_has_passed_only_after_its_last_day():
    dataset = load_dataset(MINI)  # X2: new roads by 2028
    assert not figures_wanted(dataset, date(2028, 12, 31))["target_year_passed"].any()
    assert figures_wanted(dataset, date(2029, 1, 1))["target_year_passed"].all()


def test_a_programme_that_assigns_no_monitoring_names_no_body(mini_copy):
    path = mini_copy / "programme.yaml"
    programme = yaml.safe_load(path.read_text("utf-8"))
    for clause in programme["organisation"]:
        clause.pop("monitors", None)
    path.write_text(yaml.safe_dump(programme, allow_unicode=True), "utf-8")
    wanted = figures_wanted(load_dataset(mini_copy), date(2026, 6, 30))
    assert list(wanted["owed_by"]) == [""] and list(wanted["owed_under_clause"]) == [""]
    values, _ = figures_wanted_values(open_chapter(mini_copy, "2026-06-30"))
    assert "không ghi khoản nào giao việc theo dõi" in values["owed"]
    assert "Ủy ban nhân dân xã thử nghiệm" not in values["owed"]


def test_each_figure_is_listed_once_under_where_it_is_usually_published_most_first():
    values, files = figures_wanted_values(open_chapter(REAL_DATA, AS_OF.isoformat()))
    table = values["table"]
    ids = re.findall(r"^- \*\*[IVX.\d]+ \((T\d+)\)\*\*", table, re.MULTILINE)
    assert len(ids) == len(set(ids)) == 29
    headings = re.findall(r"^## (.+)$", table, re.MULTILINE)
    assert headings[0] == "Sở Xây dựng thành phố Hải Phòng"  # owes 6, more than any other
    counts = [len(part.split("\n- ")) - 1 for part in re.split(r"^## .+$", table, flags=re.M)[1:]]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 29
    assert "(II.2.4 (T12)" not in table and "**II.2.4 (T12)** Nội thị" in table
    assert "số liệu năm 2025 (đã qua năm mục tiêu)" in table
    assert "Ủy ban nhân dân huyện Thủy Nguyên và Các cơ quan tham mưu" in values["owed"]
    assert "cấp huyện chấm dứt hoạt động từ 1/7/2025" in values["owed"]  # who reports now
    rows = list(csv.DictReader(io.StringIO(files[DOWNLOAD].decode("utf-8-sig"))))
    assert [row["target_id"] for row in rows] == sorted(ids, key=lambda t: int(t[1:]))
    assert rows[0]["indicator_name"] and rows[0]["unit"] and rows[0]["owed_by_names"]


def test_the_english_register_is_in_english():
    values, files = figures_wanted_values(open_chapter(REAL_DATA, AS_OF.isoformat(), "en"))
    assert "**29** of 34 targets have no figure at all" in values["lead"]
    assert "People's Committee of Thủy Nguyên District and" in values["owed"]
    assert "the figure for 2025 (the target year has passed)" in values["table"]
    assert "số liệu năm" not in values["table"]


def _indicator_markdown(indicator_id: str, tmp_path) -> str:
    from programme_monitor.pages.indicator_page import indicator_page

    chapter = open_chapter(REAL_DATA, AS_OF.isoformat(), indicators=[indicator_id])
    links = {"chapter": "c", "methodology": "m", "figures_wanted": "figures-wanted"}
    page = indicator_page(
        chapter.dataset, indicator_id, AS_OF, chapter.statuses, links, tmp_path, tmp_path
    )
    return page.markdown


def test_an_indicator_page_says_which_of_its_targets_want_a_figure_and_links_the_register(tmp_path):
    page = _indicator_markdown("urbanisation_rate", tmp_path)
    assert (
        "**Số liệu cần có.** Chưa có số liệu nào cho địa bàn của II.2.2 (T07), II.2.2 (T08)."
        in page
    )
    assert "xem {doc}`figures-wanted`" in page
    assert "Số liệu cần có" not in _indicator_markdown("urban_class", tmp_path)  # all have one


def test_the_prefilled_sheet_goes_back_through_the_import_as_it_is_and_once_filled(
    mini_copy, tmp_path
):
    """SYNTHETIC figures of the mini programme: the keeper's round trip."""
    from openpyxl import load_workbook

    from programme_monitor.intake.importer import import_file

    as_of = "2026-06-30"
    values, files = figures_wanted_values(open_chapter(mini_copy, as_of))
    sheets = [path for path in files if path.suffix == ".xlsx"]
    assert [path.name for path in sheets] == ["so-lieu-can-co-co-quan-gia.xlsx"]
    assert (
        "{download}`so-lieu-can-co-co-quan-gia.xlsx <downloads/so-lieu-can-co-co-quan-gia.xlsx>`"
        in (values["table"])
    )
    sheet = tmp_path / sheets[0].name
    sheet.write_bytes(files[sheets[0]])
    untouched = import_file(sheet, mini_copy, dry_run=True, today=date(2026, 7, 1))
    assert (untouched.added, untouched.without_value) == ([], [2])  # X2's row, left to fill
    book = load_workbook(sheet)
    cells = book["Số liệu"]
    assert (cells["A2"].value, cells["B2"].value) == (
        "new_roads — Chiều dài đường mới thử nghiệm",
        "xa-thu-cu — Xã Thử Nghiệm",
    )
    cells["C2"], cells["D2"], cells["F2"] = "2025", "1,5", "SYN-1"
    book.save(sheet)
    filled = import_file(sheet, mini_copy, today=date(2026, 7, 1))
    assert len(filled.added) == 1
    stored = (mini_copy / "observations.csv").read_text("utf-8").splitlines()[-1]
    assert stored == "new_roads,xa-thu-cu,2025,1.5,km,SYN-1,,"
    assert figures_wanted(load_dataset(mini_copy), date(2026, 6, 30)).empty


def test_the_prefilled_sheet_is_the_same_bytes_every_build():
    from programme_monitor.intake.spreadsheet import prefilled_template

    dataset = load_dataset(MINI)
    pairs = [("new_roads", "xa-thu-cu")]
    first = prefilled_template(dataset, pairs, date(2026, 6, 30))
    time.sleep(2.1)  # openpyxl stamps the clock to the second, zip to two seconds
    assert prefilled_template(dataset, pairs, date(2026, 6, 30)) == first
    assert prefilled_template(dataset, pairs, date(2026, 7, 1)) != first  # its date is stamped


def test_a_programme_with_every_figure_says_so_and_offers_an_empty_list(mini_copy):
    """SYNTHETIC: the mini programme's only target without a figure gets one."""
    with open(mini_copy / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write("new_roads,xa-thu-cu,2025,1.5,km,SYN-1,,Giá trị giả\n")
    values, files = figures_wanted_values(open_chapter(mini_copy, "2026-06-30"))
    assert (
        values["lead"]
        == "Tính đến ngày **30/06/2026**, mọi mục tiêu đều đã có số liệu cho địa bàn của mục tiêu."
    )
    assert values["table"] == values["owed"] == ""
    assert list(files) == [DOWNLOAD]  # no sheet to fill
    assert files[DOWNLOAD].decode("utf-8-sig").splitlines()[0].startswith("target_id,clause,")


def test_two_places_whose_names_cut_alike_get_two_sheets():
    from programme_monitor.pages.figures_wanted_page import sheet_names

    dataset = load_dataset(MINI)
    long = "Cơ quan giả có một cái tên rất dài để thử việc cắt tên tệp ở sáu mươi chữ"
    dataset.indicators["tree_cover"]["publisher_vi"] = long + " A"
    dataset.indicators["new_roads"]["publisher_vi"] = long + " B"
    wanted = pd.DataFrame(
        {
            "usually_published_by": [long + " A", long + " B"],
            "indicator": ["tree_cover", "new_roads"],
        }
    )
    names = sheet_names(dataset, wanted)
    assert len(set(names.values())) == 2, names


# --- the search log: when and where each missing figure was last looked for --------------------

SEARCH_HEADER = "searched_on,indicators,where_vi,query,found_vi\n"


def _log(mini_copy, *rows: str) -> None:
    (mini_copy / "searches.csv").write_text(SEARCH_HEADER + "".join(rows), "utf-8")


def test_each_wanted_figure_says_when_it_was_last_looked_for_by_the_reporting_date(mini_copy):
    """SYNTHETIC searches: the later of two counts; one made after the reporting date belongs to
    the next edition; an indicator never searched says so."""
    _log(
        mini_copy,
        "2026-03-01,new_roads,Niên giám thử,đường mới,Không thấy (dữ liệu giả).\n",
        "2026-05-02,new_roads;tree_cover,Cổng thông tin thử,,Không thấy (dữ liệu giả).\n",
        "2026-08-01,new_roads,Cục Thống kê thử,,Không thấy (dữ liệu giả).\n",
    )
    dataset = load_dataset(mini_copy)
    wanted = figures_wanted(dataset, date(2026, 6, 30))
    assert list(zip(wanted["target_id"], wanted["last_searched"])) == [("X2", "2026-05-02")]
    assert figures_wanted(dataset, date(2026, 2, 1))["last_searched"].tolist() == [""]

    values, files = figures_wanted_values(open_chapter(mini_copy, "2026-06-30", "vi"))
    assert "Tìm lần cuối ngày 02/05/2026" in values["table"]
    log = values["search_log"]
    assert log.startswith("## Nhật ký tìm số liệu")
    assert log.index("02/05/2026") < log.index("01/03/2026")  # newest first
    assert "Cục Thống kê thử" not in log  # searched after the reporting date
    assert "(từ khóa *đường mới*)" in log
    download = pd.read_csv(io.BytesIO(files[DOWNLOAD]), dtype=str, keep_default_na=False)
    assert download["last_searched"].tolist() == ["2026-05-02"]


def test_a_wanted_figure_never_looked_for_says_so_and_the_chapter_has_no_log(mini_copy):
    values, _ = figures_wanted_values(open_chapter(mini_copy, "2026-06-30", "vi"))
    assert "Chưa ghi lần tìm nào." in values["table"] and values["search_log"] == ""


def test_a_search_for_an_unknown_indicator_or_on_a_day_to_come_is_named(mini_copy):
    from programme_monitor import DataErrors
    from programme_monitor.data.dataset import check_programme

    _log(
        mini_copy,
        "2026-05-02,new_roads;duong_moi,Niên giám thử,,Không thấy (dữ liệu giả).\n",
        "2026-07-01,new_roads,Niên giám thử,,Không thấy (dữ liệu giả).\n",
    )
    try:
        check_programme(mini_copy, today=date(2026, 6, 30))
    except DataErrors as caught:
        found = [(e.file.name, e.row, e.column, e.found) for e in caught.errors]
    else:
        raise AssertionError("a bad search log was accepted")
    assert found == [
        ("searches.csv", 2, "indicators", "new_roads;duong_moi"),
        ("searches.csv", 3, "searched_on", "2026-07-01"),
    ]


def test_the_real_log_covers_every_wanted_indicator_and_the_package_keeps_it_by_edition():
    from programme_monitor.pages.data_package import edition_tables

    dataset = load_dataset(REAL_DATA)
    wanted = figures_wanted(dataset, date(2026, 12, 4))
    assert (wanted["last_searched"] != "").all()
    assert len(edition_tables(dataset, date(2026, 12, 4))["searches"]) == len(dataset.searches)
    assert edition_tables(dataset, AS_OF)["searches"].empty  # every search came after 24/11


def test_the_area_now_is_the_lineages_area_in_force_on_the_reporting_date():
    from programme_monitor.assess.figures_wanted import areas_in_force

    dataset = load_dataset(REAL_DATA)  # areas.csv: the district, then the city, then the ward
    expected = {
        date(2024, 12, 31): "thuy-nguyen-district",
        date(2025, 1, 1): "thuy-nguyen-city",
        date(2025, 6, 30): "thuy-nguyen-city",
        date(2025, 7, 1): "thuy-nguyen-successor",
    }
    for day, area in expected.items():
        assert areas_in_force(dataset, day)["thuy-nguyen"] == area, day
        wanted = figures_wanted(dataset, day)
        on_lineage = wanted[wanted["area"] == "thuy-nguyen"]
        assert not on_lineage.empty and (on_lineage["area_now"] == area).all(), day
    assert areas_in_force(dataset, date(2025, 6, 30))["hai-phong"] == "hai-phong"
    assert areas_in_force(dataset, date(2025, 7, 1))["hai-phong"] == "hai-phong-merged"
