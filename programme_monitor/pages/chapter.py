"""What every chapter notebook opens with: the programme's data for one edition on one reporting
date, and its assessments, in one call.

    chapter = open_chapter(data_dir, as_of, lang)

gives `chapter.dataset` (its texts in the edition's language, carrying the edition),
`chapter.edition` (language, reporting date, every language published), `chapter.report_date`,
and the assessments of targets (`chapter.statuses`) and tasks (`chapter.tasks`), computed the
first time a page asks for them, so a page that shows no assessment does not pay for one. In a
build's warm kernel the chapters share the check and the assessments (shared_work.py).

A chapter's narrative is Markdown cells that name values as `{{name}}`; `fill(name=…)` gives
them. `show(markdown)` puts Markdown the package wrote (a whole indicator page) on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from IPython.display import display

from programme_monitor.assess.assessment import TargetStatus
from programme_monitor.assess.commitments import TaskStatus
from programme_monitor.assess.selection import resolve_as_of
from programme_monitor.common.files import write_files
from programme_monitor.common.placeholders import VALUES_MIME
from programme_monitor.data.dataset import Dataset, for_edition
from programme_monitor.data.translations import edition_languages
from programme_monitor.pages.markdown import Markdown, Page
from programme_monitor.pages.shared_work import chapter_work
from programme_monitor.words.edition import Edition


@dataclass
class Chapter:
    dataset: Dataset
    indicators: list[str] | None = None  # assess only these indicators' targets (None: all)
    # The content key of the checked folder, when the chapters of this process share their work
    # (shared_work.py); None otherwise.
    programme_key: str | None = None

    @property
    def edition(self) -> Edition:
        return self.dataset.edition

    @property
    def report_date(self) -> date:
        return self.edition.as_of

    @cached_property
    def statuses(self) -> dict[str, TargetStatus]:
        return chapter_work().statuses(
            self.programme_key, self.dataset, self.report_date, self.indicators
        )

    @cached_property
    def tasks(self) -> dict[str, TaskStatus]:
        return chapter_work().tasks(self.programme_key, self.dataset, self.report_date)


def open_chapter(
    data_dir: str | Path, as_of: str = "", lang: str = "vi", indicators: list[str] | None = None
) -> Chapter:
    """The data of `data_dir` for the edition in `lang` on the reporting date `as_of`
    (YYYY-MM-DD; "" for the newest edition programme.yaml declares); `indicators` limits the
    assessments to those indicators."""
    checked, key = chapter_work().checked_programme(Path(data_dir))
    languages = tuple(edition_languages(checked.programme))
    edition = Edition(lang, resolve_as_of(as_of, checked.programme), None, languages)
    return Chapter(for_edition(checked, edition), indicators, key)


def fill(**values) -> None:
    """The values this chapter's Markdown cells name as `{{name}}`, as the text they show; the build
    writes them in (a template run alone shows them as this cell's output)."""
    given = {name: str(value) for name, value in values.items()}
    listing = "\n\n".join(f"{name}:\n{text}" for name, text in given.items())
    display({VALUES_MIME: given, "text/plain": listing}, raw=True)


def show_page(page: Page) -> None:
    """Put a page the package built on the page, and its files (charts, downloads) on disk."""
    write_files(page.files)
    show(page.markdown)


def show(markdown: str) -> None:
    """Put Markdown on the page (the build turns it into the page's own text: headings become
    sections of the page and of the booklet)."""
    display(Markdown(markdown))
