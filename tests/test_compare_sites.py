"""The byte comparison of two built sites (scripts/compare_sites.py) that guards refactoring."""

import importlib.util
import json

from tests.conftest import PROJECT

spec = importlib.util.spec_from_file_location(
    "compare_sites", PROJECT / "scripts" / "compare_sites.py"
)
compare_sites = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_sites)


def notebook(code: str, shown: str) -> bytes:
    cell = {
        "cell_type": "code",
        "source": [code],
        "metadata": {},
        "outputs": [{"output_type": "stream", "name": "stdout", "text": [shown]}],
    }
    return json.dumps({"cells": [cell]}).encode()


def test_identical_sites_pass_and_any_changed_byte_is_named(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for site in (before, after):
        (site / "book").mkdir(parents=True)
        (site / "index.html").write_bytes(b"<p>60,5 %</p>")
        (site / "build-report.json").write_text(str(site))  # times: may differ
    assert compare_sites.differences(before, after) == []
    (after / "index.html").write_bytes(b"<p>60.5 %</p>")
    (after / "book" / "new.csv").write_bytes(b"a\n")
    assert compare_sites.differences(before, after) == [
        "only after:  book/new.csv",
        "differs:     index.html",
    ]


def test_a_notebook_may_change_its_code_but_not_what_it_showed(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir(), after.mkdir()
    (before / "page.ipynb").write_bytes(notebook("print(1)", "1"))
    (after / "page.ipynb").write_bytes(notebook("show(1)", "1"))
    assert compare_sites.differences(before, after) == []
    (after / "page.ipynb").write_bytes(notebook("show(1)", "2"))
    assert compare_sites.differences(before, after) == ["differs:     page.ipynb"]
