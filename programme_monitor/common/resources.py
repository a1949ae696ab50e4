"""YAML files shipped inside the package, beside the code that reads them (labels, vocabulary,
schemas, the progress method, the template's columns, what each chapter reads).

Read once per process: they do not change while it runs. Every caller gets the same object, so
treat it as read-only (localizing one, for instance, makes a copy).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from programme_monitor.common.yaml_text import parse_yaml


@cache
def package_yaml(folder: str, name: str) -> Any:
    """The YAML document `programme_monitor/<folder>/<name>` (`folder` may hold a slash:
    "data/schemas")."""
    place = resources.files("programme_monitor")
    for part in [*folder.split("/"), name]:
        place = place.joinpath(part)
    return parse_yaml(place.read_text("utf-8"))
