"""The link check of the built site: a broken internal link or anchor is named with its page;
external links are only listed."""

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
