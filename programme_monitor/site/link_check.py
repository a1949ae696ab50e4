"""A link check of the whole built site, before it is published.

Every internal reference of every HTML page (links, images, scripts, stylesheets, and the
`#fragment` of a link to a page of the site) must exist: a broken one fails the build, naming the
page and the link, and the last good site stays in place. External links cannot be checked
offline and would be flaky if they were; they are listed for a person to check, in the build
report.

What a page holds (its references and ids) is read once per content: a build may keep it in a
file, by the digest of each page's bytes, and read again only the pages that changed. Every page
repeats the whole table of contents, so reading is most of the check (8 of 11 s for the 1,698
pages of a programme 16 times the real one), and one changed figure changes 6 of those pages.
The verdict on each link is still worked out on every build, from the site as it is.
"""

from __future__ import annotations

import marshal
import os
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from programme_monitor.common.digests import bytes_digest

REFERENCE_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if "id" in values and values["id"]:
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        reference = values.get(REFERENCE_ATTRIBUTES.get(tag, ""))
        if reference:
            self.references.append(reference)


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)  # "page: link (why)"
    external: set[str] = field(default_factory=set)


# What the page holds: its references, in order, and its ids.
PageLinks = tuple[tuple[str, ...], frozenset[str]]
NO_LINKS: PageLinks = ((), frozenset())


def _read(content: bytes) -> PageLinks:
    parser = _References()
    parser.feed(content.decode("utf-8", errors="replace"))
    # Interned: the same link on many pages is one string, in memory and in the kept file.
    return tuple(map(sys.intern, parser.references)), frozenset(map(sys.intern, parser.ids))


# A kept file from another version of this module or of Python is not read.
_KEPT_FORMAT = (bytes_digest(Path(__file__).read_bytes()), sys.version)


def _kept(path: Path | None) -> dict[str, PageLinks]:
    if path is None:
        return {}
    try:
        kept_format, pages = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # none yet, or one unreadable: every page is read
    return pages if kept_format == _KEPT_FORMAT and isinstance(pages, dict) else {}


def _keep(path: Path, pages: dict[str, PageLinks]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(marshal.dumps((_KEPT_FORMAT, pages)))
    os.replace(partial, path)  # a build stopped here leaves the old file or the new, whole


def links_of_pages(pages: list[Path], kept_in: Path | None = None) -> dict[Path, PageLinks]:
    """What each page holds; with `kept_in`, what earlier builds read is taken from that file by
    the digest of the page's bytes, and the file then holds exactly the pages given."""
    kept, now = _kept(kept_in), {}
    found = {}
    for page in pages:
        content = page.read_bytes()
        digest = bytes_digest(content)
        links = kept.get(digest)
        found[page] = now[digest] = links if links is not None else _read(content)
    if kept_in is not None and now != kept:
        _keep(kept_in, now)
    return found


def check_site(site: Path, kept_in: Path | None = None) -> LinkReport:
    """Every internal link of the site's pages; `kept_in`: the file of what its pages held at
    the last check (see links_of_pages)."""
    report = LinkReport()
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = links_of_pages(pages, kept_in)
    targets = _Targets(site)
    # A link to another file means the same from every page of a folder: judged once there.
    judged: dict[Path, dict[str, str | None]] = {}
    for page, (references, _) in parsed.items():
        where = page.relative_to(site).as_posix()
        judged_here = judged.setdefault(page.parent, {})
        for reference in references:
            if reference.startswith(("#", "?")):  # this very page
                verdict = _verdict(reference, page, parsed, targets)
            else:
                if reference not in judged_here:
                    judged_here[reference] = _verdict(reference, page, parsed, targets)
                verdict = judged_here[reference]
            if verdict == EXTERNAL:
                report.external.add(reference)
            elif verdict is not None:
                report.broken.append(f"{where}: {reference} ({verdict})")
    return report


EXTERNAL = "external"


def _verdict(
    reference: str, page: Path, parsed: dict[Path, PageLinks], targets: _Targets
) -> str | None:
    """None for a link that holds, EXTERNAL for one to another site, else what is wrong."""
    parts = urlsplit(reference)
    if parts.scheme in ("http", "https"):
        return EXTERNAL
    if parts.scheme or reference.startswith("//"):
        return None  # mailto:, data:, javascript: — nothing to fetch from the site
    path, fragment = parts.path, parts.fragment  # a ?v=… query names the same file
    target, exists = targets.of(page.parent, path) if path else (page, True)
    if target is None:
        return "ra ngoài trang"
    if not exists:
        return "không có tệp"
    if fragment and target.suffix == ".html" and fragment not in parsed.get(target, NO_LINKS)[1]:
        return f"không có mục #{fragment}"
    return None


class _Targets:
    """The file each link names, and whether it exists, looked up once per folder and link.

    Every page repeats the whole table of contents in its sidebar, so the site holds about
    pages x pages links; the pages of one folder name the same files by the same strings, and
    resolving each again made the check grow faster than the site (issue 22)."""

    def __init__(self, site: Path):
        self.site = site
        self.known: dict[tuple[Path, str], tuple[Path | None, bool]] = {}

    def of(self, folder: Path, path: str) -> tuple[Path | None, bool]:
        """(the file, whether it exists); (None, False) for a link that leaves the site."""
        key = (folder, path)
        if key not in self.known:
            target = (folder / unquote(path)).resolve()
            if not target.is_relative_to(self.site):
                self.known[key] = (None, False)
            else:
                if target.is_dir():
                    target = target / "index.html"
                self.known[key] = (target, target.exists())
        return self.known[key]
