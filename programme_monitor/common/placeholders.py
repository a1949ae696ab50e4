"""Values written into a chapter's Markdown: the narrative lives in Markdown cells that name
values as `{{name}}`; a code cell computes them (pages/chapter.py, `fill`) and the build writes
them in (builder/notebook_output.py), so the page's text is the Markdown with its values.

Both sides share this module: the output type the values travel in, and the rule for placeholders.
"""

from __future__ import annotations

import re

# The output a code cell's values travel in, from the kernel to the build.
VALUES_MIME = "application/vnd.programme-monitor.values+json"
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class UnfilledPlaceholder(KeyError):
    """A Markdown cell names a value no cell gave."""


def fill_placeholders(text: str, values: dict[str, str], where: str) -> str:
    """`text` with every `{{name}}` replaced by its value; a name with no value is an error that
    says `where` it is."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise UnfilledPlaceholder(
                f"{where}: {{{{{name}}}}} has no value; give it in the "
                f"chapter's fill(...) call ({', '.join(sorted(values))})"
            )
        return values[name]

    return PLACEHOLDER.sub(value, text)
