"""What an edition is called and how it is cited: the booklet's file name, the citation, and the
places on the data page that every page's footer links to. Pages, the site and the build all name
these, so they live below all three."""

from __future__ import annotations

import re
from datetime import date

from programme_monitor.words.edition import Edition

DATA_PAGE = "book/generated/data"  # where citation, licence, contact and editions are set out
# Targets of the data page's sections, the same in every language: the footer links to them.
ANCHORS = {
    "cite": "edition-cite",
    "licence": "edition-licence",
    "contact": "edition-contact",
    "editions": "edition-history",
}


def booklet_file_name(programme: dict, as_of: date, suffix: str = ".pdf") -> str:
    """'42-CTr-HU-2026-11-24.pdf': the programme's number and the reporting date."""
    number = re.sub(r"[^0-9A-Za-z]+", "-", programme.get("number") or programme["id"]).strip("-")
    return f"{number}-{as_of.isoformat()}{suffix}"


def package_file_name(programme: dict, as_of: date) -> str:
    """'42-CTr-HU-2026-11-24-du-lieu.zip', beside the booklet's name."""
    return booklet_file_name(programme, as_of, "-du-lieu.zip")


# The home page's offer of the edition's files, written by the build into book/generated and
# included by book/intro.md (and its translations).
HOME_DOWNLOADS = "home-downloads.md"
# The home page's title, written the same way: the programme and its area, not a generic phrase
# (a reader from a press link must see at once which programme this is).
HOME_HEADING = "home-heading.md"
# Beside the indicator pages, in the sources and the site: each indicator's page for other sites
# to frame and its chart as a shared link's preview image (pages/embed_page.py).
EMBED_FOLDER = "embed"
INDICATOR_PAGE_PREFIX = "indicator-"  # an indicator's page is indicator-<indicator id>


def home_heading(edition: Edition, programme: dict) -> str:
    """The home page's title: '42-CTr/HU · Thủy Nguyên (Hải Phòng)' in the edition's words."""
    title = edition.labels["home_title"].format(
        number=programme.get("number") or programme["short_title"],
        area=programme.get("area_name") or programme["area"],
    )
    return f"# {title}\n"


def home_downloads(edition: Edition, programme: dict, booklet: bool) -> str:
    """The home page's line offering this edition's booklet, on the site only (the booklet does
    not link to itself); "" when the build makes no booklet. The home page (book/intro.html) sits
    one folder below its edition's root, where the booklet is published."""
    if not booklet:
        return ""
    name = booklet_file_name(programme, edition.as_of)
    link = f'<a href="../{name}" download>{name}</a>'
    return f":::{{only}} html\n{edition.labels['home_booklet'].format(link=link)}\n:::\n"


def citation(edition: Edition, programme: dict) -> str:
    """How to cite this edition, in the form of a dataset citation: the reporting date names it."""
    as_of = edition.as_of
    publication = programme["publication"]
    return edition.labels["citation"].format(
        publisher=publication["publisher"],
        year=as_of.year,
        title=programme["short_title"],
        as_of=edition.date(as_of),
    )


def newest_edition(programme: dict | None) -> date | None:
    """The date of the newest edition `programme` declares, or None."""
    publication = (programme or {}).get("publication") or {}
    dates = []
    for edition in publication.get("editions") or []:
        try:
            dates.append(date.fromisoformat(str(edition.get("date"))))
        except (AttributeError, ValueError):
            continue  # a malformed date is the contract's to report
    return max(dates, default=None)
