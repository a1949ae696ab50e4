"""A chart's labels moved off what they would cover.

Each value label and target label has places it may take, best first (a value on the side
`labels_above` chose, beside its point, at that side's corners, then on the other side). Once
the chart is laid out, each takes the first of its places that covers no point, no target's bar,
no other label and none of the axes' words, and stays within the figure's width; when every
place fails, the one that hides least. Then each looks again, now that the labels after it
stand too.

Before, a label had one place only: on the housing chart "32 [4]" sat on the 33 m² target bar,
"23,6 [2]" on the rural 22.5 point and a target's clause on the 28 m² point; on the fibre chart
the clause ran into the reporting date's label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from matplotlib.transforms import Bbox

# A label this close to a point, mark or other label (in points) reads as touching it.
CLEARANCE_POINTS = 1.5
# How much worse covering a point or a target's bar is than covering as much of a text's box.
MARK_WEIGHT = 4
# A value's label as near another point as this many times its own reads as either's.
AMBIGUOUS = 1.5


@dataclass(frozen=True)
class Place:
    """Where a label may stand: `offset` in points from its anchor `xy` (data coordinates), and
    its alignment there."""

    xy: tuple[float, float]
    offset: tuple[float, float]
    ha: str
    va: str


def beside_point(xy: tuple[float, float], above: bool, gap: float) -> list[Place]:
    """A value's places: on the side `above` chose (see charts.labels_above), right or left of
    the point, that side's corners, and only then the other side and its corners; `gap` is the
    distance from the point's centre in points. The other side comes late because a label there
    may stand between its point and a close one (11.81 under 12.35), where it reads as the
    other's; beside the point it cannot."""
    up = Place(xy, (0, gap), "center", "bottom")
    down = Place(xy, (0, -gap - 1), "center", "top")
    right = Place(xy, (gap + 1, 0), "left", "center")
    left = Place(xy, (-gap - 1, 0), "right", "center")

    def corners(upward: bool) -> list[Place]:
        rise, va = (gap, "bottom") if upward else (-gap - 1, "top")
        return [Place(xy, (gap, rise), "left", va), Place(xy, (-gap, rise), "right", va)]

    chosen, other = (up, down) if above else (down, up)
    return [chosen, right, left, *corners(above), other, *corners(not above)]


@dataclass
class LabelLayout:
    """What one chart's labels may move among, gathered while it is drawn; `place()` once it is
    laid out."""

    labels: list = field(default_factory=list)  # (annotation, [Place, …], of a point?)
    marks: list = field(default_factory=list)  # (axes, (x0, y0), (x1, y1), padding in points)
    fixed: list = field(default_factory=list)  # texts that stay where they are
    points: list = field(default_factory=list)  # (axes, (x, y), colour) of each value's point

    def movable(self, annotation, places: list[Place], names_its_anchor: bool = False) -> None:
        """A label that may stand at any of `places`, best first; `names_its_anchor` when it is
        a point's value, which must not read as a neighbour's."""
        self.labels.append((annotation, places, names_its_anchor))

    def mark(self, ax, corner, opposite, padding: float = 0.0) -> None:
        """Something drawn in data coordinates a label must not cover: a point (both corners the
        same, `padding` its marker's half size) or a target's bar."""
        self.marks.append((ax, corner, opposite, padding))

    def point(self, ax, xy, half_size: float, colour: str) -> None:
        """A value's point: a mark, and where a label of its colour may be taken for its own."""
        self.mark(ax, xy, xy, padding=half_size)
        self.points.append((ax, xy, colour))

    def place(self, fig) -> None:
        """Each label to its place, once `fig` is laid out and its text sizes are final."""
        renderer = fig.canvas.get_renderer()
        marks = [_mark_box(fig, *mark) for mark in self.marks]
        points = [(ax, ax.transData.transform(xy), colour) for ax, xy, colour in self.points]
        # The axes' own words too: a label left of an early point ran over the value axis's.
        fixed = self.fixed + [
            text
            for ax in fig.axes
            for text in [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.yaxis.label]
        ]
        texts = [text.get_window_extent(renderer) for text in fixed if text.get_text()]
        placed = {}  # label number -> its box where it stands
        chosen = {}  # label number -> its place
        # Twice: the second time each label sees the labels placed after it, and may move off
        # one that found no clear place of its own.
        for again in (False, True):
            for number, (annotation, places, names_its_anchor) in enumerate(self.labels):
                others = texts + [box for n, box in placed.items() if n != number]

                def hidden(place: Place) -> float:
                    _put(annotation, place)
                    box = annotation.get_window_extent(renderer)
                    cost = _hidden(fig, box, marks, others)
                    if names_its_anchor and _nearer_another(annotation, box, points):
                        cost += box.width * box.height
                    return cost

                # A place clear the first time and still clear is still the best: the places
                # before it were not clear then, and others only stand in more places now.
                if again and hidden(chosen[number]) == 0:
                    continue
                chosen[number] = _best(places, hidden)
                _put(annotation, chosen[number])
                placed[number] = annotation.get_window_extent(renderer)


def _best(places: list[Place], hidden) -> Place:
    """The first clear place, else the first of those that hide least."""
    costs = []
    for place in places:
        cost = hidden(place)
        if cost == 0:
            return place
        costs.append(cost)
    return places[costs.index(min(costs))]


def _hidden(fig, box: Bbox, marks: list, texts: list) -> float:
    """How much a label's `box` hides. A label over a point or a bar hides a figure; one over the
    empty corner of another label's box (centred lines leave them) hides little: when no place
    is clear, the one that hides least."""
    clearance = _in_display(fig, CLEARANCE_POINTS)
    return (
        MARK_WEIGHT * sum(_overlap(box, mark, clearance) for mark in marks)
        + sum(_overlap(box, text, clearance) for text in texts)
        + _outside(box, fig.bbox)
    )


def _nearer_another(annotation, box: Bbox, points: list) -> bool:
    """Whether a value's label at `box` is about as near another point of its colour as its
    own: standing between 11.81 and the 12.35 just above it, it read as the forecast's. (A
    label beside a point of another colour is told apart by its colour.)"""
    own = annotation.axes.transData.transform(annotation.xy)
    distance = _distance(own, box)
    return any(
        _distance(point, box) < AMBIGUOUS * distance
        for ax, point, colour in points
        if ax is annotation.axes
        and colour == annotation.get_color()
        and abs(point[0] - own[0]) + abs(point[1] - own[1]) > 0.5
    )


def _distance(point, box: Bbox) -> float:
    dx = max(box.x0 - point[0], 0.0, point[0] - box.x1)
    dy = max(box.y0 - point[1], 0.0, point[1] - box.y1)
    return math.hypot(dx, dy)


def _put(annotation, place: Place) -> None:
    annotation.xy = place.xy
    annotation.xyann = place.offset
    annotation.set_horizontalalignment(place.ha)
    annotation.set_verticalalignment(place.va)


def _in_display(fig, points: float) -> float:
    return points * fig.dpi / 72


def _mark_box(fig, ax, corner, opposite, padding: float) -> Bbox:
    (x0, y0), (x1, y1) = ax.transData.transform([corner, opposite])
    pad = _in_display(fig, padding)
    return Bbox([[min(x0, x1) - pad, min(y0, y1) - pad], [max(x0, x1) + pad, max(y0, y1) + pad]])


def _overlap(box: Bbox, other: Bbox, clearance: float) -> float:
    """The area (display units) of `box` within `clearance` of `other`."""
    width = min(box.x1, other.x1 + clearance) - max(box.x0, other.x0 - clearance)
    height = min(box.y1, other.y1 + clearance) - max(box.y0, other.y0 - clearance)
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box: Bbox, frame: Bbox) -> float:
    """The area of `box` left or right of the figure: the saved picture would widen to hold it,
    and a phone then shows it smaller. (Above or under it, the picture only grows taller.)"""
    beyond = max(0.0, frame.x0 - box.x0) + max(0.0, box.x1 - frame.x1)
    return min(beyond, box.width) * box.height
