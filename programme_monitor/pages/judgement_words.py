"""Statuses and completion levels in words, always with their symbol: never by colour alone."""

from __future__ import annotations

from programme_monitor.assess.assessment import TargetStatus
from programme_monitor.assess.progress import method
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import cite, unit_symbol


def status_text(edition: Edition, status: str) -> str:
    """'✓ Đạt', '◐ Có tiến bộ, cần đẩy nhanh'."""
    spec = method(edition.lang)["statuses"][status]
    return f"{spec['symbol']} {spec['label']}"


def reason_text(edition: Edition, reason: str | None, short: bool = True) -> str:
    if not reason:
        return ""
    return method(edition.lang)["reasons"][reason]["short" if short else "long"]


def status_with_reason(edition: Edition, result: TargetStatus) -> str:
    """The status, and for 'not assessable' the reason: '– Chưa đánh giá được (chưa có số liệu)'.
    An achievement says when it came after the target year, and when it was reached under a
    classification that has changed since (the same change that leaves a later target of the
    same indicator not assessable, so both say which change they rest on)."""
    text = status_text(edition, result.status)
    if result.reason:
        return f"{text} ({reason_text(edition, result.reason)})"
    if result.status != "achieved":
        return text
    said = []
    if result.evidence is not None and result.evidence.late:
        said.append(edition.labels["after_target_year"])
    if result.scale_changed:
        said.append(edition.labels["before_scale_change"])
    return f"{text} ({'; '.join(said)})" if said else text


def completion_text(edition: Edition, completion: str) -> str:
    spec = method(edition.lang)["completion"][completion]
    return f"{spec['symbol']} {spec['label']}"


def ratio_text(edition: Edition, value: float | None) -> str:
    if value is None:
        return ""
    if abs(value) == float("inf"):
        return "∞" if value > 0 else "−∞"
    return edition.number(round(value, 2), 2)


def percent_per_year(edition: Edition, value: float | None) -> str:
    return (
        ""
        if value is None
        else edition.with_unit(
            edition.number(round(value * 100, 2), 2), edition.labels["percent_per_year"]
        )
    )


def judgement_basis(dataset, target, result: TargetStatus) -> str:
    """What the status rests on, in one cell: the latest value and ratio, or the evidence."""
    symbol = unit_symbol(dataset, dataset.indicators[target["indicator"]]["unit"])
    calc = result.calculation
    if result.evidence is not None:
        evidence = result.evidence
        shown = dataset.edition.category(dataset.indicators[target["indicator"]], evidence.value)
        return (
            f"{shown} ({dataset.edition.period(evidence.period)}), {cite(dataset, evidence.source)}"
        )
    if calc is None or calc.latest is None:
        return ""
    words = dataset.edition.labels
    parts = [
        words["basis_latest"].format(
            value=dataset.edition.with_unit(dataset.edition.number(calc.latest.value), symbol),
            period=dataset.edition.period(calc.latest.label),
        )
    ]
    if calc.ratio is not None:
        parts.append(f"R = {ratio_text(dataset.edition, calc.ratio)}")
    if calc.projection is not None:
        parts.append(
            words["basis_trend"].format(
                year=target["year"],
                value=dataset.edition.with_unit(
                    dataset.edition.number(round(calc.projection, 1)), symbol
                ),
            )
        )
    return "; ".join(parts)
