"""Official codes of administrative units, checked against the national list.

areas.csv gives each administrative unit its code in the General Statistics Office's list
(province 2 digits, district 3, commune 5). Codes of the units that exist since the 2025
reorganisation (provinces and communes) are checked against the list shipped by the
`vietnam-provinces` package: a code that names another unit is refused. District codes ended with
the district level on 1/7/2025; the package no longer lists them, so they are checked for form only.
The package is as new as each Python allows (its 2026 releases need Python 3.12), so every message
and `check` name the release of the list they used (`national_list_name`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

from programme_monitor.common.text_folding import unaccented
from programme_monitor.data.errors import ErrorCollector


@cache
def national_names() -> dict[str, str]:
    """Code → name of every province and commune-level unit in the package's current list."""
    from vietnam_provinces import Province, Ward  # imported here: only this check needs it

    names = {f"{int(p.code):02d}": p.name for p in Province.iter_all()}
    names.update({f"{int(w.code):05d}": w.name for w in Ward.iter_all()})
    return names


def national_list_name() -> str:
    """The list the codes are checked against, as a reader can find it: package and release."""
    return f"vietnam-provinces {version('vietnam-provinces')}"


def slug(name: str) -> str:
    """Letters without marks, so "Thuỷ" (old tone placement) equals "Thủy"; đ is d."""
    return re.sub(r"[^a-z0-9]+", " ", unaccented(name).lower()).strip()


def check_official_codes(records, path: Path, errors: ErrorCollector) -> None:
    names = national_names()
    for row, record in records:
        code = record["official_code"]
        if not code:
            continue
        if not record["code_source"]:
            errors.add(
                path,
                row,
                "code_source",
                "có mã đơn vị hành chính nhưng không ghi nguồn",
                "ghi mã nguồn (sources.csv) của danh mục có mã này",
                found="",
            )
        if len(code) == 3:
            continue  # district codes are no longer in the national list (see module docstring)
        official = names.get(code)
        if official is None:
            errors.add(
                path,
                row,
                "official_code",
                f"mã '{code}' không có trong danh mục đơn vị hành chính hiện hành "
                f"({national_list_name()})",
                "tra lại mã trong danh mục của Tổng cục Thống kê (tỉnh 2 chữ số, xã 5 chữ số)",
                expected="một mã của danh mục hiện hành",
            )
        elif slug(official) not in slug(record["name_vi"]):
            errors.add(
                path,
                row,
                "official_code",
                f"mã '{code}' là của {official}, không phải {record['name_vi']} "
                f"({national_list_name()})",
                "sửa mã hoặc tên cho khớp với danh mục",
                expected=official,
            )
