"""Reference periods of observations and publication dates, with their precision.

A period is what a figure refers to ("2024", "2022-H1", "2018-01/2018-09"). A publication date
may be known only to the year or month; for the reporting-date rule it counts as published on the
last day it could have been published, so a figure is never shown before it could have existed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PERIOD_FORMATS = (
    "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2, YYYY-Q1..Q4, hoặc KHOẢNG/KHOẢNG (vd. 2015/2020)"
)
DATE_FORMATS = "YYYY, YYYY-MM hoặc YYYY-MM-DD"

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    """A span of calendar time, [start, end], and the text it was written as."""

    text: str
    start: date
    end: date
    precision: str  # year, month, day, half, quarter, span

    @property
    def end_as_year(self) -> float:
        """The end of the period's last day as a fractional year (2024 ends at 2025.0)."""
        return _fractional_year(self.end, end_of_day=True)

    @property
    def mid_as_year(self) -> float:
        """The period's midpoint as a fractional year: a time axis draws the year 2024 at 2024.5."""
        return (_fractional_year(self.start, end_of_day=False) + self.end_as_year) / 2


def end_of_day_as_year(day: date) -> float:
    """The end of a day as a fractional year (31/12/2024 ends at 2025.0)."""
    return _fractional_year(day, end_of_day=True)


def _fractional_year(day: date, end_of_day: bool) -> float:
    days_in_year = 366 if calendar.isleap(day.year) else 365
    elapsed = (day - date(day.year, 1, 1)).days + (1 if end_of_day else 0)
    return day.year + elapsed / days_in_year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _single(text: str) -> Period:
    if m := _YEAR.match(text):
        y = int(m[1])
        return Period(text, date(y, 1, 1), date(y, 12, 31), "year")
    if m := _MONTH.match(text):
        y, mo = int(m[1]), int(m[2])
        return Period(text, date(y, mo, 1), _month_end(y, mo), "month")
    if m := _DAY.match(text):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return Period(text, d, d, "day")
    if m := _HALF.match(text):
        y, h = int(m[1]), int(m[2])
        return Period(text, date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half")
    if m := _QUARTER.match(text):
        y, q = int(m[1]), int(m[2])
        return Period(text, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter")
    raise ValueError(f"'{text}' không phải kỳ hợp lệ ({PERIOD_FORMATS})")


def parse_period(text: str) -> Period:
    """Parse a reference period; raises ValueError naming the accepted forms."""
    text = text.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        start, end = _single(first), _single(last)
        if end.end < start.start:
            raise ValueError(f"kỳ '{text}' kết thúc trước khi bắt đầu")
        return Period(text, start.start, end.end, "span")
    try:
        return _single(text)
    except ValueError:
        raise ValueError(f"'{text}' không phải kỳ hợp lệ ({PERIOD_FORMATS})") from None


def latest_possible_date(text: str) -> date:
    """The last day a date known to year, month or day precision can stand for."""
    text = text.strip()
    if _YEAR.match(text) or _MONTH.match(text) or _DAY.match(text):
        return _single(text).end
    raise ValueError(f"'{text}' không phải ngày hợp lệ ({DATE_FORMATS})")
