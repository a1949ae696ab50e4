"""Sources declared in a keeper's file beside the figures they publish.

A row may name its source by the columns source title, publisher, address and date published
instead of a code of sources.csv. Rows that declare the same source share one new entry of the
register; its code is the one written in the source column when that code is free, otherwise
one made from the publisher and the date (S-UPTH-2026-10-15). The entry then goes through the
same checks as every other source of the register. A title is kept as typed: the pages show
it as text, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from programme_monitor.common.resources import package_yaml
from programme_monitor.common.text_folding import name_key, unaccented
from programme_monitor.data.value_rules import clean_text, known_date_text
from programme_monitor.words.formatting import date_text

PARTS = ("source_title", "source_publisher", "source_url", "source_published")
SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass
class Declared:
    """One new source: its register entry and the keeper's rows that cite it."""

    record: dict[str, str]
    rows: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # parts a new source needs and lacks
    registered: bool = False  # the register already holds it (a file imported before)


def declares_source(cells: dict) -> bool:
    return any(clean_text(cells.get(part)) for part in PARTS)


class SourceDeclarations:
    """The new sources of one file, made as its rows are read. A source the register already
    holds (same title, publisher, address and date) is that entry: importing a file twice, or two
    files citing one report, adds it once."""

    def __init__(self, register: list[dict], file_name: str, today: date):
        self.known = {s["source_id"]: s["title"] for s in register}
        self.registered = {
            _key(s["title"], s["publisher"], s["url"], s["published"]): s["source_id"]
            for s in register
        }
        self.file_name, self.today = file_name, today
        self.declared: dict[tuple, Declared] = {}

    def source_for(self, row: int, cells: dict) -> Declared:
        """The new source a row declares (the same entry for the same title, publisher, address
        and date); value_rules.Refused for a publication date that is not a date."""
        parts = {part: clean_text(cells.get(part)) for part in PARTS}
        published = parts["source_published"]
        if published:
            published = known_date_text(cells.get("source_published"))
        key = _key(parts["source_title"], parts["source_publisher"], parts["source_url"], published)
        if key in self.registered:
            self.declared.setdefault(key, Declared({"source_id": self.registered[key]},
                                                   registered=True))  # fmt: skip
        elif key not in self.declared:
            self.declared[key] = self._new(parts, published, clean_text(cells.get("source")))
        self.declared[key].rows.append(row)
        return self.declared[key]

    def _new(self, parts: dict, published: str, written_id: str) -> Declared:
        title, publisher = parts["source_title"], parts["source_publisher"]
        url = parts["source_url"]
        missing = [name for name, value in (("title", title), ("publisher", publisher),
                                            ("published", published)) if not value]  # fmt: skip
        source_id = self._free_id(written_id, publisher, published)
        words = package_yaml("intake", "messages.yaml")["words"]
        note = {lang: words[lang]["source_note"].format(file=self.file_name,
                                                        today=date_text(lang, self.today))
                for lang in ("vi", "en")}  # fmt: skip
        record = {
            "source_id": source_id, "title": title, "publisher": publisher, "url": url,
            "published": published, "published_note_vi": "", "published_note_en": "",
            "accessed": self.today.isoformat(), "kind": "web" if url else "document",
            "confidence": "medium", "note_vi": note["vi"], "note_en": note["en"],
        }  # fmt: skip
        self.known[source_id] = title
        return Declared(record, missing=missing)

    def _free_id(self, written: str, publisher: str, published: str) -> str:
        """The code written in the source column when it is free; otherwise S-<initials of the
        publisher>-<date>, numbered if that is taken."""
        if written and SOURCE_ID.fullmatch(written) and written not in self.known:
            return written
        initials = "".join(w[0] for w in unaccented(publisher).upper().split() if w[0].isalnum())
        base = f"S-{initials[:8] or 'NEW'}-{published or 'UNDATED'}"
        candidate, number = base, 2
        while candidate in self.known:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    @property
    def records(self) -> list[dict[str, str]]:
        """The register entries to add."""
        return [d.record for d in self.declared.values() if not d.registered]


def _key(title: str, publisher: str, url: str, published: str) -> tuple:
    return name_key(title), name_key(publisher), url.strip(), published
