"""Build-time benchmark: run by hand, prints figures; not a test.

    .venv/bin/python bench/benchmark.py                  # real programme, 4x and 16x synthetic
    .venv/bin/python bench/benchmark.py --scales 1 --reference

For each programme size it builds a copy of the project in a temporary directory three times: clean
(empty cache), again with nothing changed, and after one observation changed. For each it prints the
seconds of each stage (from the build report), the wall time, the peak memory (PSS) of the whole
process tree and how many notebooks were executed. With --reference, on the real programme it also
builds once with a fresh kernel per chapter (`--fresh-kernels`, the path before warm kernels) and
once with the chapters on a Dask cluster of this machine (`--scheduler`), and
times, on exactly the notebooks the build executes (every edition's):
- papermill alone, as many at a time as the build's workers, and
- Jupyter Book's own cached execution (`execute_notebooks: cache`) from an empty cache, with its
  site, one project per edition.
The synthetic programmes (bench/synthetic.py) are written to the temporary directory only.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_programme  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-04"
PROJECT_FILES = ["_config.yml", "_toc.yml", "editions.yml", "requirements.txt"]
PROJECT_FOLDERS = ["notebooks", "book", "_static"]


def copy_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy(PROJECT / name, root / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("generated"))
    return root


class PeakMemory:
    """Samples the memory of a process and all its children; keeps the peak (bytes).

    Each process counts its proportional set size (PSS): a page shared by several processes is
    shared out between them. The compiles are forks of one process that has imported Sphinx, and
    the resident sizes (RSS) of such forks count their shared pages once in each.
    """

    def __init__(self, process: psutil.Process, every: float = 0.1):
        self.process, self.every, self.peak = process, every, 0
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while self.process.is_running() and self.process.status() != psutil.STATUS_ZOMBIE:
            total = 0
            try:
                for p in [self.process, *self.process.children(recursive=True)]:
                    try:
                        total += p.memory_full_info().pss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            time.sleep(self.every)

    def stop(self) -> int:
        self._thread.join(timeout=1)
        return self.peak


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run a command; wall seconds, peak memory of its process tree (bytes), output."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    memory = PeakMemory(psutil.Process(process.pid))
    output, _ = process.communicate()
    wall = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{output[-3000:]}")
    return wall, peak, output


def build_once(
    project: Path, data: Path, jobs: int, pdf: bool, fresh: bool = False, scheduler: str = ""
) -> dict:
    command = [
        sys.executable,
        "-m",
        "programme_monitor",
        "build",
        "--project",
        str(project),
        "--data",
        str(data),
        "--as-of",
        AS_OF,
        "--built-on",
        AS_OF,
        "--jobs",
        str(jobs),
    ]
    if not pdf:
        command.append("--no-pdf")
    if fresh:
        command.append("--fresh-kernels")
    if scheduler:
        command += ["--scheduler", scheduler]
    wall, peak, _ = timed(command, project)
    report = json.loads((project / "_build" / "html" / "build-report.json").read_text("utf-8"))
    return {
        "wall": wall,
        "peak_mib": peak / 2**20,
        "stages": report["stages"],
        "executed": sum(c["executed"] for c in report["chapters"]),
        "chapters": len(report["chapters"]),
        "compiled": report["compiled"],
        "documents_read": report.get("documents_read", {}),
        "xelatex_passes": report.get("xelatex_passes", {}),
    }


def dask_build(project: Path, data: Path, jobs: int, pdf: bool) -> dict:
    """A clean build whose chapters run on a Dask cluster on this machine (`jobs` workers of one
    thread each): what --scheduler costs against worker processes. The workers' memory is not in
    the build's peak: they are this script's children."""
    from distributed import LocalCluster

    copy_project(project)
    with LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = build_once(project, data, jobs, pdf, scheduler=cluster.scheduler_address)
    shutil.rmtree(project)
    return result


def change_one_observation(data: Path) -> str:
    """Add 0.1 to the first numeric observation of a target indicator; says which."""
    path = data / "observations.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(data / "targets.csv", encoding="utf-8", newline="") as handle:
        target_indicators = {row["indicator"] for row in csv.DictReader(handle)}
    for row in rows:
        try:
            value = float(row["value"])
        except ValueError:
            continue
        if row["indicator"] in target_indicators:
            row["value"] = f"{value + 0.1:g}"
            break
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return f"{row['indicator']} {row['area']} {row['period']}"


def measure_scale(work: Path, factor: int, jobs: int, pdf: bool, fresh: bool) -> dict:
    """Clean, nothing changed, one observation changed; with `fresh`, first a clean build with a
    fresh kernel per chapter (the path before warm kernels) in a copy of its own."""
    data = synthetic_programme(PROJECT / "data", factor, work / f"x{factor}-data")
    results = {}
    if fresh:
        fresh_project = copy_project(work / f"x{factor}-fresh")
        results["clean, fresh kernels"] = build_once(fresh_project, data, jobs, pdf, fresh=True)
        shutil.rmtree(fresh_project)
        results["clean, Dask local cluster"] = dask_build(work / f"x{factor}-dask", data, jobs, pdf)
    project = copy_project(work / f"x{factor}")
    results["clean"] = build_once(project, data, jobs, pdf)
    results["nothing changed"] = build_once(project, data, jobs, pdf)
    results["changed"] = change_one_observation(data)
    results["one observation"] = build_once(project, data, jobs, pdf)
    shutil.rmtree(project)
    return results


def parameterised_notebooks(project: Path, data: Path, folder: Path, lang: str) -> list[Path]:
    """The notebooks one edition's build executes, with parameters injected and the cells of
    other languages left out as the build does, not executed (papermill prepare_only)."""
    import nbformat
    import papermill

    from programme_monitor import load_dataset
    from programme_monitor.builder.notebook_output import for_edition
    from programme_monitor.data.chapters import plan_chapters

    folder.mkdir(parents=True)
    for name in ["figures", "downloads", "embed"]:
        (folder / name).mkdir()
    common = {"as_of": AS_OF, "lang": lang, "data_dir": os.path.relpath(data, folder)}
    paths = []
    dataset = load_dataset(data)
    for run in plan_chapters(dataset, date.fromisoformat(AS_OF)):
        path = folder / run.output
        template = for_edition(nbformat.read(project / "notebooks" / run.template, 4), lang)
        nbformat.write(template, path)
        papermill.execute_notebook(
            str(path),
            str(path),
            parameters={**common, **run.parameters},
            prepare_only=True,
            progress_bar=False,
            log_output=False,
        )
        paths.append(path)
    return paths


def edition_languages_of(data: Path) -> list[str]:
    from programme_monitor import load_dataset
    from programme_monitor.data.translations import edition_languages

    return edition_languages(load_dataset(data).programme)


def _papermill_one(path: str) -> None:
    import papermill

    from programme_monitor.builder.kernels import PrivateSocketKernelManager

    # The same kernel transport as the build, so that only papermill itself is measured.
    papermill.execute_notebook(
        path,
        path,
        cwd=str(Path(path).parent),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        kernel_manager_class=PrivateSocketKernelManager,
    )


def measure_references(work: Path, jobs: int) -> dict:
    """On exactly the notebooks the build executes (every edition's): papermill alone, and
    Jupyter Book's cached execution with its site (one Jupyter Book project per edition, as its
    cache keys a notebook by its path)."""
    data = PROJECT / "data"
    languages = edition_languages_of(data)
    alone = copy_project(work / "papermill-alone")
    notebooks = [
        path
        for lang in languages
        for path in parameterised_notebooks(alone, data, alone / "runs" / lang, lang)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_papermill_one, [str(p) for p in notebooks]))
    papermill_alone = time.perf_counter() - started

    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    wall, peak = 0.0, 0
    for lang in languages:
        cached = copy_project(work / f"jupyter-book-cache-{lang}")
        parameterised_notebooks(cached, data, cached / "book" / "generated", lang)
        config = cached / "_config.yml"
        config.write_text(
            config.read_text("utf-8")
            .replace('execute_notebooks: "off"', "execute_notebooks: cache")
            .replace("execute_notebooks: off", "execute_notebooks: cache"),
            "utf-8",
        )
        assert "execute_notebooks: cache" in config.read_text("utf-8"), "setting not found"
        seconds, memory, _ = timed(
            [str(jupyter_book), "build", str(cached), "--builder", "html"], cached
        )
        wall, peak = wall + seconds, max(peak, memory)
    return {
        "notebooks": len(notebooks),
        f"papermill alone, {jobs} at a time": papermill_alone,
        "jupyter-book cached execution + html, every edition": wall,
        "jupyter-book peak MiB": peak / 2**20,
    }


BUILDS = [
    "clean, fresh kernels",
    "clean, Dask local cluster",
    "clean",
    "nothing changed",
    "one observation",
]


def print_scale(factor: int, results: dict) -> None:
    print(f"\n## {factor}x the real programme ({results['clean']['chapters']} notebooks)")
    print(
        f"{'build':<27}{'check':>7}{'notebooks':>10}{'html':>7}{'pdf':>7}{'html-en':>8}"
        f"{'pdf-en':>7}{'publish':>8}{'wall':>8}{'executed':>10}{'peak MiB':>10}"
    )
    clean_wall = results["clean"]["wall"]
    for name in [name for name in BUILDS if name in results]:
        r = results[name]
        s = r["stages"]
        print(
            f"{name:<27}{s.get('check', 0):>7.1f}{s.get('papermill', 0):>10.1f}"
            f"{s.get('html', 0):>7.1f}{s.get('pdf', 0):>7.1f}{s.get('html-en', 0):>8.1f}"
            f"{s.get('pdf-en', 0):>7.1f}{s.get('publish', 0):>8.1f}"
            f"{r['wall']:>8.1f}{r['executed']:>10d}{r['peak_mib']:>10.0f}"
            + (
                ""
                if name.startswith("clean")
                else f"   {100 * r['wall'] / clean_wall:.1f} % of clean"
            )
        )
    for name in [name for name in BUILDS if name in results]:
        read, passes = results[name]["documents_read"], results[name]["xelatex_passes"]
        if read:
            print(
                f"  {name}: chapters Sphinx read again "
                + ", ".join(f"{builder} {count}" for builder, count in read.items())
                + (
                    "; XeLaTeX passes " + ", ".join(f"{b} {n}" for b, n in passes.items())
                    if passes
                    else ""
                )
            )
    if "clean, fresh kernels" in results:
        fresh, warm = results["clean, fresh kernels"], results["clean"]
        print(
            f"warm / fresh kernels: notebook stage "
            f"{warm['stages']['papermill'] / fresh['stages']['papermill']:.2f}, "
            f"clean build {warm['wall'] / fresh['wall']:.2f}"
        )
    if "clean, Dask local cluster" in results:
        dask = results["clean, Dask local cluster"]
        print(
            f"Dask local cluster / worker processes: notebook stage "
            f"{dask['stages']['papermill'] / results['clean']['stages']['papermill']:.2f}, "
            f"clean build {dask['wall'] / results['clean']['wall']:.2f}"
        )
    print(f"(changed observation: {results['changed']})")


def print_references(figures: dict) -> None:
    reference = figures["reference"]
    print("\n## References on the real programme's notebooks")
    for name, value in reference.items():
        print(f"{name:<52}{value:>8.1f}")
    if "x1" in figures:
        clean = figures["x1"]["clean"]
        assert reference["notebooks"] == clean["chapters"], "the references ran other notebooks"
        notebooks = clean["stages"]["papermill"]
        alone = next(v for k, v in reference.items() if k.startswith("papermill alone"))
        print(
            f"our notebook stage / papermill alone, same {clean['chapters']} notebooks: "
            f"{notebooks:.1f} / {alone:.1f} s = {notebooks / alone:.2f}"
        )
        ours = clean["stages"]["papermill"] + sum(
            v for k, v in clean["stages"].items() if k.startswith("html")
        )
        theirs = reference["jupyter-book cached execution + html, every edition"]
        print(
            f"our notebooks + sites / Jupyter Book cached execution + sites, every edition: "
            f"{ours:.1f} / {theirs:.1f} s = {ours / theirs:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,4,16", help="programme sizes, e.g. 1,4,16")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--reference",
        action="store_true",
        help="also time papermill alone and Jupyter Book's cached execution",
    )
    parser.add_argument("--no-pdf", action="store_true", help="leave the booklet out")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    print(
        f"# Build benchmark: {os.cpu_count()} cores, jobs {args.jobs}, "
        f"booklet {'no' if args.no_pdf else 'yes'}, as_of {AS_OF}"
    )
    figures = {}
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as temporary:
        work = Path(temporary)
        for factor in [int(s) for s in args.scales.split(",")]:
            figures[f"x{factor}"] = measure_scale(
                work, factor, args.jobs, not args.no_pdf, args.reference and factor == 1
            )
            print_scale(factor, figures[f"x{factor}"])
        if args.reference:
            figures["reference"] = measure_references(work, args.jobs)
            print_references(figures)
    if len(figures) > 1 and "x1" in figures:
        print("\n## Growth of the clean build (wall seconds per notebook)")
        for name, results in figures.items():
            if name.startswith("x"):
                clean = results["clean"]
                print(
                    f"{name:<6}{clean['wall']:>8.1f} s for {clean['chapters']:>4} notebooks: "
                    f"{clean['wall'] / clean['chapters']:.2f} s each"
                )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
