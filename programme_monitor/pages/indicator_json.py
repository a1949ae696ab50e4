"""One indicator as a JSON file other sites can reuse, with the JSON Schema it follows.

What the indicator's page shows, as data: the definition, the programme's targets with their
status and every input of the judgement, the observations (each saying whether it is of the
programme's own area or another area given for comparison), and the sources with when each was
last checked. The schema lives beside this module (indicator_json.schema.yaml) and is published
as JSON next to the files, so a reuser validates what they download against what the build
wrote. Same inputs, same bytes: keys in a fixed order, no time stamp.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pandas as pd

from programme_monitor.assess.assessment import inputs_table
from programme_monitor.assess.selection import observations_of, programme_lineages
from programme_monitor.common.resources import package_yaml

SCHEMA_NAME = "indicator.schema.json"


def indicator_schema() -> dict:
    return package_yaml("pages", "indicator_json.schema.yaml")


def schema_bytes() -> bytes:
    return _dumps(indicator_schema())


def indicator_document(dataset, indicator_id: str, statuses: dict, as_of: date) -> dict:
    """The indicator's data as this edition publishes it (texts in the edition's language)."""
    spec = dataset.indicators[indicator_id]
    unit = dataset.units[spec["unit"]]
    targets = dataset.targets[dataset.targets["indicator"] == indicator_id]
    observations = observations_of(dataset, indicator_id, as_of)
    own = programme_lineages(dataset, targets)
    inputs = inputs_table(dataset, statuses, as_of, targets) if len(targets) else pd.DataFrame()
    used = list(dict.fromkeys(observations["source"]))
    sources = dataset.sources.set_index("source_id", drop=False)
    return {
        "$schema": SCHEMA_NAME,
        "indicator": indicator_id,
        "name": spec["name"],
        "definition": " ".join(str(spec.get("definition", "")).split()),
        "unit": {"id": spec["unit"], "symbol": unit.get("symbol") or "", "name": unit["name"]},
        "value_type": spec["value_type"],
        "direction": spec["direction"],
        "usually_published_by": spec.get("publisher", ""),
        "programme": dataset.programme["short_title"],
        "programme_area": dataset.programme.get("area_name") or dataset.programme["area"],
        "as_of": as_of.isoformat(),
        "language": dataset.edition.lang,
        "targets": [_target(dataset, t, statuses[t["target_id"]]) for _, t in targets.iterrows()],
        "inputs": [_plain(row) for row in inputs.to_dict("records")],
        "observations": [_observation(dataset, o, own) for _, o in observations.iterrows()],
        "sources": [_source(sources.loc[s]) for s in used if s in sources.index],
    }


def indicator_json(dataset, indicator_id: str, statuses: dict, as_of: date) -> bytes:
    return _dumps(indicator_document(dataset, indicator_id, statuses, as_of))


def json_files(dataset, indicator_id: str, statuses: dict, as_of: date, folder: Path) -> dict:
    """The indicator's JSON and the schema it follows (every page writes the same schema)."""
    return {
        folder / f"{indicator_id}.json": indicator_json(dataset, indicator_id, statuses, as_of),
        folder / SCHEMA_NAME: schema_bytes(),
    }


def _target(dataset, target: pd.Series, result) -> dict:
    scope = dataset.programme["scopes"][target["area"]]
    return {
        "target_id": target["target_id"],
        "clause": target["clause"],
        "statement": target["statement"],
        "scope": target["area"],
        "scope_name": scope["name"],
        "kind": target["kind"],
        "year": int(target["year"]),
        "low": _number(target["low"]),
        "high": _number(target["high"]),
        "value_text": target["value_text"] or None,
        "status": result.status,
        "reason": result.reason,
    }


def _observation(dataset, observation: pd.Series, own: set) -> dict:
    return {
        "area": observation["area"],
        "area_name": dataset.area_names[observation["area"]],
        # Figures of other areas are given for comparison only: never the programme's own.
        "programme_area": observation["lineage"] in own,
        "period": observation["period"],
        "value": _number(observation["value_number"]),
        "value_text": None
        if _number(observation["value_number"]) is not None
        else observation["value"],
        "unit": observation["unit"],
        "flags": list(observation["flags"]),
        "note": observation["note"] or None,
        "source": observation["source"],
    }


def _source(source: pd.Series) -> dict:
    return {
        "source_id": source["source_id"],
        "title": source["title"],
        "publisher": source["publisher"],
        "url": source["url"] or None,
        "published": source["published"],
        "checked": source.get("checked") or None,
    }


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _plain(row: dict) -> dict:
    """A row of the inputs table as JSON values: numbers, text, true/false or null."""
    out = {}
    for key, value in row.items():
        if isinstance(value, bool) or value is None or isinstance(value, str):
            out[key] = value
        elif isinstance(value, (int, float)):
            out[key] = None if isinstance(value, float) and math.isnan(value) else value
        else:
            out[key] = None if pd.isna(value) else str(value)
    return out


def _dumps(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode()
