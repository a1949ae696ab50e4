"""Compile each edition's site and booklet with Jupyter Book (warnings are errors), in work
directories kept between builds, and tell when the published site is already what a compile would
give."""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from programme_monitor.builder.book_compiler import BookCompile
from programme_monitor.builder.build_report import BuildReport, read_report
from programme_monitor.builder.chapter_inputs import code_digest
from programme_monitor.builder.execution_cache import environment_digest
from programme_monitor.builder.settings import BuildFailed, BuildSettings
from programme_monitor.common.digests import tree_digest, value_digest
from programme_monitor.data.edition_archive import ARCHIVE_FOLDER
from programme_monitor.site.booklet import INSTALL_HINT, missing_requirements
from programme_monitor.site.edition_sources import EDITION_TOC, EDITIONS_FILE

log = logging.getLogger(__name__)


def check_booklet_requirements(settings: BuildSettings) -> None:
    """Stop before any notebook runs when the machine cannot build the booklet; say what to add."""
    if not settings.booklet:
        return
    missing = missing_requirements()
    if missing:
        raise BuildFailed(
            "Máy này thiếu những gì cần để tạo bản in PDF: "
            + "; ".join(missing)
            + f". Cách sửa: {INSTALL_HINT} (hoặc dựng riêng trang web với --no-pdf)."
        )


def _jupyter_book(settings: BuildSettings, builder: str, lang: str) -> BookCompile:
    """Start one Jupyter Book build of one edition (warnings are errors) into its work directory."""
    arguments, env = jupyter_book_command(settings, builder, lang)
    log = settings.project_dir / "_build" / "work" / lang / f"{builder}.log"
    return BookCompile(arguments, env, log)


def jupyter_book_command(
    settings: BuildSettings, builder: str, lang: str
) -> tuple[list[str], dict[str, str]]:
    """The arguments of `jupyter-book` and the environment that compile one edition with one
    builder into its work directory."""
    arguments = [
        "build",
        str(settings.source_dir(lang)),
        "--toc",
        str(settings.source_dir(lang) / EDITION_TOC),
        "--builder",
        builder,
        "--path-output",
        str(settings.work_dir(builder, lang)),
        "-W",
        "-n",
        "--keep-going",
    ]
    # LaTeX must never stop to ask a question (its input is closed too).
    # SOURCE_DATE_EPOCH: Sphinx and XeTeX date their output by the date built given, not the
    # clock, so the same inputs give the same files (FORCE_SOURCE_DATE: TeX's \today too).
    env = {
        **os.environ,
        "LATEXOPTS": "-interaction=nonstopmode -halt-on-error",
        "SOURCE_DATE_EPOCH": str(_epoch(settings.built_on)),
        "FORCE_SOURCE_DATE": "1",
    }
    return arguments, env


def _epoch(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


@dataclass(frozen=True)
class CompiledEdition:
    site: Path
    pdf: Path | None


def compile_site(
    settings: BuildSettings, report: BuildReport | None = None
) -> dict[str, CompiledEdition]:
    """Each edition's HTML site and booklet, all builders started at once (the two cores share
    them).

    Returns, by language, the built site and the booklet's PDF (None when the booklet is not asked
    for); records in `report`, for each builder (`html`, `pdf`, `html-en`…), its seconds from the
    common start (`stages`), the chapters Sphinx read again and the XeLaTeX passes.
    """
    started = time.perf_counter()
    builds = {}
    for lang in settings.languages:  # the other editions' sources were prepared by build()
        _prepare_work(settings, lang)
        suffix = "" if lang == settings.root_lang else f"-{lang}"
        builds[f"html{suffix}"] = _jupyter_book(settings, "html", lang)
        if settings.booklet:
            builds[f"pdf{suffix}"] = _jupyter_book(settings, "pdflatex", lang)
    failures = []
    for name, process in builds.items():
        returncode, output = process.wait()
        if report is not None:
            report.stages[name] = round(time.perf_counter() - started, 3)
            report.documents_read[name] = documents_read(output)
            if name.startswith("pdf"):
                report.xelatex_passes[name] = len(XELATEX_PASS.findall(output))
        if returncode != 0:
            failures.append(f"[{name}]\n" + _warnings_from(output))
    if failures:
        _forget_work(settings)
        raise BuildFailed("Jupyter Book báo lỗi hoặc cảnh báo:\n" + "\n".join(failures))
    return {lang: _compiled(settings, lang) for lang in settings.languages}


# Sphinx's line saying which sources it reads again ("[config changed (…)] 40 added, 0 changed,
# 0 removed"), and latexmk's at the start of each XeLaTeX pass.
SPHINX_READS = re.compile(r"updating environment: (?:\[.*?\] )?(\d+) added, (\d+) changed")
XELATEX_PASS = re.compile(r"^Run number \d+ of rule '(?:pdf|xe)latex'", re.M)


def documents_read(output: str) -> int:
    """How many chapters a Jupyter Book compile read again, from its output."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)  # its colours
    return sum(int(added) + int(changed) for added, changed in SPHINX_READS.findall(plain))


def _prepare_work(settings: BuildSettings, lang: str) -> None:
    """An edition's work directories, ready for a compile that gives what a clean one would."""
    _forget_work_if_files_changed(settings, lang)
    # Sphinx adds "?v=<checksum>" to a stylesheet's link only if the file is already in the
    # output when a page is written; MyST-NB writes its stylesheet at the very end. A page
    # rewritten over an earlier build would carry the suffix and a page from a clean build
    # not: removing the file first makes an updated site identical to a clean one.
    html_static = settings.work_dir("html", lang) / "_build" / "html" / "_static"
    for stylesheet in html_static.glob("mystnb.*.css"):
        stylesheet.unlink()


def _compiled(settings: BuildSettings, lang: str) -> CompiledEdition:
    """Where an edition's compiled site and booklet are; a booklet LaTeX did not make fails."""
    site = settings.work_dir("html", lang) / "_build" / "html"
    if not settings.booklet:
        return CompiledEdition(site, None)
    latex = settings.work_dir("pdflatex", lang) / "_build" / "latex"
    pdf = latex / "booklet.pdf"
    if not pdf.exists():
        _forget_work(settings)
        raise BuildFailed(f"LaTeX không tạo được {pdf}; xem {latex / 'booklet.log'}")
    return CompiledEdition(site, pdf)


def _forget_work(settings: BuildSettings, lang: str | None = None) -> None:
    """After a failure, the next build compiles from scratch rather than from half-done work."""
    work = settings.project_dir / "_build" / "work"
    shutil.rmtree(work / lang if lang else work, ignore_errors=True)


def _forget_work_if_files_changed(settings: BuildSettings, lang: str) -> None:
    """Sphinx never deletes the output of a page or download that is gone (a removed chapter, a
    download named after another reporting date), does not know that the package's Sphinx
    extension changed, and keeps a static file it copied before; so an edition's work
    directories are reused only for the same set of files, table of contents, configuration,
    package code and static files; otherwise its compile starts clean."""
    source = settings.source_dir(lang)
    names = sorted(
        p.relative_to(source).as_posix() for p in (source / "book").rglob("*") if p.is_file()
    )
    static = [p for p in (source / "_static").rglob("*") if p.is_file()]
    digest = value_digest(
        [
            names,
            (source / EDITION_TOC).read_text("utf-8"),
            (source / "_config.yml").read_text("utf-8"),
            code_digest(),
            tree_digest(static, source),
        ]
    )
    record = settings.project_dir / "_build" / "work" / lang / "files.digest"
    if record.exists() and record.read_text("utf-8") == digest:
        return
    log.info("%s: files, configuration or code changed; this compile starts clean", lang)
    _forget_work(settings, lang)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(digest, "utf-8")


def compile_inputs_digest(settings: BuildSettings) -> str:
    """Digest of everything the book compiler reads: if it matches the published site's, the site
    is already what a compile would give. The package's code counts too: its Sphinx extension
    (sphinx_site.py) shapes every page."""
    project = settings.project_dir
    files = [project / "_config.yml", project / "_toc.yml", project / EDITIONS_FILE]
    for folder in ["book", "_static", "_build/editions"]:
        files += [p for p in (project / folder).rglob("*") if p.is_file()]
    # The archived editions the site offers again at their stable addresses.
    archive = settings.data_dir / ARCHIVE_FOLDER
    archived = sorted(p for p in archive.rglob("*") if p.is_file()) if archive.is_dir() else []
    return value_digest(
        [
            tree_digest([f for f in files if f.exists()], project),
            tree_digest(archived, settings.data_dir) if archived else "",
            environment_digest(project),
            code_digest(),
            list(settings.languages),
            settings.booklet,
            settings.built_on.isoformat(),
        ]
    )


def site_is_current(settings: BuildSettings, inputs_digest: str, booklet_name: str) -> bool:
    previous = read_report(settings.site_dir)
    return (
        previous is not None
        and previous.get("inputs_digest") == inputs_digest
        and (
            not settings.booklet
            or all(
                (settings.site_dir / settings.site_path(lang) / booklet_name).exists()
                for lang in settings.languages
            )
        )
    )


def _warnings_from(output: str) -> str:
    """The lines that say what went wrong: warnings, errors, TeX's '!' lines, Sphinx's exception."""
    all_lines = output.splitlines()
    lines = [
        line
        for line in all_lines
        if "WARNING" in line or "ERROR" in line or "Error" in line or line.startswith("!")
    ]
    for i, line in enumerate(all_lines):
        if "Exception occurred" in line:
            lines += all_lines[i : i + 6]
    return "\n".join(lines[-40:]) or output[-4000:]
