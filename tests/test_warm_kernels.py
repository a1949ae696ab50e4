"""Chapters in a kernel kept warm give exactly what a fresh kernel gives (issue 22, point 1)."""

import shutil
from datetime import date

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from programme_monitor.builder.pipeline import build
from programme_monitor.builder.settings import BuildSettings
from programme_monitor.builder.warm_kernels import ENGINE, WarmKernel
from tests.conftest import MINI
from tests.test_build_end_to_end import make_project


def _evaluate(kernel: WarmKernel, expression: str) -> str:
    reply = kernel.control.execute_interactive(
        f"print(repr({expression}))", store_history=False, output_hook=_keep, timeout=60
    )
    assert reply["content"]["status"] == "ok"
    return _kept.pop()


_kept: list[str] = []


def _keep(message) -> None:
    if message["msg_type"] == "stream":
        _kept.append(message["content"]["text"].strip())


def test_a_chapter_leaves_nothing_for_the_next(tmp_path):
    kernel = WarmKernel()
    try:
        first, second = tmp_path / "first", tmp_path / "second"
        first.mkdir(), second.mkdir()
        kernel.prepare(str(first))
        # What a careless chapter might leave behind.
        kernel.control.execute_interactive(
            "import matplotlib, matplotlib.pyplot as plt, warnings\n"
            "left = 42\n"
            "matplotlib.rcParams['font.size'] = 31\n"
            "plt.figure()\n"
            "warnings.simplefilter('error')\n",
            timeout=60,
        )
        assert _evaluate(kernel, "left") == "42"
        kernel.prepare(str(second))
        assert _evaluate(kernel, "'left' in globals()") == "False"
        assert _evaluate(kernel, "__import__('matplotlib').rcParams['font.size']") == "10.0"
        assert _evaluate(kernel, "len(__import__('matplotlib.pyplot').pyplot.get_fignums())") == "0"
        assert _evaluate(kernel, "__import__('warnings').filters[0][0]") != "'error'"
        assert _evaluate(kernel, "__import__('os').getcwd()") == repr(str(second))
        # The next cell a chapter runs is its first.
        assert _evaluate(kernel, "get_ipython().execution_count") == "1"
        # ... and what makes it quick stays: the package is imported.
        assert _evaluate(kernel, "'programme_monitor.pages.charts' in __import__('sys').modules")
        # ... and the chapters share the programme's check and assessments (shared_work.py).
        work = "__import__('programme_monitor.pages.shared_work', fromlist=['_']).chapter_work()"
        assert _evaluate(kernel, f"type({work}).__name__") == "'SharedChapterWork'"
    finally:
        kernel.close()


def _no_new_client(*args, **kwargs):
    raise AssertionError("a chapter made a client of its own (it waits 0.2 s for it)")


def test_chapters_share_one_client_and_each_gets_only_its_own_output(tmp_path):
    kernel = WarmKernel()
    try:
        kernel.manager.client = _no_new_client
        chapters = {
            "first": "print('first', n)\nimport sys; print('said late', file=sys.stderr)",
            "broken": "print('broken', n)\nraise ValueError('on purpose')",
            "second": "print('second', n)",
        }
        for number, (name, code) in enumerate(chapters.items()):
            run_dir = tmp_path / name
            run_dir.mkdir()
            template = tmp_path / f"{name}.ipynb"
            parameters = new_code_cell("n = -1", metadata={"tags": ["parameters"]})
            nbformat.write(new_notebook(cells=[parameters, new_code_cell(code)]), template)
            kernel.prepare(str(run_dir))
            try:
                papermill.execute_notebook(
                    str(template),
                    str(run_dir / "out.ipynb"),
                    parameters={"n": number},
                    cwd=str(run_dir),
                    kernel_name="python3",
                    language="python",
                    progress_bar=False,
                    engine_name=ENGINE,
                    km=kernel.manager,
                    kc=kernel.chapters,
                )
            except papermill.PapermillExecutionError as error:
                assert name == "broken" and error.evalue == "on purpose"
            executed = nbformat.read(run_dir / "out.ipynb", as_version=4)
            streams = [
                output["text"]
                for cell in executed.cells
                for output in cell.get("outputs", [])
                if output["output_type"] == "stream"
            ]
            expected = {"first": ["first 0\n", "said late\n"], "broken": ["broken 1\n"]}
            assert streams == expected.get(name, ["second 2\n"])
    finally:
        kernel.close()


@pytest.mark.slow
def test_warm_fresh_and_dask_cluster_builds_give_the_same_bytes(tmp_path):
    """The test programme built three ways: warm kernels (the default), a fresh kernel per
    chapter, and the chapters on a local Dask cluster (issue 22, point 4). Every file of
    book/generated and of the site is the same."""
    from distributed import LocalCluster

    sites = {}
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        ways = {
            "warm": {},
            "fresh": {"fresh_kernels": True},
            "dask": {"scheduler": cluster.scheduler_address},
        }
        for way, options in ways.items():
            root = tmp_path / way
            root.mkdir()
            make_project(root)
            shutil.copytree(MINI, root / "data")
            settings = BuildSettings(
                root, root / "data", "2026-06-30", booklet=False, built_on=date(2026, 7, 1),
                **options,
            )  # fmt: skip
            report = build(settings)
            assert all(chapter.executed for chapter in report.chapters)
            sites[way] = {
                path.relative_to(root).as_posix(): path.read_bytes()
                for folder in ["book/generated", "_build/html"]
                for path in sorted((root / folder).rglob("*"))
                if path.is_file() and path.name != "build-report.json"  # it holds the times
            }
    warm = sites["warm"]
    assert len(warm) > 100 and any(name.endswith(".svg") for name in warm)
    for way in ["fresh", "dask"]:
        assert sorted(sites[way]) == sorted(warm), way
        assert [name for name in warm if warm[name] != sites[way][name]] == [], way
