"""The sidebar's table of contents, made once per folder of pages instead of once per page.

The theme (pydata-sphinx-theme's `generate_toctree_html`, called by sphinx-book-theme's
sbt-sidebar-nav.html) builds each page's sidebar from Sphinx's whole table of contents: it
resolves it, renders it, then parses and prints it again with BeautifulSoup. That is work in
proportion to the number of pages, for every page: at 16 times the indicators (430 pages an
edition) it took 129 of the html compile's 209 profiled seconds, and the compile grew with the
square of the pages.

The pages of one folder have the same sidebar but for where the reader is: the current page's
entry ("current active", its link "#") and the list holding it ("current"). So the theme makes
the sidebar for the first page of a folder; every other page gets that copy with the marks moved
to its own entry. When a sidebar is not in the shape expected (entries nested under others, a page
listed twice, a theme that marks differently), the theme makes that page's sidebar itself, as it
did for every page before.
"""

from __future__ import annotations

import posixpath
import re

ENTRY = '<li class="toctree-l1"><a class="reference internal" href="{href}">'
CURRENT_ENTRY = (
    '<li class="toctree-l1 current active"><a class="current reference internal" href="#">'
)
LIST = '<ul class="nav bd-sidenav">'
CURRENT_LIST = '<ul class="current nav bd-sidenav">'
# Any class attribute still naming "current" (not a title that happens to contain the word).
CURRENT_CLASS = re.compile(r'class="[^"]*\bcurrent\b')
# Entries below the first level, or the theme's toggles for them: the marks would then run up
# through several lists, so those sidebars are left to the theme.
NESTED = re.compile(r"toctree-l[2-9]|<details")


def unmarked(sidebar: str, href: str) -> str | None:
    """The sidebar of a page with the marks of where the reader is taken off (`href`: the page's
    own link as its folder's other pages write it); None when it is not in the expected shape."""
    if NESTED.search(sidebar):
        return None
    marks = sidebar.count(CURRENT_ENTRY), sidebar.count(CURRENT_LIST)
    if marks == (1, 1):
        plain = sidebar.replace(CURRENT_ENTRY, ENTRY.format(href=href)).replace(CURRENT_LIST, LIST)
    elif marks == (0, 0):
        plain = sidebar  # a page outside the table of contents (the home page, search)
    else:
        return None
    return None if CURRENT_CLASS.search(plain) else plain


def marked(plain: str, href: str) -> str | None:
    """An unmarked sidebar as the page linked by `href` shows it; None when that page is not
    listed exactly once at the first level."""
    entry = ENTRY.format(href=href)
    if plain.count(entry) != 1:
        return None
    at = plain.index(entry)
    opens = plain.rfind(LIST, 0, at)
    if opens < 0 or "<ul" in plain[opens + len(LIST) : at] or "</ul>" in plain[opens:at]:
        return None
    return (
        plain[:opens]
        + CURRENT_LIST
        + plain[opens + len(LIST) : at]
        + CURRENT_ENTRY
        + plain[at + len(entry) :]
    )


class SharedSidebar:
    """One compile's sidebars, by folder and by the arguments the template gives."""

    def __init__(self) -> None:
        self._plain: dict[tuple, str | None] = {}

    def on_page(self, app, pagename, templatename, context, doctree) -> None:
        """Give the page's template `shared_toctree_html`, used by our sbt-sidebar-nav.html."""

        def shared_toctree_html(kind: str, **arguments):
            # The theme's function is added to the context after this one (same event).
            theme = context["generate_toctree_html"]
            if kind != "sidebar":
                return theme(kind, **arguments)
            key = (posixpath.dirname(pagename), tuple(sorted(arguments.items())))
            href = posixpath.basename(app.builder.get_target_uri(pagename))
            if key not in self._plain:
                own = str(theme(kind, **arguments))
                self._plain[key] = unmarked(own, href)
                return own
            plain = self._plain[key]
            page = marked(plain, href) if plain is not None else None
            return page if page is not None else str(theme(kind, **arguments))

        context["shared_toctree_html"] = shared_toctree_html
