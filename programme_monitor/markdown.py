"""Tables and text handed to the book as Markdown, so the site and the PDF get the same tables."""

from __future__ import annotations

from programme_monitor.formatting import markdown_escape


class Markdown:
    """Displayed by Jupyter as text/markdown only; MyST renders it as part of the page."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def markdown_table(header: list[str], rows: list[list[str]], escape: bool = False) -> str:
    """A pipe table. Cells are Markdown already (links, emphasis) unless `escape` is set."""
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return markdown_escape(text) if escape else text.replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |",
             "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
