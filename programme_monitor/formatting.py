"""How numbers, periods, targets and citations are written for readers (Vietnamese edition)."""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from programme_monitor.periods import parse_period

NBSP = "\u00a0"


@lru_cache(maxsize=None)
def labels(lang: str = "vi") -> dict:
    """Reader-facing words for one edition; an unknown language fails rather than mixing languages."""
    text = resources.files("programme_monitor").joinpath("labels.yaml").read_text("utf-8")
    all_labels = yaml.safe_load(text)
    if lang not in all_labels:
        raise ValueError(f"no labels for language '{lang}'; available: {', '.join(all_labels)}")
    return all_labels[lang]


def format_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese style: thousands with '.', decimals with ',' (397.570; 40,4)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
        decimals = min(decimals, 2)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def unit_symbol(dataset, unit_id: str) -> str:
    return dataset.units[unit_id]["symbol_vi"]


def with_unit(number_text: str, symbol: str) -> str:
    return f"{number_text}{NBSP}{symbol}" if symbol else number_text


def format_value(dataset, observation: pd.Series) -> str:
    """An observation's value with its unit and the qualifiers its flags carry."""
    if observation["value_number"] is None or (isinstance(observation["value_number"], float)
                                               and math.isnan(observation["value_number"])):
        return str(observation["value"])
    text = with_unit(format_number(observation["value_number"]),
                     unit_symbol(dataset, observation["unit"]))
    flags = observation["flags"]
    if "lower-bound" in flags:
        text = f"trên {text}"
    if "approximate" in flags:
        text = f"khoảng {text}"
    return text


def format_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_period(text: str) -> str:
    """A reference period as readers write it: 2024, 6/2021, 01/01/2025, 6 tháng đầu 2022, 2015–2020."""
    period = parse_period(text)
    if period.precision == "year":
        return str(period.start.year)
    if period.precision == "month":
        return f"{period.start.month}/{period.start.year}"
    if period.precision == "day":
        return format_date(period.start)
    if period.precision == "half":
        half = "6 tháng đầu" if period.start.month == 1 else "6 tháng cuối"
        return f"{half} {period.start.year}"
    if period.precision == "quarter":
        return f"quý {(period.start.month + 2) // 3}/{period.start.year}"
    first, last = text.split("/")
    return f"{format_period(first)}–{format_period(last)}"


def format_published(text: str) -> str:
    """A publication date at its known precision: 2024, 11/2023 or 17/11/2023."""
    parts = text.split("-")
    if len(parts) == 1:
        return f"năm {parts[0]}"
    if len(parts) == 2:
        return f"{int(parts[1])}/{parts[0]}"
    return format_date(date.fromisoformat(text))


def format_target(dataset, target: pd.Series) -> str:
    """A target in words and numbers: 'khoảng 60–70 %', 'tối thiểu 28 m²/người', 'mốc: III'."""
    symbol = unit_symbol(dataset, dataset.indicators[target["indicator"]]["unit"])
    kind = target["kind"]
    if kind == "range":
        return with_unit(f"{format_number(target['low'])}–{format_number(target['high'])}", symbol)
    if kind == "minimum":
        word = "trên" if target["strict"] == "yes" else "tối thiểu"
        return f"{word} {with_unit(format_number(target['low']), symbol)}"
    if kind == "exact":
        return with_unit(format_number(target["low"]), symbol)
    if kind == "milestone":
        return str(target["value_text"])
    direction = dataset.indicators[target["indicator"]]["direction"]
    return {"up": "tăng", "down": "giảm"}.get(direction, "thay đổi theo hướng nêu")


def flag_words(dataset, flags) -> str:
    return "; ".join(dataset.vocabulary["flags"][flag]["label_vi"] for flag in flags)


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
