"""A Sphinx extension for the published site (listed in _config.yml, sphinx.extra_extensions).

What a reader's browser met before it, and what it does instead:
- Jupyter Book 1 sets up sphinx-thebe and sphinx-togglebutton twice, so every page declared the
  same inline scripts twice, and the second `const THEBE_JS_URL` threw "Identifier has already
  been declared" in the console. Each script is kept once, in its first place.
- The theme's colour mode defaulted to "", which the theme itself reports as an error on a first
  visit; it starts light. Its search field said "Search this book..." on a Vietnamese site.
- The theme copies two HTML template fragments into `_static/`; served, they are broken pages
  with no title or language. They are removed from the output.

It also gives every page the edition's footer (site_footer.py): reporting date, date built,
licence, and links to how to cite, the editions and the contact; and, at the top of every page,
a link to the same page in each other edition (the root edition at the site's root, the others in
their language's folder, with the same page paths: see edition_sources.py). The sidebar's table
of contents is the theme's, made once per folder of pages rather than for every page
(shared_sidebar.py); the booklet's tables are written with one template renderer rather than one
each (latex_tables.py).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from programme_monitor.site import latex_tables
from programme_monitor.site.feed import FEED
from programme_monitor.site.shared_sidebar import SharedSidebar
from programme_monitor.site.site_footer import EDITION_FILE, footer_html
from programme_monitor.site.toc_exclusions import exclude_files_outside_toc
from programme_monitor.words.formatting import labels_of
from programme_monitor.words.publication import DATA_PAGE, EMBED_FOLDER, INDICATOR_PAGE_PREFIX

TEMPLATE_FRAGMENTS = ["webpack-macros.html", "sbt-webpack-macros.html"]
TEMPLATES = Path(__file__).parent / "templates"


def _theme_options(app, config) -> None:
    config.html_context.setdefault("default_mode", "light")  # read by the theme's layout.html
    # First: sphinx-book-theme puts its own components' folder in the list before this runs, and
    # the first folder holding a template's name gives it.
    config.templates_path.insert(0, str(TEMPLATES))
    options = config.html_theme_options
    options["search_bar_text"] = labels_of(config.language or "vi")["search_bar"]
    # The language switch, first among the buttons at the top right of every page.
    options["article_header_end"] = ["language-switch.html", "article-header-buttons.html"]


def _edition_titles(app, config) -> None:
    """The site's title and author from the programme's folder (edition.json), not from
    _config.yml: another programme's folder gives its own title on every page and the booklet."""
    edition = Path(app.srcdir) / "book" / "generated" / EDITION_FILE
    if not edition.exists():
        return  # a book built by hand keeps _config.yml's neutral title
    values = json.loads(edition.read_text("utf-8"))
    config.html_title = config.project = values["site_title"]
    config.author = values["publisher"]
    config.latex_documents = [
        (start, target, values["site_title"], values["publisher"], *rest)
        for start, target, _title, _author, *rest in config.latex_documents
    ]


def _edition_on_page(app, pagename, templatename, context, doctree) -> None:
    """The edition's footer, and its language switch when there is another edition."""
    edition = Path(app.srcdir) / "book" / "generated" / EDITION_FILE
    if not edition.exists():
        return  # a book without an edition (built by hand): the theme's footer stays
    values = json.loads(edition.read_text("utf-8"))
    context["theme_extra_footer"] = footer_html(values, context["pathto"](DATA_PAGE))
    context["site_title_label"] = labels_of(values["lang"])["site_title_label"]
    context["metatags"] = context.get("metatags", "") + reuse_metatags(
        values,
        context.get("title", ""),
        context["pathto"](FEED, 1),
        pagename,
        preview_image(Path(app.srcdir), pagename),
    )
    if len(values.get("languages", [])) < 2:
        return
    links = edition_links(pagename, values["lang"], values["languages"])
    context["edition_switch"] = links
    context["edition_switch_label"] = labels_of(values["lang"])["language_switch"]
    # Tells search engines and browsers that the page exists in the other languages.
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<link rel="alternate" hreflang="{link["lang"]}" href="{link["url"]}">' for link in links
    )


def preview_image(srcdir: Path, pagename: str) -> str | None:
    """The chart an indicator's page shows, as PNG (written beside the page by its chapter, in
    `embed/`; pages/embed_page.py), by its path in the edition; None for other pages."""
    folder, _, name = pagename.rpartition("/")
    if not name.startswith(INDICATOR_PAGE_PREFIX):
        return None
    image = f"{folder}/{EMBED_FOLDER}/{name.removeprefix(INDICATOR_PAGE_PREFIX)}.png".lstrip("/")
    return image if (srcdir / image).is_file() else None


def reuse_metatags(
    values: dict, title: str, feed_url: str, pagename: str = "", image: str | None = None
) -> str:
    """What another site reads from a page's head: the editions' feed, and a preview when the
    page's address is shared (Open Graph, Twitter). Open Graph wants absolute addresses: the
    page's own and its image (`image`, the indicator's chart, by path in the edition) are given
    only when the programme's folder gives the site's public address (publication.site_url)."""
    words = labels_of(values["lang"])
    plain = html.unescape(re.sub(r"<[^>]+>", "", title))
    tags = {
        "og:type": "website",
        "og:site_name": values["site_title"],
        "og:title": plain or values["site_title"],
        "og:description": words["og_description"].format(
            site_title=values["site_title"], as_of=values["as_of"]
        ),
        "og:locale": words["og_locale"],
    }
    site_url = values.get("site_url", "")
    if site_url:
        languages = values.get("languages") or [values["lang"]]
        edition_url = site_url + ("" if values["lang"] == languages[0] else f"{values['lang']}/")
        if pagename:
            tags["og:url"] = f"{edition_url}{pagename}.html"
        if image:
            tags["og:image"] = edition_url + image
            tags["og:image:alt"] = words["og_image_alt"].format(title=tags["og:title"])
    meta = "".join(
        f'\n<meta property="{name}" content="{html.escape(value)}">' for name, value in tags.items()
    )
    card = "summary_large_image" if "og:image" in tags else "summary"
    meta += f'\n<meta name="twitter:card" content="{card}">'
    return meta + (
        f'\n<link rel="alternate" type="application/atom+xml" '
        f'title="{html.escape(words["feed_link_title"])}" href="{html.escape(feed_url)}">'
    )


def edition_links(pagename: str, lang: str, languages: list[str]) -> list[dict[str, str]]:
    """The same page in each other edition, relative to this page: the root edition (first
    language) at the site's root, every other in its language's folder."""
    up = "../" * pagename.count("/") + ("" if lang == languages[0] else "../")
    return [
        {
            "lang": other,
            "name": labels_of(other)["language_name"],
            "url": f"{up}{'' if other == languages[0] else other + '/'}{pagename}.html",
        }
        for other in languages
        if other != lang
    ]


def _drop_template_fragments(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for name in TEMPLATE_FRAGMENTS:
        (Path(app.outdir) / "_static" / name).unlink(missing_ok=True)


def _scripts_once(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for script in scripts:
        # The same file or inline body, whatever priority each copy was given; an inline script's
        # file name is None in one copy and "" in the other.
        key = (
            str(getattr(script, "filename", script) or ""),
            repr(sorted(getattr(script, "attributes", {}).items())),
        )
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"] = kept


def setup(app):
    app.setup_extension(latex_tables.__name__)  # the booklet's tables, one template renderer
    # After MyST-NB has added its suffixes (priority 500), before sphinx-external-toc (900).
    app.connect("config-inited", exclude_files_outside_toc, priority=890)
    app.connect("config-inited", _theme_options, priority=900)
    app.connect("config-inited", _edition_titles, priority=900)
    app.connect("build-finished", _drop_template_fragments)
    # After the extensions that add their scripts while the page is being written (priority 500).
    app.connect("html-page-context", _scripts_once, priority=900)
    app.connect("html-page-context", _edition_on_page)
    # One sidebar per folder of pages, not per page (its template: templates/sbt-sidebar-nav.html).
    app.connect("html-page-context", SharedSidebar().on_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
