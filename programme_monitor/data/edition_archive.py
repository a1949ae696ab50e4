"""Published editions, kept in the programme's folder so that they hold still.

When an edition is published, `python -m programme_monitor archive` writes its data package (the
one its data page offers, in the programme's own language) to `editions/<date>/` beside the data:
what that edition said about every target, task, figure and source. Nothing rewrites it later: a
later edition is compared with it ("what changed since the last edition") and the site offers it
again at a stable address (`editions/<date>/`). The folder is the record; the data files go on
changing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

ARCHIVE_FOLDER = "editions"
# Beside the package: the edition's printed booklets, one per language (`booklets/vi.pdf`), when
# they were built for that date before the edition was archived.
BOOKLETS_FOLDER = "booklets"
# The package's files a later edition is compared with.
COMPARED = ("progress-inputs.csv", "task-status.csv", "observations.csv", "sources.csv")


class ArchiveError(Exception):
    """An edition that cannot be archived, with the reason and the fix."""


def archive_dir(data_dir: Path, edition: date) -> Path:
    return data_dir / ARCHIVE_FOLDER / edition.isoformat()


def archived_editions(data_dir: Path) -> list[date]:
    """The dates of the editions archived in the programme's folder, oldest first."""
    folder = data_dir / ARCHIVE_FOLDER
    found = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        try:
            day = date.fromisoformat(path.name)
        except ValueError:
            continue  # not an edition's folder (a README, say)
        if (path / "datapackage.json").is_file():
            found.append(day)
    return found


def previous_edition(data_dir: Path, as_of: date) -> date | None:
    """The newest edition archived before `as_of`: the one the edition of `as_of` follows."""
    earlier = [day for day in archived_editions(data_dir) if day < as_of]
    return earlier[-1] if earlier else None


def read_edition(data_dir: Path, edition: date) -> dict[str, pd.DataFrame]:
    """The compared tables of an archived edition, every cell as the text it was published as."""
    folder = archive_dir(data_dir, edition)
    return {
        name.removesuffix(".csv"): pd.read_csv(
            folder / name, dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
        for name in COMPARED
    }


def package_of(data_dir: Path, edition: date) -> dict[str, bytes]:
    """An archived edition's data package as it was published, file name → bytes."""
    folder = archive_dir(data_dir, edition)
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and BOOKLETS_FOLDER not in path.relative_to(folder).parts
    }


def booklets_of(data_dir: Path, edition: date) -> dict[str, bytes]:
    """An archived edition's booklets, by language."""
    folder = archive_dir(data_dir, edition) / BOOKLETS_FOLDER
    return {p.stem: p.read_bytes() for p in sorted(folder.glob("*.pdf"))} if folder.is_dir() else {}


def write_edition(data_dir: Path, edition: date, files: dict[str, bytes]) -> Path:
    """Write an edition's package to `editions/<date>/`, whole or not at all; an edition already
    archived is never overwritten (its readers may have cited it)."""
    target = archive_dir(data_dir, edition)
    if target.exists():
        raise ArchiveError(
            f"{target}: ấn bản {edition.isoformat()} đã được lưu; ấn bản đã công bố không được "
            "ghi lại. Cách sửa: công bố một ấn bản mới (thêm ngày vào publication.editions của "
            "programme.yaml) rồi lưu ấn bản đó."
        )
    missing = [name for name in COMPARED if name not in files]
    if missing:
        raise ArchiveError(f"gói dữ liệu thiếu {', '.join(missing)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed into place: an interrupted run leaves no half edition.
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    temporary.chmod(0o777 & ~umask)  # mkdtemp's folder is private; the kept edition is not
    try:
        for name, content in files.items():
            path = temporary / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target
