"""How numbers, dates, periods, targets and citations are written for readers, in a language:
60,5 % and 24/01/2022 in Vietnamese, 60.5% and 24 Jan 2022 in English.

The language always comes from an Edition (edition.py): pages call its methods
(`edition.number(…)`) or the functions below that take the dataset, which carries its edition."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from programme_monitor.common.periods import parse_period
from programme_monitor.common.resources import package_yaml

NBSP = "\u00a0"


class MissingTranslation(KeyError):
    """A text exists in the source language but not in the edition's."""


def labels_of(lang: str) -> dict:
    """Reader-facing words in `lang`; an unknown language fails rather than mixing languages."""
    all_labels = package_yaml("words", "labels.yaml")
    if lang not in all_labels:
        raise ValueError(f"no labels for language '{lang}'; available: {', '.join(all_labels)}")
    return all_labels[lang]


def number_text(lang: str, value: float, decimals: int | None = None) -> str:
    """Vietnamese: thousands with '.', decimals with ',' (397.570; 40,4).
    English: thousands with ',', decimals with '.' (397,570; 40.4).

    The number is rounded as it is written, not as the binary float holds it, and half up, as
    statistics offices round (2.675 is 2,68, where f"{2.675:.2f}" gives 2.67); the locale's
    separators are Babel's (CLDR). Without `decimals`: as many as the value has, at most two."""
    written = Decimal(repr(float(value)))
    if decimals is None:
        decimals = min(max(-written.normalize().as_tuple().exponent, 0), 2)
    rounded = written.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(rounded, format=pattern, locale=lang, decimal_quantization=False)


def unit_symbol(dataset, unit_id: str) -> str:
    return dataset.units[unit_id]["symbol"]


def with_unit(lang: str, number: str, symbol: str) -> str:
    """'60,5 %' in Vietnamese, '60.5%' in English (each language's typography); other units are
    spaced in both, with a space that never breaks."""
    if not symbol:
        return number
    if symbol.startswith("%") and lang == "en":
        return f"{number}{symbol}"
    return f"{number}{NBSP}{symbol}"


def category_text(lang: str, spec: dict, value: str) -> str:
    """A value in words in the edition's language: 'huyện' is 'district' in English; so is a
    milestone of a number indicator ("phổ cập": "universal"). The data record values in the
    programme's language; the stages' translations are `stages_<lang>` (same order), other
    values' `value_labels_<lang>` (value: translation)."""
    if lang == "vi":
        return str(value)
    stages = spec.get("stages") or []
    if value in stages:
        return spec[f"stages_{lang}"][stages.index(value)]
    labels_ = spec.get(f"value_labels_{lang}") or {}
    if value not in labels_:
        raise MissingTranslation(f"indicators.yaml: no value_labels_{lang} for the value {value!r}")
    return labels_[value]


def format_value(dataset, observation: pd.Series) -> str:
    """An observation's value with its unit and the qualifiers its flags carry."""
    if observation["value_number"] is None or (
        isinstance(observation["value_number"], float) and math.isnan(observation["value_number"])
    ):
        spec = dataset.indicators.get(observation.get("indicator"), {})
        return dataset.edition.category(spec, observation["value"])
    text = dataset.edition.with_unit(
        dataset.edition.number(observation["value_number"]),
        unit_symbol(dataset, observation["unit"]),
    )
    flags = observation["flags"]
    words = dataset.edition.labels
    for flag in flags:  # a bound in the source's own word: "trên 91 %", "ít nhất 45 %"
        if said := dataset.vocabulary["flags"].get(flag, {}).get("value_words"):
            text = words[said].format(text)
    if "approximate" in flags:
        text = words["value_about"].format(text)
    return text


# Date patterns (CLDR, written by Babel in the language's month names); Vietnamese writes months
# as numbers, as its official documents do.
DATE_PATTERNS = {
    "vi": {"day": "dd/MM/y", "month": "M/y"},
    "en": {"day": "d MMM y", "month": "MMM y"},
}


def date_text(lang: str, day: date) -> str:
    """24/01/2022 in Vietnamese, 24 Jan 2022 in English."""
    return format_date(day, DATE_PATTERNS[lang]["day"], locale=lang)


def month_text(lang: str, year: int, month: int) -> str:
    """6/2021 in Vietnamese, Jun 2021 in English."""
    return format_date(date(year, month, 1), DATE_PATTERNS[lang]["month"], locale=lang)


def period_text(lang: str, text: str) -> str:
    """A reference period as readers write it: 2024, 6/2021, 01/01/2025, 6 tháng đầu 2022, 2015–2020
    (English: 2024, Jun 2021, 1 Jan 2025, H1 2022, 2015–2020)."""
    period = parse_period(text)
    words = labels_of(lang)
    if period.precision == "year":
        return str(period.start.year)
    if period.precision == "month":
        return month_text(lang, period.start.year, period.start.month)
    if period.precision == "day":
        return date_text(lang, period.start)
    if period.precision == "half":
        half = words["period_first_half" if period.start.month == 1 else "period_second_half"]
        return half.format(year=period.start.year)
    if period.precision == "quarter":
        return words["period_quarter"].format(
            quarter=(period.start.month + 2) // 3, year=period.start.year
        )
    first, last = text.split("/")
    return f"{period_text(lang, first)}–{period_text(lang, last)}"


def published_text(lang: str, text: str) -> str:
    """A publication date at its known precision: năm 2024, 11/2023 or 17/11/2023
    (English: 2024, Nov 2023, 17 Nov 2023)."""
    parts = text.split("-")
    if len(parts) == 1:
        return labels_of(lang)["published_year"].format(year=parts[0])
    if len(parts) == 2:
        return month_text(lang, int(parts[0]), int(parts[1]))
    return date_text(lang, date.fromisoformat(text))


def format_target(dataset, target: pd.Series) -> str:
    """A target in words and numbers: '60–70 %', 'tối thiểu 28 m²/người', 'III'."""
    spec = dataset.indicators[target["indicator"]]
    symbol = unit_symbol(dataset, spec["unit"])
    kind = target["kind"]
    words = dataset.edition.labels
    if kind == "range":
        return dataset.edition.with_unit(
            f"{dataset.edition.number(target['low'])}–{dataset.edition.number(target['high'])}",
            symbol,
        )
    if kind == "minimum":
        word = words["target_above" if target["strict"] == "yes" else "target_at_least"]
        return word.format(dataset.edition.with_unit(dataset.edition.number(target["low"]), symbol))
    if kind == "exact":
        return dataset.edition.with_unit(dataset.edition.number(target["low"]), symbol)
    if kind == "milestone":
        return dataset.edition.category(spec, target["value_text"])
    return words["target_direction"].get(spec["direction"], words["target_direction"]["other"])


def is_bound(dataset, flags) -> bool:
    """The value is a bound the source gives ("trên", "ít nhất"), not a measurement of it."""
    return any("value_words" in dataset.vocabulary["flags"].get(flag, {}) for flag in flags)


def flag_words(dataset, flags) -> str:
    return "; ".join(dataset.vocabulary["flags"][flag]["label"] for flag in flags)


def markdown_escape(text: str) -> str:
    """Text safe inside a markdown table cell, shown as typed: a '<' is escaped, so that a title
    holding "<script>" stays text and never becomes markup."""
    text = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return text.replace("<", "\\<")


def cite(dataset, source_id: str) -> str:
    """A short citation that links to the source: '[VTC News, 2024](https://…)'."""
    source = dataset.sources.loc[source_id]
    label = f"{source['publisher']}, {dataset.edition.published(source['published'])}"
    label = markdown_escape(label).replace("[", "(").replace("]", ")")
    if source["url"]:
        return f"[{label}]({source['url']})"
    return label
