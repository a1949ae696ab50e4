"""The link check of the built site: a broken internal link or anchor is named with its page;
external links are only listed."""

import marshal

from programme_monitor.site import link_check
from programme_monitor.site.link_check import check_site


def page(path, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", "utf-8")


def test_broken_links_and_anchors_are_named_with_their_page(tmp_path):
    page(
        tmp_path / "a.html",
        '<h2 id="muc">x</h2><a href="b.html#ok">b</a><a href="#muc">m</a>'
        '<img src="_static/logo.svg?v=1"><a href="https://example.org/x">e</a>'
        '<a href="mailto:x@example.org">t</a>',
    )
    page(
        tmp_path / "b.html",
        '<p id="ok"></p><a href="c.html">c</a><a href="a.html#khong">k</a>'
        '<script src="../outside.js"></script>',
    )
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "logo.svg").write_text("<svg/>", "utf-8")
    report = check_site(tmp_path)
    assert report.broken == [
        "b.html: c.html (không có tệp)",
        "b.html: a.html#khong (không có mục #khong)",
        "b.html: ../outside.js (ra ngoài trang)",
    ]
    assert report.external == {"https://example.org/x"}


def test_the_same_link_is_looked_up_from_each_page_s_own_folder(tmp_path):
    # Links are looked up once per folder: the same string from another folder is another file.
    page(tmp_path / "a.html", '<a href="b.html">b</a><a href="sub/">s</a><a href="en/">e</a>')
    page(tmp_path / "b.html", '<a href="b.html">b</a>')
    page(tmp_path / "sub" / "index.html", '<a href="b.html">b</a><a href="../b.html">b</a>')
    (tmp_path / "en").mkdir()  # a folder without index.html
    assert check_site(tmp_path).broken == [
        "a.html: en/ (không có tệp)",
        "sub/index.html: b.html (không có tệp)",
    ]


def test_an_anchor_of_the_page_itself_is_judged_on_each_page(tmp_path):
    # Links to other files are judged once per folder; "#…" and "?…#…" name each page's own.
    page(tmp_path / "a.html", '<p id="x"></p><a href="#x">x</a><a href="?v=1#x">x</a>')
    page(tmp_path / "b.html", '<a href="#x">x</a><a href="?v=1#x">x</a>')
    assert check_site(tmp_path).broken == [
        "b.html: #x (không có mục #x)",
        "b.html: ?v=1#x (không có mục #x)",
    ]


def small_site(folder):
    page(
        folder / "a.html", '<h2 id="muc">x</h2><a href="b.html#ok">b</a><a href="sub/c.html">c</a>'
    )
    page(folder / "b.html", '<p id="ok"></p><a href="a.html#muc">a</a>')
    page(folder / "sub" / "c.html", '<a href="../a.html">a</a><a href="https://example.org/">e</a>')


def counting_reads(monkeypatch):
    read = []
    original = link_check._read
    monkeypatch.setattr(
        link_check, "_read", lambda content: read.append(content) or original(content)
    )
    return read


def test_a_kept_file_spares_reading_unchanged_pages_and_the_verdict_is_the_sites(
    tmp_path, monkeypatch
):
    site, kept = tmp_path / "site", tmp_path / "cache" / "links.marshal"
    small_site(site)
    read = counting_reads(monkeypatch)
    first = check_site(site, kept)
    assert first == check_site(site) and first.broken == [] and len(read) == 6
    assert kept.exists()

    read.clear()
    page(site / "b.html", '<p id="changed"></p><a href="a.html#muc">a</a>')  # the anchor went
    (site / "sub" / "c.html").unlink()
    second = check_site(site, kept)
    assert len(read) == 1  # only b.html, whose bytes changed
    # a.html was not read again, and its links are judged against the site as it is now.
    assert second.broken == [
        "a.html: b.html#ok (không có mục #ok)",
        "a.html: sub/c.html (không có tệp)",
    ]
    assert second == check_site(site)

    read.clear()
    check_site(site, kept)
    assert read == []  # the file holds exactly the pages of the last check


def test_an_unreadable_or_foreign_kept_file_means_reading_every_page(tmp_path, monkeypatch):
    site, kept = tmp_path / "site", tmp_path / "links.marshal"
    small_site(site)
    expected = check_site(site, kept)
    _, pages = marshal.loads(kept.read_bytes())
    foreign = marshal.dumps((("another version of the module", "3.0"), pages))
    read = counting_reads(monkeypatch)
    for content in [b"not marshal", foreign, b""]:
        kept.write_bytes(content)
        read.clear()
        assert check_site(site, kept) == expected
        assert len(read) == 3
    read.clear()
    assert check_site(site, kept) == expected and read == []  # written again, whole
    assert not kept.with_name(kept.name + ".partial").exists()
