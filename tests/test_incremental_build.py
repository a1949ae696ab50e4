"""Incremental and reproducible builds: only what changed runs again, and the same inputs give the
same bytes, whether built from scratch or updated, in one directory or another."""

import json
import os
import shutil
from datetime import date
from pathlib import Path

import nbformat
import pytest

from programme_monitor import load_dataset
from programme_monitor.builder.build_report import REPORT_NAME
from programme_monitor.builder.chapter_inputs import data_digest, indicators_read
from programme_monitor.builder.execution_cache import (
    ConflictingOutputs,
    ExecutionCache,
    merge_outputs,
)
from programme_monitor.builder.notebook_output import without_run_details
from programme_monitor.builder.pipeline import build
from programme_monitor.builder.settings import BuildSettings
from programme_monitor.common.files import sync_directory
from programme_monitor.data.chapters import ChapterRun, plan_chapters
from tests.conftest import MINI, set_cell
from tests.test_build_end_to_end import make_project


def runs_by_output(dataset) -> dict[str, ChapterRun]:
    # The mini programme keeps its edition of 15/01/2026: an edition after it has the chapter on
    # what changed since, which compares every figure, so any change reaches it.
    return {run.output: run for run in plan_chapters(dataset, date(2026, 12, 31))}


def digests(data_dir: Path) -> dict[str, str]:
    dataset = load_dataset(data_dir)
    return {
        name: data_digest(data_dir, run, dataset) for name, run in runs_by_output(dataset).items()
    }


def test_one_changed_observation_changes_only_the_pages_that_read_its_indicator(mini_copy):
    before = digests(mini_copy)
    set_cell(mini_copy / "observations.csv", 3, "value", "34")  # tree_cover, 2025-H1
    after = digests(mini_copy)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {
        "since-last-edition.ipynb",
        "overview.ipynb",
        "targets-green.ipynb",
        "indicator-tree_cover.ipynb",
        "figures-wanted.ipynb",  # a figure may take a target off the register
        "data.ipynb",
        "sources.ipynb",
    }


def test_a_changed_target_does_not_reach_the_methodology_or_other_indicators(mini_copy):
    before = digests(mini_copy)
    set_cell(mini_copy / "targets.csv", 2, "statement_vi", "Câu mục tiêu khác (giả)")
    after = digests(mini_copy)
    assert before["methodology.ipynb"] == after["methodology.ipynb"]
    assert before["indicator-new_roads.ipynb"] == after["indicator-new_roads.ipynb"]
    assert before["tasks.ipynb"] != after["tasks.ipynb"]  # deadlines come from target years


def test_any_other_data_file_reaches_every_chapter(mini_copy):
    before = digests(mini_copy)
    with open(mini_copy / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write("")  # same content: nothing changes
    assert digests(mini_copy) == before
    (mini_copy / "areas.csv").write_text(
        (mini_copy / "areas.csv").read_text("utf-8") + "\n", "utf-8"
    )
    after = digests(mini_copy)
    assert all(before[name] != after[name] for name in before)


def test_an_indicator_page_reads_the_indicators_declared_related_to_it(mini_copy):
    dataset = load_dataset(mini_copy)
    dataset.indicators["tree_cover"]["related"] = ["new_roads"]
    run = ChapterRun("indicator.ipynb", "x.ipynb", {"indicator_id": "tree_cover"})
    assert indicators_read(run, dataset, "observations.csv") == {"tree_cover", "new_roads"}
    assert (
        indicators_read(ChapterRun("overview.ipynb", "o.ipynb"), dataset, "observations.csv")
        is None
    )  # not declared: every row


def test_sync_writes_only_what_differs_and_removes_what_is_gone(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "same.txt").write_bytes(b"a")
    (tmp_path / "figures" / "old.svg").write_bytes(b"old")
    os.utime(tmp_path / "same.txt", (1_000_000, 1_000_000))
    changed = sync_directory(tmp_path, {"same.txt": b"a", "new/one.csv": b"1"})
    assert sorted(changed) == ["figures/old.svg", "new/one.csv"]
    assert (tmp_path / "same.txt").stat().st_mtime == 1_000_000  # untouched, so not re-read
    assert not (tmp_path / "figures").exists()
    assert (tmp_path / "new" / "one.csv").read_bytes() == b"1"
    # another writer's folder is left alone
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "page.ipynb").write_bytes(b"{}")
    assert sync_directory(tmp_path, {"same.txt": b"a"}, keep=("theirs",)) == ["new/one.csv"]
    assert (tmp_path / "theirs" / "page.ipynb").exists()


def test_two_chapters_writing_one_file_differently_are_named(tmp_path):
    for chapter, content in [("a", b"1"), ("b", b"2")]:
        (tmp_path / chapter / "figures").mkdir(parents=True)
        (tmp_path / chapter / "figures" / "x.svg").write_bytes(content)
    assert merge_outputs([("a.ipynb", tmp_path / "a"), ("a2.ipynb", tmp_path / "a")])
    with pytest.raises(ConflictingOutputs, match="a.ipynb và b.ipynb cùng ghi tệp figures/x.svg"):
        merge_outputs([("a.ipynb", tmp_path / "a"), ("b.ipynb", tmp_path / "b")])


def test_the_cache_keeps_recent_spare_entries_and_drops_the_oldest(tmp_path):
    cache = ExecutionCache(tmp_path / "cache")
    for number, key in enumerate(["aa1", "aa2", "bb3", "bb4"]):
        prepared = tmp_path / f"p{number}"
        prepared.mkdir()
        cache.store(key, prepared)
        os.utime(cache.entry(key), (1_000_000 + number, 1_000_000 + number))
    assert cache.prune(keep={"aa1"}, spare=1) == 2
    assert [k for k in ["aa1", "aa2", "bb3", "bb4"] if cache.has(k)] == ["aa1", "bb4"]


def test_run_details_are_removed_and_cell_ids_are_stable():
    def executed(when: str) -> nbformat.NotebookNode:
        cell = nbformat.v4.new_code_cell("1")
        cell.metadata = {
            "execution": {"iopub.execute_input": when},
            "papermill": {"start_time": when, "duration": 0.1},
        }
        notebook = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("x")])
        notebook.metadata["papermill"] = {
            "parameters": {"as_of": "2026-01-01"},
            "start_time": when,
            "input_path": f"/home/{when}/overview.ipynb",
        }
        return without_run_details(notebook)

    first, second = executed("2026-01-01T00:00:00"), executed("2026-02-02T00:00:00")
    assert nbformat.writes(first) == nbformat.writes(second)
    assert first.metadata["papermill"] == {"parameters": {"as_of": "2026-01-01"}}
    assert [cell.id for cell in first.cells] == ["cell-000", "cell-001"]
    nbformat.validate(first)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a site but the build report, the one file that records times."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.name != REPORT_NAME
    }


def report_of(site: Path) -> dict:
    return json.loads((site / REPORT_NAME).read_text("utf-8"))


def executed(site: Path) -> set[str]:
    return {c["output"] for c in report_of(site)["chapters"] if c["executed"]}


@pytest.mark.slow
def test_updates_run_only_what_changed_and_give_the_bytes_of_a_clean_build(tmp_path):
    def settings(root):
        return BuildSettings(root, root / "data", "2026-12-31", jobs=2, built_on=date(2027, 1, 5))

    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = make_project(tmp_path / "first")
    shutil.copytree(MINI, first / "data")
    build(settings(first))
    site = first / "_build" / "html"
    assert len(executed(site)) == len(plan_chapters(load_dataset(MINI), date(2026, 12, 31)))
    clean = site_files(site)
    read_first = report_of(site)["documents_read"]
    assert read_first["pdf"] == read_first["html"] > 5 and report_of(site)["xelatex_passes"]["pdf"]

    # nothing changed: no chapter runs, nothing is compiled, the site stays as it was
    build(settings(first))
    assert executed(site) == set() and report_of(site)["compiled"] is False
    assert site_files(site) == clean
    # ... found before the data was even checked: the site records its inputs' digest
    assert list(report_of(site)["stages"]) == ["unchanged"]

    # one observation changed: its indicator's page and the summaries that include it
    set_cell(first / "data" / "observations.csv", 3, "value", "34")
    build(settings(first))
    assert executed(site) == {
        "since-last-edition.ipynb",
        "overview.ipynb",
        "targets-green.ipynb",
        "indicator-tree_cover.ipynb",
        "figures-wanted.ipynb",  # a figure may take a target off the register
        "data.ipynb",
        "sources.ipynb",
    }
    updated = site_files(site)
    assert updated != clean
    # Sphinx reads again only the chapters whose output changed, for the booklet as for the site
    # (the booklet's compile used to read every chapter each time: numfig_secnum_depth in
    # _config.yml).
    read = report_of(site)["documents_read"]
    assert 0 < read["pdf"] == read["html"] < read_first["html"]

    # the same inputs built from scratch elsewhere: the same bytes (HTML, downloads, charts, PDF)
    second = make_project(tmp_path / "second")
    shutil.copytree(first / "data", second / "data")
    build(settings(second))
    rebuilt = site_files(second / "_build" / "html")
    assert sorted(rebuilt) == sorted(updated)
    differing = [name for name in rebuilt if rebuilt[name] != updated[name]]
    assert differing == []
    assert any(name.endswith(".pdf") for name in rebuilt)
    assert any(name.endswith(".svg") for name in rebuilt)
    assert any(name.endswith(".csv") for name in rebuilt)
    assert any(name.endswith(".xlsx") for name in rebuilt)  # the figures wanted, pre-filled
    # no path of the machine inside: the two projects sit in different directories
    assert not [name for name, content in rebuilt.items() if str(tmp_path).encode() in content]


def test_chapters_start_longest_first_by_their_last_times():
    from programme_monitor.builder.execute import execution_times, longest_first
    from programme_monitor.builder.execution_cache import KeyedRun

    pending = [KeyedRun(ChapterRun("t.ipynb", name), {}, name) for name in ["a", "b", "c", "new"]]
    previous = {
        "chapters": [
            {"output": "a", "executed": True, "seconds": 1.0},
            {"output": "b", "executed": False, "seconds": 3.0},
            {"output": "c", "executed": True, "seconds": 2.9},
        ]
    }
    order = [keyed.run.output for keyed in longest_first(pending, execution_times(previous))]
    assert order == ["b", "c", "new", "a"]  # a chapter never run counts as the mean, 2.3 s


def test_compile_work_is_kept_only_for_the_same_set_of_files(tmp_path):
    """Sphinx never deletes the output of a page or a download that is gone, and keeps a static
    file it copied before, so a build whose files differ (another reporting date names the data
    archive differently) or whose static files changed compiles clean."""
    from programme_monitor.builder.compile import _forget_work_if_files_changed
    from programme_monitor.builder.settings import BuildSettings

    (tmp_path / "book" / "generated").mkdir(parents=True)
    (tmp_path / "_static").mkdir()
    (tmp_path / "book" / "generated" / "toc.yml").write_text("format: jb-book\n", "utf-8")
    (tmp_path / "_config.yml").write_text("title: t\n", "utf-8")
    (tmp_path / "_static" / "custom.css").write_text("a {}\n", "utf-8")
    archive = tmp_path / "book" / "generated" / "downloads" / "x-2026-06-30-du-lieu.zip"
    archive.parent.mkdir()
    archive.write_bytes(b"1")
    settings = BuildSettings(
        tmp_path,
        tmp_path / "data",
        "2026-06-30",
        ("vi",),
        1,
        booklet=False,
        built_on=date(2026, 6, 30),
    )
    stale = tmp_path / "_build" / "work" / "vi" / "html" / "stale.html"

    def work_kept() -> bool:
        stale.parent.mkdir(parents=True, exist_ok=True)
        stale.write_text("old", "utf-8")
        _forget_work_if_files_changed(settings, "vi")
        return stale.exists()

    assert not work_kept()  # first compile: nothing recorded yet
    archive.write_bytes(b"2")
    assert work_kept()  # same files, new content: Sphinx updates what changed
    archive.rename(archive.with_name("x-2026-11-24-du-lieu.zip"))
    assert not work_kept()
    assert work_kept()
    # Sphinx 7.4 keeps a static file it copied before: an edited stylesheet compiles clean
    (tmp_path / "_static" / "custom.css").write_text("a { color: red }\n", "utf-8")
    assert not work_kept()
