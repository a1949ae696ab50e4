"""Statuses and completion levels in words, always with their symbol: never by colour alone."""

from __future__ import annotations

from programme_monitor.assess.assessment import TargetStatus
from programme_monitor.words.formatting import (
    category_text, cite, format_number, format_period, labels, unit_symbol, with_unit,
)
from programme_monitor.assess.progress import method


def status_text(status: str) -> str:
    """'✓ Đạt', '◐ Có tiến bộ, cần đẩy nhanh'."""
    spec = method()["statuses"][status]
    return f"{spec['symbol']} {spec['label']}"


def reason_text(reason: str | None, short: bool = True) -> str:
    if not reason:
        return ""
    return method()["reasons"][reason]["short" if short else "long"]


def status_with_reason(result: TargetStatus) -> str:
    """The status, and for 'not assessable' the reason: '– Chưa đánh giá được (chưa có số liệu)'."""
    text = status_text(result.status)
    if result.reason:
        text += f" ({reason_text(result.reason)})"
    elif result.evidence is not None and result.evidence.late and result.status == "achieved":
        text += f" ({labels()['after_target_year']})"
    return text


def completion_text(completion: str) -> str:
    spec = method()["completion"][completion]
    return f"{spec['symbol']} {spec['label']}"


def ratio_text(value: float | None) -> str:
    if value is None:
        return ""
    if abs(value) == float("inf"):
        return "∞" if value > 0 else "−∞"
    return format_number(round(value, 2), 2)


def percent_per_year(value: float | None) -> str:
    return "" if value is None else with_unit(format_number(round(value * 100, 2), 2),
                                              labels()["percent_per_year"])


def judgement_basis(dataset, target, result: TargetStatus) -> str:
    """What the status rests on, in one cell: the latest value and ratio, or the evidence."""
    symbol = unit_symbol(dataset, dataset.indicators[target["indicator"]]["unit"])
    calc = result.calculation
    if result.evidence is not None:
        evidence = result.evidence
        shown = category_text(dataset.indicators[target["indicator"]], evidence.value)
        return (f"{shown} ({format_period(evidence.period)}), "
                f"{cite(dataset, evidence.source)}")
    if calc is None or calc.latest is None:
        return ""
    words = labels()
    parts = [words["basis_latest"].format(value=with_unit(format_number(calc.latest.value), symbol),
                                          period=format_period(calc.latest.label))]
    if calc.ratio is not None:
        parts.append(f"R = {ratio_text(calc.ratio)}")
    if calc.projection is not None:
        parts.append(words["basis_trend"].format(
            year=target["year"], value=with_unit(format_number(round(calc.projection, 1)), symbol)))
    return "; ".join(parts)
