"""The booklet's tables through one template renderer: the same LaTeX as Sphinx's own translator
writes, with one renderer per document instead of one per table."""

import pytest
from sphinx.application import Sphinx
from sphinx.util import template
from sphinx.util.docutils import docutils_namespace

from tests.conftest import compile_again

TABLE = """
.. list-table:: Table {n}
   :header-rows: 1

   * - Indicator
     - Value
   * - urbanisation rate {n}
     - {n}.5
"""


def write_project(folder, extensions, own_template=None):
    """A small Sphinx project of three pages and six tables, with the site's theme family;
    `own_template`: the project's own template of small tables, in its templates folder."""
    (folder / "conf.py").write_text(
        f"extensions = {extensions!r}\n"
        "html_theme = 'pydata_sphinx_theme'\n"
        "templates_path = ['_templates']\n"
        "latex_engine = 'xelatex'\n"
        "latex_documents = [('index', 'booklet.tex', 'T', 'A', 'manual')]\n",
        "utf-8",
    )
    (folder / "_templates").mkdir()
    if own_template is not None:
        (folder / "_templates" / "tabulary.tex.jinja").write_text(own_template, "utf-8")
    pages = ["one", "two", "three"]
    (folder / "index.rst").write_text(
        "Booklet\n=======\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages), "utf-8"
    )
    for i, page in enumerate(pages):
        tables = "".join(TABLE.format(n=2 * i + k) for k in range(2))
        (folder / f"{page}.rst").write_text(f"{page.title()}\n=====\n{tables}", "utf-8")


def build(source, out, builder):
    with docutils_namespace():  # as sphinx-build does: each build registers its own nodes
        app = Sphinx(source, source, out, out / ".doctrees", builder, status=None)
        app.build()
    assert app.statuscode == 0


def booklet_tex(tmp_path, name, extensions, monkeypatch, own_template=None) -> tuple[str, int]:
    """The project's LaTeX, and how many template renderers writing it made."""
    made = []
    original = template.LaTeXRenderer.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(template.LaTeXRenderer, "__init__", counting)
    source, out = tmp_path / name, tmp_path / f"{name}-out"
    source.mkdir()
    write_project(source, extensions, own_template)
    build(source, out, "latex")
    return (out / "booklet.tex").read_text("utf-8"), len(made)


def test_tables_are_written_as_sphinx_writes_them_with_one_renderer(tmp_path, monkeypatch):
    ours, ours_made = booklet_tex(
        tmp_path, "ours", ["programme_monitor.site.latex_tables"], monkeypatch
    )
    sphinx, sphinx_made = booklet_tex(tmp_path, "sphinx", [], monkeypatch)
    assert ours.count(r"\begin{tabulary}") == 6
    assert ours == sphinx
    assert sphinx_made >= 7  # the document's own, and one per table: what this module saves
    assert ours_made <= sphinx_made - 5


def test_a_projects_own_table_template_is_still_used(tmp_path, monkeypatch):
    own = "%% the project's own table\n<%= table.get_table_type() %>\n"
    ours, _ = booklet_tex(
        tmp_path, "ours", ["programme_monitor.site.latex_tables"], monkeypatch, own
    )
    sphinx, _ = booklet_tex(tmp_path, "sphinx", [], monkeypatch, own)
    assert ours.count("%% the project's own table") == 6
    assert ours == sphinx


def test_the_html_pages_keep_the_themes_translator(tmp_path):
    """Stop 34 registered the translator for every builder: pydata-sphinx-theme then wrapped only
    the registered ones, and the site's pages lost its HTML translator (no aria-level on the
    sidebar's captions, which axe reports as critical; tables no longer scrollable)."""
    pages = {}
    for name, extensions in [("ours", ["programme_monitor.site.latex_tables"]), ("sphinx", [])]:
        source, out = tmp_path / name, tmp_path / f"{name}-out"
        source.mkdir()
        write_project(source, extensions)
        build(source, out, "html")
        pages[name] = (out / "one.html").read_text("utf-8")
    assert 'class="pst-scrollable-table-container"' in pages["sphinx"]  # the theme's translator
    assert pages["ours"] == pages["sphinx"]


# The real booklet's LaTeX, written again with Sphinx's own translator.
SPHINX_TRANSLATOR = """
import sys
from programme_monitor.site import latex_tables

latex_tables.setup = lambda app: {"parallel_read_safe": True, "parallel_write_safe": True}
from jupyter_book.cli.main import main
sys.argv[0] = "jupyter-book"
main()
"""


@pytest.mark.slow
def test_the_real_booklet_is_what_sphinx_alone_writes(real_site, tmp_path):
    theirs = compile_again(real_site, "latex", SPHINX_TRANSLATOR, tmp_path) / "latex"
    ours = real_site.work_dir("pdflatex", "vi") / "_build" / "latex" / "booklet.tex"
    assert ours.read_text("utf-8").count(r"\begin{longtable}") > 40
    assert ours.read_text("utf-8") == (theirs / "booklet.tex").read_text("utf-8")
