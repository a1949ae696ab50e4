"""A new programme's folder to start from (`python -m programme_monitor new DIR`), and what is
still to fill in it.

The folder (scaffold/) has every file, commented where the format allows, and builds as it is
into a publication marked as a sample (MẪU). Every place to fill holds «…»; `unfilled` lists the
places still holding it, so that `check` can say all that is missing at once.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from programme_monitor.data.programme_pages import PAGES_FOLDER

MARK = "«"  # every place to fill holds «…», and nothing a programme writes does
SAMPLE_NUMBER = "MAU-01"  # the sample's number: a booklet's file name cannot hold «…»


class FolderNotEmpty(Exception):
    pass


def write_scaffold(folder: Path) -> list[Path]:
    """Copies the sample programme into `folder` (new or empty); the files written."""
    if folder.exists() and any(folder.iterdir()):
        raise FolderNotEmpty(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return _copy_tree(resources.files("programme_monitor").joinpath("data", "scaffold"), folder)


def _copy_tree(source, folder: Path) -> list[Path]:
    written = []
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        target = folder / entry.name
        if entry.is_dir():
            target.mkdir(exist_ok=True)
            written += _copy_tree(entry, target)
            continue
        target.write_bytes(entry.read_bytes())
        written.append(target)
    return written


def unfilled(data_dir: Path) -> list[tuple[str, str, str]]:
    """(file, where, text) of every place that still holds the sample's «…» or number: the row
    and column of a CSV file, the line of any other file."""
    places = []
    pages = sorted((data_dir / PAGES_FOLDER).glob("*.md"))
    for path in sorted(data_dir.iterdir()) + pages:
        if not path.is_file() or path.suffix not in (".csv", ".yaml", ".yml", ".txt", ".md"):
            continue
        name = path.relative_to(data_dir).as_posix()
        text = path.read_text("utf-8", errors="replace")
        places += _in_table(name, text) if path.suffix == ".csv" else _in_lines(path, name, text)
    return places


def _in_lines(path: Path, name: str, text: str) -> list[tuple[str, str, str]]:
    """Lines holding a place to fill; in YAML, not in a comment (comments show «…» as advice)."""
    places = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line if path.suffix in (".txt", ".md") else line.split("#")[0]
        if _to_fill(value):
            places.append((name, str(number), _shown(line)))
    return places


def _in_table(name: str, text: str) -> list[tuple[str, str, str]]:
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0] if rows else []
    return [(name, f"{row} / {column}", _shown(cell))
            for row, cells in enumerate(rows[1:], start=2)
            for column, cell in zip(header, cells) if _to_fill(cell)]  # fmt: skip


def _to_fill(text: str) -> bool:
    return MARK in text or SAMPLE_NUMBER in text


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"
