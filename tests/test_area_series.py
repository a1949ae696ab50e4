"""Areas through administrative changes: official codes checked against the national list,
figures of successor units added up to the former area, and series that cross a boundary named.
The mini programme's areas and figures are SYNTHETIC."""

import shutil
from datetime import date

import pytest

from programme_monitor import DataErrors, load_dataset
from programme_monitor.assess.selection import observations_of
from programme_monitor.common.text_folding import unaccented
from programme_monitor.data.area_series import boundary_crossings
from tests.conftest import MINI, REAL_DATA

WHOLE_AND_PARTS = (
    "xa-thu-tong,xa-thu,Địa bàn xã thử cũ (giả),địa bàn,2025-01-01,,,,,Dữ liệu giả\n"
    "phan-a,phan-a,Phần A (giả),phường,2025-01-01,,,,xa-thu-tong,Dữ liệu giả\n"
    "phan-b,phan-b,Phần B (giả),phường,2025-01-01,,,,xa-thu-tong,Dữ liệu giả\n"
)


def with_parts(data_dir, observations: str, additive: bool = True):
    with open(data_dir / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write(WHOLE_AND_PARTS)
    with open(data_dir / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write(observations)
    if additive:
        path = data_dir / "indicators.yaml"
        path.write_text(
            path.read_text("utf-8").replace("    unit: km\n", "    unit: km\n    additive: true\n"),
            "utf-8",
        )
    return load_dataset(data_dir)


def sums(dataset):
    rows = dataset.observations
    return rows[rows["area"] == "xa-thu-tong"]


def test_figures_of_all_parts_add_up_to_the_whole(mini_copy):
    dataset = with_parts(
        mini_copy,
        "new_roads,phan-a,2025-06,2.5,km,SYN-1,,Giá trị giả\n"
        "new_roads,phan-b,2025-06,4,km,SYN-2,estimate,Giá trị giả\n",
    )
    total = sums(dataset)
    assert len(total) == 1
    row = total.iloc[0]
    assert (row["value"], row["value_number"], row["period"]) == ("6.5", 6.5, "2025-06")
    assert row["lineage"] == "xa-thu" and row["source"] == "SYN-2"  # the later-published part
    assert set(row["flags"]) == {"derived", "estimate"}
    assert (
        "Phần A (giả): 2.5 (SYN-1)" in row["note_vi"]
        and "Phần B (giả): 4 (SYN-2)" in row["note_vi"]
    )


def test_no_sum_when_a_part_is_missing_or_the_indicator_does_not_add_up(mini_copy, tmp_path):
    one_part = with_parts(mini_copy, "new_roads,phan-a,2025-06,2.5,km,SYN-1,,Giá trị giả\n")
    assert sums(one_part).empty
    rates = with_parts(
        shutil.copytree(MINI, tmp_path / "other"),
        "tree_cover,phan-a,2025-06,20,percent,SYN-1,,Giá trị giả\n"
        "tree_cover,phan-b,2025-06,30,percent,SYN-1,,Giá trị giả\n",
        additive=False,
    )
    assert sums(rates).empty


def test_a_figure_reported_for_the_whole_is_kept_instead_of_a_sum(mini_copy):
    dataset = with_parts(
        mini_copy,
        "new_roads,phan-a,2025-06,2.5,km,SYN-1,,Giá trị giả\n"
        "new_roads,phan-b,2025-06,4,km,SYN-1,,Giá trị giả\n"
        "new_roads,xa-thu-tong,2025-06,7,km,SYN-2,,Giá trị giả\n",
    )
    assert list(sums(dataset)["value"]) == ["7"]


def test_real_series_crossing_the_city_boundary_is_named_with_its_date():
    dataset = load_dataset(REAL_DATA)
    crossings = boundary_crossings(
        observations_of(dataset, "natural_area", date(2026, 11, 24)), dataset.areas
    )
    assert [(c.before, c.after, c.changed_on) for c in crossings] == [
        ("thuy-nguyen-district", "thuy-nguyen-city", date(2025, 1, 1))
    ]


def test_real_successor_units_carry_their_official_codes():
    areas = load_dataset(REAL_DATA).areas.set_index("area_id")
    parts = areas[areas["part_of"] == "thuy-nguyen-successor"]
    assert len(parts) == 8
    assert areas.loc["phuong-thuy-nguyen", "official_code"] == "11560"
    assert areas.loc["xa-viet-khe", "official_code"] == "11503"


@pytest.mark.parametrize(
    "row, column, words",
    [
        (
            "ma-sai,ma-sai,Phường Hòa Bình,phường,2025-07-01,,11560,SYN-1,,Giả\n",
            "official_code",
            "la cua phuong thuy nguyen",  # marks folded: the lists spell Thuỷ, then Thủy
        ),
        (
            "ma-sai,ma-sai,Phường Thử,phường,2025-07-01,,99999,SYN-1,,Giả\n",
            "official_code",
            "không có trong danh mục",
        ),
        (
            "ma-sai,ma-sai,Phường Thủy Nguyên,phường,2025-07-01,,11560,,,Giả\n",
            "code_source",
            "không ghi nguồn",
        ),
    ],
)
def test_official_code_is_checked_against_the_national_list(mini_copy, row, column, words):
    with open(mini_copy / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write(row)
    with pytest.raises(DataErrors) as caught:
        load_dataset(mini_copy)
    [error] = caught.value.errors
    assert (error.file.name, error.row, error.column) == ("areas.csv", 4, column)
    assert words in error.problem or words in unaccented(error.problem).lower()


def test_a_code_error_names_the_release_of_the_list_it_was_checked_against(mini_copy):
    from importlib.metadata import version

    with open(mini_copy / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write("ma-sai,ma-sai,Phường Thử,phường,2025-07-01,,99999,SYN-1,,Giả\n")
    with pytest.raises(DataErrors) as caught:
        load_dataset(mini_copy)
    assert f"(vietnam-provinces {version('vietnam-provinces')})" in caught.value.errors[0].problem


def test_a_sum_counts_from_when_the_source_naming_the_parts_is_out(mini_copy):
    """A unit's part_of_source (SYN-2, published 3/2026) dates the composition: the sum of parts
    reported in 2025 is published only from then, and an edition before states no composition."""
    from programme_monitor.assess.selection import areas_as_known, published_by

    path = mini_copy / "areas.csv"
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].replace("part_of,", "part_of,part_of_source,")
    rows = [line.rsplit(",", 1) for line in lines[1:]]  # every row: ...,part_of | note_vi
    body = [f"{head},,{note}" for head, note in rows]
    parts = [line.rsplit(",", 1) for line in WHOLE_AND_PARTS.splitlines()]
    body += [f"{head},{'SYN-2' if 'xa-thu-tong' in head else ''},{note}" for head, note in parts]
    path.write_text("\n".join([header, *body]) + "\n", "utf-8")
    with open(mini_copy / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write(
            "new_roads,phan-a,2025-06,2.5,km,SYN-1,,Giá trị giả\n"
            "new_roads,phan-b,2025-06,4,km,SYN-1,,Giá trị giả\n"
        )
    indicators = mini_copy / "indicators.yaml"
    indicators.write_text(
        indicators.read_text("utf-8").replace(
            "    unit: km\n", "    unit: km\n    additive: true\n"
        ),
        "utf-8",
    )
    dataset = load_dataset(mini_copy)
    [total] = sums(dataset).itertuples()
    assert total.published_by == date(2026, 3, 31)  # SYN-2 is dated 2026-03: its last day
    before, after = date(2026, 1, 1), date(2026, 4, 1)
    for as_of, count in [(before, 0), (after, 1)]:
        published = published_by(dataset.observations, as_of)
        assert (published["area"] == "xa-thu-tong").sum() == count
    assert (areas_as_known(dataset, before)["part_of"] == "xa-thu-tong").sum() == 0
    assert (areas_as_known(dataset, after)["part_of"] == "xa-thu-tong").sum() == 2
