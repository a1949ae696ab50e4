"""The booklet's tables written with one template renderer, not a new one per table (issue 22).

Sphinx's LaTeX writer (7.4) makes a new `LaTeXRenderer` for each table it writes, and with it a
new Jinja environment that compiles the table's template again: 4 ms a table, 0.4 s of each
booklet's compile for the real programme's 94 tables, clean or after one changed figure, and
proportionally more for a programme with more indicators. The translator below keeps one renderer
for the document it writes; it looks templates up exactly as Sphinx does (a file of that name in
a `templates_path` folder first, then Sphinx's own), so the booklet's text is the same
(tests/test_latex_tables.py compares it with Sphinx's own translator).
"""

from __future__ import annotations

from functools import cached_property
from os import path
from typing import Any

from sphinx.util.template import LaTeXRenderer
from sphinx.writers.latex import LaTeXTranslator


class OneRendererLaTeXTranslator(LaTeXTranslator):
    @cached_property
    def _renderer(self) -> LaTeXRenderer:
        return LaTeXRenderer(latex_engine=self.config.latex_engine)

    def render(self, template_name: str, variables: dict[str, Any]) -> str:
        for template_dir in self.config.templates_path:
            template = path.join(self.builder.confdir, template_dir, template_name)
            if path.exists(template):
                # A project's own template: Sphinx's lookup, legacy names and warnings included.
                return super().render(template_name, variables)
            if template.endswith(".jinja") and path.exists(template.removesuffix(".jinja") + "_t"):
                return super().render(template_name, variables)
        return self._renderer.render(template_name, variables)


def use_for_latex_builders(app) -> None:
    # Only when the builder writes LaTeX: a translator registered for any builder makes
    # pydata-sphinx-theme wrap the registered ones only, and the HTML pages would lose its
    # translator (aria-level on the sidebar's captions, scrollable tables).
    if app.builder.format == "latex":
        app.set_translator(app.builder.name, OneRendererLaTeXTranslator, override=True)


def setup(app):
    app.connect("builder-inited", use_for_latex_builders)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
