"""YAML parsed by libyaml when PyYAML was built with it (its wheels are), else by PyYAML's own
parser written in Python.

Every build reads the programme's YAML and the package's, even one that finds nothing to do: with
the Python parser that was 0.24 s for the real programme's 33 files, against 0.03 s with libyaml,
in a build with nothing changed that took 0.9 s (issue 22). Both are safe loaders (no Python
objects made from tags), give the same data, and mark a syntax error with its line.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The YAML document `text`, as `yaml.safe_load` gives it; raises yaml.YAMLError."""
    return yaml.load(text, Loader=SAFE_LOADER)  # either loader is safe: no objects from tags
