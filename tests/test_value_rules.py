"""The value rules shared by the import and the check of data/: numbers as Vietnamese and English
spreadsheets write them read back exactly or are refused, never misread; periods, units, names,
and text made safe for spreadsheets and pages."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from programme_monitor.common.text_folding import name_key, typed_in_legacy_encoding
from programme_monitor.data.value_rules import (
    Formula,
    Refused,
    clean_text,
    number_text,
    period_text,
    unit_code,
)
from programme_monitor.pages.data_package import csv_bytes, formula_safe
from programme_monitor.words.formatting import markdown_escape

# A figure as statistics are kept: up to a thousand million, up to four decimals.
figures = st.builds(
    lambda whole, fraction, places: Decimal(whole) + Decimal(fraction) / (10**places),
    st.integers(0, 10**9), st.integers(0, 9999), st.integers(1, 4),
).map(lambda d: d.quantize(Decimal(1).scaleb(-4)).normalize())  # fmt: skip


def written(value: Decimal, thousands: str, decimal: str, grouped: bool) -> str:
    """The figure as a spreadsheet shows it in a locale: Vietnamese 1.234.567,5; English
    1,234,567.5; with or without the thousands groups."""
    sign, digits, exponent = value.as_tuple()
    whole, _, fraction = f"{value:f}".partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", thousands)
    return f"{whole}{decimal}{fraction}" if fraction else whole


@given(figures, st.sampled_from([(".", ","), (",", ".")]), st.booleans())
@example(Decimal("397570"), (".", ","), True)  # 397.570: refused, never 397.57
@example(Decimal("2.675"), (",", "."), False)  # 2.675 in English: refused, never 2675
def test_a_number_written_by_a_spreadsheet_reads_back_exactly_or_is_refused(
    value, separators, grouped
):
    thousands, decimal = separators
    text = written(value, thousands, decimal, grouped)
    try:
        stored = number_text(text, percent=False)
    except Refused as refused:
        assert refused.key == "two_readings"  # the only reason a well-written number is refused
        assert text.count(".") + text.count(",") == 1 and len(text.rsplit(text[-4], 1)[1]) == 3
        return
    assert Decimal(stored) == value
    assert number_text(stored, percent=False) == stored  # the check reads what the import stored


@given(figures)
def test_a_number_typed_into_a_number_cell_reads_back_exactly(value):
    stored = number_text(float(value), percent=False)
    assert Decimal(stored) == value
    assert number_text(stored, percent=False) == stored


@given(st.integers(0, 10**8), st.sampled_from(["", "%", " %", "\u00a0%"]))
def test_a_percentage_keeps_its_value_with_or_without_its_sign(tenths, sign):
    value = Decimal(tenths) / 1000
    text = written(value.normalize(), ".", ",", grouped=False) + sign
    try:
        stored = number_text(text, percent=True)
    except Refused as refused:
        assert refused.key == "two_readings"
        return
    assert Decimal(stored) == value


@pytest.mark.parametrize(
    "cell, stored",
    [
        ("397570", "397570"),
        (397570.0, "397570"),
        ("397 570", "397570"),
        ("397.570.000", "397570000"),
    ],
)
def test_a_count_is_whole(cell, stored):
    assert number_text(cell, percent=False, whole=True) == stored


@pytest.mark.parametrize("cell, key", [("397.570", "two_readings_count"), (397.5, "not_whole"),
                                       ("397,5", "not_whole"), (True, "boolean")])  # fmt: skip
def test_a_count_that_is_not_whole_is_refused(cell, key):
    with pytest.raises(Refused) as refused:
        number_text(cell, percent=False, whole=True, unit={"name_vi": "người", "name_en": "people"})
    assert refused.value.key == key and all(refused.value.words(lang)[1] for lang in ("vi", "en"))


@pytest.mark.parametrize(
    "cell, period",
    [
        (2025, "2025"), (2025.0, "2025"), ("2025", "2025"), ("2025-h1", "2025-H1"),
        (datetime(2025, 6, 30, 0, 0), "2025-06-30"), (date(2025, 6, 30), "2025-06-30"),
        (45839, "2025-07-01"), ("45839", "2025-07-01"),  # Excel's day numbers
        ("30/6/2025", "2025-06-30"), ("13.07.2025", "2025-07-13"), ("6/2025", "2025-06"),
        ("Quý II/2025", "2025-Q2"), ("quý 4 năm 2025", "2025-Q4"), ("Năm 2024", "2024"),
        ("6 tháng đầu năm 2025", "2025-H1"), ("2015/2020", "2015/2020"),
    ],
)  # fmt: skip
def test_periods_as_keepers_write_them(cell, period):
    assert period_text(cell) == period


@pytest.mark.parametrize(
    "cell, key",
    [("6/7/2025", "date_two_readings"), ("31/2/2025", "not_a_period"), ("sắp tới", "not_a_period")],
)
def test_a_period_that_is_not_one_or_reads_two_ways_is_refused(cell, key):
    with pytest.raises(Refused) as refused:
        period_text(cell)
    assert refused.value.key == key


def test_units_by_code_symbol_or_name():
    spec = {"symbol_vi": "m²/người", "name_vi": "mét vuông trên người", "symbol_en": "m²/person"}
    for cell in ["", None, "m2_per_person", "m²/người", "m2/người", "M2/NGƯỜI", "m2/person"]:
        assert unit_code(cell, "m2_per_person", spec) == "m2_per_person"
    with pytest.raises(Refused):
        unit_code("ha", "m2_per_person", spec)


def test_a_formula_without_its_result_is_refused_as_text_too():
    with pytest.raises(Refused) as refused:
        clean_text(Formula("=A1*2"))
    assert "=A1*2" in refused.value.words("vi")[0]


def test_names_compare_without_case_spacing_or_tone_placement():
    assert name_key("Thuỷ  Nguyên") == name_key("thủy nguyên")
    assert name_key("Hoà Bình") == name_key("Hòa Bình")
    assert name_key("Hòa") != name_key("Hỏa") and name_key("Thủy") != name_key("Thúy")


def test_text_typed_in_a_legacy_encoding_is_recognised():
    assert typed_in_legacy_encoding("Thñy Nguyªn") and typed_in_legacy_encoding("Thuûy Nguyeân")
    for unicode_text in ["Thủy Nguyên", "Hai Phong", "xuân", "Khuê", "rõ", "Thiên Hương"]:
        assert not typed_in_legacy_encoding(unicode_text)


@pytest.mark.parametrize(
    "cell, safe",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("+84 912", "'+84 912"),
        ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("a;=1+1", "a;'=1+1"), ("-5.2", "-5.2"), ("1e5", "1e5"), ("ghi chú", "ghi chú"),
    ],
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_is_neutralised(cell, safe):
    assert formula_safe(cell) == safe


def test_downloads_neutralise_formulas_and_keep_numbers():
    import pandas as pd

    frame = pd.DataFrame({"value": ["-3.5", "12"], "note": ['=HYPERLINK("x")', "ok"], "n": [1, -2]})
    text = csv_bytes(frame).decode("utf-8")
    assert text == 'value,note,n\n-3.5,"\'=HYPERLINK(""x"")",1\n12,ok,-2\n'


def test_markup_in_a_title_stays_text_on_a_page():
    assert markdown_escape("<script>alert(1)</script> Báo cáo") == (
        "\\<script>alert(1)\\</script> Báo cáo"
    )
