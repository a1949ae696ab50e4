"""A programme's own hand-written pages, from the `pages/` folder beside its data.

- `pages/introduction.md` is the programme's own introduction: the home page shows it after the
  engine's opening lines (who issued what, where, the reporting date);
- every other `pages/<name>.md` is a page of its own, in the part "Về chương trình" of the site
  and the booklet, in the order of the file names (`01-boi-canh.md` before `02-…`);
- `<name>.<lang>.md` is its translation, required for every other language the programme
  publishes (programme.yaml, publication.languages); one in a language it does not publish is
  left aside.

All of it is optional: a programme with no `pages/` folder gets no introduction of its own and no
such part. A page is MyST Markdown, written for readers; its first heading (`# …`) is its title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from programme_monitor.data.errors import ErrorCollector, said
from programme_monitor.data.translations import LANGUAGE_NAMES, LANGUAGE_NAMES_EN

PAGES_FOLDER = "pages"
INTRODUCTION = "introduction"
# A page's name becomes part of its web address: lower-case letters without marks, digits, '-'.
PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class ProgrammePages:
    """The pages' texts by name, then by language; the introduction apart from the others."""

    introduction: dict[str, str]
    pages: dict[str, dict[str, str]]

    def for_edition(self, lang: str) -> dict[str, str]:
        """The edition's files for book/generated: `programme-introduction.md` (empty when the
        programme has none, so the home page's include always finds it) and `page-<name>.md`."""
        files = {"programme-introduction.md": self.introduction.get(lang, "")}
        files.update(
            {f"{page_docname(name)}.md": texts[lang] for name, texts in self.pages.items()}
        )
        return files

    def docnames(self) -> list[str]:
        return [page_docname(name) for name in self.pages]


def page_docname(name: str) -> str:
    return f"page-{name}"


def read_programme_pages(
    data_dir: Path, languages: list[str], errors: ErrorCollector
) -> ProgrammePages:
    """Every page of `data_dir/pages` in every language; a page without its translation, with a
    name that cannot be an address, not in UTF-8 or without a title is an error."""
    folder = Path(data_dir) / PAGES_FOLDER
    texts: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name, _, lang = path.name.removesuffix(".md").partition(".")
        lang = lang or languages[0]
        if PAGE_NAME.fullmatch(name) and re.fullmatch(r"[a-z]{2}", lang) and lang not in languages:
            continue  # a translation kept for later, as an `_en` column is in a Vietnamese-only one
        if not PAGE_NAME.fullmatch(name) or lang not in languages:
            errors.at(path, None)(None, **said("page_name", name=path.name,
                                               languages=", ".join(languages)))  # fmt: skip
            continue
        try:
            text = unicodedata.normalize("NFC", path.read_text("utf-8"))
        except UnicodeDecodeError:
            errors.at(path, None)(None, **said("page_not_utf8", name=path.name))
            continue
        titled = re.search(r"^# \S", text, re.MULTILINE) is not None
        if titled != (name != INTRODUCTION):  # the introduction sits under the home page's title
            message = "introduction_title" if titled else "page_title"
            errors.at(path, None)(None, **said(message, name=path.name))
        texts.setdefault(name, {})[lang] = text
    for name, by_lang in texts.items():
        for lang in languages:
            if lang not in by_lang:
                wanted = f"{name}.md" if lang == languages[0] else f"{name}.{lang}.md"
                errors.at(folder / wanted, None)(
                    None,
                    **said("page_translation", name=wanted,
                           language_vi=LANGUAGE_NAMES.get(lang, lang),
                           language_en=LANGUAGE_NAMES_EN.get(lang, lang)),
                )  # fmt: skip
    complete = {name: by_lang for name, by_lang in texts.items() if set(languages) <= set(by_lang)}
    return ProgrammePages(complete.pop(INTRODUCTION, {}), complete)


NO_PAGES = ProgrammePages({}, {})
