"""Indicators, areas and sources named as keepers name them, resolved to the programme's ids.

A name is found by its id, or by any of its names in either language, with or without marks,
in either tone placement ("Thuỷ", "Thủy"), in any case; an area also by its name without its
kind ("Thiên Hương" for "Phường Thiên Hương"). When a name fits several areas, the period
decides if only one of them existed then ("Thủy Nguyên" in 2024 was the district). A name that
fits nothing gets the nearest known names as suggestions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from programme_monitor.common.text_folding import name_key, unaccented

SEPARATOR = " — "  # the template's drop-downs: "urbanisation_rate — Tỷ lệ đô thị hóa"


@dataclass(frozen=True)
class Entry:
    id: str
    label: str  # how a message shows it: "Phường Thiên Hương (phuong-thien-huong)"
    names: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None


class UnknownName(LookupError):
    def __init__(self, text: str, suggestions: list[str]):
        super().__init__(text)
        self.text, self.suggestions = text, suggestions


class AmbiguousName(LookupError):
    def __init__(self, text: str, candidates: list[str]):
        super().__init__(text)
        self.text, self.candidates = text, candidates


@dataclass(frozen=True)
class Resolution:
    id: str
    text: str  # as written
    exact: bool  # written as the id itself: nothing to report


class NameIndex:
    """The known entries of one kind (indicators, areas or sources), looked up by any name."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_key: dict[str, list[Entry]] = {}
        self._by_letters: dict[str, list[Entry]] = {}
        for entry in entries:
            for name in {entry.id, *entry.names}:
                _add(self._by_key, name_key(name), entry)
                _add(self._by_letters, _letters(name), entry)

    def resolve(self, text: str, period: tuple[date, date] | None = None) -> Resolution:
        """The entry `text` names (UnknownName or AmbiguousName otherwise). `period`, the span a
        figure is for, chooses among areas of one name that existed at different times."""
        written = text.split(SEPARATOR)[0].strip() if SEPARATOR in text else text.strip()
        if any(entry.id == written for entry in self.entries):
            return Resolution(written, text, exact=True)
        found = self._by_key.get(name_key(written)) or self._by_letters.get(_letters(written))
        if not found:
            raise UnknownName(text, self.suggestions(written))
        found = _unique(found)
        if len(found) > 1 and period is not None:
            found = [e for e in found if _existed(e, period)] or found
        if len(found) > 1:
            raise AmbiguousName(text, [e.label for e in found])
        return Resolution(found[0].id, text, exact=False)

    def suggestions(self, text: str, count: int = 3) -> list[str]:
        """The known entries whose names are nearest to `text`, letters compared without marks."""
        labels = {}
        for entry in self.entries:
            for name in {entry.id, *entry.names}:
                labels.setdefault(_letters(name), entry.label)
        near = difflib.get_close_matches(_letters(text), list(labels), n=count * 3, cutoff=0.5)
        return list(dict.fromkeys(labels[key] for key in near))[:count]


def _add(index: dict, key: str, entry: Entry) -> None:
    if key and entry not in index.setdefault(key, []):
        index[key].append(entry)


def _letters(text: str) -> str:
    """A name's letters only: no marks, case or punctuation ("Thiên-Hương" → "thien huong")."""
    return " ".join("".join(c if c.isalnum() else " " for c in unaccented(text).casefold()).split())


def _unique(entries: list[Entry]) -> list[Entry]:
    return list(dict.fromkeys(entries))


def _existed(entry: Entry, period: tuple[date, date]) -> bool:
    start, end = period
    return (entry.valid_from is None or entry.valid_from <= end) and (
        entry.valid_to is None or entry.valid_to >= start
    )


def indicator_index(indicators: dict) -> NameIndex:
    """Indicators (indicators.yaml's entries) by id or name."""
    return NameIndex([
        Entry(i, f"{spec['name_vi']} ({i})",
              tuple(spec[k] for k in ("name_vi", "name_en") if spec.get(k)))
        for i, spec in indicators.items()
    ])  # fmt: skip


def area_index(areas) -> NameIndex:
    """Areas (areas.csv as a frame) by id, name, or name without its kind."""
    entries = []
    for area in areas.to_dict("records"):
        names = [area.get(k, "") for k in ("name_vi", "name_en") if area.get(k)]
        names += [_without_kind(area, lang) for lang in ("vi", "en")]
        entries.append(Entry(
            area["area_id"], f"{area['name_vi']} ({area['area_id']})",
            tuple(n for n in names if n), _day(area.get("valid_from")), _day(area.get("valid_to")),
        ))  # fmt: skip
    return NameIndex(entries)


def _without_kind(area: dict, lang: str) -> str:
    """'Phường Thiên Hương' without 'phường', 'Thiên Hương Ward' without 'ward'."""
    name, kind = area.get(f"name_{lang}", "") or "", area.get(f"kind_{lang}", "") or ""
    if not name or not kind:
        return ""
    words, kind_words = name.split(), kind.split()
    size = len(kind_words)
    if [w.casefold() for w in words[:size]] == [w.casefold() for w in kind_words]:
        return " ".join(words[size:])
    if [w.casefold() for w in words[-size:]] == [w.casefold() for w in kind_words]:
        return " ".join(words[:-size])
    return ""


def _day(text) -> date | None:
    return date.fromisoformat(text) if isinstance(text, str) and text else None


def source_index(sources) -> NameIndex:
    """Sources by id or title; `sources` is the register's frame (or its records)."""
    records = sources.to_dict("records") if hasattr(sources, "to_dict") else sources
    return NameIndex([
        Entry(s["source_id"], f"{s['title']} ({s['source_id']})", (s["title"],))
        for s in records
    ])  # fmt: skip
