"""Each indicator as a page other sites frame, and other areas' figures named as such (issue 20)."""

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.indicator_page import indicator_page
from programme_monitor.site.sphinx_site import preview_image, reuse_metatags
from tests.conftest import REAL_DATA

LINKS = {"chapter": "targets-x", "methodology": "methodology", "figures_wanted": "figures-wanted"}


class Elements(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _page(lang: str, indicator: str):
    chapter = open_chapter(REAL_DATA, "2026-12-04", lang)
    return indicator_page(
        chapter.dataset,
        indicator,
        chapter.report_date,
        chapter.statuses,
        LINKS,
        Path("figures"),
        Path("downloads"),
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_embed_page_holds_chart_status_values_and_sources_and_needs_nothing_else(lang):
    page = _page(lang, "urbanisation_rate")
    html = page.files[Path("embed/urbanisation_rate.html")].decode("utf-8")
    parsed = Elements()
    parsed.feed(html)
    tags = parsed.tags
    assert tags[0] == ("html", {"lang": lang})
    # Where the frame comes from, in its title and under it.
    site = "Theo dõi thực hiện" if lang == "vi" else "Monitoring"
    assert re.search(rf"<title>[^<]+ · {site}[^<]*42-CTr/HU[^<]*</title>", html)
    # No site frame and nothing fetched from elsewhere: charts inside, no script, no stylesheet.
    assert not [t for t, a in tags if t in {"script", "iframe", "nav", "header"}]
    assert [a["href"] for t, a in tags if t == "link"] == ["data:,"]  # the icon: none to fetch
    images = [a for t, a in tags if t == "img"]
    assert len(images) == 1  # the phone's rendering: its text stays 12 px or more in any frame
    assert (
        base64.b64decode(images[0]["src"].removeprefix("data:image/svg+xml;base64,"))
        == (page.files[Path("figures/urbanisation_rate-narrow.svg")])
    )
    assert len(images[0]["alt"]) > 40  # the chart said in words
    # The status of both targets, as on the full page.
    assert html.count("T07") == 1 and html.count("T08") == 1
    # Every value and every source of the chart, other areas named as such.
    rows = re.findall(r"<tr><td>(.*?)</td>", html)
    assert rows and all(("so sánh" if lang == "vi" else "comparison") in row for row in rows)
    links = [a["href"] for t, a in tags if t == "a"]
    assert links[-1] == "../indicator-urbanisation_rate.html"
    assert all(link.startswith("https://") for link in links[:-1]) and len(links) > 1
    # The same inputs, the same bytes.
    assert (
        _page(lang, "urbanisation_rate").files[Path("embed/urbanisation_rate.html")]
        == (page.files[Path("embed/urbanisation_rate.html")])
    )
    # The page offers it, on the site only.
    assert "embed/urbanisation_rate.html" in page.markdown
    assert page.files[Path("embed/urbanisation_rate.png")].startswith(b"\x89PNG")


def test_an_indicator_without_figures_gets_an_embed_page_with_its_status_and_no_chart():
    page = _page("vi", "green_space_per_person")
    html = page.files[Path("embed/green_space_per_person.html")].decode("utf-8")
    assert "<img" not in html and "<table" not in html
    assert "Chưa đánh giá được" in html
    assert Path("embed/green_space_per_person.png") not in page.files


def test_the_programmes_own_figures_are_not_called_comparison():
    page = _page("vi", "admin_status")
    values = page.markdown.split("## Các giá trị", 1)[-1]
    assert "Thủy Nguyên" in values
    own_rows = [line for line in values.splitlines() if line.startswith("| Thành phố Thủy Nguyên")]
    assert own_rows and not any("so sánh" in row for row in own_rows)


def test_a_shared_indicator_page_previews_its_chart_once_the_site_has_an_address(tmp_path):
    image = tmp_path / "book" / "generated" / "embed" / "urbanisation_rate.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG")
    page = "book/generated/indicator-urbanisation_rate"
    assert preview_image(tmp_path, page) == "book/generated/embed/urbanisation_rate.png"
    assert preview_image(tmp_path, "book/generated/indicator-vneid_accounts") is None
    assert preview_image(tmp_path, "book/generated/overview") is None
    values = {"lang": "en", "languages": ["vi", "en"], "site_title": "M", "as_of": "4 Dec 2026"}
    without = reuse_metatags(values, "Urbanisation rate", "../feed.xml", page, image.name)
    assert "og:image" not in without and "og:url" not in without
    assert 'content="summary"' in without
    values["site_url"] = "https://example.org/42/"
    head = reuse_metatags(
        values, "Urbanisation rate", "../feed.xml", page, preview_image(tmp_path, page)
    )
    assert (
        '<meta property="og:image" '
        'content="https://example.org/42/en/book/generated/embed/urbanisation_rate.png">'
    ) in head
    assert (
        '<meta property="og:url" '
        'content="https://example.org/42/en/book/generated/indicator-urbanisation_rate.html">'
    ) in head
    assert '<meta property="og:image:alt" content="Chart: Urbanisation rate">' in head
    assert 'content="summary_large_image"' in head
