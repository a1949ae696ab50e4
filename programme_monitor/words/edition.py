"""The edition a page is written for, as a value: its language, reporting date, date built, and
every language the programme publishes; and the data's texts in its language.

Nothing here is global: `load_dataset(data_dir, edition)` gives a Dataset whose records carry
their plain keys (`name`) in the edition's language and which carries the edition itself
(`dataset.edition`), so the code that writes a page takes the language from the data it writes
about and names none. An edition writes numbers, dates, periods and labels in its language
(`edition.number(60.5)` is '60,5' in Vietnamese, '60.5' in English; formatting.py has the rules).

Texts live in the data beside each other, `name_vi` and `name_en`. A text with no translation
raises MissingTranslation rather than showing the wrong language; the build checks the data files
for it first (data/translations.py), so a data keeper meets a message with file, row and column
before any chapter runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from programme_monitor.words import formatting
from programme_monitor.words.formatting import MissingTranslation

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "Edition",
    "MissingTranslation",
    "localized",
    "localized_frame",
]

LANGUAGES = ("vi", "en")  # every language the package has words for (labels.yaml)
SOURCE_LANGUAGE = "vi"  # the language the programme is written in; every text has it


@dataclass(frozen=True)
class Edition:
    """One edition of the publication. `as_of` is the reporting date (None: not chosen yet, as when
    only the data are checked); `built_on` the date printed as "built on"; `languages` every
    edition published, the root one first (for the language switch)."""

    lang: str = SOURCE_LANGUAGE
    as_of: date | None = None
    built_on: date | None = None
    languages: tuple[str, ...] = (SOURCE_LANGUAGE,)

    def __post_init__(self):
        if self.lang not in LANGUAGES:
            raise ValueError(
                f"no edition language '{self.lang}'; available: {', '.join(LANGUAGES)}"
            )

    @property
    def labels(self) -> dict:
        """The reader-facing words of this edition (labels.yaml)."""
        return formatting.labels_of(self.lang)

    def number(self, value: float, decimals: int | None = None) -> str:
        return formatting.number_text(self.lang, value, decimals)

    def with_unit(self, number: str, symbol: str) -> str:
        return formatting.with_unit(self.lang, number, symbol)

    def category(self, spec: dict, value: str) -> str:
        return formatting.category_text(self.lang, spec, value)

    def date(self, day: date) -> str:
        return formatting.date_text(self.lang, day)

    def month(self, year: int, month: int) -> str:
        return formatting.month_text(self.lang, year, month)

    def period(self, text: str) -> str:
        return formatting.period_text(self.lang, text)

    def published(self, text: str) -> str:
        return formatting.published_text(self.lang, text)


def localized(value: Any, lang: str, where: str = "") -> Any:
    """A copy of a YAML document (dicts and lists) in which every `X_<source>` text also appears
    as `X`, in `lang`; `where` names the document in the error."""
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
                raise MissingTranslation(
                    f"{where}.{plain}_{lang}: no translation of {where}.{key} ({value[key]!r})"
                )
            out[plain] = value[key] if value[key] in (None, "") else text
    return out


def localized_frame(frame: pd.DataFrame, lang: str, where: str = "") -> pd.DataFrame:
    """A copy of a table with a plain column (`name`) for every `name_<source>` column, holding
    `lang`'s text."""
    frame = frame.copy()
    for column in [c for c in frame.columns if c.endswith(f"_{SOURCE_LANGUAGE}")]:
        plain = column.removesuffix(f"_{SOURCE_LANGUAGE}")
        translated = f"{plain}_{lang}"
        if translated not in frame.columns:
            raise MissingTranslation(f"{where}: no column {translated} beside {column}")
        frame[plain] = frame[translated]
    return frame
