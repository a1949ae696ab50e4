"""Strict readers of the data files: UTF-8, NFC Vietnamese, the declared columns, no ragged rows."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from programme_monitor.common.yaml_text import parse_yaml
from programme_monitor.data.errors import ErrorCollector

HEADER_ROW = 1


def read_text(path: Path, errors: ErrorCollector) -> str | None:
    """The file's text, or None after recording why it cannot be read as UTF-8."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        errors.add(
            path, None, None, "không tìm thấy tệp", "tạo tệp này hoặc kiểm tra thư mục dữ liệu"
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.add(
            path,
            line,
            None,
            f"tệp không phải UTF-8: byte lỗi ở dòng {line}{_likely_encoding(raw, exc)}",
            "mở tệp và lưu lại với bảng mã UTF-8 (Excel: Lưu thành > CSV UTF-8 (Comma delimited))",
            found=f"byte 0x{raw[exc.start]:02X}",
            expected="UTF-8",
        )
        return None
    return text


def _likely_encoding(raw: bytes, error: UnicodeDecodeError) -> str:
    """What the file was saved as, said only when the bytes leave no doubt: a UTF-16 mark, UTF-8
    cut off in the middle of a letter, or Vietnamese text in Windows-1258 (read that way, every
    letter outside ASCII is a Vietnamese one, and some only Vietnamese has). Latin-1 and other
    encodings get no guess: naming the wrong one would send the keeper the wrong way."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return " (tệp lưu dạng UTF-16, “Unicode Text” của Excel)"
    before = raw[: error.start].decode("utf-8", errors="replace")
    if error.reason == "unexpected end of data" and any(ord(c) > 127 for c in before):
        return " (tệp bị cắt giữa một chữ: bản chép chưa trọn)"
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return ""
    letters = {c for c in text if ord(c) > 127}
    if letters and letters <= VIETNAMESE_LETTERS and letters & ONLY_VIETNAMESE:
        return " (có vẻ lưu bằng bảng mã Windows-1258, tiếng Việt)"
    return ""


def _vietnamese_letters() -> tuple[set[str], set[str]]:
    """Every accented Vietnamese letter (NFC, both cases), and those no Western European
    encoding has (ă, đ, ơ, ư, and any vowel with a hook, a dot below or a tilde but ã, õ)."""
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    letters = {c for c in letters if ord(c) > 127}
    letters |= {c.upper() for c in letters}
    western = set(bytes(range(0xA0, 0x100)).decode("latin-1"))
    return letters, letters - western


VIETNAMESE_LETTERS, ONLY_VIETNAMESE = _vietnamese_letters()


def read_csv_records(
    path: Path, required: list[str], errors: ErrorCollector
) -> list[tuple[int, dict[str, str]]]:
    """Records of a CSV file as (spreadsheet row number, {column: stripped text}).

    Checks the header holds every required column and that each row has as many cells as the
    header; text comes NFC-normalised.
    """
    text = read_text(path, errors)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        errors.add(path, None, None, "tệp rỗng", f"thêm dòng tiêu đề: {','.join(required)}")
        return []
    if not _header_is_sound(header, required, path, errors):
        return []
    records = []
    for row_number, cells in enumerate(reader, start=HEADER_ROW + 1):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problem = f"dòng có {len(cells)} ô, tiêu đề có {len(header)} cột"
            fix = "kiểm tra dấu phẩy thừa hoặc thiếu; đặt văn bản có dấu phẩy trong ngoặc kép"
            errors.add(path, row_number, None, problem, fix)
            continue
        record = {column: _nfc_cell(cell) for column, cell in zip(header, cells)}
        records.append((row_number, record))
    return records


def _header_is_sound(
    header: list[str], required: list[str], path: Path, errors: ErrorCollector
) -> bool:
    """A header separated by commas, with every required column; the error otherwise."""
    delimiter = next((d for d in (";", "\t", "|") if len(header) == 1 and d in header[0]), None)
    if delimiter:
        shown = "dấu tab" if delimiter == "\t" else f"'{delimiter}'"
        errors.add(
            path, HEADER_ROW, None, f"dấu phân cách cột là {shown}, không phải dấu phẩy",
            "lưu lại dạng CSV dùng dấu phẩy (Excel: Lưu thành > CSV UTF-8 (Comma delimited)); "
            "máy đặt vùng Việt Nam thường lưu bằng dấu chấm phẩy",
            found=shown, expected="dấu phẩy (,)",
        )  # fmt: skip
        return False
    missing = [name for name in required if name not in header]
    if missing:
        errors.add(
            path, HEADER_ROW, missing[0], f"thiếu cột {', '.join(missing)}",
            f"dòng tiêu đề cần đủ các cột: {','.join(required)}",
            found=",".join(header), expected=",".join(required),
        )  # fmt: skip
        return False
    return True


def _nfc_cell(cell: str) -> str:
    """A cell's text, stripped and in NFC: a decomposed "ạ" looks the same as a composed one but
    compares unequal, so it is composed here, as the import does (value_rules.clean_text)."""
    return unicodedata.normalize("NFC", cell.strip())


def read_yaml(path: Path, errors: ErrorCollector) -> Any:
    """Parsed YAML, or None after recording where the syntax is broken."""
    text = read_text(path, errors)
    if text is None:
        return None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        errors.add(
            path,
            row,
            None,
            f"lỗi cú pháp YAML ({getattr(exc, 'problem', exc)})",
            "kiểm tra thụt lề và dấu hai chấm ở dòng này",
        )
        return None
    if not unicodedata.is_normalized("NFC", text):
        errors.add(path, None, None, "văn bản chưa chuẩn hóa Unicode NFC", "chuẩn hóa tệp về NFC")
    return data
