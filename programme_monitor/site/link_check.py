"""A link check of the whole built site, before it is published.

Every internal reference of every HTML page (links, images, scripts, stylesheets, and the
`#fragment` of a link to a page of the site) must exist: a broken one fails the build, naming the
page and the link, and the last good site stays in place. External links cannot be checked
offline and would be flaky if they were; they are listed for a person to check, in the build
report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

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


def _parse(page: Path) -> _References:
    parser = _References()
    parser.feed(page.read_text("utf-8", errors="replace"))
    return parser


def check_site(site: Path) -> LinkReport:
    report = LinkReport()
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    targets = _Targets(site)
    for page, found in parsed.items():
        where = page.relative_to(site).as_posix()
        for reference in found.references:
            parts = urlsplit(reference)
            if parts.scheme in ("http", "https"):
                report.external.add(reference)
                continue
            if parts.scheme or reference.startswith("//"):
                continue  # mailto:, data:, javascript: — nothing to fetch from the site
            path, fragment = parts.path, parts.fragment  # a ?v=… query names the same file
            target, exists = targets.of(page.parent, path) if path else (page, True)
            if target is None:
                report.broken.append(f"{where}: {reference} (ra ngoài trang)")
            elif not exists:
                report.broken.append(f"{where}: {reference} (không có tệp)")
            elif (
                fragment
                and target.suffix == ".html"
                and fragment not in parsed.get(target, _References()).ids
            ):
                report.broken.append(f"{where}: {reference} (không có mục #{fragment})")
    return report


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
