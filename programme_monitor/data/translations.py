"""Every text of the data in every language the programme is published in.

A programme lists its editions' languages in programme.yaml (`publication.languages`); the first is
the language the data is written in (`name_vi`). For each other language every text needs its
twin (`name_en`) beside it: in a CSV file a column of its own, in a YAML file a key beside the
original. The stages of a category indicator (`stages`) get a list of the same length
(`stages_en`). A missing translation is an error with its file, row and column, so a build never
shows a text in the wrong language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from programme_monitor.data.errors import ErrorCollector, said
from programme_monitor.words.edition import SOURCE_LANGUAGE

LANGUAGE_NAMES = {"en": "tiếng Anh", "vi": "tiếng Việt"}
LANGUAGE_NAMES_EN = {"en": "English", "vi": "Vietnamese"}


def edition_languages(programme: dict) -> list[str]:
    """The languages the programme is published in, the site's root edition first."""
    publication = programme.get("publication") if isinstance(programme, dict) else None
    languages = publication.get("languages") if isinstance(publication, dict) else None
    # A malformed list is reported by the contract; the checks go on with the source language.
    if not isinstance(languages, list) or not all(isinstance(lang, str) for lang in languages):
        return [SOURCE_LANGUAGE]
    return languages or [SOURCE_LANGUAGE]


def is_translation(column: str) -> bool:
    """A column or key holding a translation (`title_en`): optional in a file whose programme is
    published in its source language only."""
    head, _, lang = column.rpartition("_")
    return bool(head) and len(lang) == 2 and lang != SOURCE_LANGUAGE


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:57] + "…"


def check_table_translations(
    records: list[tuple[int, dict[str, str]]],
    path: Path,
    languages: list[str],
    errors: ErrorCollector,
) -> None:
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        for row, record in records:
            for column, text in record.items():
                if not column.endswith(f"_{SOURCE_LANGUAGE}") or not text:
                    continue
                twin = column.removesuffix(f"_{SOURCE_LANGUAGE}") + f"_{lang}"
                if not record.get(twin):
                    words = said("missing_translation", column=column, twin=twin,
                                 text=_short(text), language_vi=LANGUAGE_NAMES.get(lang, lang),
                                 language_en=LANGUAGE_NAMES_EN.get(lang, lang))  # fmt: skip
                    errors.at(path, row)(twin, found="", **words)


def check_document_translations(
    document: Any, path: Path, languages: list[str], errors: ErrorCollector, where: str = ""
) -> None:
    """The same for a YAML document: errors name the key path (indicators.urban_class.name_en)."""
    for lang in languages:
        if lang != SOURCE_LANGUAGE:
            _check_node(document, path, lang, errors, where)


def _check_node(node: Any, path: Path, lang: str, errors: ErrorCollector, where: str) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check_node(item, path, lang, errors, f"{where}[{i}]")
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        at = f"{where}.{key}" if where else str(key)
        _check_node(value, path, lang, errors, at)
        if not isinstance(key, str):
            continue
        twin = None
        if key.endswith(f"_{SOURCE_LANGUAGE}") and value not in (None, ""):
            twin = key.removesuffix(f"_{SOURCE_LANGUAGE}") + f"_{lang}"
            if node.get(twin) not in (None, ""):
                continue
            fix = f"thêm {twin}: bản dịch của “{_short(value)}”"
        elif key == "stages" and isinstance(value, list):
            twin = f"stages_{lang}"
            if isinstance(node.get(twin), list) and len(node[twin]) == len(value):
                continue
            steps = "; ".join(map(str, value))
            fix = f"thêm {twin}: {len(value)} bước, theo thứ tự của stages ({steps})"
        if twin:
            errors.add(
                path,
                None,
                f"{where}.{twin}" if where else twin,
                f"thiếu bản dịch {LANGUAGE_NAMES.get(lang, lang)}",
                fix,
                found="",
                expected=f"bản dịch của {key}",
            )


def check_category_translations(
    records: list[tuple[int, dict[str, str]]],
    column: str,
    path: Path,
    indicators: dict,
    languages: list[str],
    errors: ErrorCollector,
) -> None:
    """Every value of a category indicator (an observation's `value`, a milestone's `value_text`)
    shown in every language: a stage through `stages_<lang>`, any other value through
    `value_labels_<lang>` in indicators.yaml."""
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        for row, record in records:
            spec = indicators.get(record.get("indicator"))
            value = record.get(column, "")
            # A milestone's words need a translation whatever the indicator measures: "phổ cập"
            # (universal) on a percentage showed in Vietnamese on the English pages.
            if not isinstance(spec, dict) or not value:
                continue  # an unknown indicator is reported by its own check
            if spec.get("value_type") != "category" and column != "value_text":
                continue
            if value in (spec.get("stages") or []) or value in (
                spec.get(f"value_labels_{lang}") or {}
            ):
                continue
            errors.add(
                path,
                row,
                column,
                f"giá trị bằng chữ chưa có bản dịch {LANGUAGE_NAMES.get(lang, lang)}",
                f"thêm vào indicators.yaml, chỉ số {record.get('indicator')}, "
                f"mục value_labels_{lang}: "
                f"“{value}”: <bản dịch>",
                found=value,
                expected=f"một giá trị có trong stages hoặc value_labels_{lang}",
            )
