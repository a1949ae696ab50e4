"""The edition being written, and the texts of the data in its language.

A chapter is written for one edition: its notebook calls `use_edition(lang)` once, and from then on
labels, numbers and dates (formatting.py) and the data's texts follow that language. Texts live in
the data beside each other, `name_vi` and `name_en`; `localized` gives every record the plain key
(`name`) in the edition's language, so the code that writes pages names no language. A text with
no translation raises MissingTranslation rather than showing the wrong language; the build checks
the data files for it first (translations.py), so a data keeper meets a message with file, row
and column before any chapter runs.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

LANGUAGES = ("vi", "en")  # every language the package has words for (labels.yaml)
SOURCE_LANGUAGE = "vi"  # the language the programme is written in; every text has it

_current = SOURCE_LANGUAGE


class MissingTranslation(KeyError):
    """A text exists in the source language but not in the edition's."""


def use_edition(lang: str) -> None:
    """Write everything from now on for the edition in `lang`."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"no edition language '{lang}'; available: {', '.join(LANGUAGES)}")
    _current = lang


def edition_lang() -> str:
    return _current


def localized(value: Any, lang: str | None = None, where: str = "") -> Any:
    """A copy of a YAML document (dicts and lists) in which every `X_<source>` text also appears
    as `X`, in the edition's language; `where` names the document in the error."""
    lang = lang or _current
    if isinstance(value, list):
        return [localized(item, lang, f"{where}[{i}]") for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    out = {key: localized(item, lang, f"{where}.{key}") for key, item in value.items()}
    for key in value:
        if isinstance(key, str) and key.endswith(f"_{SOURCE_LANGUAGE}"):
            plain = key.removesuffix(f"_{SOURCE_LANGUAGE}")
            text = value.get(f"{plain}_{lang}")
            if text in (None, "") and value[key] not in (None, ""):
                raise MissingTranslation(f"{where}.{plain}_{lang}: no translation of "
                                         f"{where}.{key} ({value[key]!r})")
            out[plain] = value[key] if value[key] in (None, "") else text
    return out


def localized_frame(frame: pd.DataFrame, lang: str | None = None, where: str = "") -> pd.DataFrame:
    """A copy of a table with a plain column (`name`) for every `name_<source>` column, holding
    the edition's language."""
    lang = lang or _current
    frame = frame.copy()
    for column in [c for c in frame.columns if c.endswith(f"_{SOURCE_LANGUAGE}")]:
        plain = column.removesuffix(f"_{SOURCE_LANGUAGE}")
        translated = f"{plain}_{lang}"
        if translated not in frame.columns:
            raise MissingTranslation(f"{where}: no column {translated} beside {column}")
        frame[plain] = frame[translated]
    return frame
