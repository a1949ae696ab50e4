"""One chart per indicator: observed values by area, the programme's targets, other plans' targets.

Charts are written as SVG files (vector for print, no embedded date, fixed ids) and shown through
a MyST figure with a caption naming the sources and a text alternative saying what the chart shows.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from programme_monitor.formatting import (  # noqa: E402
    format_number, format_period, format_target, labels, unit_symbol,
)

# Okabe-Ito: distinguishable with the common colour-vision deficiencies; markers differ too, so
# series stay apart when printed in grayscale.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
MARKERS = ["o", "s", "D", "v", "P", "X", "h"]
TARGET_COLOUR = "#555555"

matplotlib.rcParams.update({
    "font.family": "DejaVu Sans",  # covers every Vietnamese letter
    "svg.hashsalt": "programme-monitor",  # stable ids: same inputs, same file
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
})


def _area_names(dataset) -> dict[str, str]:
    return dict(zip(dataset.areas["area_id"], dataset.areas["name_vi"]))


def draw_indicator_chart(dataset, indicator_id: str, observations: pd.DataFrame,
                         targets: pd.DataFrame, path: Path, lang: str = "vi") -> str:
    """Draw the chart of one indicator into `path` (SVG) and return its text alternative."""
    spec = dataset.indicators[indicator_id]
    words = labels(lang)
    names = _area_names(dataset)
    fig, ax = plt.subplots(figsize=(7.2, 3.8), dpi=100)
    numeric = spec["value_type"] == "number"
    areas = list(dict.fromkeys(observations["area"]))
    for index, area in enumerate(areas):
        rows = observations[observations["area"] == area]
        colour, marker = PALETTE[index % len(PALETTE)], MARKERS[index % len(MARKERS)]
        observed = rows[rows["observed"]]
        other = rows[~rows["observed"]]
        y_observed = observed["value_number"] if numeric else [index] * len(observed)
        y_other = other["value_number"] if numeric else [index] * len(other)
        if len(observed):
            ax.plot(observed["period_x"], y_observed, color=colour, marker=marker, linestyle="-",
                    linewidth=1.5, markersize=7, label=names[area])
        if len(other):
            ax.plot(other["period_x"], y_other, color=colour, marker=marker, linestyle="none",
                    markersize=8, markerfacecolor="white", markeredgewidth=1.5,
                    label=f"{names[area]}: {words['legend_other_plan']} / {words['legend_forecast']}")
        for _, obs in rows.iterrows():
            y = obs["value_number"] if numeric else index
            text = (format_number(obs["value_number"]) if numeric else str(obs["value"]))
            if "lower-bound" in obs["flags"]:
                text = "▲ " + text
            ax.annotate(text, (obs["period_x"], y), textcoords="offset points", xytext=(0, 8),
                        ha="center", fontsize=8, color=colour)
    if numeric:
        _draw_targets(ax, dataset, targets, words)
        ax.set_ylabel(unit_symbol(dataset, spec["unit"]))
    else:
        ax.set_yticks(range(len(areas)), [_wrap(names[a]) for a in areas], fontsize=8)
        ax.spines["left"].set_visible(False)
    ax.set_xlabel(words["chart_year"])
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{int(x)}"))
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_title(spec["name_vi"], fontsize=11, loc="left")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    return describe_chart(dataset, indicator_id, observations, targets)


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def _draw_targets(ax, dataset, targets: pd.DataFrame, words: dict) -> None:
    """Ranges as bars spanning the range, minimums and exact values as a marked level."""
    first = True
    for _, target in targets.iterrows():
        if target["kind"] not in ("range", "minimum", "exact"):
            continue
        label = words["legend_programme_target"] if first else None
        scope = dataset.programme["scopes"][target["area"]]
        x = int(target["year"]) + 1.0
        if target["kind"] == "range":
            ax.vlines(x, target["low"], target["high"], colors=TARGET_COLOUR, linewidth=6,
                      alpha=0.45, label=label)
        else:
            ax.plot([x - 0.3, x + 0.3], [target["low"]] * 2, color=TARGET_COLOUR, linewidth=3,
                    label=label)
        ax.annotate(f"{target['clause']} ({scope})", (x, target["high"] if target["kind"] == "range"
                                                      else target["low"]),
                    textcoords="offset points", xytext=(4, 2), fontsize=7, color=TARGET_COLOUR)
        first = False


def describe_chart(dataset, indicator_id: str, observations: pd.DataFrame,
                   targets: pd.DataFrame) -> str:
    """A text alternative: what the chart shows, in a sentence or three."""
    spec = dataset.indicators[indicator_id]
    names = _area_names(dataset)
    parts = [f"Biểu đồ {spec['name_vi'].lower()}."]
    for area in dict.fromkeys(observations["area"]):
        rows = observations[observations["area"] == area]
        values = ", ".join(
            f"{format_period(r['period'])}: "
            f"{format_number(r['value_number']) if spec['value_type'] == 'number' else r['value']}"
            + ("" if r["observed"] else " (mục tiêu/dự báo)")
            for _, r in rows.iterrows())
        parts.append(f"{names[area]}: {values}.")
    if len(targets):
        stated = "; ".join(f"{t['clause']} {format_target(dataset, t)} năm {t['year']}"
                           for _, t in targets.iterrows())
        parts.append(f"Mục tiêu Chương trình: {stated}.")
    scopes = set(dataset.programme["scopes"])
    if not observations["lineage"].isin(scopes).any():
        parts.append("Địa bàn của Chương trình chưa có số liệu.")
    return " ".join(parts)
