"""What every page of the site says at its foot: the reporting date and the date built, who
publishes it and under which licence, how to cite it, and how to reach the publisher.

The build writes these values for the edition into `book/generated/edition.json`; the site's
Sphinx extension (sphinx_site.py) reads them and sets the footer of every page, with links that
are relative to each page.
"""

from __future__ import annotations

import html
import json

from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import labels_of
from programme_monitor.words.publication import ANCHORS, citation

EDITION_FILE = "edition.json"  # in book/generated, beside edition.def for the booklet


def edition_values(edition: Edition, programme: dict) -> bytes:
    """The edition's values for its pages (`programme` in its language), with every edition's
    language, the root one first, for the language switch."""
    publication = programme["publication"]
    values = {
        "lang": edition.lang,
        "languages": list(edition.languages),
        "as_of": edition.date(edition.as_of),
        "built_on": edition.date(edition.built_on),
        "publisher": publication["publisher"],
        "site_title": edition.labels["site_title"].format(short_title=programme["short_title"]),
        "licence_url": publication["licence_url"],
        "contact": " ".join(publication["contact"].split()),
        "citation": citation(edition, programme),
        "site_url": publication.get("site_url", ""),
    }
    return (json.dumps(values, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def footer_html(values: dict, data_page_url: str) -> str:
    """The footer of one page; `data_page_url` is the data page's address relative to it."""
    words = {
        key: html.escape(text)
        for key, text in labels_of(values["lang"]).items()
        if isinstance(text, str)
    }
    e = {key: html.escape(value) for key, value in values.items() if isinstance(value, str)}
    page = html.escape("" if data_page_url == "#" else data_page_url)  # "#" on the data page
    links = " · ".join(
        f'<a href="{page}#{ANCHORS[name]}">{words[f"heading_{name}"]}</a>'
        for name in ("cite", "editions", "contact")
    )
    return (
        f"<p>{words['footer_as_of']} <strong>{e['as_of']}</strong> · "
        f"{words['footer_built_on']} {e['built_on']} · {e['publisher']} · "
        f'{words["footer_licence"]} <a href="{e["licence_url"]}">CC BY 4.0</a> · {links}</p>'
        f"<p>{words['footer_sources']}</p>"
    )
