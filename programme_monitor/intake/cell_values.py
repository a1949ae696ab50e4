"""What a spreadsheet cell holds, turned into what a data file writes, or refused.

Safe to normalise: a decimal comma (60,5), thousands separators that cannot be read two ways
(1.234.567, 397 570, 1.234,5), a trailing % on a percentage, a byte-order mark, decomposed
Unicode, non-breaking spaces, and numbers or dates that Excel stored as such. Not safe, and
refused with a message: a number that reads two ways (1.234 is one thousand two hundred and
thirty-four in Vietnamese and one point two three four in English), a % on an indicator that is
not a percentage, any other text where a number belongs.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
PLAIN = re.compile(r"-?\d+(\.\d+)?")
GROUPED = {".": re.compile(r"-?\d{1,3}(\.\d{3})+"), ",": re.compile(r"-?\d{1,3}(,\d{3})+")}


class Refused(ValueError):
    """A cell that cannot be normalised safely: `problem` and `fix` are for the person typing."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def clean_text(value) -> str:
    """Text of any cell: no byte-order mark, NFC, single spaces, trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (int, float)):
        return plain_number(value)
    text = unicodedata.normalize("NFC", str(value).replace("\ufeff", ""))
    return SPACES.sub(" ", text).strip()


def plain_number(value: float) -> str:
    """A number as the data files write it: no exponent, no trailing zeros (31.5, 397570)."""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number_text(value, percent: bool) -> str:
    """The cell as a plain number with a decimal point, or Refused. `percent`: the indicator's
    unit is percent, so a trailing % is just its unit."""
    if isinstance(value, bool):
        raise Refused("ô chứa đúng/sai, không phải số", "ghi số")
    if isinstance(value, (int, float)):
        return plain_number(value)
    text = clean_text(value)
    if text.endswith("%"):
        if not percent:
            raise Refused(
                f"'{text}' có dấu %, nhưng đơn vị của chỉ số không phải phần trăm",
                "bỏ dấu % và ghi giá trị theo đơn vị của chỉ số",
            )
        text = text[:-1].strip()
    compact = text.replace(" ", "")
    _refuse_if_two_readings(compact, text)
    number = _read_separators(compact)
    if number is None:
        raise Refused(
            f"'{text}' không phải số",
            "ghi một số, vd. 60,5 hoặc 60.5; không kèm chữ hay đơn vị (trừ % của tỷ lệ)",
        )
    return number


def _refuse_if_two_readings(compact: str, text: str) -> None:
    """1.234 or 1,234 reads as a whole number with a thousands separator and as a decimal: the
    keeper must say which (0,125 is never thousands)."""
    for separator in (",", "."):
        other = "." if separator == "," else ","
        if (
            compact.count(separator) == 1
            and other not in compact
            and GROUPED[separator].fullmatch(compact)
            and compact.split(separator)[0].lstrip("-") != "0"
        ):
            whole, fraction = compact.split(separator)
            raise Refused(
                f"không rõ '{text}' là số nguyên có dấu phân cách hàng nghìn hay số thập phân",
                f"ghi {whole}{fraction} nếu là số nguyên; nếu là số thập phân, nhập vào ô dạng số "
                f"của Excel (không phải ô văn bản) hoặc ghi thêm chữ số 0: {whole},{fraction}0",
            )


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


def period_text(value) -> str:
    """A period as the data files write it; Excel's dates become YYYY-MM-DD, its numbers years."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return clean_text(value)
