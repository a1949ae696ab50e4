"""The Atom feed of editions: well formed, newest first, nothing after the reporting date."""

import xml.etree.ElementTree as ET
from datetime import date

from programme_monitor.data.dataset import check_programme
from programme_monitor.site.feed import feed_xml
from programme_monitor.site.sphinx_site import reuse_metatags
from programme_monitor.words.edition import Edition
from tests.conftest import REAL_DATA

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(as_of: date, lang: str, archived: dict) -> ET.Element:
    programme = check_programme(REAL_DATA).programme
    edition = Edition(lang, as_of, as_of, ("vi", "en"))
    return ET.fromstring(feed_xml(edition, programme, archived, "../" if lang == "en" else ""))


def test_each_edition_up_to_the_reporting_date_is_an_entry_newest_first():
    archived = {date(2025, 6, 30): {"vi", "en"}, date(2026, 11, 24): {"vi"}}
    feed = _feed(date(2026, 12, 4), "en", archived)
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == ["2026-12-04T00:00:00Z", "2026-11-24T00:00:00Z", "2025-06-30T00:00:00Z"]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0] == "book/intro.html"  # the current edition: its home page
    assert links[1] == "book/generated/data.html"  # kept without an English booklet
    assert links[2] == "../editions/2025-06-30/en/42-CTr-HU-2025-06-30.pdf"
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == 3 and all(
        i.startswith("urn:programme-monitor:42-CTr-HU:en:") for i in ids
    )
    assert "withdrawn" in entries[0].find(f"{ATOM}summary").text  # the edition's own words


def test_an_earlier_reporting_date_lists_no_later_edition():
    feed = _feed(date(2025, 6, 30), "vi", {})
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Ấn bản ngày 30/06/2025"]
    assert feed.find(f"{ATOM}updated").text == "2025-06-30T00:00:00Z"


def test_every_page_names_the_feed_and_gives_a_preview():
    values = {"lang": "en", "site_title": "Monitoring 42-CTr/HU", "as_of": "4 Dec 2026"}
    head = reuse_metatags(values, "Urbanisation <em>rate</em>", "../../feed.xml")
    assert '<meta property="og:title" content="Urbanisation rate">' in head
    assert '<meta property="og:locale" content="en_GB">' in head
    assert 'type="application/atom+xml"' in head and 'href="../../feed.xml"' in head
