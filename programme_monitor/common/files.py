"""Putting files on disk: a folder made to hold exactly a set of files, touching only those that
changed (for the book builder), the files a chapter produces, and zips whose bytes depend only on
the files they hold."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry; no build time leaks in


def sync_directory(target: Path, files: dict[str, bytes], keep: tuple[str, ...] = ()) -> list[str]:
    """Make `target` hold exactly `files`; returns the names written or removed. Names under a
    folder of `keep` are another writer's and are left as they are.

    A file whose content is already right is not touched, so its modification time stays and the
    book builder sees it unchanged (Sphinx decides what to re-read by modification time).
    """
    changed = [name for name, content in files.items() if _write_if_changed(target / name, content)]
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(target.rglob("*"), reverse=True):
        name = path.relative_to(target).as_posix()
        if any(name == folder or name.startswith(folder + "/") for folder in keep):
            continue
        if path.is_file() and name not in files:
            path.unlink()
            changed.append(name)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.is_file() and path.read_bytes() == content:
        return False
    _write(path, content)
    return True


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def write_files(files: dict[Path, bytes]) -> None:
    """Write each file, making its folder; what a page produces reaches the disk here."""
    for path, content in files.items():
        _write(Path(path), content)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, fixed time stamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
