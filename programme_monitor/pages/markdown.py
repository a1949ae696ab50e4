"""Tables and text handed to the book as Markdown, so the site and the PDF get the same tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from programme_monitor.pages.table_layout import table_layout
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import markdown_escape


@dataclass(frozen=True)
class Page:
    """What a page builder makes: the page's Markdown, and the files it shows or offers (charts,
    downloads) by path relative to the chapter's folder, for one writer to put on disk."""

    markdown: str
    files: dict[Path, bytes] = field(default_factory=dict)


class Markdown:
    """Displayed by Jupyter as text/markdown only; MyST renders it as part of the page."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def section(heading: str, body: str, level: int = 2) -> str:
    """A heading and its body, or nothing when the body is empty: a programme without a part
    (no organisation section, no change since it was signed) shows no empty heading."""
    return f"{'#' * level} {heading}\n\n{body.strip()}\n" if body.strip() else ""


def markdown_table(
    edition: Edition,
    header: list[str],
    rows: list[list[str]],
    escape: bool = False,
    widths: list[int] | None = None,
) -> str:
    """A pipe table. Cells are Markdown already (links, emphasis) unless `escape` is set.

    A long or wide table is wrapped in a `table` directive with column widths and the
    `longtable` class, so that the printed booklet wraps its columns and breaks it across pages
    with the header repeated (see table_layout). `widths` (percentages) overrides the estimate for
    a table laid out by hand, such as the one-page scorecard. A table with no rows is a sentence
    saying so: a header alone reads as a mistake, and Sphinx's LaTeX writer fails on it.
    """
    if not rows:
        return f"*{edition.labels['table_empty']}*"

    def cell(value) -> str:
        text = "" if value is None else str(value)
        return markdown_escape(text) if escape else text.replace("\n", " ")

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    table = "\n".join(lines)
    if widths is None:
        widths = table_layout([cell(h) for h in header], [[cell(v) for v in row] for row in rows])
    if widths is None:
        return table
    return (
        f"```{{table}}\n:class: longtable\n:widths: {' '.join(str(w) for w in widths)}\n\n"
        f"{table}\n```"
    )


def web_only(text: str) -> str:
    """Shown on the site, left out of the printed booklet (download links, for instance).

    `text` must hold no heading: Sphinx lifts sections out of an `only` block, into the booklet
    too. A web-only part with a title is `web_only_section`."""
    return f":::{{only}} html\n{text}\n:::"


def web_only_section(title: str, text: str) -> str:
    """A titled part of a page shown on the site only; the title is a rubric, not a section."""
    return f"::::{{only}} html\n:::{{rubric}} {title}\n:::\n{text}\n::::"


def print_only_latex(latex: str) -> str:
    """Raw LaTeX for the booklet only (a page break, reviewers' note lines)."""
    return f"```{{raw}} latex\n{latex}\n```"


def runs_on_in_booklet() -> str:
    """Put first on a page whose chapter should follow the previous one in the booklet instead of
    opening a page (booklet.sty, \\BookletRunOn): an indicator with a few lines of text left most
    of a printed page blank."""
    return print_only_latex(r"\BookletRunOn")


def reviewers_notes(lines: int = 5) -> str:
    """Ruled lines for reviewers' handwritten notes, in the printed booklet only (booklet.sty)."""
    return print_only_latex(f"\\bookletnotes{{{lines}}}")


def small_print(text: str, size: str = r"\small") -> str:
    """Markdown set one size smaller in the booklet (`size`, a LaTeX size command): a table meant
    to fit one printed page."""
    start, end = print_only_latex(f"\\begingroup{size}"), print_only_latex(r"\endgroup")
    return f"{start}\n\n{text}\n\n{end}"
