"""The sidebar made once per folder: each page gets the theme's own sidebar, byte for byte."""

from types import SimpleNamespace

import pytest

from programme_monitor.site.shared_sidebar import SharedSidebar, marked, unmarked
from tests.conftest import compile_again


def sidebar(current: str | None, pages=("a", "b", "c"), other_part=("d",)) -> str:
    """A sidebar in the theme's shape, as the page `current` gets it."""

    def entries(names):
        lines = []
        for name in names:
            if name == current:
                lines.append(
                    '<li class="toctree-l1 current active"><a class="current reference internal"'
                    f' href="#">Title {name}</a></li>'
                )
            else:
                lines.append(
                    f'<li class="toctree-l1"><a class="reference internal" href="{name}.html">'
                    f"Title {name}</a></li>"
                )
        return "\n".join(lines)

    def part(caption, names):
        here = "current " if current in names else ""
        return (
            f'<p aria-level="2" class="caption" role="heading"><span class="caption-text">'
            f"{caption}</span></p>\n"
            f'<ul class="{here}nav bd-sidenav">\n{entries(names)}\n</ul>\n'
        )

    return part("One", pages) + part("Current figures", other_part)


def test_a_page_gets_the_sidebar_the_theme_gives_it():
    plain = unmarked(sidebar("a"), "a.html")
    assert plain == sidebar(None)
    for page in ["a", "b", "c", "d"]:
        assert marked(plain, f"{page}.html") == sidebar(page)


def test_a_page_outside_the_contents_gives_the_plain_sidebar():
    assert unmarked(sidebar(None), "index.html") == sidebar(None)
    assert marked(sidebar(None), "index.html") is None  # not listed: the theme makes it


def test_sidebars_of_another_shape_are_left_to_the_theme():
    nested = sidebar("a").replace("</ul>\n", '<ul><li class="toctree-l2">x</li></ul></ul>\n', 1)
    assert unmarked(nested, "a.html") is None
    twice = sidebar(None, pages=("a", "b", "a"))
    assert marked(twice, "a.html") is None
    # A mark the module does not know: taking off the known ones leaves a class "current".
    other_mark = sidebar("a").replace('class="caption"', 'class="caption current"', 1)
    assert unmarked(other_mark, "a.html") is None


def test_the_theme_makes_one_sidebar_per_folder():
    calls = []

    def theme_for(pagename):
        def generate_toctree_html(kind, **arguments):
            calls.append(pagename)
            return sidebar(pagename.rsplit("/", 1)[-1])

        return generate_toctree_html

    shared = SharedSidebar()
    app = SimpleNamespace(builder=SimpleNamespace(get_target_uri=lambda name: f"{name}.html"))
    for pagename in ["book/a", "book/b", "book/c", "book/d", "other/a"]:
        context = {"generate_toctree_html": theme_for(pagename)}
        shared.on_page(app, pagename, "page.html", context, None)
        page = context["shared_toctree_html"](kind="sidebar", startdepth=0, maxdepth=4)
        assert page == sidebar(pagename.rsplit("/", 1)[-1])
    assert calls == ["book/a", "other/a"]


# The compile of the real site, run again with the theme making every page's sidebar.
THEME_EVERY_PAGE = """
import sys
from programme_monitor.site.shared_sidebar import SharedSidebar

def theme_every_page(self, app, pagename, templatename, context, doctree):
    context["shared_toctree_html"] = lambda kind, **arguments: str(
        context["generate_toctree_html"](kind, **arguments)
    )

SharedSidebar.on_page = theme_every_page
from jupyter_book.cli.main import main
sys.argv[0] = "jupyter-book"
main()
"""


@pytest.mark.slow
def test_every_page_of_the_real_site_is_what_the_theme_alone_writes(real_site, tmp_path):
    theirs = compile_again(real_site, "html", THEME_EVERY_PAGE, tmp_path) / "html"
    ours = real_site.work_dir("html", "vi") / "_build" / "html"
    pages = sorted(path.relative_to(ours) for path in ours.rglob("*.html"))
    assert len(pages) > 40
    different = [
        str(page) for page in pages if (ours / page).read_bytes() != (theirs / page).read_bytes()
    ]
    assert different == []
