"""Column widths for tables that must fit the printed page.

A pipe table reaches LaTeX as `tabulary`, which sizes columns well but cannot break across pages
and, past 30 rows, Sphinx switches to a `longtable` of unbreakable `l` columns that run off the
page. So a table that is long or wider than the line is given explicit widths and the `longtable`
class: its columns wrap, it continues on the next page with its header repeated. The same widths
become the web page's `<colgroup>` proportions.

Widths are estimated in characters of body text, which is all the page layout needs: a column gets
at least its longest word (so "II.2.1" or a date never wraps), and the rest of the line goes to the
columns with more text.
"""

from __future__ import annotations

import re

# Characters of 10 pt body text across the A4 text block (counted on the booklet's pages), and
# what each column's padding and rule take from it.
LINE_CHARS = 112
COLUMN_PADDING_CHARS = 2.5
# Header cells are sans serif, wider than the serif body text for the same letters (measured).
HEADER_WIDTH_FACTOR = 1.45
# A table longer than this may not fit on the page it starts on, so it must be able to break.
MAX_UNBROKEN_ROWS = 20
# A column's share is capped so that one very long cell does not squeeze its neighbours.
MAX_COLUMN_CHARS = 48
# Longest words are capped: a long URL may wrap anywhere rather than take the whole table.
MAX_WORD_CHARS = 16
# A header word longer than this is hyphenated by TeX rather than given its full width: the English
# count columns' headers ("Substantial", "evidence") left the task groups' names 15 % of the line,
# one word a line, where the Vietnamese headers' short syllables left them 44 %. Six letters:
# "Clause" cannot be hyphenated and would stick out of a narrower column.
MAX_HEADER_WORD_CHARS = 6

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]")


def visible_text(cell: str) -> str:
    """What the reader sees of a Markdown cell: link texts, no emphasis markers or escapes."""
    return _MARKUP.sub("", _LINK.sub(r"\1", str(cell))).replace("\\|", "|").replace("\\\\", "\\")


# Digits and capitals are wider than the average letter (a date "24/11/2026" is about 13 letters).
WIDE_CHARACTER_FACTOR = 1.35


def _width(text: str) -> float:
    """Width in average letters."""
    wide = sum(ch.isdigit() or ch.isupper() for ch in text)
    return len(text) + wide * (WIDE_CHARACTER_FACTOR - 1)


def _longest_word(text: str) -> float:
    return max((_width(word) for word in text.split()), default=0)


def table_layout(header: list[str], rows: list[list[str]]) -> list[int] | None:
    """Column widths in percent that fill the line, or None to keep a short narrow table's
    natural layout.

    A column gets at least its longest word (header words counted wider, as they print); the
    rest of the line goes to the columns whose cells are longer on average, since those are the
    ones that would otherwise run to many lines.
    """
    line = LINE_CHARS - COLUMN_PADDING_CHARS * len(header)
    body = (
        [[visible_text(c) for c in column] for column in zip(*rows)]
        if rows
        else [[] for _ in header]
    )
    heads = [visible_text(h) for h in header]
    longest = [
        max([_width(t) for t in column] + [_width(h) * HEADER_WIDTH_FACTOR])
        for column, h in zip(body, heads)
    ]
    minimum = [
        min(
            max(
                [_longest_word(t) for t in column]
                + [min(_longest_word(h), MAX_HEADER_WORD_CHARS) * HEADER_WIDTH_FACTOR]
            ),
            MAX_WORD_CHARS,
        )
        for column, h in zip(body, heads)
    ]
    if sum(longest) <= line and len(rows) <= MAX_UNBROKEN_ROWS:
        return None
    mean = [
        min(sum(_width(t) for t in column) / max(1, len(column)), MAX_COLUMN_CHARS)
        for column in body
    ]
    content = _share_line(line, mean, minimum, longest)
    # Sphinx's \X{w}{100} takes the padding out of each column's share: put it back in.
    return _percentages([c + COLUMN_PADDING_CHARS for c in content])


def _share_line(
    line: float, mean: list[float], minimum: list[float], longest: list[float]
) -> list[float]:
    """Each column its minimum, then the rest of the line in proportion to the text beyond it,
    but never wider than its longest cell: what such a column cannot use goes to the others."""
    widths = [max(low, 1.0) for low in minimum]
    open_columns = [i for i in range(len(widths)) if longest[i] > widths[i]]
    while open_columns:
        spare = line - sum(widths)
        weights = {i: max(0.0, mean[i] - minimum[i]) for i in open_columns}
        if spare <= 1e-9 or sum(weights.values()) == 0:
            break
        for i, weight in weights.items():
            widths[i] += spare * weight / sum(weights.values())
        full = [i for i in open_columns if widths[i] >= longest[i]]
        for i in full:
            widths[i] = longest[i]
        if not full:
            break
        open_columns = [i for i in open_columns if i not in full]
    return widths


def _percentages(widths: list[float]) -> list[int]:
    """Whole percentages summing to 100 (largest remainders), none below 1."""
    total = sum(widths)
    exact = [w * 100 / total for w in widths]
    whole = [max(1, int(e)) for e in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for i in by_remainder[: max(0, 100 - sum(whole))]:
        whole[i] += 1
    while sum(whole) > 100:  # only when many columns were raised to 1
        whole[whole.index(max(whole))] -= 1
    return whole
