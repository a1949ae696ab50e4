"""The build: check the data, execute the chapter notebooks, compile the site, publish it whole.

Phases, in order (each stops the build on failure):
1. check   - load_dataset() reads and cross-checks every data file;
2. execute - papermill runs each planned chapter into book/generated/ with the parameters;
3. compile - `jupyter-book build` with warnings as errors, into staging directories: the HTML
             site and, at the same time, the A4 booklet through LaTeX (XeLaTeX);
4. publish - the booklet is put into the staging site as <programme>-<as_of>.pdf, and the staging
             site replaces _build/html in one rename; a failed build leaves the last good site
             and booklet where they were.
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
from datetime import date
from pathlib import Path

import nbformat
import papermill

from programme_monitor.booklet import (INSTALL_HINT, booklet_file_name, missing_requirements,
                                       write_edition_definitions)
from programme_monitor.chapters import plan_chapters
from programme_monitor.dataset import Dataset, load_dataset
from programme_monitor.errors import DataErrors
from programme_monitor.kernels import PrivateSocketKernelManager
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
    # The printed booklet is built with the site unless asked not to (a quicker look at the site).
    booklet: bool = True
    # The date printed as "built on": a parameter, so that an edition can be rebuilt as it was.
    built_on: date = field(default_factory=date.today)

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

    @property
    def booklet_staging_dir(self) -> Path:
        return self.project_dir / "_build" / "staging-booklet"


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
                                   kernel_name="python3", progress_bar=False, log_output=False,
                                   kernel_manager_class=PrivateSocketKernelManager)
    except papermill.PapermillExecutionError as exc:
        raise BuildFailed(f"chương {Path(output).name} lỗi khi chạy: {exc.ename}: {exc.evalue} "
                          f"(xem {output})") from None
    notebook = nbformat.read(output, as_version=4)
    nbformat.write(prepare_for_book(notebook), output)
    return time.perf_counter() - started


def _jupyter_book(settings: BuildSettings, output: Path, builder: str) -> subprocess.Popen:
    """Start one Jupyter Book build (warnings are errors) into `output`, emptied first."""
    if output.exists():
        shutil.rmtree(output)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(settings.project_dir), "--builder", builder,
               "--path-output", str(output), "-W", "-n", "--keep-going"]
    # LaTeX must never stop to ask a question: it would wait for ever on a closed input.
    env = {**os.environ, "LATEXOPTS": "-interaction=nonstopmode -halt-on-error"}
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def compile_site(settings: BuildSettings,
                 timings: dict[str, float] | None = None) -> tuple[Path, Path | None]:
    """The HTML site and the booklet, built side by side (two cores, one each).

    Returns the built site and the booklet's PDF (None when the booklet is not asked for); adds
    each builder's seconds, from the common start, to `timings`.
    """
    started = time.perf_counter()
    builds = {"html": _jupyter_book(settings, settings.staging_dir, "html")}
    if settings.booklet:
        builds["pdf"] = _jupyter_book(settings, settings.booklet_staging_dir, "pdflatex")
    failures = []
    for builder, process in builds.items():
        output, _ = process.communicate()
        if timings is not None:
            timings[builder] = time.perf_counter() - started
        if process.returncode != 0:
            failures.append(f"[{builder}]\n" + _warnings_from(output))
    if failures:
        raise BuildFailed("Jupyter Book báo lỗi hoặc cảnh báo:\n" + "\n".join(failures))
    site = settings.staging_dir / "_build" / "html"
    if not settings.booklet:
        return site, None
    pdf = settings.booklet_staging_dir / "_build" / "latex" / "booklet.pdf"
    if not pdf.exists():
        raise BuildFailed(f"LaTeX không tạo được {pdf}; xem "
                          f"{settings.booklet_staging_dir / '_build' / 'latex' / 'booklet.log'}")
    return site, pdf


def _warnings_from(output: str) -> str:
    """The lines that say what went wrong: warnings, errors, TeX's '!' lines, Sphinx's exception."""
    all_lines = output.splitlines()
    lines = [line for line in all_lines
             if "WARNING" in line or "ERROR" in line or "Error" in line or line.startswith("!")]
    for i, line in enumerate(all_lines):
        if "Exception occurred" in line:
            lines += all_lines[i:i + 6]
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


def check_booklet_requirements(settings: BuildSettings) -> None:
    """Stop before any notebook runs when the machine cannot build the booklet, saying what to add."""
    if not settings.booklet:
        return
    missing = missing_requirements()
    if missing:
        raise BuildFailed("Máy này thiếu những gì cần để tạo bản in PDF: " + "; ".join(missing)
                          + f". Cách sửa: {INSTALL_HINT} (hoặc dựng riêng trang web với --no-pdf).")


def build(settings: BuildSettings) -> dict[str, float]:
    """All phases; returns seconds per phase."""
    timings = {}
    started = time.perf_counter()
    dataset = load_dataset(settings.data_dir)
    check_booklet_requirements(settings)
    timings["check"] = time.perf_counter() - started
    started = time.perf_counter()
    chapter_timings = execute_chapters(settings, dataset)
    as_of = date.fromisoformat(settings.as_of)
    write_edition_definitions(settings.generated_dir / "edition.def", dataset.programme, as_of,
                              settings.built_on, settings.lang)
    timings["papermill"] = time.perf_counter() - started
    site, pdf = compile_site(settings, timings)
    booklet_name = booklet_file_name(dataset.programme, as_of)
    if pdf is not None:
        shutil.copyfile(pdf, site / booklet_name)
    publish_site(site, settings.site_dir)
    if pdf is not None:
        log.info("Đã tạo bản in %s", settings.site_dir / booklet_name)
    shutil.rmtree(settings.staging_dir, ignore_errors=True)
    shutil.rmtree(settings.booklet_staging_dir, ignore_errors=True)
    log.info("chapters: %s", ", ".join(f"{k} {v:.1f}s" for k, v in chapter_timings.items()))
    return timings


def _iso_date(text: str) -> date:
    """A command-line date; a wrong one is refused with the form expected, not a traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-24)") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m programme_monitor",
                                     description="Check the data and build the publication.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in [("build", "check, execute chapters, build the site"),
                       ("check", "only check the data files")]:
        command = sub.add_parser(name, help=text)
        command.add_argument("--data", default="data", help="programme data directory")
        command.add_argument("--as-of", type=_iso_date, default=None,
                             help="reporting date YYYY-MM-DD (default today)")
        command.add_argument("--lang", default="vi", help="edition language")
        command.add_argument("--project", default=".", help="project root (holds _config.yml)")
        command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                             help="notebooks executed at once (default: number of cores)")
        command.add_argument("--no-pdf", action="store_true",
                             help="build the site only, not the printed booklet")
        command.add_argument("--built-on", type=_iso_date, default=None,
                             help="date printed as 'built on', YYYY-MM-DD (default today)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per chapter is enough
    as_of = resolve_as_of(args.as_of).isoformat()
    built_on = resolve_as_of(args.built_on)  # the same rule: a date, or today when not given
    settings = BuildSettings(Path(args.project).resolve(), Path(args.data).resolve(), as_of,
                             args.lang, args.jobs, booklet=not args.no_pdf, built_on=built_on)
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
