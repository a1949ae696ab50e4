"""An Atom feed of the publication's editions, one per language, so a newsroom or a data portal
hears of a new edition without visiting the site.

Each edition declared in programme.yaml (publication.editions) up to the reporting date is an
entry: when, what changed (its own words), and where to read it: the current edition's home
page, an archived one's booklet. The feed sits at each edition's root (`feed.xml`, `en/feed.xml`)
and every page names it in its head. Ids are URNs made from the programme's number, so they stay
the same wherever the site is served; links are relative to the feed. Same inputs, same bytes.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from programme_monitor.words.edition import Edition, localized
from programme_monitor.words.publication import booklet_file_name

FEED = "feed.xml"
HOME = "book/intro.html"


def feed_xml(
    edition: Edition, programme: dict, archived: dict[date, set[str]], up: str = ""
) -> bytes:
    """The feed of `edition`'s language (`programme` as written, in every language). `archived`
    gives each edition kept in the programme's folder with the languages of its booklets; `up`
    leads from this feed to the site's root (where archived editions are published)."""
    words, lang = edition.labels, edition.lang
    local = localized(programme, lang, "programme")
    number = local.get("number") or local["id"]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-")
    editions = sorted(
        (e for e in local["publication"].get("editions") or [] if _day(e) <= edition.as_of),
        key=_day,
        reverse=True,
    )
    updated = _day(editions[0]) if editions else edition.as_of
    title = words["feed_title"].format(short_title=local["short_title"])
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>urn:programme-monitor:{slug}:{lang}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"  <author><name>{escape(local['publication']['publisher'])}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href="{FEED}"/>',
        f'  <link rel="alternate" type="text/html" href="{HOME}"/>',
    ]
    for entry in editions:
        day = _day(entry)
        if day == edition.as_of:
            href = HOME
        elif lang in archived.get(day, set()):
            site_path = "" if lang == edition.languages[0] else f"{lang}/"
            href = f"{up}editions/{day.isoformat()}/{site_path}{booklet_file_name(local, day)}"
        else:
            href = "book/generated/data.html"
        entry_title = words["feed_entry_title"].format(date=edition.date(day))
        lines += [
            "  <entry>",
            f"    <id>urn:programme-monitor:{slug}:{lang}:{day.isoformat()}</id>",
            f"    <title>{escape(entry_title)}</title>",
            f"    <updated>{day.isoformat()}T00:00:00Z</updated>",
            f'    <link rel="alternate" href={quoteattr(href)}/>',
            f"    <summary>{escape(' '.join(str(entry.get('changes', '')).split()))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _day(entry: dict) -> date:
    value = entry["date"]
    return value if isinstance(value, date) else date.fromisoformat(str(value))
