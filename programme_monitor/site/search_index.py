"""The site's search index: as a clean build would write it, and searchable without marks.

When Sphinx updates a site it drops the pages re-read from each word's list but keeps the words
that no page holds any more, as empty lists: an updated site's searchindex.js would differ from a
clean build's though the pages are the same. The words without a page are removed here.

Sphinx has no accent folding for Vietnamese: "do thi hoa", as many people type on a phone or a
keyboard without a Vietnamese input method, found nothing. Every word is also indexed without its
marks ("đô" also as "do"), pointing at the same pages.
"""

from __future__ import annotations

from pathlib import Path

from programme_monitor.common.text_folding import unaccented

INDEX_NAME = "searchindex.js"


def _pages(entry) -> set[int]:
    return set(entry) if isinstance(entry, list) else {entry}


def _add_unaccented(words: dict) -> bool:
    """Index each word with marks under its unmarked spelling too; True if any was added."""
    folded: dict[str, set[int]] = {}
    for word, pages in words.items():
        bare = unaccented(word)
        if bare != word:
            folded.setdefault(bare, set()).update(_pages(pages))
    for bare, pages in sorted(folded.items()):
        merged = sorted(pages | (_pages(words[bare]) if bare in words else set()))
        # Sphinx writes a single page as a number, several as a list.
        words[bare] = merged[0] if len(merged) == 1 else merged
    return bool(folded)


def prepare_search_index(site: Path) -> bool:
    """Remove the words that no page holds and add unmarked spellings; True if the index changed."""
    from sphinx.search import js_index  # here: only a build that compiles needs Sphinx

    path = site / INDEX_NAME
    if not path.exists():
        return False
    index = js_index.loads(path.read_text("utf-8"))
    changed = False
    for mapping in ("terms", "titleterms"):
        words = index.get(mapping, {})
        empty = [word for word, pages in words.items() if pages == []]
        for word in empty:
            del words[word]
        changed = _add_unaccented(words) or changed or bool(empty)
    if changed:
        path.write_text(js_index.dumps(index), "utf-8")
    return changed
