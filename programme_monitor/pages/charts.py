"""One chart per indicator: observed values by area, the programme's targets, other plans' targets.

Charts are written as SVG files (vector for print, no embedded date, fixed ids) and shown through
a MyST figure with a caption naming the sources and a text alternative saying what the chart shows.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from programme_monitor.assess.selection import programme_lineages  # noqa: E402
from programme_monitor.common.periods import end_of_day_as_year  # noqa: E402
from programme_monitor.pages.label_placement import LabelLayout, Place, beside_point  # noqa: E402
from programme_monitor.words.edition import Edition
from programme_monitor.words.formatting import format_target, is_bound, unit_symbol  # noqa: E402

# Okabe-Ito: distinguishable with the common colour-vision deficiencies; markers differ too, so
# series stay apart when printed in grayscale.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
MARKERS = ["o", "s", "D", "v", "P", "X", "h"]
TARGET_COLOUR = "#555555"
# Marker sizes (points) of a measured value and of another plan's target or a forecast.
OBSERVED_MARKER = 7
OTHER_MARKER = 8

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",  # covers every Vietnamese letter
        "svg.hashsalt": "programme-monitor",  # stable ids: same inputs, same file
        "svg.fonttype": "path",
        # The booklet's charts carry their glyphs as Type 3 fonts: embedded, with a Unicode map
        # (their text can be copied and searched), drawn as the same outlines. TrueType (42) was
        # used before; fontTools then subset DejaVu Sans's large kerning tables for every chart,
        # 0.3 s of each indicator chapter's 1.3 s (issue 22).
        "pdf.fonttype": 3,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


@dataclass(frozen=True)
class ChartContext:
    """What a chart adds to the observations: the reporting date, trends, source numbers."""

    as_of: date | None = None
    projections: tuple = ()  # Projection items, one per assessable target
    source_numbers: dict = field(default_factory=dict)  # source id -> number in the caption


@dataclass(frozen=True)
class Projection:
    area: str
    start: tuple[float, float]  # (time, value) of the latest observation
    end: tuple[float, float]  # (middle of the target year, projected value)
    label: str


# Two renderings of each chart. The wide one is the page's and the booklet's. On a phone it
# shrank to about 330 px, with text 4-5 px high; the narrow one is drawn 3.6 in wide (345 CSS px,
# about the width a phone gives it), its text never under NARROW_MIN_POINTS: 10 pt is 13.3 px,
# still 12 px or more when a 360 px screen shows the chart at 90 % of its size.
WIDE_INCHES = 7.2
NARROW_INCHES = 3.6
NARROW_MIN_POINTS = 10
# Legend labels are wrapped to these many characters: one column as wide as the phone, or two
# side by side in the wide chart's 7.2 in (7.5 pt text).
NARROW_LEGEND_CHARS = 30
WIDE_LEGEND_CHARS = 50


def draw_indicator_chart(
    dataset,
    indicator_id: str,
    observations: pd.DataFrame,
    targets: pd.DataFrame,
    path: Path,
    context: ChartContext = ChartContext(),
) -> tuple[str, dict[Path, bytes]]:
    """The chart of one indicator: its text alternative, and its files (`path` as SVG for the
    site and as PDF for the booklet, a PNG to download, and `<name>-narrow.svg` for phones)."""
    fig = _chart(dataset, indicator_id, observations, targets, context, narrow=False)
    # SVG for the site, PDF for the printed booklet: both vector; Sphinx picks one per builder
    # when the page names the figure as `name.*`. No dates inside, so same inputs, same bytes.
    files = {
        path.with_suffix(".svg"): _saved(fig, "svg", {"Date": None}),
        path.with_suffix(".pdf"): _saved(fig, "pdf", {"CreationDate": None, "ModDate": None}),
        # A picture to paste into a report or a post, offered for download beside the SVG.
        path.with_suffix(".png"): _saved(fig, "png", {"Software": None}, dpi=150),
    }
    plt.close(fig)
    fig = _chart(dataset, indicator_id, observations, targets, context, narrow=True)
    files[narrow_path(path)] = _saved(fig, "svg", {"Date": None})
    plt.close(fig)
    return describe_chart(dataset, indicator_id, observations, targets, context), files


def narrow_path(path: Path) -> Path:
    """Where the phone's rendering of the chart at `path` is written."""
    return path.with_name(f"{path.stem}-narrow.svg")


def _chart(dataset, indicator_id, observations, targets, context, narrow: bool):
    spec = dataset.indicators[indicator_id]
    words = dataset.edition.labels
    width = NARROW_INCHES if narrow else WIDE_INCHES
    labels = LabelLayout()
    if spec["value_type"] == "number":
        fig, axes = _numeric_chart(
            dataset, spec, observations, targets, words, context, width, labels
        )
    else:
        fig, ax = _category_timeline(dataset, spec, observations, words, context, width, labels)
        axes = [ax]
    if context.as_of is not None:
        for ax in axes:
            _draw_reporting_date(ax, context.as_of)
    _finish(dataset.edition, axes, fig, spec, words, spec["value_type"] == "number", narrow)
    if context.as_of is not None and not narrow:  # on a phone the caption says what it is
        labels.fixed.append(_label_reporting_date(dataset.edition, axes[0], context.as_of, words))
    if narrow:
        _fit_narrow(fig, axes)
    # Last, once text sizes and the layout are final: where each label has room.
    labels.place(fig)
    return fig


def _fit_narrow(fig, axes: list) -> None:
    """Text for a phone: no smaller than NARROW_MIN_POINTS, and labels wrapped so that they stay
    inside the narrow canvas (a long one made the saved picture wider, and so smaller again).
    The plot is laid out without its legend, then the legend goes under it: laid out together,
    a legend wider than the phone squeezed the plot to a third of the width."""
    bottom = axes[-1]
    legend = bottom.get_legend()
    if legend is not None:
        handles = legend.legend_handles
        labels = [text.get_text() for text in legend.get_texts()]
        legend.remove()
    for ax in axes:
        names = [label.get_text() for label in ax.get_yticklabels()]
        if any(len(name) > 14 for name in names):  # the areas of a time line, not numbers
            ax.set_yticks(ax.get_yticks(), [_wrap(name, 14) for name in names])
        for text in ax.texts:
            text.set_text(_wrap(text.get_text(), 16))
    _at_least(fig, NARROW_MIN_POINTS)
    fig.tight_layout()
    if legend is not None:
        _legend_below(bottom, 1, (handles, [_wrap(label, NARROW_LEGEND_CHARS) for label in labels]))
        _at_least(fig, NARROW_MIN_POINTS)


def _at_least(fig, points: float) -> None:
    for text in fig.findobj(matplotlib.text.Text):
        text.set_fontsize(max(text.get_fontsize(), points))


def _saved(fig, file_format: str, metadata: dict, **options) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=file_format, metadata=metadata, bbox_inches="tight", **options)
    return buffer.getvalue()


# Areas whose typical values differ more than this share no value axis: merged Hải Phòng's
# 3,194.72 km² beside the district's 262-269 km² flattened the district to a line.
SCALE_RATIO = 5


def scale_groups(observations: pd.DataFrame) -> list[list[str]]:
    """The areas of a chart grouped by the size of their values, each group drawn on its own
    value axis (small multiples); one group when every value is of one size, or when some are
    zero or negative (a ratio of sizes means nothing then). Areas without a number (a plan's
    stage, say) join the last group."""
    areas = list(dict.fromkeys(observations["area"]))
    values = observations.dropna(subset=["value_number"])
    if values.empty or (values["value_number"] <= 0).any():
        return [areas]
    typical = values.groupby("area")["value_number"].median()
    groups: list[list[str]] = []
    for area in sorted(typical.index, key=lambda a: typical[a]):
        if groups and typical[area] <= SCALE_RATIO * typical[groups[-1][0]]:
            groups[-1].append(area)
        else:
            groups.append([area])
    groups[-1] += [area for area in areas if area not in typical.index]
    return groups


def _numeric_chart(
    dataset,
    spec: dict,
    observations: pd.DataFrame,
    targets: pd.DataFrame,
    words: dict,
    context: ChartContext,
    width: float,
    labels: LabelLayout,
):
    """Values over time, one series per area; other plans' targets and forecasts hollow. Areas
    of very different sizes get a panel each, one above the other on the same years."""
    areas = list(dict.fromkeys(observations["area"]))
    own = programme_lineages(dataset, targets)
    lineage = dict(zip(observations["area"], observations["lineage"], strict=True))
    # the programme's own area on top, the larger areas given for comparison below it
    groups = sorted(scale_groups(observations), key=lambda g: not any(lineage[a] in own for a in g))
    height = 3.8 if width == WIDE_INCHES else 4.6
    if len(groups) > 1:
        height = 1.0 + (2.0 if width == WIDE_INCHES else 2.3) * len(groups)
    fig, axes = plt.subplots(len(groups), 1, sharex=True, figsize=(width, height), dpi=100)
    axes = list(axes) if len(groups) > 1 else [axes]
    target_ax = axes[0]  # the programme's own area, when it has figures
    for ax, group in zip(axes, groups, strict=True):
        labelled = []  # each area's rows in time order and its colour, labelled once all are in
        for area in group:
            index = areas.index(area)
            rows = observations[observations["area"] == area].sort_values("period_x")
            style = {
                "color": PALETTE[index % len(PALETTE)],
                "marker": MARKERS[index % len(MARKERS)],
            }
            name = dataset.area_names[area]
            if lineage[area] not in own:
                # Set apart and named as such: a national 40 % beside the district's 60-70 %
                # target read as the district's own figure.
                name = words["other_area"].format(area=name)
                style["linestyle"] = (0, (1, 2))
            _draw_series(ax, rows, name, style, words, labels)
            labelled.append((rows, style["color"]))
        sides = labels_above(
            [
                (series, time, value)
                for series, (rows, _) in enumerate(labelled)
                for time, value in zip(rows["period_x"], rows["value_number"])
            ]
        )
        for rows, colour in labelled:
            _label_points(ax, dataset, rows, colour, context, sides[: len(rows)], labels)
            sides = sides[len(rows) :]
        _value_axis(ax, dataset, spec, observations[observations["area"].isin(group)], words)
    for projection in context.projections:
        index = areas.index(projection.area) if projection.area in areas else 0
        target_ax.plot(
            *zip(projection.start, projection.end),
            color=PALETTE[index % len(PALETTE)],
            linestyle=(0, (4, 3)),
            linewidth=1.3,
            marker="x",
            markevery=[1],
            label=f"{words['legend_projection']}: {projection.label}",
        )
        labels.mark(target_ax, projection.end, projection.end, padding=4)
    _draw_targets(target_ax, dataset, targets, words, labels)
    return fig, axes


def _draw_series(
    ax, rows: pd.DataFrame, name: str, style: dict, words: dict, labels: LabelLayout
) -> None:
    """One area's values: measured ones joined by a line, others (plans, forecasts) hollow."""
    observed, other = rows[rows["observed"]], rows[~rows["observed"]]
    for points, size in [(observed, OBSERVED_MARKER), (other, OTHER_MARKER)]:
        for point in zip(points["period_x"], points["value_number"], strict=True):
            labels.point(ax, point, size / 2, style["color"])
    if len(observed):
        ax.plot(
            observed["period_x"], observed["value_number"], **style, linewidth=1.5,
            markersize=OBSERVED_MARKER, label=name,
        )  # fmt: skip
    if len(other):
        ax.plot(
            other["period_x"], other["value_number"], **{**style, "linestyle": "none"},
            markersize=OTHER_MARKER,
            markerfacecolor="white", markeredgewidth=1.5,
            label=f"{name}: {words['legend_other_plan']} / {words['legend_forecast']}",
        )  # fmt: skip


def _label_points(
    ax,
    dataset,
    rows: pd.DataFrame,
    colour: str,
    context: ChartContext,
    above: list[bool],
    labels: LabelLayout,
) -> None:
    """Each value written beside its point, with its source's number: above it or under it
    (else beside it, where that has room)."""
    for above, (_, obs) in zip(above, rows.iterrows(), strict=True):
        text = dataset.edition.number(obs["value_number"])
        if is_bound(dataset, obs["flags"]):
            text = "▲ " + text
        if obs["source"] in context.source_numbers:
            text += f" [{context.source_numbers[obs['source']]}]"
        places = beside_point((obs["period_x"], obs["value_number"]), above, gap=7)
        annotation = ax.annotate(
            text, places[0].xy, textcoords="offset points", xytext=places[0].offset,
            va=places[0].va, ha=places[0].ha, fontsize=8, color=colour,
        )  # fmt: skip
        labels.movable(annotation, places, names_its_anchor=True)


# Values of one area less than this many years apart are labelled as one group (below).
NEAR_YEARS = 0.5


def labels_above(points: list[tuple[int, float, float]]) -> list[bool]:
    """Whether each point's label goes above it (else under it); `points` are (series, time,
    value) of one panel, each series in time order.

    A series' labels alternate sides so that neighbouring ones do not collide. Of values close
    in time, of one area or several (an observation and a plan's figure for the same year), the
    highest is labelled above and the others under. Alternating put a lower value's label above
    it, right beside the higher point, and each number then read as the other point's ("11,81
    [4]" by the 12.35 forecast).
    """
    sides, seen = [], {}
    for index, (series, time, value) in enumerate(points):
        nth = seen[series] = seen.get(series, -1) + 1
        near = [
            (other_value, -other)
            for other, (_, other_time, other_value) in enumerate(points)
            if other != index and abs(other_time - time) < NEAR_YEARS
        ]
        # The highest of its group is labelled above; of equal values, the first.
        sides.append(all((value, -index) > key for key in near) if near else nth % 2 == 0)
    return sides


def _value_axis(ax, dataset, spec: dict, observations: pd.DataFrame, words: dict) -> None:
    ax.set_ylabel(unit_symbol(dataset, spec["unit"]))
    values = observations["value_number"].dropna()
    if len(values) and values.min() > 0 and values.max() / values.min() > 20:
        # A city beside its province: on a linear axis the smaller area would look flat.
        ax.set_yscale("log")
        ax.set_ylabel(f"{unit_symbol(dataset, spec['unit'])} ({words['log_scale']})")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.margins(y=0.12)  # room for the labels drawn under the lowest points


def _category_timeline(
    dataset,
    spec: dict,
    observations: pd.DataFrame,
    words: dict,
    context: ChartContext,
    width: float,
    labels: LabelLayout,
):
    """Stages or classes as labelled points on a time line, one line per area."""
    names = dataset.area_names
    areas = list(dict.fromkeys(observations["area"]))
    per_area = 0.75 if width == WIDE_INCHES else 1.1
    fig, ax = plt.subplots(figsize=(width, 1.2 + per_area * len(areas)), dpi=100)
    for index, area in enumerate(areas):
        rows = observations[observations["area"] == area].sort_values("period_x")
        colour, marker = PALETTE[index % len(PALETTE)], MARKERS[index % len(MARKERS)]
        ax.plot(rows["period_x"], [index] * len(rows), color=colour, linewidth=0.8, alpha=0.5)
        for position, (_, obs) in enumerate(rows.iterrows()):
            face = colour if obs["observed"] else "white"
            ax.plot(
                obs["period_x"], index, marker=marker, color=colour, markerfacecolor=face,
                markeredgewidth=1.5, markersize=OTHER_MARKER,
            )  # fmt: skip
            point = (obs["period_x"], index)
            labels.point(ax, point, OTHER_MARKER / 2, colour)
            _label_stage(ax, dataset, spec, obs, point, position, colour, context, labels)
    ax.set_yticks(range(len(areas)), [_wrap(names[a]) for a in areas], fontsize=8)
    ax.set_ylim(-0.8, len(areas) - 0.2)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    if (~observations["observed"]).any():
        ax.plot(
            [], [], marker="o", color="#777777", markerfacecolor="white", linestyle="none",
            label=f"{words['legend_other_plan']} / {words['legend_forecast']}",
        )  # fmt: skip
        _legend_below(ax)
    return fig, ax


def _label_stage(
    ax, dataset, spec, obs, point, position: int, colour: str, context, labels: LabelLayout
) -> None:
    """A stage written beside its point, with its source's number."""
    above = position % 2 == 0  # alternate sides so neighbouring labels do not collide
    text = dataset.edition.category(spec, obs["value"])
    if obs["source"] in context.source_numbers:
        text += f" [{context.source_numbers[obs['source']]}]"
    places = beside_point(point, above, gap=9)
    annotation = ax.annotate(
        _wrap(text, 26), point, textcoords="offset points", xytext=places[0].offset,
        va=places[0].va, ha=places[0].ha, fontsize=7, color=colour,
    )  # fmt: skip
    labels.movable(annotation, places, names_its_anchor=True)


def _draw_reporting_date(ax, as_of: date) -> None:
    """A dotted vertical line: values to its right did not exist yet on the reporting date.
    Drawn before the axes are scaled, so that the time axis reaches it."""
    ax.axvline(end_of_day_as_year(as_of), color="#333333", linestyle=":", linewidth=1)


def _label_reporting_date(edition: Edition, ax, as_of: date, words: dict):
    """The line's label, on the side of the line with room, once the time axis is set: to its
    left it ran over the value axis's numbers when the line stood near the start."""
    x = end_of_day_as_year(as_of)
    low, high = ax.get_xlim()
    left = (x - low) / (high - low) > 0.35
    return ax.annotate(
        f"{words['legend_as_of']} {edition.date(as_of)}",
        (x, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-3 if left else 3, -2),
        textcoords="offset points",
        ha="right" if left else "left",
        va="top",
        fontsize=7,
        color="#333333",
    )


def _finish(
    edition: Edition,
    axes: list,
    fig,
    spec: dict,
    words: dict,
    legend: bool = True,
    narrow: bool = False,
) -> None:
    """Whole years on the time axis, title, legend outside the plot."""
    # Each year's tick is its 1 January: a value in force from 1/1/2025 sits on the 2025 tick,
    # and a year's annual value (drawn mid-year) between its tick and the next. Ticks in the
    # middle of the year put that 1/1/2025 value before "2025", as if it were 2024's.
    limits = []
    for ax in axes:
        ax.relim()
        ax.autoscale_view()
        limits += list(ax.get_xlim())
    first, last = math.floor(min(limits)), math.floor(max(limits))
    step = max(1, math.ceil((last - first + 1) / (4 if narrow else 10)))  # labels that fit
    for ax in axes:
        ax.set_xticks(list(range(first, last + 2, step)))
        ax.set_xlim(first, last + 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{round(x)}"))
        if spec["value_type"] == "number":
            # The axis writes numbers as the text does: 1.500 and 0,5 in Vietnamese, 1,500 and
            # 0.5 in English.
            ax.yaxis.set_major_formatter(
                matplotlib.ticker.FuncFormatter(lambda y, _: edition.number(y))
            )
    title = _wrap(spec["name"], 34) if narrow else spec["name"]
    axes[0].set_title(title, fontsize=11, loc="left")
    if legend:
        handles, labels = _all_entries(axes)
        # Each column no wider than its share of the chart: a longer label (another area's,
        # named as such, and a target of another plan) made the legend wider than the figure,
        # and tight_layout then squeezed the plot into a corner to make room for it.
        labels = [_wrap(label, NARROW_LEGEND_CHARS if narrow else WIDE_LEGEND_CHARS)
                  for label in labels]  # fmt: skip
        _legend_below(axes[-1], 1 if narrow else 2, (handles, labels))
    fig.tight_layout()


def _all_entries(axes: list) -> tuple[list, list]:
    """Every panel's legend entries, once each, for the one legend under the last panel."""
    handles, labels = [], []
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            if label not in labels:
                handles.append(handle)
                labels.append(label)
    return handles, labels


def _legend_below(ax, columns: int = 2, entries: tuple | None = None) -> None:
    """Under the plot, so the plot keeps the page's full width (and an A4 column's)."""
    axes_height = ax.get_position().height * ax.figure.get_figheight()  # inches
    handles, labels = entries if entries is not None else ax.get_legend_handles_labels()
    ax.legend(
        handles,
        labels,
        fontsize=7.5,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.32 / axes_height),
        ncol=columns,
        frameon=False,
    )


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def _draw_targets(ax, dataset, targets: pd.DataFrame, words: dict, labels: LabelLayout) -> None:
    """Ranges as bars spanning the range, minimums and exact values as a marked level."""
    first = True
    for _, target in targets.iterrows():
        if target["kind"] not in ("range", "minimum", "exact"):
            continue
        label = words["legend_programme_target"] if first else None
        scope = dataset.programme["scopes"][target["area"]]["name"]
        x = int(target["year"]) + 0.5  # the middle of the target year, like annual values
        if target["kind"] == "range":
            # A hatched band over the target year: readable in grayscale, not only by its tint.
            ax.fill_between(
                [x - 0.4, x + 0.4],
                target["low"],
                target["high"],
                facecolor="#dddddd",
                edgecolor=TARGET_COLOUR,
                hatch="///",
                linewidth=0.8,
                label=label,
            )
        else:
            ax.plot(
                [x - 0.4, x + 0.4],
                [target["low"]] * 2,
                color=TARGET_COLOUR,
                linewidth=3,
                label=label,
            )
        top = target["high"] if target["kind"] == "range" else target["low"]
        bottom = target["low"]
        # The bar itself (a line's half width padded) is not to be covered by any label.
        labels.mark(ax, (x - 0.4, bottom), (x + 0.4, top), padding=0 if top > bottom else 1.5)
        # Above the bar from its middle, as it always was; else ending at its middle, under it,
        # to its right or left, or clear of its left end.
        places = [
            Place((x, top), (4, 3.5), "left", "bottom"),
            Place((x, top), (-4, 3.5), "right", "bottom"),
            Place((x, bottom), (4, -4.5), "left", "top"),
            Place((x, bottom), (-4, -4.5), "right", "top"),
            Place((x + 0.4, (top + bottom) / 2), (4.5, 0), "left", "center"),
            Place((x - 0.4, (top + bottom) / 2), (-4.5, 0), "right", "center"),
            Place((x - 0.4, top), (-4.5, 3.5), "right", "bottom"),
            Place((x - 0.4, bottom), (-4.5, -4.5), "right", "top"),
        ]
        annotation = ax.annotate(
            f"{target['clause']} ({scope})",
            places[0].xy,
            textcoords="offset points",
            xytext=places[0].offset,
            fontsize=7,
            color=TARGET_COLOUR,
        )
        labels.movable(annotation, places)
        first = False


def _value_words(edition, spec: dict, row) -> str:
    """A value as the text alternative says it: a number, or a category in the edition's words."""
    if spec["value_type"] == "number":
        return edition.number(row["value_number"])
    return edition.category(spec, row["value"])


def describe_chart(
    dataset,
    indicator_id: str,
    observations: pd.DataFrame,
    targets: pd.DataFrame,
    context: ChartContext = ChartContext(),
) -> str:
    """A text alternative: what the chart shows, in a sentence or three."""
    spec = dataset.indicators[indicator_id]
    edition, words = dataset.edition, dataset.edition.labels
    parts = [words["alt_chart"].format(name=spec["name"].lower())]
    parts += [_describe_series(dataset, spec, observations, area, words)
              for area in dict.fromkeys(observations["area"])]  # fmt: skip
    if len(targets):
        stated = "; ".join(
            words["alt_target"].format(
                clause=t["clause"], target=format_target(dataset, t), year=t["year"]
            )
            for _, t in targets.iterrows()
        )
        parts.append(f"{words['legend_programme_target']}: {stated}.")
    for projection in context.projections:
        value = edition.number(round(projection.end[1], 1))
        year = math.floor(projection.end[0])
        parts.append(words["alt_projection"].format(label=projection.label, value=value, year=year))
    if not observations["lineage"].isin(set(dataset.programme["scopes"])).any():
        parts.append(words["alt_no_data"])
    if context.as_of is not None:
        parts.append(words["alt_as_of"].format(date=edition.date(context.as_of)))
    return " ".join(parts)


def _describe_series(dataset, spec, observations: pd.DataFrame, area: str, words: dict) -> str:
    """'Thủy Nguyên: 2021: 40,4, 2024: 60,5.'"""
    rows = observations[observations["area"] == area]
    values = ", ".join(
        f"{dataset.edition.period(r['period'])}: {_value_words(dataset.edition, spec, r)}"
        + ("" if r["observed"] else f" ({words['alt_not_observed']})")
        for _, r in rows.iterrows()
    )
    return f"{dataset.area_names[area]}: {values}."
