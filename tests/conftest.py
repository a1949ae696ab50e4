import csv
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
REAL_DATA = PROJECT / "data"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini-programme"


@pytest.fixture
def mini_copy(tmp_path):
    """A writable copy of the synthetic mini programme."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def set_cell(csv_path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; `row` counts like a spreadsheet (header is row 1)."""
    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[row - 2][column] = value
    # A column the file leaves out (an optional one) is added, empty in the other rows.
    fieldnames = list(dict.fromkeys(name for record in rows for name in record))
    with open(csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make_project(root: Path) -> Path:
    """A project tree with the real notebooks, pages, static files and configuration."""
    for name in ["_config.yml", "_toc.yml", "editions.yml"]:
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "notebooks", root / "notebooks")
    shutil.copytree(PROJECT / "_static", root / "_static")
    shutil.copytree(PROJECT / "book", root / "book", ignore=shutil.ignore_patterns("generated"))
    return root


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real programme's site and booklet, built once for every test that reads them."""
    from datetime import date

    from programme_monitor.builder.pipeline import build
    from programme_monitor.builder.settings import BuildSettings

    root = make_project(tmp_path_factory.mktemp("real"))
    settings = BuildSettings(
        root, REAL_DATA, "2026-11-24", ("vi", "en"), built_on=date(2026, 11, 25)
    )
    build(settings)
    return settings


def compile_again(settings, builder: str, script: str, output):
    """Compile the root edition of a built site again with `builder` into `output`, through
    `script` (Python that patches a module, then runs Jupyter Book's command): what the site's
    compile would give with that change. Returns the compile's `_build` folder."""
    import subprocess
    import sys

    from programme_monitor.builder.compile import jupyter_book_command

    arguments, env = jupyter_book_command(settings, builder, settings.root_lang)
    arguments[arguments.index("--path-output") + 1] = str(output)
    subprocess.run(
        [sys.executable, "-c", script, *arguments],
        env=env,
        cwd=settings.project_dir,
        check=True,
        capture_output=True,
    )
    return output / "_build"
