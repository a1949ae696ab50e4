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
