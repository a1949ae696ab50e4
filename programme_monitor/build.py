"""The build: check the data, execute the chapter notebooks, compile the site, publish it whole.

Phases, in order (each stops the build on failure):
1. check   - load_dataset() reads and cross-checks every data file;
2. execute - papermill runs each planned chapter into book/generated/ with the parameters;
3. compile - `jupyter-book build` with warnings as errors, into a staging directory;
4. publish - the staging site replaces _build/html in one rename; a failed build leaves the last
             good site where it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill

from programme_monitor.chapters import plan_chapters
from programme_monitor.dataset import Dataset, load_dataset
from programme_monitor.errors import DataErrors
from programme_monitor.notebook_output import prepare_for_book
from programme_monitor.selection import resolve_as_of

log = logging.getLogger("programme_monitor.build")


@dataclass(frozen=True)
class BuildSettings:
    project_dir: Path
    data_dir: Path
    as_of: str
    lang: str = "vi"
    # Notebooks run at once: one per core; more workers than cores gain nothing (measured).
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)

    @property
    def notebooks_dir(self) -> Path:
        return self.project_dir / "notebooks"

    @property
    def generated_dir(self) -> Path:
        return self.project_dir / "book" / "generated"

    @property
    def site_dir(self) -> Path:
        return self.project_dir / "_build" / "html"

    @property
    def staging_dir(self) -> Path:
        return self.project_dir / "_build" / "staging"


class BuildFailed(Exception):
    """A phase failed; the message says which and where to look."""


def execute_chapters(settings: BuildSettings, dataset: Dataset) -> dict[str, float]:
    """Run every planned chapter with papermill, `settings.jobs` at a time.

    Returns seconds per chapter in the order of the plan, whatever order they finished in.
    """
    generated = settings.generated_dir
    if generated.exists():
        shutil.rmtree(generated)
    (generated / "figures").mkdir(parents=True)
    common = {"as_of": settings.as_of, "lang": settings.lang,
              "data_dir": str(settings.data_dir.resolve())}
    jobs = [(str(settings.notebooks_dir / run.template), str(generated / run.output),
             {**common, **run.parameters}, str(generated)) for run in plan_chapters(dataset)]
    # Processes, not threads: each notebook's kernel client keeps its own event loop and sockets.
    with ProcessPoolExecutor(max_workers=max(1, min(settings.jobs, len(jobs)))) as pool:
        seconds = list(pool.map(_execute_one, jobs))
    timings = {Path(output).name: took for (_, output, _, _), took in zip(jobs, seconds)}
    for name, took in timings.items():
        log.info("executed %s in %.1f s", name, took)
    return timings


def _execute_one(job: tuple[str, str, dict, str]) -> float:
    """One papermill run, then the notebook made ready for the book; seconds taken."""
    template, output, parameters, cwd = job
    started = time.perf_counter()
    try:
        papermill.execute_notebook(template, output, parameters=parameters, cwd=cwd,
                                   kernel_name="python3", progress_bar=False, log_output=False)
    except papermill.PapermillExecutionError as exc:
        raise BuildFailed(f"chương {Path(output).name} lỗi khi chạy: {exc.ename}: {exc.evalue} "
                          f"(xem {output})") from None
    notebook = nbformat.read(output, as_version=4)
    nbformat.write(prepare_for_book(notebook), output)
    return time.perf_counter() - started


def compile_site(settings: BuildSettings) -> Path:
    """Jupyter Book into the staging directory; warnings are errors. Returns the built site."""
    if settings.staging_dir.exists():
        shutil.rmtree(settings.staging_dir)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(settings.project_dir),
               "--path-output", str(settings.staging_dir), "-W", "-n", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailed("Jupyter Book báo lỗi hoặc cảnh báo:\n"
                          + _warnings_from(result.stdout + result.stderr))
    return settings.staging_dir / "_build" / "html"


def _warnings_from(output: str) -> str:
    lines = [line for line in output.splitlines()
             if "WARNING" in line or "ERROR" in line or "Error" in line]
    return "\n".join(lines[-40:]) or output[-4000:]


def publish_site(built: Path, site_dir: Path) -> None:
    """Replace the published site with the new one; the old one goes only once the new is in."""
    if not (built / "index.html").exists():
        raise BuildFailed(f"không thấy {built / 'index.html'} sau khi biên dịch")
    previous = site_dir.with_name(site_dir.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if site_dir.exists():
        site_dir.rename(previous)
    built.rename(site_dir)
    if previous.exists():
        shutil.rmtree(previous)


def build(settings: BuildSettings) -> dict[str, float]:
    """All phases; returns seconds per phase."""
    timings = {}
    started = time.perf_counter()
    dataset = load_dataset(settings.data_dir)
    timings["check"] = time.perf_counter() - started
    started = time.perf_counter()
    chapter_timings = execute_chapters(settings, dataset)
    timings["papermill"] = time.perf_counter() - started
    started = time.perf_counter()
    built = compile_site(settings)
    timings["jupyter_book"] = time.perf_counter() - started
    publish_site(built, settings.site_dir)
    shutil.rmtree(settings.staging_dir, ignore_errors=True)
    log.info("chapters: %s", ", ".join(f"{k} {v:.1f}s" for k, v in chapter_timings.items()))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme_monitor",
                                     description="Check the data and build the publication.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in [("build", "check, execute chapters, build the site"),
                       ("check", "only check the data files")]:
        command = sub.add_parser(name, help=text)
        command.add_argument("--data", default="data", help="programme data directory")
        command.add_argument("--as-of", default="", help="reporting date YYYY-MM-DD (default today)")
        command.add_argument("--lang", default="vi", help="edition language")
        command.add_argument("--project", default=".", help="project root (holds _config.yml)")
        command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                             help="notebooks executed at once (default: number of cores)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per chapter is enough
    as_of = resolve_as_of(args.as_of).isoformat()
    settings = BuildSettings(Path(args.project).resolve(), Path(args.data).resolve(), as_of,
                             args.lang, args.jobs)
    try:
        if args.command == "check":
            dataset = load_dataset(settings.data_dir)
            print(f"Dữ liệu hợp lệ: {len(dataset.targets)} mục tiêu, {len(dataset.tasks)} nhiệm vụ, "
                  f"{len(dataset.observations)} giá trị, {len(dataset.sources)} nguồn.")
            return 0
        timings = build(settings)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    except BuildFailed as exc:
        print(f"Chưa tạo ấn phẩm; trang đã đăng trước đó được giữ nguyên.\n{exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo {settings.site_dir / 'index.html'} (as_of {as_of}). Thời gian: "
          + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 0
