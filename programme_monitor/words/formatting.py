"""How numbers, dates, periods, targets and citations are written for readers, in the edition's
language (edition.py): 60,5 % and 24/01/2022 in Vietnamese, 60.5% and 24 Jan 2022 in English."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from programme_monitor.common.resources import package_yaml
from programme_monitor.words.edition import MissingTranslation, edition_lang
from programme_monitor.common.periods import parse_period

NBSP = "\u00a0"
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _all_labels() -> dict:
    return package_yaml("words", "labels.yaml")


def labels(lang: str | None = None) -> dict:
    """Reader-facing words for one edition (by default the current one); an unknown language
    fails rather than mixing languages."""
    lang = lang or edition_lang()
    all_labels = _all_labels()
    if lang not in all_labels:
        raise ValueError(f"no labels for language '{lang}'; available: {', '.join(all_labels)}")
    return all_labels[lang]


def format_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese: thousands with '.', decimals with ',' (397.570; 40,4).
    English: thousands with ',', decimals with '.' (397,570; 40.4)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
        decimals = min(decimals, 2)
    text = f"{value:,.{decimals}f}"
    if edition_lang() == "en":
        return text
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def unit_symbol(dataset, unit_id: str) -> str:
    return dataset.units[unit_id]["symbol"]


def with_unit(number_text: str, symbol: str) -> str:
    """'60,5 %' in Vietnamese, '60.5%' in English (each language's typography); other units are
    spaced in both, with a space that never breaks."""
    if not symbol:
        return number_text
    if symbol.startswith("%") and edition_lang() == "en":
        return f"{number_text}{symbol}"
    return f"{number_text}{NBSP}{symbol}"


def category_text(spec: dict, value: str) -> str:
    """A value of a category indicator in the edition's words: 'huyện' is 'district' in English.
    The data record values in the programme's language; the stages' translations are
    `stages_<lang>` (same order), other values' `value_labels_<lang>` (value: translation)."""
    lang = edition_lang()
    if lang == "vi" or spec.get("value_type") != "category":
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
    if observation["value_number"] is None or (isinstance(observation["value_number"], float)
                                               and math.isnan(observation["value_number"])):
        spec = dataset.indicators.get(observation.get("indicator"), {})
        return category_text(spec, observation["value"])
    text = with_unit(format_number(observation["value_number"]),
                     unit_symbol(dataset, observation["unit"]))
    flags = observation["flags"]
    words = labels()
    if "lower-bound" in flags:
        text = words["value_above"].format(text)
    if "approximate" in flags:
        text = words["value_about"].format(text)
    return text


def format_date(day: date) -> str:
    """24/01/2022 in Vietnamese, 24 Jan 2022 in English."""
    if edition_lang() == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_month(year: int, month: int) -> str:
    """6/2021 in Vietnamese, Jun 2021 in English."""
    if edition_lang() == "en":
        return f"{MONTHS_EN[month - 1]} {year}"
    return f"{month}/{year}"


def format_period(text: str) -> str:
    """A reference period as readers write it: 2024, 6/2021, 01/01/2025, 6 tháng đầu 2022, 2015–2020
    (English: 2024, Jun 2021, 1 Jan 2025, H1 2022, 2015–2020)."""
    period = parse_period(text)
    words = labels()
    if period.precision == "year":
        return str(period.start.year)
    if period.precision == "month":
        return format_month(period.start.year, period.start.month)
    if period.precision == "day":
        return format_date(period.start)
    if period.precision == "half":
        half = words["period_first_half" if period.start.month == 1 else "period_second_half"]
        return half.format(year=period.start.year)
    if period.precision == "quarter":
        return words["period_quarter"].format(quarter=(period.start.month + 2) // 3,
                                              year=period.start.year)
    first, last = text.split("/")
    return f"{format_period(first)}–{format_period(last)}"


def format_published(text: str) -> str:
    """A publication date at its known precision: năm 2024, 11/2023 or 17/11/2023
    (English: 2024, Nov 2023, 17 Nov 2023)."""
    parts = text.split("-")
    if len(parts) == 1:
        return labels()["published_year"].format(year=parts[0])
    if len(parts) == 2:
        return format_month(int(parts[0]), int(parts[1]))
    return format_date(date.fromisoformat(text))


def format_target(dataset, target: pd.Series) -> str:
    """A target in words and numbers: '60–70 %', 'tối thiểu 28 m²/người', 'III'."""
    spec = dataset.indicators[target["indicator"]]
    symbol = unit_symbol(dataset, spec["unit"])
    kind = target["kind"]
    words = labels()
    if kind == "range":
        return with_unit(f"{format_number(target['low'])}–{format_number(target['high'])}", symbol)
    if kind == "minimum":
        word = words["target_above" if target["strict"] == "yes" else "target_at_least"]
        return word.format(with_unit(format_number(target["low"]), symbol))
    if kind == "exact":
        return with_unit(format_number(target["low"]), symbol)
    if kind == "milestone":
        return category_text(spec, target["value_text"])
    return words["target_direction"].get(spec["direction"], words["target_direction"]["other"])


def flag_words(dataset, flags) -> str:
    return "; ".join(dataset.vocabulary["flags"][flag]["label"] for flag in flags)


def markdown_escape(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def cite(dataset, source_id: str) -> str:
    """A short citation that links to the source: '[VTC News, 2024](https://…)'."""
    source = dataset.sources.loc[source_id]
    label = f"{source['publisher']}, {format_published(source['published'])}"
    label = markdown_escape(label).replace("[", "(").replace("]", ")")
    if source["url"]:
        return f"[{label}]({source['url']})"
    return label
