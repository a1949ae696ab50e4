"""The published data: every table of the edition as CSV, described by a Frictionless Data Package.

What a researcher downloads is what the edition shows: observations and assessments published by
its reporting date (plus the sums of successor units the pages show, flagged `derived`), every
target, task, area and source, and the derived status and calculation-input tables. The data files'
own tables keep the contract's columns and schemas, so the download validates against the schema
the build checked the data with. Archives are byte-identical for the same inputs: entries in a
fixed order with a fixed time stamp.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd

from programme_monitor.assess.selection import areas_as_known, published_by
from programme_monitor.data.contract import DOCUMENTS, TABLES, document_schema, table_schema
from programme_monitor.words.edition import LANGUAGES


def edition_tables(dataset, as_of: date) -> dict[str, pd.DataFrame]:
    """The data files' tables as this edition publishes them, in the contract's columns.

    Observations, assessments and sources are those published by the reporting date, and an
    area's units (part_of) once a source said so; a source that gives the official code of an
    area is kept too, so that every reference resolves.
    """
    seen = {table: getattr(dataset, table) for table in TABLES}
    seen["areas"] = areas_as_known(dataset, as_of)  # which units make an area: once published
    seen["observations"] = published_by(seen["observations"], as_of)
    assessments = seen["task_assessments"]
    seen["task_assessments"] = assessments[
        assessments["published_by"].isna() | (assessments["published_by"] <= as_of)
    ]
    searches = seen["searches"]  # a search made after the reporting date is the next edition's
    seen["searches"] = searches[searches["searched_on"] <= as_of.isoformat()]
    sources = seen["sources"]
    seen["sources"] = sources[
        (sources["published_by"] <= as_of)
        | sources["source_id"].isin(set(dataset.areas["code_source"]))
    ]
    return {table: _as_written(frame, table) for table, frame in seen.items()}


def _as_written(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Cells as a data file writes them: lists joined by ';', text as it was."""
    columns = [field["name"] for field in table_schema(table)["fields"]]
    out = frame.reindex(columns=columns).copy()
    for column in columns:
        out[column] = out[column].map(_cell)
    return out.reset_index(drop=True)


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def indicators_table(dataset) -> pd.DataFrame:
    # Texts in every language of the package (name_vi, name_en…), like the data files.
    def texts(record: dict, key: str) -> dict:
        return {
            f"{key}_{lang}": " ".join(str(record.get(f"{key}_{lang}") or "").split())
            for lang in LANGUAGES
        }

    rows = [
        {
            "indicator": ind_id,
            **texts(spec, "name"),
            "unit": spec["unit"],
            **{f"unit_{k}": v for k, v in texts(dataset.units[spec["unit"]], "symbol").items()},
            "value_type": spec["value_type"],
            "direction": spec["direction"],
            "ceiling": spec.get("ceiling"),
            "additive": bool(spec.get("additive", False)),
            "group": spec["group"],
            "stages": ";".join(spec.get("stages", [])),
            **texts(spec, "definition"),
            **texts(spec, "publisher"),
        }
        for ind_id, spec in dataset.indicators.items()
    ]
    return pd.DataFrame(rows)


def inferred_schema(frame: pd.DataFrame) -> dict:
    """A Table Schema for a derived table, from the values it holds."""
    fields = []
    for column in frame.columns:
        values = frame[column].dropna()
        values = values[values.map(lambda v: v != "")]
        if pd.api.types.is_bool_dtype(frame[column]) or (
            len(values) and values.map(lambda v: isinstance(v, bool)).all()
        ):
            type_ = "boolean"
        elif (
            len(values)
            and values.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).all()
        ):
            type_ = (
                "integer"
                if values.map(lambda v: float(v).is_integer()).all()
                and pd.api.types.is_integer_dtype(frame[column])
                else "number"
            )
        else:
            type_ = "string"
        fields.append({"name": column, "type": type_})
    return {"fields": fields}


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8, '\\n' line ends, no index: the same bytes on every machine. Text a spreadsheet
    would run as a formula is neutralised (formula_safe); data/ keeps what was typed."""
    text_columns = [c for c in frame.columns if frame[c].dtype == object or
                    pd.api.types.is_string_dtype(frame[c])]  # fmt: skip
    safe = frame.copy()
    for column in text_columns:
        safe[column] = safe[column].map(formula_safe)
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8")


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): its first character,
# or the first after a ; or a tab, which a spreadsheet set to those separators splits cells on.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_AFTER_SEPARATOR = re.compile(r"([;\t])(?=[=+\-@])")
PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")


def formula_safe(value):
    """A text cell a spreadsheet will show, not run: a leading ' before a formula's first
    character, as OWASP advises. Numbers and numbers written as text ("-5.2") are left alone."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) and not _is_number(value):
        value = "'" + value
    return FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)


def _is_number(text: str) -> bool:
    return PLAIN_NUMBER.fullmatch(text) is not None


def descriptor(dataset, as_of: date, resources: list[dict], name: str, title: str) -> dict:
    """A Frictionless Data Package descriptor for `resources` (each with path and schema)."""
    publication = dataset.programme["publication"]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": name,
        "title": title,
        "description": dataset.edition.labels["package_description"].format(
            name=dataset.programme["short_title"], as_of=as_of.isoformat()
        ),
        "version": as_of.isoformat(),
        "licenses": [{"path": publication["licence_url"], "title": "CC BY 4.0"}],
        "contributors": [{"title": publication["publisher"], "roles": ["publisher"]}],
        "resources": resources,
    }


def resource(name: str, path: str, schema: dict, description: str | None = None) -> dict:
    entry = {
        "name": name,
        "type": "table",
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }
    if description:
        entry["description"] = description
    return entry


def package_files(
    dataset,
    as_of: date,
    derived: dict[str, pd.DataFrame],
    name: str,
    title: str,
    tables: dict[str, pd.DataFrame] | None = None,
) -> dict[str, bytes]:
    """File name → bytes of a data package: the tables, the derived tables, the descriptor and the
    JSON Schemas of the YAML files the tables were checked with."""
    tables = edition_tables(dataset, as_of) if tables is None else tables
    files, resources = {}, []
    for table, frame in tables.items():
        path, schema = TABLES[table], table_schema(table)
        files[path] = csv_bytes(frame)
        resources.append(
            resource(path.removesuffix(".csv"), path, schema, schema.get("description"))
        )
    descriptions = dataset.edition.labels["derived_descriptions"]
    for derived_name, frame in derived.items():
        path = f"{derived_name}.csv"
        files[path] = csv_bytes(frame)
        resources.append(
            resource(derived_name, path, inferred_schema(frame), descriptions.get(derived_name))
        )
    for document, filename in DOCUMENTS.items():
        files[filename] = (dataset.data_dir / filename).read_bytes()
        files[f"schemas/{document}.schema.json"] = _json_bytes(document_schema(document))
        resources.append(_yaml_resource(document, filename))
    files["datapackage.json"] = _json_bytes(descriptor(dataset, as_of, resources, name, title))
    return files


def _yaml_resource(document: str, filename: str) -> dict:
    """A YAML file of the programme in the package, with the JSON Schema it was checked with."""
    return {
        "name": f"{document}-yaml",
        "path": filename,
        "format": "yaml",
        "mediatype": "application/yaml",
        "encoding": "utf-8",
        "jsonschema": f"schemas/{document}.schema.json",
    }


def indicator_tables(dataset, as_of: date, indicator_id: str) -> dict[str, pd.DataFrame]:
    """The edition's tables cut to one indicator: its observations and targets, with the areas and
    sources they refer to, so that the package's references still hold."""
    tables = edition_tables(dataset, as_of)
    observations = tables["observations"][tables["observations"]["indicator"] == indicator_id]
    targets = tables["targets"][tables["targets"]["indicator"] == indicator_id]
    areas = tables["areas"]
    used_areas = set(observations["area"])
    used_areas |= set(areas.loc[areas["area_id"].isin(used_areas), "part_of"]) - {""}
    area_sources = set(areas.loc[areas["area_id"].isin(used_areas), "code_source"]) - {""}
    sources = tables["sources"][
        tables["sources"]["source_id"].isin(set(observations["source"]) | area_sources)
    ]
    return {
        "areas": areas[areas["area_id"].isin(used_areas)].reset_index(drop=True),
        "sources": sources.reset_index(drop=True),
        "targets": targets.reset_index(drop=True),
        "observations": observations.reset_index(drop=True),
    }


def _json_bytes(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
