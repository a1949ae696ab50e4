"""Execute the chapter notebooks whose inputs changed, reuse the others, and make each edition's
book/generated hold exactly its chapters' files.

Each chapter runs with papermill in a directory of its own (`_execute_one`), in a pool of worker
processes; the executed notebook and every file it wrote enter the execution cache whole.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from concurrent.futures import as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from programme_monitor.builder.book_compiler import start_compiler
from programme_monitor.builder.build_report import BuildReport, ChapterRecord, read_report
from programme_monitor.builder.chapter_executors import chapter_executor
from programme_monitor.builder.execution_cache import (
    SPARE_ENTRIES_PER_CHAPTER,
    ConflictingOutputs,
    ExecutionCache,
    KeyedRun,
    key_runs,
    merge_outputs,
)
from programme_monitor.builder.notebook_output import for_edition, prepare_for_book
from programme_monitor.builder.progress import ChapterProgress
from programme_monitor.builder.settings import BuildFailed, BuildSettings
from programme_monitor.common.files import sync_directory
from programme_monitor.common.placeholders import UnfilledPlaceholder
from programme_monitor.data.chapters import plan_chapters
from programme_monitor.data.dataset import Dataset
from programme_monitor.site.booklet import edition_definitions
from programme_monitor.site.edition_sources import EDITION_TOC, edition_toc
from programme_monitor.site.site_footer import EDITION_FILE, edition_values
from programme_monitor.words.edition import localized
from programme_monitor.words.publication import (
    HOME_DOWNLOADS,
    HOME_HEADING,
    home_downloads,
    home_heading,
)

log = logging.getLogger(__name__)

# The folders a chapter writes into, beside its notebook (charts; CSV files offered for download;
# pages for other sites to frame).
CHAPTER_OUTPUT_FOLDERS = ["figures", "downloads", "embed"]


def execute_chapters(settings: BuildSettings, dataset: Dataset, report: BuildReport) -> None:
    """Bring every edition's book/generated up to date: run the chapters whose inputs changed,
    reuse the others.

    The chapters of all editions run in one pool, `settings.jobs` at a time; each is recorded in
    `report` in the order of the plan (`en/overview.ipynb` for an edition other than the root),
    whatever order they finished in. Each book/generated ends up holding exactly its edition's
    files.
    """
    planned = plan_runs(settings, dataset)
    cache = ExecutionCache(settings.cache_dir)
    last_took = execution_times(read_report(settings.site_dir))
    executed = run_pending(settings, planned, cache, last_took)
    last_took.update(executed)
    report.chapters = [
        ChapterRecord(run.name, run.name in executed, round(last_took.get(run.name, 0.0), 3))
        for run in planned
    ]
    changed = []
    for lang in settings.languages:
        files = chapter_files(cache, [run for run in planned if run.lang == lang])
        files.update(edition_files(settings, lang, dataset))
        changed += sync_directory(settings.generated_dir(lang), files)
    keys = [run.keyed.key for run in planned]
    cache.mark_used(keys)
    cache.prune(set(keys), SPARE_ENTRIES_PER_CHAPTER * len(keys))
    for record in report.chapters:
        log.info(
            "%s %s%s",
            "executed" if record.executed else "reused  ",
            record.output,
            f" in {record.seconds:.1f} s" if record.executed else "",
        )
    log.info("book/generated: %d files written or removed", len(changed))


@dataclass(frozen=True)
class PlannedRun:
    """One chapter of one edition, keyed by what it reads; `name` is how the report records it
    (`en/overview.ipynb` for an edition other than the root)."""

    lang: str
    keyed: KeyedRun
    name: str


def plan_runs(settings: BuildSettings, dataset: Dataset) -> list[PlannedRun]:
    """Every chapter of every edition, in the order of the plan, with its parameters and key."""
    planned = []
    for lang in settings.languages:
        # Relative, so that the executed notebooks offered for download name no path of this
        # machine: from the run directories, which sit at the depth of the root edition's
        # book/generated (the string a researcher's copy of the project resolves from there).
        common = {
            "as_of": settings.as_of,
            "lang": lang,
            "data_dir": os.path.relpath(
                settings.data_dir, settings.generated_dir(settings.root_lang)
            ),
        }
        planned += [
            PlannedRun(lang, keyed, settings.site_path(lang) + keyed.run.output)
            for keyed in key_runs(
                plan_chapters(dataset, date.fromisoformat(settings.as_of)),
                common,
                dataset,
                settings.data_dir,
                settings.notebooks_dir,
                settings.project_dir,
            )
        ]
    return planned


def run_pending(
    settings: BuildSettings,
    planned: list[PlannedRun],
    cache: ExecutionCache,
    last_took: dict[str, float],
) -> dict[str, float]:
    """Execute the runs the cache lacks, longest first, and store each; seconds each took, by
    name."""
    names = {run.name for run in planned}
    pending = longest_first(
        [run for run in planned if not cache.has(run.keyed.key)],
        {name: s for name, s in last_took.items() if name in names},
        lambda run: run.name,
    )
    jobs = [
        ChapterJob(
            str(settings.notebooks_dir / run.keyed.run.template),
            str(settings.run_dir(run.keyed.run, run.lang)),
            run.keyed.run.output,
            run.keyed.parameters,
            warm_kernel=not settings.fresh_kernels,
        )
        for run in pending
    ]
    seconds = {}
    if jobs:
        # The compiles' process imports Sphinx while the chapters run. Not started by a build
        # that runs no chapter: most often nothing changed and nothing compiles, and its imports
        # would hold the build's output open for a second and more.
        start_compiler()
        with chapter_executor(settings, len(jobs)) as executor:
            progress = ChapterProgress(
                {run.name: last_took.get(run.name, 0.0) for run in pending},
                executor.workers,
                sys.stderr,
            )
            running = {
                executor.pool.submit(_execute_one, job): run for run, job in zip(pending, jobs)
            }
            for future in as_completed(running):
                run, took = running[future], future.result()
                cache.store(run.keyed.key, settings.run_dir(run.keyed.run, run.lang))
                seconds[run.name] = took
                progress.finished(run.name, took)
    return seconds


def chapter_files(cache: ExecutionCache, runs: list[PlannedRun]) -> dict[str, bytes]:
    """Every file the chapters of one edition wrote, by path in book/generated."""
    try:
        return merge_outputs([(run.keyed.run.output, cache.entry(run.keyed.key)) for run in runs])
    except ConflictingOutputs as exc:
        raise BuildFailed(str(exc)) from None


def edition_files(settings: BuildSettings, lang: str, dataset: Dataset) -> dict[str, bytes]:
    """The edition's files other than its chapters, in its language: the values for the booklet's
    cover and footers (edition.def) and for every page's footer and language switch
    (edition.json), the programme's own pages, the table of contents that lists them, and the
    home page's line offering the booklet."""
    edition = settings.edition(lang)
    programme = localized(dataset.programme, lang, "programme")
    pages = dataset.pages
    chapters = [run.docname for run in plan_chapters(dataset, date.fromisoformat(settings.as_of))]
    toc = edition_toc(
        settings.source_dir(lang),
        chapters,
        pages.docnames(),
        edition.labels["programme_pages_caption"],
    )
    return {
        "edition.def": edition_definitions(edition, programme).encode("utf-8"),
        EDITION_FILE: edition_values(edition, programme),
        Path(EDITION_TOC).name: toc,
        HOME_DOWNLOADS: home_downloads(edition, programme, settings.booklet).encode("utf-8"),
        HOME_HEADING: home_heading(edition, programme).encode("utf-8"),
        **{name: text.encode("utf-8") for name, text in pages.for_edition(lang).items()},
    }


def execution_times(previous: dict | None) -> dict[str, float]:
    """Seconds each chapter took when it last ran, from the published site's build report."""
    return {c["output"]: c["seconds"] for c in (previous or {}).get("chapters", []) if c["seconds"]}


def longest_first(
    pending: list, took: dict[str, float], name=lambda keyed: keyed.run.output
) -> list:
    """The chapters to run, longest first by their last recorded time (`took`, by the `name` of
    each), so that on few cores no long chapter starts last and keeps one core busy alone at the
    end."""
    typical = sum(took.values()) / len(took) if took else 0.0
    return sorted(pending, key=lambda item: took.get(name(item), typical), reverse=True)


@dataclass(frozen=True)
class ChapterJob:
    """One chapter to run, as a worker gets it: paths as this machine sees them (a cluster's
    workers share the project's storage), and whether to run it in the worker's warm kernel."""

    template: str
    run_dir: str
    output_name: str
    parameters: dict
    warm_kernel: bool = True


def _execute_one(job: ChapterJob) -> float:
    """One papermill run in a directory of its own, made ready for the book; seconds taken.

    The directory then holds the notebook and every file it wrote, ready to enter the cache whole.
    """
    # Imported here, in the worker: a build that executes nothing starts faster without them.
    import nbformat
    import papermill

    from programme_monitor.builder.kernels import PrivateSocketKernelManager
    from programme_monitor.builder.warm_kernels import ENGINE, worker_kernel

    template, output_name, parameters = job.template, job.output_name, job.parameters
    run_dir = Path(job.run_dir)
    started = time.perf_counter()
    edition_template = _fresh_run_dir(run_dir, template, parameters["lang"])
    output = run_dir / output_name
    if not job.warm_kernel:
        kernel = {"kernel_manager_class": PrivateSocketKernelManager}
    else:
        warm = worker_kernel()
        warm.prepare(str(run_dir))
        kernel = {"engine_name": ENGINE, "km": warm.manager, "kc": warm.chapters}
    try:
        papermill.execute_notebook(
            str(edition_template),
            str(output),
            parameters=parameters,
            cwd=str(run_dir),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            **kernel,
        )
    except papermill.PapermillExecutionError as exc:
        raise BuildFailed(
            f"chương {output_name} lỗi khi chạy: {exc.ename}: {exc.evalue} (xem {output})"
        ) from None
    notebook = nbformat.read(output, as_version=4)
    try:
        nbformat.write(prepare_for_book(notebook, output_name), output)
    except UnfilledPlaceholder as exc:
        raise BuildFailed(f"chương {output_name}: {exc.args[0]}") from None
    for folder in CHAPTER_OUTPUT_FOLDERS:
        if not any((run_dir / folder).iterdir()):
            (run_dir / folder).rmdir()
    return time.perf_counter() - started


def _fresh_run_dir(run_dir: Path, template: str, lang: str) -> Path:
    """An empty run directory with the folders a chapter writes into, and the template as the
    edition in `lang` runs it, written beside the directory (everything in it is published with
    the chapter); returns that template's path."""
    import nbformat

    if run_dir.exists():
        shutil.rmtree(run_dir)
    for folder in CHAPTER_OUTPUT_FOLDERS:
        (run_dir / folder).mkdir(parents=True)
    edition_template = run_dir.with_name(run_dir.name + ".ipynb")
    nbformat.write(for_edition(nbformat.read(template, as_version=4), lang), edition_template)
    return edition_template
