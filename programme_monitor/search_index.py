"""The site's search index as a clean build would write it, after an update too.

When Sphinx updates a site it drops the pages re-read from each word's list but keeps the words
that no page holds any more, as empty lists: an updated site's searchindex.js would differ from a
clean build's though the pages are the same. The words without a page are removed here.
"""

from __future__ import annotations

from pathlib import Path

INDEX_NAME = "searchindex.js"


def drop_words_without_pages(site: Path) -> bool:
    """Remove the words that no page holds; True if the index changed."""
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
        changed = changed or bool(empty)
    if changed:
        path.write_text(js_index.dumps(index), "utf-8")
    return changed
