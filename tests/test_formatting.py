from types import SimpleNamespace

import pandas as pd
import pytest

from programme_monitor import load_dataset
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import format_target, format_value, labels_of

VI = Edition("vi")


@pytest.mark.parametrize(
    "value, text",
    [(40.4, "40,4"), (397570, "397.570"), (3194.72, "3.194,72"), (60.0, "60"), (0.5, "0,5")],
)
def test_vietnamese_number_style(value, text):
    assert VI.number(value) == text


@pytest.mark.parametrize(
    "period, text",
    [
        ("2024", "2024"),
        ("2021-06", "6/2021"),
        ("2025-01-01", "01/01/2025"),
        ("2022-H1", "6 tháng đầu 2022"),
        ("2015/2020", "2015–2020"),
        ("2018-01/2018-09", "1/2018–9/2018"),
    ],
)
def test_period_words(period, text):
    assert VI.period(period) == text


def test_publication_date_keeps_its_precision():
    assert VI.published("2024") == "năm 2024"
    assert VI.published("2023-11") == "11/2023"
    assert VI.published("2023-11-17") == "17/11/2023"


def test_targets_in_words():
    from tests.conftest import MINI

    dataset = load_dataset(MINI)
    by_id = dataset.targets.set_index("target_id")
    assert format_target(dataset, by_id.loc["X1"]) == "40–50\u00a0%"
    assert format_target(dataset, by_id.loc["X2"]) == "tối thiểu 12\u00a0km"
    assert format_target(dataset, by_id.loc["X3"]) == "hoàn thành"


def test_value_qualifiers_from_flags():
    from tests.conftest import MINI

    dataset = load_dataset(MINI)
    row = pd.Series(
        {"value": "91", "value_number": 91.0, "unit": "percent", "flags": ("lower-bound",)}
    )
    assert format_value(dataset, row) == "trên 91\u00a0%"
    row["flags"] = ("approximate",)
    assert format_value(dataset, row) == "khoảng 91\u00a0%"


def test_unknown_edition_language_fails_instead_of_mixing_languages():
    with pytest.raises(ValueError, match="no labels"):
        labels_of("xx")
    with pytest.raises(ValueError, match="no edition language"):
        Edition("xx")
    assert SimpleNamespace(**labels_of("vi")).col_source == "Nguồn"


def test_numbers_are_rounded_half_up_as_written_not_as_the_binary_float_holds_them():
    from programme_monitor.words.formatting import number_text

    assert f"{2.675:.2f}" == "2.67"  # the float is 2.67499…: rounding it gives the wrong figure
    assert number_text("vi", 2.675) == "2,68" and number_text("en", 2.675) == "2.68"
    assert number_text("vi", 2.665) == "2,67"  # half up, not half to even
    assert number_text("vi", 1234567.891, 1) == "1.234.567,9"
    assert number_text("en", 1234567.0) == "1,234,567"
    assert number_text("vi", 60.0, 1) == "60,0"


def test_dates_are_written_with_the_languages_month_names():
    from datetime import date

    from programme_monitor.words.formatting import date_text, month_text

    assert date_text("vi", date(2025, 9, 4)) == "04/09/2025"
    assert date_text("en", date(2025, 9, 4)) == "4 Sep 2025"
    assert (month_text("vi", 2021, 6), month_text("en", 2021, 6)) == ("6/2021", "Jun 2021")


def test_a_bound_is_written_in_the_sources_own_word():
    """'ít nhất 45 %' stays 'ít nhất' (at least) and 'trên 91 %' stays 'trên' (above)."""
    from programme_monitor import load_dataset
    from programme_monitor.words.edition import Edition
    from programme_monitor.words.formatting import format_value, is_bound
    from tests.conftest import REAL_DATA

    for lang, at_least, above in [("vi", "ít nhất 45\u00a0%", "trên 91\u00a0%"),
                                  ("en", "at least 45%", "above 91%")]:  # fmt: skip
        data = load_dataset(REAL_DATA, Edition(lang))
        rows = data.observations.set_index(["indicator", "area", "period"])
        nq06 = rows.loc[("urbanisation_rate", "viet-nam", "2025")]
        five_g = rows.loc[("mobile_5g_coverage", "viet-nam", "2025")]
        assert format_value(data, nq06) == at_least and "ít nhất" in nq06["note_vi"]
        assert format_value(data, five_g) == above
        assert is_bound(data, nq06["flags"]) and is_bound(data, five_g["flags"])
