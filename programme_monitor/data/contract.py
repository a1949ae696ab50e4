"""The declared contract of the data files, and the checks that follow from it.

The contract lives in `contract/`: a Frictionless Table Schema for every CSV file and a JSON Schema
for every YAML file. It is the one place that says which columns a file has, which must be filled,
which values are allowed and which keys must be unique or point to another file; the checks here
read it, and the build publishes it with the data (`datapackage.json`), so the rules a data keeper
meets are the rules a researcher reads.

Messages say the value found, what was expected and how to fix it, in the data keeper's words.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from programme_monitor.common.resources import package_yaml
from programme_monitor.data.errors import ErrorCollector, said

TABLES = {
    "areas": "areas.csv",
    "bodies": "bodies.csv",
    "sources": "sources.csv",
    "targets": "targets.csv",
    "tasks": "tasks.csv",
    "observations": "observations.csv",
    "task_assessments": "task-assessments.csv",
    "searches": "searches.csv",
}
DOCUMENTS = {"programme": "programme.yaml", "indicators": "indicators.yaml"}

TYPE_WORDS = {
    "number": ("một số", "ghi số với dấu chấm thập phân, không kèm đơn vị hay dấu %"),
    "integer": ("một số nguyên", "ghi số nguyên, không kèm dấu chấm hay đơn vị"),
    "year": ("một năm 4 chữ số", "ghi năm 4 chữ số, vd. 2025"),
    "date": ("một ngày YYYY-MM-DD", "ghi ngày theo dạng YYYY-MM-DD, vd. 2025-07-01"),
}


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of one CSV file, by its name in TABLES (observations, task_assessments…)."""
    name = TABLES[table].removesuffix(".csv")
    return _load(f"{name}.schema.yaml")


@cache
def document_schema(document: str) -> dict[str, Any]:
    """The JSON Schema of one YAML file, by its name in DOCUMENTS."""
    return _load(f"{document}.schema.yaml")


def _load(filename: str) -> dict[str, Any]:
    return package_yaml("data/schemas", filename)


def columns(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def optional_columns(table: str) -> set[str]:
    """Columns a file may leave out (`optional: true` in its schema): read as empty."""
    return {f["name"] for f in table_schema(table)["fields"] if f.get("optional")}


def check_table(
    table: str, records: list[tuple[int, dict[str, str]]], path: Path, errors: ErrorCollector
) -> None:
    """Cell rules (required, type, enum, pattern) and the primary key of one CSV file."""
    schema = table_schema(table)
    for row, record in records:
        for spec in schema["fields"]:
            _check_cell(spec, record.get(spec["name"], ""), path, row, errors)
    _check_primary_key(schema, records, path, errors)


def _check_cell(spec: dict, value: str, path: Path, row: int, errors: ErrorCollector) -> None:
    """One cell against its field's type and constraints: required, type, allowed values, form."""
    name, constraints = spec["name"], spec.get("constraints", {})
    title, advice = spec.get("title", name), _as_advice(spec.get("description"))
    at = errors.at(path, row)
    if not value:
        if constraints.get("required"):
            title_en = spec.get("title_en", name)
            advice_en = _as_advice(spec.get("description_en")) or f"write the {title_en.lower()}"
            at(name, found="", **said("required", title=title, title_en=title_en,
                                      advice_vi=advice or f"ghi {title.lower()}",
                                      advice_en=advice_en))  # fmt: skip
        return
    type_ = spec.get("type", "string")
    if type_ in TYPE_WORDS and not _has_type(value, type_):
        expected, fix = TYPE_WORDS[type_]
        at(name, f"'{value}' không phải {expected}", fix, found=value, expected=expected)
        return
    allowed = constraints.get("enum")
    if allowed is not None and value not in allowed:
        allowed_text = ", ".join(allowed)
        problem = f"'{value}' không hợp lệ cho {title.lower()}"
        at(name, problem, f"dùng một trong: {allowed_text}", found=value, expected=allowed_text)
        return
    pattern = constraints.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, value):
        problem = f"'{value}' không đúng dạng của {title.lower()}"
        fix = advice or f"ghi theo dạng {pattern}"
        at(name, problem, fix, found=value, expected=advice or pattern)


def _as_advice(description: str | None) -> str | None:
    """A field's description read as what to write: "Một mã…" becomes "một mã…", no end stop."""
    if not description:
        return None
    text = description.strip().rstrip(".")
    return text[:1].lower() + text[1:]


def _has_type(value: str, type_: str) -> bool:
    if type_ == "number":
        return re.fullmatch(r"-?\d+(\.\d+)?", value) is not None
    if type_ == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if type_ == "year":
        return re.fullmatch(r"\d{4}", value) is not None
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def _check_primary_key(schema: dict, records, path: Path, errors: ErrorCollector) -> None:
    """A key used twice is an error. When the two rows differ, the first differing column is
    named with both values: two figures for one indicator, area, period and source conflict."""
    key = schema.get("primaryKey", [])
    seen: dict[tuple, tuple[int, dict[str, str]]] = {}
    for row, record in records:
        values = tuple(record.get(column, "") for column in key)
        if not all(values):
            continue  # an empty key cell is already reported as required
        if values not in seen:
            seen[values] = (row, record)
            continue
        first_row, first = seen[values]
        shown = ", ".join(f"{c}={v}" for c, v in zip(key, values))
        differing = [c for c in record if c not in key and record[c] != first.get(c)]
        at = errors.at(path, row)
        if differing:
            column = differing[0]
            words = said("conflict", first_row=first_row, key=shown, first=first[column],
                         this=record[column])  # fmt: skip
            at(column, found=record[column], **words)
        else:
            at(key[-1], found=shown, **said("repeated_row", first_row=first_row, key=shown))


def check_foreign_keys(
    tables: dict[str, list[tuple[int, dict[str, str]]]],
    paths: dict[str, Path],
    errors: ErrorCollector,
) -> None:
    """Every value of a reference column exists in the file it points to."""
    for table, records in tables.items():
        for foreign_key in table_schema(table).get("foreignKeys", []):
            column = foreign_key["fields"]
            target = foreign_key["reference"]["resource"] or _resource_name(table)
            target_table = _table_of_resource(target)
            target_column = foreign_key["reference"]["fields"]
            known = {record[target_column] for _, record in tables[target_table]}
            target_file = TABLES[target_table]
            for row, record in records:
                value = record.get(column, "")
                if value and value not in known:
                    words = said("unknown_reference", value=value, file=target_file,
                                 column=target_column, **_nearest(value, known))  # fmt: skip
                    errors.at(paths[table], row)(
                        column, found=value, expected=f"{target_column} ({target_file})", **words
                    )


def _nearest(value: str, known: set[str]) -> dict[str, str]:
    """The known codes nearest to a code that is not known, as the end of a fix: the first advice
    for a mistyped code is the code meant, never a new entry."""
    near = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    return {
        "suggestions_vi": f"; gần nhất: {', '.join(near)}" if near else "",
        "suggestions_en": f"; the nearest: {', '.join(near)}" if near else "",
    }


def _resource_name(table: str) -> str:
    return TABLES[table].removesuffix(".csv")


def _table_of_resource(resource: str) -> str:
    return next(table for table in TABLES if _resource_name(table) == resource)


def check_document(document: str, data: Any, path: Path, errors: ErrorCollector) -> None:
    """A YAML file against its JSON Schema; each problem is named by its key path."""
    validator = jsonschema.Draft202012Validator(
        document_schema(document), format_checker=jsonschema.FormatChecker()
    )
    for error in sorted(validator.iter_errors(_as_json(data)), key=lambda e: list(e.path)):
        where = ".".join(str(part) for part in error.absolute_path) or None
        problem, fix, expected = _document_words(error)
        if error.validator == "required":
            missing = re.search(r"'([^']+)'", error.message)
            key = missing[1] if missing else ""
            where = f"{where}.{key}" if where else key
        errors.add(path, None, where, problem, fix, found=_shown(error.instance), expected=expected)


# How a JSON Schema type is named in a message to the data keeper.
_TYPE_NAMES = {
    "object": "một nhóm khóa",
    "array": "một danh sách",
    "string": "văn bản",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "true hoặc false",
}


def _document_words(error: jsonschema.ValidationError) -> tuple[str, str, str]:
    """A schema error of a YAML file as (problem, fix, what was expected), in the keeper's words."""
    rule, value = error.validator, error.validator_value
    shown = _shown(error.instance)
    if rule == "required":
        return _missing_key_words(error)
    if rule == "enum":
        allowed = ", ".join(str(v) for v in value)
        return f"'{shown}' không hợp lệ", f"dùng một trong: {allowed}", allowed
    if rule == "type":
        expected = _TYPE_NAMES.get(str(value), str(value))
        return f"phải là {expected}", f"ghi {expected} ở mục này", expected
    if rule in ("minLength", "minItems", "minProperties"):
        return "mục trống", "ghi nội dung cho mục này", "không trống"
    if rule == "pattern":
        return f"'{shown}' không đúng dạng", f"ghi theo dạng {value}", str(value)
    if rule == "format":
        return f"'{shown}' không phải ngày", "ghi ngày theo dạng YYYY-MM-DD", "YYYY-MM-DD"
    if rule in ("minimum", "maximum"):
        bound = f"{'từ' if rule == 'minimum' else 'đến'} {value}"
        return f"{shown} nằm ngoài khoảng cho phép", f"ghi giá trị {bound}", str(value)
    if rule == "uniqueItems":
        return "danh sách có phần tử trùng", "mỗi phần tử chỉ ghi một lần", "không trùng"
    return error.message, "sửa theo mô tả của lược đồ dữ liệu", str(value)


def _missing_key_words(error: jsonschema.ValidationError) -> tuple[str, str, str]:
    key = re.search(r"'([^']+)'", error.message)
    name = key[1] if key else "?"
    described = error.schema.get("properties", {}).get(name, {}).get("description")
    fix = f"thêm mục '{name}'" + (f": {described[0].lower()}{described[1:]}" if described else "")
    return f"thiếu mục '{name}'", fix.rstrip("."), name


def _shown(value: Any) -> str:
    text = (
        value
        if isinstance(value, str)
        else yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip()
    )
    return text if len(text) <= 60 else text[:57] + "…"


def _as_json(value: Any) -> Any:
    """YAML's dates become ISO strings, as they would be in JSON, so the schema sees text."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
