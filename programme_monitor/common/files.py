"""Putting files on disk: a folder made to hold exactly a set of files, touching only those that
changed (for the book builder), and the files a chapter produces."""

from __future__ import annotations

from pathlib import Path


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
