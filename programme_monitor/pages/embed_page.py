"""One indicator as a page another site can put in an `<iframe>`: the chart, each target's status,
the values the chart draws and their sources, and a link to the full page; no site frame.

The page is one file that needs nothing else: the chart is inside it, and its few styles are in
its head. The chart is the phone's rendering (charts.py, text of 10 pt or more), at most 560 px
wide: framed at any width from 360 px its text stays 12 px or more. The wide rendering's 7 pt
labels would fall under 12 px in any frame narrower than its own width.

The build publishes the page beside the indicator's page (`embed/<indicator>.html`), with the
chart as PNG (`embed/<indicator>.png`), the image a shared link's preview shows.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

STYLE = """
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: #1a1a1a; background: #fff; margin: 0; padding: 0.75rem; }
h1 { font-size: 1.15rem; margin: 0 0 0.4rem; }
p, ul, table { margin: 0.4rem 0; }
img { width: 100%; height: auto; max-width: 560px; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.15rem 0.5rem 0.15rem 0; border-bottom: 1px solid #ddd; }
td.number { text-align: right; }
.sources { font-size: 0.85rem; }
a { color: #0b57a4; }
a:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
""".strip()


def embed_page(
    *,
    lang: str,
    name: str,
    site_title: str,
    statuses: list[str],
    alt: str,
    chart_svg: bytes | None,
    values: list[tuple[str, str, str, int]],
    sources: list[tuple[int, str, str]],
    full_page: str,
    words: dict[str, str],
) -> bytes:
    """The page's bytes.

    `statuses`: one line per target, as the full page says it; `values`: (area, period, value,
    source number) for each value the chart draws; `sources`: (number, citation text, address);
    `full_page`: the indicator's page, relative to the embed page; `site_title`: the
    publication's, which says where the frame comes from; `words`: the edition's `embed_*`
    labels.
    """
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # else the browser asks the framing site for one
        f"<title>{escape(name)} · {escape(site_title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(name)}</h1>",
    ]
    if statuses:
        parts.append(f"<p><strong>{escape(words['embed_status'])}</strong></p>")
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in statuses) + "</ul>")
    if chart_svg is not None:
        parts.append(_image(chart_svg, alt))
    if values:
        header = "".join(
            f'<th scope="col">{escape(words[key])}</th>'
            for key in ("embed_area", "embed_period", "embed_value", "embed_source")
        )
        rows = "".join(
            f"<tr><td>{escape(area)}</td><td>{escape(period)}</td>"
            f'<td class="number">{escape(value)}</td><td>[{number}]</td></tr>'
            for area, period, value, number in values
        )
        parts.append(
            f"<table><caption>{escape(words['embed_values'])}</caption>"
            f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
        )
    if sources:
        items = "".join(
            f"<li>[{number}] "
            + (f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text))
            + "</li>"
            for number, text, url in sources
        )
        parts.append(
            f'<div class="sources"><p>{escape(words["embed_sources"])}</p><ul>{items}</ul></div>'
        )
    parts += [
        f'<p><a href="{escape(full_page)}" target="_top">'
        f"{escape(words['embed_full_page'])}</a> · {escape(site_title)}</p>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")


def _image(svg: bytes, alt: str) -> str:
    data = base64.b64encode(svg).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'


def embed_paths(embed_dir: Path, indicator_id: str) -> tuple[Path, Path]:
    """The embed page and its preview image."""
    return embed_dir / f"{indicator_id}.html", embed_dir / f"{indicator_id}.png"
