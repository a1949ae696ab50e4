"""Which code a chapter's cache key covers: the whole package but the rooms no chapter runs."""

import json
import re
import shutil
import subprocess
import sys

from programme_monitor.builder.chapter_inputs import (
    OUTSIDE_CHAPTERS,
    PACKAGE,
    chapter_code_digest,
    code_digest,
)
from tests.conftest import PROJECT


def test_a_change_outside_the_chapters_rooms_runs_no_chapter_again(tmp_path):
    package = tmp_path / "programme_monitor"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))

    def digests():
        code_digest.cache_clear()
        return chapter_code_digest(package), code_digest(package)

    chapters, whole = digests()
    with open(package / "site" / "sphinx_site.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a change to the Sphinx extension\n")
    after_site = digests()
    assert after_site[0] == chapters  # no chapter runs again
    assert after_site[1] != whole  # the compiles start again (compile.py)
    with open(package / "pages" / "charts.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a change to the charts\n")
    assert digests()[0] != chapters
    code_digest.cache_clear()


def test_no_module_a_chapter_loads_is_left_out_of_its_key():
    """What a warm kernel imports before its chapters, and what the notebooks import, in a fresh
    Python: none of it may come from a room the chapters' key leaves out."""
    imports = set()
    for notebook in (PROJECT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(notebook.read_text("utf-8"))["cells"]:
            imports |= set(
                re.findall(r"from (programme_monitor[\w.]*) import", "".join(cell["source"]))
            )
    assert "programme_monitor.pages.chapter" in imports
    script = (
        "import importlib, json, sys\n"
        "from programme_monitor.builder import kernel_reset\n"
        "kernel_reset.preload()\n"
        f"for name in {sorted(imports)!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
    )
    assert "programme_monitor.pages.indicator_page" in loaded
    left_out = [
        name
        for name in loaded
        if name.startswith("programme_monitor.") and name.split(".")[1] in OUTSIDE_CHAPTERS
    ]
    assert left_out == []
