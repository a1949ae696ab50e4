"""The build: check the data, execute the chapter notebooks, compile the site, publish it whole.

Phases, in order (each stops the build on failure):
0. none    - when the published site records the digest of exactly these inputs and settings
             (unchanged_build.py), nothing else is done;
1. check   - load_dataset() reads and cross-checks every data file;
2. execute - papermill runs, in parallel, each planned chapter whose inputs changed since it was
             last executed (execute.py, execution_cache.py); the others are reused.
             book/generated/ is then made to hold exactly this edition's notebooks, charts and
             downloads;
3. compile - `jupyter-book build` with warnings as errors: the HTML site and, at the same time,
             the A4 booklet through XeLaTeX, in work directories kept between builds so that
             Sphinx and latexmk redo only what changed (compile.py). Skipped when the published
             site was built from exactly these inputs;
4. publish - the site is copied to a staging directory with the booklet (<programme>-<as_of>.pdf)
             and the build report, and replaces _build/html in one rename (publish.py); a failed
             build leaves the last good site and booklet where they were.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import date

from programme_monitor.builder.build_report import BuildReport, read_report
from programme_monitor.builder.compile import (
    check_booklet_requirements,
    compile_inputs_digest,
    compile_site,
    site_is_current,
)
from programme_monitor.builder.execute import execute_chapters
from programme_monitor.builder.publish import (
    archived_site_files,
    assemble_site,
    embed_files,
    feed_files,
    publish_site,
)
from programme_monitor.builder.settings import BuildFailed, BuildSettings
from programme_monitor.builder.unchanged_build import (
    build_digest,
    site_is_this_build,
    sources_digest,
)
from programme_monitor.data.dataset import load_dataset
from programme_monitor.data.translations import edition_languages
from programme_monitor.site.edition_sources import MissingEditionText, prepare_edition_source
from programme_monitor.words.publication import booklet_file_name

log = logging.getLogger(__name__)


def build(settings: BuildSettings) -> BuildReport:
    """All phases; returns what was done and how long each stage took."""
    started = time.perf_counter()
    sources = sources_digest(settings)
    published = read_report(settings.site_dir)
    if site_is_this_build(settings, sources, published):
        log.info("Trang đã đăng được dựng từ đúng những đầu vào này; không làm gì thêm.")
        report = BuildReport.unchanged(published, time.perf_counter() - started)
        report.write(settings.site_dir)
        return report
    dataset = load_dataset(settings.data_dir)
    settings = with_languages(settings, edition_languages(dataset.programme))
    report = BuildReport(
        settings.as_of, settings.built_on.isoformat(), list(settings.languages), settings.booklet
    )
    stage = StageClock(report.stages)
    check_booklet_requirements(settings)
    prepare_editions(settings)
    stage("check")
    execute_chapters(settings, dataset, report)
    stage("papermill")
    booklet_name = booklet_file_name(dataset.programme, date.fromisoformat(settings.as_of))
    report.inputs_digest = compile_inputs_digest(settings)
    report.build_digest = build_digest(settings, sources)  # what it wrote for the compiler is final
    if settings.booklet:
        report.booklets = [
            f"{settings.site_path(lang)}{booklet_name}" for lang in settings.languages
        ]
    if site_is_current(settings, report.inputs_digest, booklet_name):
        log.info("Trang đã đăng được dựng từ đúng những đầu vào này; không biên dịch lại.")
        report.write(settings.site_dir)
        return report
    compiled = compile_site(settings, report)
    stage.restart()
    report.compiled = True
    report.external_links = assemble_site(
        settings,
        compiled,
        booklet_name,
        archived_site_files(settings, dataset.programme)
        | feed_files(settings, dataset.programme)
        | embed_files(settings),
    )
    report.write(settings.staging_dir)
    publish_site(settings.staging_dir, settings.site_dir)
    stage("publish")
    report.write(settings.site_dir)
    for lang in settings.languages if settings.booklet else []:
        log.info("Đã tạo bản in %s", settings.site_dir / settings.site_path(lang) / booklet_name)
    return report


def with_languages(settings: BuildSettings, programme_languages: list[str]) -> BuildSettings:
    """The settings with the editions to build: those asked for, or every language the programme
    publishes; the programme's first language is always built, as the site's root."""
    if settings.languages is None:
        settings = replace(settings, languages=tuple(programme_languages))
    unknown = [lang for lang in settings.languages if lang not in programme_languages]
    if unknown or settings.languages[0] != programme_languages[0]:
        raise BuildFailed(
            f"không dựng được các bản {', '.join(settings.languages)}: programme.yaml, "
            f"publication.languages ghi {', '.join(programme_languages)}, và bản "
            f"{programme_languages[0]} (ở gốc trang) luôn được dựng trước"
        )
    return settings


def prepare_editions(settings: BuildSettings) -> None:
    """Each other edition's sources; every page and caption has its translation, checked before
    any chapter runs."""
    try:
        for lang in settings.languages[1:]:
            prepare_edition_source(settings.project_dir, settings.source_dir(lang), lang)
    except MissingEditionText as exc:
        raise BuildFailed(str(exc)) from None


class StageClock:
    """Records seconds since the previous stage ended under each stage's name."""

    def __init__(self, stages: dict[str, float]):
        self.stages = stages
        self.restart()

    def restart(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, name: str) -> None:
        self.stages[name] = round(time.perf_counter() - self.started, 3)
        self.restart()
