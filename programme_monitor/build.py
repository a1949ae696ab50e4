"""The build: check the data, execute the chapter notebooks, compile the site, publish it whole.

Phases, in order (each stops the build on failure):
1. check   - load_dataset() reads and cross-checks every data file;
2. execute - papermill runs, in parallel, each planned chapter whose inputs changed since it was
             last executed (execution_cache.py); the others are reused. book/generated/ is then
             made to hold exactly this edition's notebooks, charts and downloads;
3. compile - `jupyter-book build` with warnings as errors: the HTML site and, at the same time,
             the A4 booklet through XeLaTeX, in work directories kept between builds so that
             Sphinx and latexmk redo only what changed. Skipped when the published site was built
             from exactly these inputs;
4. publish - the site is copied to a staging directory with the booklet (<programme>-<as_of>.pdf)
             and the build report, and replaces _build/html in one rename; a failed build leaves
             the last good site and booklet where they were.
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
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

from programme_monitor.booklet import (INSTALL_HINT, booklet_file_name, edition_definitions,
                                       missing_requirements)
from programme_monitor.build_report import BuildReport, ChapterRecord, read_report
from programme_monitor.chapter_inputs import code_digest, tree_digest
from programme_monitor.chapters import ChapterRun, plan_chapters
from programme_monitor.dataset import FILES, Dataset, load_dataset
from programme_monitor.edition import localized, use_edition
from programme_monitor.edition_sources import (EDITIONS_FILE, MissingEditionText,
                                               prepare_edition_source)
from programme_monitor.errors import DataErrors
from programme_monitor.execution_cache import (SPARE_ENTRIES_PER_CHAPTER, ConflictingOutputs,
                                               ExecutionCache, KeyedRun, environment_digest,
                                               key_runs, merge_outputs, sync_directory,
                                               value_digest)
from programme_monitor.kernels import PrivateSocketKernelManager
from programme_monitor.link_check import check_site
from programme_monitor.notebook_output import for_edition, prepare_for_book
from programme_monitor.search_index import prepare_search_index
from programme_monitor.selection import resolve_as_of
from programme_monitor.site_footer import EDITION_FILE, edition_values
from programme_monitor.translations import edition_languages

log = logging.getLogger("programme_monitor.build")

# The folders a chapter writes into, beside its notebook (charts; CSV files offered for download).
CHAPTER_OUTPUT_FOLDERS = ["figures", "downloads"]


@dataclass(frozen=True)
class BuildSettings:
    project_dir: Path
    data_dir: Path
    as_of: str
    # The editions' languages, the root edition first; None: those of the programme (programme.yaml,
    # publication.languages), so one command builds every edition.
    languages: tuple[str, ...] | None = None
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
    def root_lang(self) -> str:
        return self.languages[0]

    def source_dir(self, lang: str) -> Path:
        """Where an edition's book sources are: the project itself for the root edition."""
        if lang == self.root_lang:
            return self.project_dir
        return self.project_dir / "_build" / "editions" / lang

    def generated_dir(self, lang: str) -> Path:
        return self.source_dir(lang) / "book" / "generated"

    def site_path(self, lang: str) -> str:
        """Where an edition sits in the published site: the root, or its language's folder."""
        return "" if lang == self.root_lang else f"{lang}/"

    @property
    def site_dir(self) -> Path:
        return self.project_dir / "_build" / "html"

    @property
    def staging_dir(self) -> Path:
        """Where the next site is assembled before it replaces the published one."""
        return self.project_dir / "_build" / "staging"

    @property
    def cache_dir(self) -> Path:
        return self.project_dir / "_build" / "cache" / "chapters"

    def run_dir(self, run: ChapterRun, lang: str) -> Path:
        """Where one chapter executes: at the same depth as book/generated (see execute_chapters)."""
        return self.project_dir / "_build" / f"run-{lang}-{run.docname}"

    def work_dir(self, builder: str, lang: str) -> Path:
        """Jupyter Book's output for one builder and edition, kept between builds so Sphinx and
        latexmk redo only what changed; removed whenever a build fails, so the next one starts
        clean."""
        return self.project_dir / "_build" / "work" / lang / builder


class BuildFailed(Exception):
    """A phase failed; the message says which and where to look."""


def execute_chapters(settings: BuildSettings, dataset: Dataset, report: BuildReport) -> None:
    """Bring every edition's book/generated up to date: run the chapters whose inputs changed,
    reuse the others.

    The chapters of all editions run in one pool, `settings.jobs` at a time; each is recorded in
    `report` in the order of the plan (`en/overview.ipynb` for an edition other than the root),
    whatever order they finished in. Each book/generated ends up holding exactly its edition's files.
    """
    everything = []
    for lang in settings.languages:
        # Relative, so that the executed notebooks offered for download name no path of this
        # machine: from the run directories, which sit at the depth of the root edition's
        # book/generated (the string a researcher's copy of the project resolves from there).
        common = {"as_of": settings.as_of, "lang": lang,
                  "data_dir": os.path.relpath(settings.data_dir,
                                              settings.generated_dir(settings.root_lang))}
        everything += [(lang, keyed) for keyed in key_runs(
            plan_chapters(dataset), common, dataset, settings.data_dir, settings.notebooks_dir,
            settings.project_dir)]

    def recorded(lang: str, keyed: KeyedRun) -> str:
        return settings.site_path(lang) + keyed.run.output

    cache = ExecutionCache(settings.cache_dir)
    last_took = execution_times(read_report(settings.site_dir))
    pending = longest_first([item for item in everything if not cache.has(item[1].key)],
                            {recorded(*item): last_took[recorded(*item)] for item in everything
                             if recorded(*item) in last_took}, lambda item: recorded(*item))
    jobs = [(str(settings.notebooks_dir / keyed.run.template), str(settings.run_dir(keyed.run, lang)),
             keyed.run.output, keyed.parameters) for lang, keyed in pending]
    seconds = {}
    if jobs:
        # Processes, not threads: each notebook's kernel client keeps its own event loop and sockets.
        with ProcessPoolExecutor(max_workers=max(1, min(settings.jobs, len(jobs)))) as pool:
            for (lang, keyed), took in zip(pending, pool.map(_execute_one, jobs)):
                cache.store(keyed.key, settings.run_dir(keyed.run, lang))
                seconds[recorded(lang, keyed)] = took
    last_took.update(seconds)
    report.chapters = [ChapterRecord(recorded(*item), recorded(*item) in seconds,
                                     round(last_took.get(recorded(*item), 0.0), 3))
                       for item in everything]
    as_of = date.fromisoformat(settings.as_of)
    changed = []
    for lang in settings.languages:
        runs = [keyed for run_lang, keyed in everything if run_lang == lang]
        try:
            files = merge_outputs([(keyed.run.output, cache.entry(keyed.key)) for keyed in runs])
        except ConflictingOutputs as exc:
            raise BuildFailed(str(exc)) from None
        use_edition(lang)  # the dates and words of this edition's footer and booklet cover
        programme = localized(dataset.programme, lang, "programme")
        files["edition.def"] = edition_definitions(programme, as_of, settings.built_on).encode("utf-8")
        files[EDITION_FILE] = edition_values(programme, as_of, settings.built_on, lang,
                                             settings.languages)
        changed += sync_directory(settings.generated_dir(lang), files)
    use_edition(settings.root_lang)
    keys = [keyed.key for _, keyed in everything]
    cache.mark_used(keys)
    cache.prune(set(keys), SPARE_ENTRIES_PER_CHAPTER * len(keys))
    for record in report.chapters:
        log.info("%s %s%s", "executed" if record.executed else "reused  ", record.output,
                 f" in {record.seconds:.1f} s" if record.executed else "")
    log.info("book/generated: %d files written or removed", len(changed))


def execution_times(previous: dict | None) -> dict[str, float]:
    """Seconds each chapter took when it last ran, from the published site's build report."""
    return {c["output"]: c["seconds"] for c in (previous or {}).get("chapters", []) if c["seconds"]}


def longest_first(pending: list, took: dict[str, float],
                  name=lambda keyed: keyed.run.output) -> list:
    """The chapters to run, longest first by their last recorded time (`took`, by the `name` of
    each), so that on few cores no long chapter starts last and keeps one core busy alone at the
    end."""
    typical = sum(took.values()) / len(took) if took else 0.0
    return sorted(pending, key=lambda item: took.get(name(item), typical), reverse=True)


def _execute_one(job: tuple[str, str, str, dict]) -> float:
    """One papermill run in a directory of its own, made ready for the book; seconds taken.

    The directory then holds the notebook and every file it wrote, ready to enter the cache whole.
    """
    # Imported here, in the worker: a build that executes nothing starts faster without them.
    import nbformat
    import papermill

    template, run_dir, output_name, parameters = job
    run_dir = Path(run_dir)
    if run_dir.exists():
        shutil.rmtree(run_dir)
    for folder in CHAPTER_OUTPUT_FOLDERS:
        (run_dir / folder).mkdir(parents=True)
    output = run_dir / output_name
    started = time.perf_counter()
    # Beside the run directory, not in it: everything in it is published with the chapter.
    edition_template = run_dir.with_name(run_dir.name + ".ipynb")
    nbformat.write(for_edition(nbformat.read(template, as_version=4), parameters["lang"]),
                   edition_template)
    try:
        papermill.execute_notebook(str(edition_template), str(output), parameters=parameters, cwd=str(run_dir),
                                   kernel_name="python3", progress_bar=False, log_output=False,
                                   kernel_manager_class=PrivateSocketKernelManager)
    except papermill.PapermillExecutionError as exc:
        raise BuildFailed(f"chương {output_name} lỗi khi chạy: {exc.ename}: {exc.evalue} "
                          f"(xem {output})") from None
    notebook = nbformat.read(output, as_version=4)
    nbformat.write(prepare_for_book(notebook), output)
    for folder in CHAPTER_OUTPUT_FOLDERS:
        if not any((run_dir / folder).iterdir()):
            (run_dir / folder).rmdir()
    return time.perf_counter() - started


def _jupyter_book(settings: BuildSettings, builder: str, lang: str) -> subprocess.Popen:
    """Start one Jupyter Book build of one edition (warnings are errors) into its work directory."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(settings.source_dir(lang)), "--builder", builder,
               "--path-output", str(settings.work_dir(builder, lang)), "-W", "-n", "--keep-going"]
    # LaTeX must never stop to ask a question: it would wait for ever on a closed input.
    # SOURCE_DATE_EPOCH: Sphinx and XeTeX date their output by the date built given, not the
    # clock, so the same inputs give the same files (FORCE_SOURCE_DATE: TeX's \today too).
    env = {**os.environ, "LATEXOPTS": "-interaction=nonstopmode -halt-on-error",
           "SOURCE_DATE_EPOCH": str(_epoch(settings.built_on)), "FORCE_SOURCE_DATE": "1"}
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def _epoch(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


@dataclass(frozen=True)
class CompiledEdition:
    site: Path
    pdf: Path | None


def compile_site(settings: BuildSettings,
                 timings: dict[str, float] | None = None) -> dict[str, CompiledEdition]:
    """Each edition's HTML site and booklet, all builders started at once (the two cores share
    them).

    Returns, by language, the built site and the booklet's PDF (None when the booklet is not asked
    for); adds each builder's seconds, from the common start, to `timings` (`html`, `pdf`,
    `html-en`…).
    """
    started = time.perf_counter()
    builds = {}
    for lang in settings.languages:  # the other editions' sources were prepared by build()
        _forget_work_if_files_changed(settings, lang)
        # Sphinx adds "?v=<checksum>" to a stylesheet's link only if the file is already in the
        # output when a page is written; MyST-NB writes its stylesheet at the very end. A page
        # rewritten over an earlier build would carry the suffix and a page from a clean build
        # not: removing the file first makes an updated site identical to a clean one.
        html_static = settings.work_dir("html", lang) / "_build" / "html" / "_static"
        for stylesheet in html_static.glob("mystnb.*.css"):
            stylesheet.unlink()
        suffix = "" if lang == settings.root_lang else f"-{lang}"
        builds[f"html{suffix}"] = (lang, _jupyter_book(settings, "html", lang))
        if settings.booklet:
            builds[f"pdf{suffix}"] = (lang, _jupyter_book(settings, "pdflatex", lang))
    failures = []
    for name, (lang, process) in builds.items():
        output, _ = process.communicate()
        if timings is not None:
            timings[name] = time.perf_counter() - started
        if process.returncode != 0:
            failures.append(f"[{name}]\n" + _warnings_from(output))
    if failures:
        _forget_work(settings)
        raise BuildFailed("Jupyter Book báo lỗi hoặc cảnh báo:\n" + "\n".join(failures))
    compiled = {}
    for lang in settings.languages:
        site = settings.work_dir("html", lang) / "_build" / "html"
        pdf = None
        if settings.booklet:
            latex = settings.work_dir("pdflatex", lang) / "_build" / "latex"
            pdf = latex / "booklet.pdf"
            if not pdf.exists():
                _forget_work(settings)
                raise BuildFailed(f"LaTeX không tạo được {pdf}; xem {latex / 'booklet.log'}")
        compiled[lang] = CompiledEdition(site, pdf)
    return compiled


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
    names = sorted(p.relative_to(source).as_posix() for p in (source / "book").rglob("*")
                   if p.is_file())
    static = [p for p in (source / "_static").rglob("*") if p.is_file()]
    digest = value_digest([names, (source / "_toc.yml").read_text("utf-8"),
                           (source / "_config.yml").read_text("utf-8"), code_digest(),
                           tree_digest(static, source)])
    record = settings.project_dir / "_build" / "work" / lang / "files.digest"
    if record.exists() and record.read_text("utf-8") == digest:
        return
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
    return value_digest([tree_digest([f for f in files if f.exists()], project),
                         environment_digest(project), code_digest(), list(settings.languages),
                         settings.booklet, settings.built_on.isoformat()])


def site_is_current(settings: BuildSettings, inputs_digest: str, booklet_name: str) -> bool:
    previous = read_report(settings.site_dir)
    return (previous is not None and previous.get("inputs_digest") == inputs_digest
            and (not settings.booklet or all(
                (settings.site_dir / settings.site_path(lang) / booklet_name).exists()
                for lang in settings.languages)))


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


def build(settings: BuildSettings) -> BuildReport:
    """All phases; returns what was done and how long each stage took."""
    dataset = load_dataset(settings.data_dir)
    programme_languages = edition_languages(dataset.programme)
    if settings.languages is None:
        settings = replace(settings, languages=tuple(programme_languages))
    unknown = [lang for lang in settings.languages if lang not in programme_languages]
    if unknown or settings.languages[0] != programme_languages[0]:
        raise BuildFailed(f"không dựng được các bản {', '.join(settings.languages)}: programme.yaml, "
                          f"publication.languages ghi {', '.join(programme_languages)}, và bản "
                          f"{programme_languages[0]} (ở gốc trang) luôn được dựng trước")
    report = BuildReport(settings.as_of, settings.built_on.isoformat(), list(settings.languages),
                         settings.booklet)
    stage = StageClock(report.stages)
    check_booklet_requirements(settings)
    try:  # every page and caption has its translation, before any chapter runs
        for lang in settings.languages[1:]:
            prepare_edition_source(settings.project_dir, settings.source_dir(lang), lang)
    except MissingEditionText as exc:
        raise BuildFailed(str(exc)) from None
    stage("check")
    execute_chapters(settings, dataset, report)
    stage("papermill")
    booklet_name = booklet_file_name(dataset.programme, date.fromisoformat(settings.as_of))
    report.inputs_digest = compile_inputs_digest(settings)
    if site_is_current(settings, report.inputs_digest, booklet_name):
        log.info("Trang đã đăng được dựng từ đúng những đầu vào này; không biên dịch lại.")
        report.write(settings.site_dir)
        return report
    compiled = compile_site(settings, report.stages)
    stage.restart()
    report.compiled = True
    staging = settings.staging_dir
    if staging.exists():
        shutil.rmtree(staging)
    for lang, edition in compiled.items():  # the root edition first: the others go inside it
        place = staging / settings.site_path(lang)
        shutil.copytree(edition.site, place)
        prepare_search_index(place)
        if edition.pdf is not None:
            shutil.copyfile(edition.pdf, place / booklet_name)
    links = check_site(staging)
    if links.broken:
        raise BuildFailed(f"{len(links.broken)} liên kết hỏng trong trang:\n"
                          + "\n".join(f"  - {broken}" for broken in links.broken))
    report.external_links = sorted(links.external)
    report.write(staging)
    publish_site(staging, settings.site_dir)
    stage("publish")
    report.write(settings.site_dir)
    for lang in settings.languages if settings.booklet else []:
        log.info("Đã tạo bản in %s", settings.site_dir / settings.site_path(lang) / booklet_name)
    return report


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


def _iso_date(text: str) -> date:
    """A command-line date; a wrong one is refused with the form expected, not a traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-24)") from None


def spreadsheet_command(args: argparse.Namespace) -> int:
    # Imported here: openpyxl is needed only by these two commands.
    from programme_monitor.spreadsheet import import_observations, write_template

    data_dir = Path(args.data)
    try:
        if args.command == "template":
            write_template(load_dataset(data_dir), Path(args.out))
            print(f"Đã tạo bảng tính mẫu {args.out}")
            return 0
        result = import_observations(Path(args.xlsx), data_dir)
    except DataErrors as exc:
        lines = [f"Có {len(exc.errors)} lỗi; không dòng nào được nhập, "
                 f"{data_dir / FILES['observations']} giữ nguyên:"]
        print("\n".join(lines + [f"  - {error}" for error in exc.errors]), file=sys.stderr)
        return 2
    print(f"Đã thêm {result.added} dòng vào {data_dir / FILES['observations']}"
          + (f"; {result.already_there} dòng đã có sẵn, bỏ qua." if result.already_there else "."))
    return 0


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
        command.add_argument("--lang", default=None,
                             help="editions to build, comma-separated, root first (default: all "
                                  "the programme's languages, publication.languages)")
        command.add_argument("--project", default=".", help="project root (holds _config.yml)")
        command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                             help="notebooks executed at once (default: number of cores)")
        command.add_argument("--no-pdf", action="store_true",
                             help="build the site only, not the printed booklet")
        command.add_argument("--built-on", type=_iso_date, default=None,
                             help="date printed as 'built on', YYYY-MM-DD (default today)")
    template = sub.add_parser("template", help="write the Excel template for observations")
    template.add_argument("--data", default="data", help="programme data directory")
    template.add_argument("--out", default="_build/mau-nhap-so-lieu.xlsx", help="template to write")
    intake = sub.add_parser("import", help="add the rows of a filled template to observations.csv")
    intake.add_argument("xlsx", help="the filled template (.xlsx)")
    intake.add_argument("--data", default="data", help="programme data directory")
    args = parser.parse_args(argv)
    if args.command in ("template", "import"):
        return spreadsheet_command(args)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per chapter is enough
    as_of = resolve_as_of(args.as_of).isoformat()
    built_on = resolve_as_of(args.built_on)  # the same rule: a date, or today when not given
    settings = BuildSettings(Path(args.project).resolve(), Path(args.data).resolve(), as_of,
                             tuple(args.lang.split(",")) if args.lang else None, args.jobs, booklet=not args.no_pdf, built_on=built_on)
    try:
        if args.command == "check":
            dataset = load_dataset(settings.data_dir)
            print(f"Dữ liệu hợp lệ: {len(dataset.targets)} mục tiêu, {len(dataset.tasks)} nhiệm vụ, "
                  f"{len(dataset.observations)} giá trị, {len(dataset.sources)} nguồn.")
            return 0
        report = build(settings)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    except BuildFailed as exc:
        print(f"Chưa tạo ấn phẩm; trang đã đăng trước đó được giữ nguyên.\n{exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo {settings.site_dir / 'index.html'} (as_of {as_of}). {report.summary()}")
    return 0
