"""Content digests: what decides whether a chapter runs again or the site compiles again.

Digests of content, never of timestamps: a file touched but unchanged gives the same digest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def value_digest(value) -> str:
    """Digest of a JSON-serialisable value, independent of key order."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bytes_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def tree_digest(paths: list[Path], root: Path) -> str:
    """Digest of files (names relative to `root`, and contents), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
