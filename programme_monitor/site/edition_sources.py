"""The book sources of each edition, from the one source at the project root.

The root edition (Vietnamese) is built from the project root as it is. Every other edition gets a
source tree of its own under `_build/editions/<lang>/` with the same layout, so that a page has the
same path in every edition (book/generated/overview.html and en/book/generated/overview.html)
and the language switch only changes the prefix:
- `_config.yml`: the root one with the edition's changes from `editions.yml` laid over it;
- `_toc.yml`: the root one with its captions translated (`editions.yml`, toc_captions);
- `book/`: the hand-written pages in the edition's language (`intro.en.md` becomes `intro.md`),
  the other files as they are, and `book/generated/` with the edition's executed chapters;
- `_static/`: as it is.
A page or caption with no translation stops the build, naming what to add.
"""

from __future__ import annotations

import copy
import fnmatch
from pathlib import Path

import yaml

from programme_monitor.common.files import sync_directory
from programme_monitor.common.yaml_text import parse_yaml

EDITIONS_FILE = "editions.yml"


class MissingEditionText(Exception):
    """A page or a caption of the book has no version in an edition's language, or editions.yml
    cannot be read."""


def editions_config(project: Path) -> dict:
    path = project / EDITIONS_FILE
    if not path.exists():
        return {}
    try:
        return parse_yaml(path.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise MissingEditionText(
            f"{EDITIONS_FILE}{line}: not valid YAML "
            f"({getattr(exc, 'problem', exc)}); check the indentation"
        ) from None


def deep_merge(base: dict, over: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def translated_toc(toc: dict, captions: dict[str, str], lang: str) -> dict:
    toc = copy.deepcopy(toc)
    for part in toc.get("parts", []):
        caption = part.get("caption")
        if caption is None:
            continue
        if caption not in captions:
            raise MissingEditionText(
                f"{EDITIONS_FILE}: {lang}.toc_captions has no translation of "
                f"the _toc.yml caption '{caption}'; add it"
            )
        part["caption"] = captions[caption]
    return toc


def book_pages(project: Path, lang: str) -> dict[str, bytes]:
    """book/ for one edition, without generated/: `X.<lang>.md` stands for `X.md`; a page
    written only in the root language is refused."""
    book = project / "book"
    files: dict[str, bytes] = {}
    for path in sorted(book.rglob("*")):
        relative = path.relative_to(book)
        if not path.is_file() or relative.parts[0] == "generated":
            continue
        name = relative.as_posix()
        if path.suffix == ".md":
            stem = path.name.removesuffix(".md")
            if "." in stem:  # intro.en.md: a translation, taken for its own language only
                if stem.rsplit(".", 1)[1] == lang:
                    files[str(relative.with_name(stem.rsplit(".", 1)[0] + ".md"))] = (
                        path.read_bytes()
                    )
                continue
            if not path.with_name(f"{stem}.{lang}.md").exists():
                raise MissingEditionText(
                    f"book/{name} has no {lang} version: write "
                    f"book/{relative.with_name(f'{stem}.{lang}.md').as_posix()}"
                )
            continue
        files[name] = path.read_bytes()
    return files


GENERATED = "book/generated"  # the edition's executed chapters, written by the build
# The table of contents Jupyter Book is given (--toc): the edition's _toc.yml with the
# programme's own pages added, written by the build beside the chapters.
EDITION_TOC = f"{GENERATED}/toc.yml"


def edition_toc(
    source: Path, chapter_docnames: list[str], page_docnames: list[str], caption: str
) -> bytes:
    """The edition's table of contents: its `_toc.yml` (the root one, or the one
    prepare_edition_source wrote in the edition's language) with each glob replaced by the
    chapters it matches in the order of the plan (`chapter_docnames`: pages are named by ids, so
    the alphabet would not give the programme's order), and, when the programme has pages of its
    own (data/programme_pages.py), a part for them with `caption`, before the last part (the
    appendix). No part at all when it has none: an empty part would be an empty heading."""
    toc = parse_yaml((source / "_toc.yml").read_text("utf-8"))
    generated = [f"{GENERATED}/{d}" for d in chapter_docnames]
    for part in toc.get("parts", []):
        chapters = []
        for entry in part["chapters"]:
            if "glob" not in entry:
                chapters.append(entry)
                continue
            chapters += [{"file": n} for n in generated if fnmatch.fnmatchcase(n, entry["glob"])]
        part["chapters"] = chapters
    # A part whose globs matched no chapter of this edition (no earlier edition to compare
    # with, say) is left out: an empty part would be an empty heading.
    toc["parts"] = [part for part in toc.get("parts", []) if part["chapters"]]
    if page_docnames:
        part = {
            "caption": caption,
            "chapters": [{"file": f"{GENERATED}/{d}"} for d in page_docnames],
        }
        parts = toc.setdefault("parts", [])
        parts.insert(max(len(parts) - 1, 0), part)
    return (
        "# Written by the build: _toc.yml with the programme's own pages (pages/ of its folder).\n"
        + yaml.safe_dump(toc, allow_unicode=True, sort_keys=False)
    ).encode("utf-8")


def prepare_edition_source(project: Path, source: Path, lang: str) -> list[str]:
    """Bring `source` (an edition's tree) up to date, touching only files whose content changed,
    so Sphinx re-reads only those; book/generated is left to the build. Returns what changed."""
    editions = editions_config(project).get(lang) or {}
    config = parse_yaml((project / "_config.yml").read_text("utf-8"))
    toc = parse_yaml((project / "_toc.yml").read_text("utf-8"))
    header = (
        f"# Written by the build for the '{lang}' edition from the root file and {EDITIONS_FILE}.\n"
    )
    files = {
        "_config.yml": (
            header
            + yaml.safe_dump(
                deep_merge(config, editions.get("config", {})), allow_unicode=True, sort_keys=False
            )
        ).encode(),
        "_toc.yml": (
            header
            + yaml.safe_dump(
                translated_toc(toc, editions.get("toc_captions", {}), lang),
                allow_unicode=True,
                sort_keys=False,
            )
        ).encode(),
    }
    files.update({f"book/{name}": content for name, content in book_pages(project, lang).items()})
    files.update(
        {
            p.relative_to(project).as_posix(): p.read_bytes()
            for p in (project / "_static").rglob("*")
            if p.is_file()
        }
    )
    return sync_directory(source, files, keep=(GENERATED,))
