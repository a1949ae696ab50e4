"""Charts that put time where it is: each year's tick is its 1 January."""

import matplotlib.pyplot as plt

from programme_monitor import load_dataset
from programme_monitor.pages import charts
from tests.conftest import REAL_DATA


def test_each_years_tick_is_its_first_of_january():
    """Issue 20: ticks sat mid-year, so a value in force from 1/1/2025 (x = 2025.0) was drawn
    before the "2025" tick, where it read as 2024's."""
    dataset = load_dataset(REAL_DATA)
    spec = dataset.indicators["urbanisation_rate"]
    fig, ax = plt.subplots()
    ax.plot([2021.5, 2025.0, 2026.9], [40, 45, 50])
    charts._finish(dataset.edition, [ax], fig, spec, dataset.edition.labels, legend=False)
    ticks = list(ax.get_xticks())
    assert ticks and all(float(t).is_integer() for t in ticks), ticks
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert "2025" in labels and labels[ticks.index(2025)] == "2025"
    low, high = ax.get_xlim()
    assert low <= 2021.5 and high >= 2026.9  # every point inside, whole years either side
    plt.close(fig)


def test_the_phones_rendering_keeps_its_text_large_and_its_width_narrow():
    """Issue 20: on a 390 px screen the chart shrank to about 330 px with text 4-5 px high. The
    narrow rendering is about as wide as a phone shows it, and no text in it is under 10 pt
    (13.3 CSS px at its own size)."""
    import re
    from pathlib import Path

    import matplotlib.text

    from programme_monitor.assess.selection import observations_of
    from programme_monitor.pages.chapter import open_chapter

    chapter = open_chapter(REAL_DATA, "2026-12-04", "vi")
    dataset = chapter.dataset
    context = charts.ChartContext(chapter.report_date)
    for indicator in ("urbanisation_rate", "admin_status", "grdp_growth"):
        observations = observations_of(dataset, indicator, chapter.report_date)
        targets = dataset.targets[dataset.targets["indicator"] == indicator]
        fig = charts._chart(dataset, indicator, observations, targets, context, narrow=True)
        sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
        assert min(sizes) >= charts.NARROW_MIN_POINTS, (indicator, min(sizes))
        plt.close(fig)
        _, files = charts.draw_indicator_chart(
            dataset, indicator, observations, targets, Path("figures") / f"{indicator}.svg", context
        )
        narrow = files[Path("figures") / f"{indicator}-narrow.svg"].decode()
        width = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', narrow).group(1))
        assert width <= 290, (indicator, width)  # 290 pt = 387 CSS px: a phone shows it whole


def test_areas_of_very_different_sizes_get_a_panel_each():
    """Issue 20: merged Hải Phòng's 3,194.72 km² on one axis with the district's 262-269 km²
    flattened the district. Areas whose typical values differ more than fivefold are drawn in
    panels of their own, the programme's area on top; values of one size share one axis."""
    from programme_monitor.assess.selection import observations_of
    from programme_monitor.pages.chapter import open_chapter

    chapter = open_chapter(REAL_DATA, "2026-12-04", "vi")
    dataset = chapter.dataset
    observations = observations_of(dataset, "natural_area", chapter.report_date)
    assert sorted(map(sorted, charts.scale_groups(observations))) == [
        ["hai-phong-merged"],
        ["thuy-nguyen-city", "thuy-nguyen-district"],
    ]
    no_targets = dataset.targets.iloc[0:0]
    context = charts.ChartContext(chapter.report_date)
    fig = charts._chart(dataset, "natural_area", observations, no_targets, context, narrow=False)
    top, bottom = fig.axes[:2]
    assert top.get_ylim()[1] < 300 < 2900 < bottom.get_ylim()[0]  # each on its own scale
    plt.close(fig)
    growth = observations_of(dataset, "grdp_growth", chapter.report_date)
    assert len(charts.scale_groups(growth)) == 1  # 10-16 %/year everywhere: one axis


def test_the_wide_chart_keeps_the_plot_its_full_width_whatever_the_legend_says():
    """A legend wider than the chart (long names of other areas, other plans' targets) made the
    saved picture wider than 7.2 in and tight_layout squeezed the plot into a corner: the booklet
    then printed a plot a sixth of the page wide. Every wide chart, in both editions, stays within
    its width."""
    import re
    from pathlib import Path

    from programme_monitor.assess.selection import observations_of
    from programme_monitor.data.chapters import indicator_pages
    from programme_monitor.pages.chapter import open_chapter

    checked = 0
    for lang in ("vi", "en"):
        chapter = open_chapter(REAL_DATA, "2026-12-04", lang)
        dataset = chapter.dataset
        context = charts.ChartContext(chapter.report_date)
        for indicator in indicator_pages(dataset):
            observations = observations_of(dataset, indicator, chapter.report_date)
            if observations.empty:
                continue
            targets = dataset.targets[dataset.targets["indicator"] == indicator]
            _, files = charts.draw_indicator_chart(
                dataset, indicator, observations, targets, Path(f"{indicator}.svg"), context
            )
            svg = files[Path(f"{indicator}.svg")].decode()
            width = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))
            assert width <= charts.WIDE_INCHES * 72 + 10, (lang, indicator, width)
            checked += 1
    assert checked >= 20


def test_of_values_close_in_time_the_highest_is_labelled_above_and_the_others_under():
    """Labels alternated sides in time order, so an observation (11.81) listed before a forecast
    for the same year (12.35) had its label above it, beside the forecast's point, and the
    forecast's under it: each number sat by the other point. Points are (series, time, value)."""
    above = charts.labels_above
    assert above([(0, 2024.5, 11.01), (0, 2025.5, 11.81), (0, 2025.5, 12.35)]) == [
        True,
        False,
        True,
    ]
    # Of different areas too (the national 23.6 and the rural 22.5 of 2020).
    assert above([(0, 2019.2, 23.5), (0, 2020.5, 23.6), (1, 2020.5, 22.5), (2, 2020.5, 24.5)]) == [
        True,
        False,
        False,
        True,
    ]
    # Points a year or more apart alternate within each series, whatever their values.
    assert above([(0, 2021, 1), (0, 2022, 2), (0, 2023, 3), (1, 2021.5, 9), (1, 2022.5, 9)]) == [
        True,
        False,
        True,
        True,
        False,
    ]
    # Equal values close together: one above, one under.
    assert above([(0, 2025.4, 5), (1, 2025.5, 5)]) == [True, False]


def _display_boxes(fig):
    """What a reader must see apart on a drawn chart, in display units: each text in the plot,
    each point's marker, each target's bar (drawn as a thick grey line or a hatched band)."""
    import matplotlib.collections
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    texts, marks = [], []
    for ax in fig.axes:
        texts += [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
        for line in ax.lines:
            if line.get_color() == charts.TARGET_COLOUR and line.get_linewidth() >= 3:
                marks.append(line.get_window_extent(renderer))
            elif line.get_marker() not in (None, "None", "", " "):
                every = line.get_markevery()
                half = line.get_markersize() / 2 * fig.dpi / 72
                points = ax.transData.transform(line.get_xydata())
                for i, (x, y) in enumerate(points):
                    if every is None or i in every:
                        marks.append(Bbox([[x - half, y - half], [x + half, y + half]]))
        for collection in ax.collections:
            if isinstance(collection, matplotlib.collections.PolyCollection):
                marks.append(collection.get_window_extent(renderer))
    return texts, marks


def _overlap(a, b) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5


def _every_chart():
    """Every chart of the real programme as its page draws it: (edition, indicator, phone's
    rendering?, figure), in both editions, wide and for phones; the caller closes the figure."""
    from programme_monitor.assess.selection import observations_of
    from programme_monitor.data.chapters import indicator_pages
    from programme_monitor.pages.chapter import open_chapter
    from programme_monitor.pages.indicator_page import source_numbers

    for lang in ("vi", "en"):
        chapter = open_chapter(REAL_DATA, "2026-12-04", lang)
        dataset = chapter.dataset
        for indicator in indicator_pages(dataset):
            observations = observations_of(dataset, indicator, chapter.report_date)
            if observations.empty:
                continue
            targets = dataset.targets[dataset.targets["indicator"] == indicator]
            context = charts.ChartContext(chapter.report_date, (), source_numbers(observations))
            for narrow in (False, True):
                fig = charts._chart(dataset, indicator, observations, targets, context, narrow)
                yield lang, indicator, narrow, fig


def test_no_label_covers_a_point_a_target_bar_or_another_label():
    """On the housing chart "32 [4]" sat on the 33 m² target bar, "23,6 [2]" on the rural 22.5
    point and a target's clause on the 28 m² point; on the fibre chart the target's clause ran
    into the reporting date's label. Every chart of the real programme, in both editions, wide
    and for phones: no text in the plot overlaps another, a point or a target's bar."""
    checked, collisions = 0, []
    for lang, indicator, narrow, fig in _every_chart():
        texts, marks = _display_boxes(fig)
        for i, text in enumerate(texts):
            others = texts[i + 1 :] + marks
            if any(_overlap(text, other) for other in others):
                collisions.append((lang, indicator, narrow, i))
        plt.close(fig)
        checked += 1
    assert checked >= 40
    assert collisions == [], collisions


def test_each_value_label_stands_clearly_nearer_its_own_point_than_any_other():
    """A label moved for room to the far side of its point stood between 11.81 and the 12.35
    forecast just above it, where it read as the forecast's (the mistake labels_above was made
    to prevent). Every value label of every chart, both editions, wide and for phones: every
    other point of its colour is at least 1.5 times as far from its text as its own point."""
    import math

    def distance(point, box):
        dx = max(box.x0 - point[0], 0.0, point[0] - box.x1)
        dy = max(box.y0 - point[1], 0.0, point[1] - box.y1)
        return math.hypot(dx, dy)

    checked, strays = 0, []
    for lang, indicator, narrow, fig in _every_chart():
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            points = [
                (tuple(ax.transData.transform(xy)), line.get_color())
                for line in ax.lines
                if line.get_marker() not in (None, "None", "", " ")
                for xy in line.get_xydata()
            ]
            for text in ax.texts:
                own = tuple(ax.transData.transform(text.xy))
                if (own, text.get_color()) not in points:
                    continue  # a target's clause or the reporting date, not a value
                box = text.get_window_extent(renderer)
                near = distance(own, box)
                # A point of another colour is told apart by its colour.
                others = [
                    p
                    for p, colour in points
                    if colour == text.get_color() and math.dist(p, own) > 0.5
                ]
                if any(distance(p, box) < 1.5 * near for p in others):
                    strays.append((lang, indicator, narrow, text.get_text()))
                checked += 1
        plt.close(fig)
    assert checked >= 100
    assert strays == [], strays
