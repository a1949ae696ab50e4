"""The value rules: what a cell holds, turned into what a data file writes, or refused.

One set of rules for both ways a figure comes in: the import of a keeper's file (cells typed by
a spreadsheet: numbers, dates, text) and the check of the data folder (cells of a CSV, all text).
So nothing the import refuses can enter by editing observations.csv, and nothing the import
normalises is refused there.

Safe to normalise: a decimal comma (60,5), thousands separators that read one way only
(1.234.567, 397 570, 1.234,5), a trailing % on a percentage, non-breaking spaces, decomposed
Unicode, a Unicode minus, numbers stored as text, Excel's dates and serial day numbers, `m2` for
`m²`. Refused, with a message: a number that reads two ways (1.234 is one thousand two hundred
and thirty-four in Vietnamese and one point two three four in English), a count that is not
whole, a % on an indicator that is not a percentage, text where a number belongs, a formula
whose result the file does not store, a date that reads two ways (6/7/2025).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from programme_monitor.common.resources import package_yaml
from programme_monitor.common.text_folding import name_key

SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
PLAIN = re.compile(r"-?\d+(\.\d+)?")
GROUPED = {".": re.compile(r"-?\d{1,3}(\.\d{3})+"), ",": re.compile(r"-?\d{1,3}(,\d{3})+")}
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system, as Excel counts it
SERIAL_DAYS = range(10_000, 80_000)  # 1927 to 2119: a 5-digit day number, never a year
YEARS = range(1900, 2101)


class Refused(ValueError):
    """A value the rules cannot take: `key` names the rule (value_rules.yaml), `params` what the
    message shows. `words(lang)` gives the problem and the fix in that language."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def words(self, lang: str = "vi") -> tuple[str, str]:
        entry = package_yaml("data", "value_rules.yaml")[self.key]
        return (
            entry[f"problem_{lang}"].format(**self.params).strip(),
            entry[f"fix_{lang}"].format(**self.params).strip(),
        )


@dataclass(frozen=True)
class Formula:
    """A spreadsheet cell that holds a formula and no stored result."""

    text: str


def clean_text(value) -> str:
    """Text of any cell: no byte-order mark, NFC, single spaces, trimmed. A formula without a
    stored result is refused: an empty note is not what the keeper wrote."""
    if value is None:
        return ""
    if isinstance(value, Formula):
        raise Refused("formula_without_value", formula=value.text)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as the spreadsheet shows it
    if isinstance(value, (int, float)):
        return plain_number(value)
    text = unicodedata.normalize("NFC", str(value).replace("\ufeff", ""))
    return SPACES.sub(" ", text).strip()


def plain_number(value: float) -> str:
    """A number as the data files write it: no exponent, no trailing zeros (31.5, 397570); a
    fraction of exactly three digits gets a fourth (2.6750), so that it cannot read as 2675."""
    if isinstance(value, int):
        return str(value)
    # The shortest text that reads back as the same float (repr), never its binary expansion:
    # 524288.43, not 524288.4300000001.
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _one_reading("0" if text in ("-0", "") else text)


def _one_reading(text: str) -> str:
    """A number in the data files' notation that no one can read two ways: 2.675 would be 2675
    to a Vietnamese reader, so it is written 2.6750."""
    return text + "0" if _reads_two_ways(text) else text


def number_text(value, percent: bool, whole: bool = False, unit: dict | None = None) -> str:
    """The cell as a plain number with a decimal point, or Refused. `percent`: the indicator's
    unit is percent, so a trailing % is just its unit. `whole`: the unit counts (people,
    units), so the number must be whole; `unit`, its entry in indicators.yaml, names it."""
    if isinstance(value, bool):
        raise Refused("boolean")
    if isinstance(value, (int, float)):
        number = plain_number(value)
    else:
        number = _number_in_text(clean_text(value), percent, whole)
    if whole and not float(number).is_integer():
        names = unit or {}
        raise Refused("not_whole", text=clean_text(value), unit_vi=names.get("name_vi", ""),
                      unit_en=names.get("name_en", names.get("name_vi", "")))  # fmt: skip
    return str(int(float(number))) if whole else number


def _number_in_text(text: str, percent: bool, whole: bool) -> str:
    if text.endswith("%"):
        if not percent:
            raise Refused("percent_sign", text=text)
        text = text[:-1].strip()
    compact = text.replace(" ", "").replace("\u2212", "-")
    if _reads_two_ways(compact):
        integer, fraction = re.split(r"[.,]", compact)
        key = "two_readings_count" if whole else "two_readings"
        raise Refused(key, text=text, whole=integer, fraction=fraction)
    number = _read_separators(compact)
    if number is None:
        raise Refused("not_a_number", text=text)
    return _one_reading(number)


def _reads_two_ways(compact: str) -> bool:
    """1.234 or 1,234: a whole number with a thousands separator, or a decimal (0,125 is never
    thousands)."""
    for separator, other in ((",", "."), (".", ",")):
        if (
            compact.count(separator) == 1
            and other not in compact
            and GROUPED[separator].fullmatch(compact)
            and compact.split(separator)[0].lstrip("-") != "0"
        ):
            return True
    return False


def _read_separators(compact: str) -> str | None:
    """The number written with a decimal point, for the separators that read one way only:
    60,5; 1.234.567; 1.234,5 and 1,234.5; None when it is not a number."""
    if PLAIN.fullmatch(compact):
        return compact
    if "," in compact and "." in compact:
        decimal = "," if compact.rfind(",") > compact.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = compact.rpartition(decimal)
        if GROUPED[thousands].fullmatch(whole) and fraction.isdigit():
            return f"{whole.replace(thousands, '')}.{fraction}"
    for separator in (",", "."):
        if separator not in compact:
            continue
        if compact.count(separator) > 1 and GROUPED[separator].fullmatch(compact):
            return compact.replace(separator, "")  # 1.234.567: only thousands read this way
        if compact.count(separator) == 1 and separator == ",":
            whole, fraction = compact.split(separator)
            if PLAIN.fullmatch(f"{whole}.{fraction}"):
                return f"{whole}.{fraction}"  # decimal comma: 60,5
    return None


def _as_written(match: re.Match) -> str:  # a period already in the data files' notation
    return match[0]


def known_date_text(value) -> str:
    """A date known to the day, month or year (2025-11-15, 2025-11, 2025), as keepers write it
    (15/11/2025, a date cell), in the data files' notation; Refused otherwise."""
    text = period_text(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise Refused("not_a_date", text=clean_text(value))
    return text


# Periods as keepers write them, and the notation of the data files each becomes.
_PERIOD_FORMS = [
    (re.compile(r"\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4]))?(/\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4]))?)?"),
     _as_written),
    (re.compile(r"(?:năm|year)\s*(\d{4})"), lambda m: m[1]),
    (re.compile(r"(?:tháng\s*)?(\d{1,2})[/.-](\d{4})"), lambda m: f"{m[2]}-{int(m[1]):02d}"),
    (re.compile(r"(?:quý|q|quarter)\s*(i{1,3}|iv|[1-4])\s*[/.-]?\s*(?:năm\s*)?(\d{4})"),
     lambda m: f"{m[2]}-Q{_quarter(m[1])}"),
    (re.compile(r"(\d{4})[ -]?(?:quý|q)\s*(i{1,3}|iv|[1-4])"),
     lambda m: f"{m[1]}-Q{_quarter(m[2])}"),
    (re.compile(r"(?:6 tháng đầu năm|nửa đầu năm|h1)\s*[/.-]?\s*(\d{4})"),
     lambda m: f"{m[1]}-H1"),
    (re.compile(r"(?:6 tháng cuối năm|nửa cuối năm|h2)\s*[/.-]?\s*(\d{4})"),
     lambda m: f"{m[1]}-H2"),
]  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _quarter(text: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(text) or int(text)


def period_text(value) -> str:
    """A period in the data files' notation (2025, 2025-06, 2025-06-30, 2025-H1, 2025-Q2), or
    Refused. Excel's dates become days, its day numbers too; a number from 1900 to 2100 is a
    year; 30/6/2025 is a day (day first, as Vietnamese is written), 6/2025 a month."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if value in YEARS:
            return str(value)
        if value in SERIAL_DAYS:
            return (EXCEL_EPOCH + timedelta(days=value)).isoformat()
    text = clean_text(value)
    if text.isdigit() and int(text) in SERIAL_DAYS:
        return period_text(int(text))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        return _day_first(text, int(match[1]), int(match[2]), int(match[3]))
    for pattern, notation in _PERIOD_FORMS:  # the notation first, its H and Q in capitals
        if match := pattern.fullmatch(text.upper() if notation is _as_written else text.lower()):
            return notation(match)
    raise Refused("not_a_period", text=text)


def _day_first(text: str, first: int, second: int, year: int) -> str:
    """30/6/2025 is 30 June; 6/7/2025 could be 6 July or 7 June, and is refused."""
    try:
        day_first = date(year, second, first)
    except ValueError:
        raise Refused("not_a_period", text=text) from None
    if first <= 12 and first != second:
        month_first = date(year, first, second).isoformat()
        raise Refused("date_two_readings", text=text, day_first=day_first.isoformat(),
                      month_first=month_first)  # fmt: skip
    return day_first.isoformat()


def unit_code(value, unit: str, spec: dict) -> str:
    """The indicator's unit code for a unit cell: empty, the code, a symbol or a name of the
    unit in any language, with or without marks (m2 for m²); Refused otherwise."""
    text = clean_text(value)
    if text in ("", unit):
        return unit
    spelled = re.sub(r"(?<![a-z])(k?m) ?2(?![0-9])", r"\1²", text, flags=re.IGNORECASE)
    known = [unit, *(v for k, v in spec.items() if k.startswith(("symbol_", "name_")) and v)]
    if name_key(spelled) in {name_key(str(k)) for k in known}:
        return unit
    raise Refused("unit_mismatch", text=text, expected=spec.get("symbol_vi") or unit)


def observation_cells(cells: dict, indicators: dict, units: dict) -> tuple[dict, dict]:
    """An observation's cells (typed by a spreadsheet, or text from a CSV) in the data files'
    notation, and what was refused, by column. The indicator must already be an id; a cell that
    is refused keeps its text, so that the message can show it."""
    record = {column: _text_or_formula(value) for column, value in cells.items()}
    refused: dict[str, Refused] = {}
    for column, value in cells.items():
        if isinstance(value, Formula):
            refused[column] = Refused("formula_without_value", formula=value.text)
    spec = indicators.get(record.get("indicator", ""))
    rules = {"period": period_text}
    if spec is not None:
        unit_spec = units.get(spec["unit"], {})
        rules["unit"] = lambda value: unit_code(value, spec["unit"], unit_spec)
        if spec.get("value_type") == "number":
            rules["value"] = lambda value: number_text(
                value, spec["unit"] == "percent", bool(unit_spec.get("whole")), unit_spec
            )
    for column, rule in rules.items():
        # An empty unit is the indicator's own; an empty value or period is the contract's to name.
        if column in cells and column not in refused and (record[column] or column == "unit"):
            try:
                record[column] = rule(cells[column])
            except Refused as why:
                refused[column] = why
    return record, refused


def source_cells(cells: dict) -> tuple[dict, dict]:
    """A source's cells with its dates in the data files' notation, and what was refused."""
    record = {column: _text_or_formula(value) for column, value in cells.items()}
    refused: dict[str, Refused] = {}
    for column in ("published", "accessed"):
        if record.get(column):
            try:
                record[column] = known_date_text(cells[column])
            except Refused as why:
                refused[column] = why
    return record, refused


def _text_or_formula(value) -> str:
    return value.text if isinstance(value, Formula) else clean_text(value)
