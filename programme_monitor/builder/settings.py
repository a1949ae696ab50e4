"""What one build is asked to do, and where everything it reads and writes lies."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from programme_monitor.data.chapters import ChapterRun
from programme_monitor.words.edition import Edition


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
    # A fresh kernel for every chapter, as before warm kernels (warm_kernels.py): slower, and the
    # reference a warm build must match byte for byte.
    fresh_kernels: bool = False
    # A Dask scheduler's address (tcp://host:8786): the chapters run on its workers, which see
    # the project at the same path (chapter_executors.py); None: worker processes here (`jobs`).
    scheduler: str | None = None

    @property
    def notebooks_dir(self) -> Path:
        return self.project_dir / "notebooks"

    @property
    def root_lang(self) -> str:
        return self.languages[0]

    def edition(self, lang: str) -> Edition:
        """The edition in `lang` this build makes."""
        return Edition(lang, date.fromisoformat(self.as_of), self.built_on, self.languages)

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

    @property
    def links_file(self) -> Path:
        """What the published site's pages held at the last link check (site/link_check.py)."""
        return self.project_dir / "_build" / "cache" / "page-links.marshal"

    def run_dir(self, run: ChapterRun, lang: str) -> Path:
        """Where one chapter executes: at the depth of book/generated (see execute_chapters)."""
        return self.project_dir / "_build" / f"run-{lang}-{run.docname}"

    def work_dir(self, builder: str, lang: str) -> Path:
        """Jupyter Book's output for one builder and edition, kept between builds so Sphinx and
        latexmk redo only what changed; removed whenever a build fails, so the next one starts
        clean."""
        return self.project_dir / "_build" / "work" / lang / builder


class BuildFailed(Exception):
    """A phase failed; the message says which and where to look."""
