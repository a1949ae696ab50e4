from datetime import date

import pytest

from programme_monitor.common.periods import latest_possible_date, parse_period


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025-01-01", date(2025, 1, 1), date(2025, 1, 1), "day"),
        ("2022-H1", date(2022, 1, 1), date(2022, 6, 30), "half"),
        ("2018-Q3", date(2018, 7, 1), date(2018, 9, 30), "quarter"),
        ("2015/2020", date(2015, 1, 1), date(2020, 12, 31), "span"),
        ("2018-01/2018-09", date(2018, 1, 1), date(2018, 9, 30), "span"),
    ],
)
def test_parse_period(text, start, end, precision):
    period = parse_period(text)
    assert (period.start, period.end, period.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["24/10/2024", "2024-13", "năm 2024", ""])
def test_bad_period_names_the_accepted_forms(text):
    with pytest.raises(ValueError, match="YYYY"):
        parse_period(text)


def test_reversed_span_is_refused():
    with pytest.raises(ValueError, match="kết thúc trước"):
        parse_period("2020/2015")


def test_publication_known_to_year_counts_at_its_last_day():
    assert latest_possible_date("2024") == date(2024, 12, 31)
    assert latest_possible_date("2023-11") == date(2023, 11, 30)
    assert latest_possible_date("2023-11-17") == date(2023, 11, 17)


def test_end_as_year_orders_periods_on_a_time_axis():
    assert parse_period("2021-06").end_as_year < parse_period("2021").end_as_year
    assert 2021.49 < parse_period("2021-06").end_as_year < 2021.51
    assert parse_period("2024").mid_as_year == 2024.5
    assert parse_period("2024").start.year < parse_period("2024").mid_as_year < 2025
