"""The progress calculation on hand-computed cases, one per status and target kind.

Times: an annual value for 2024 sits at 2024.5 and its period ends at 2025.0; a target for 2030
is measured at 2030.5. Expected figures were worked out by hand (shown in each comment).
"""

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from programme_monitor.assess.progress import Goal, Point, assess, growth, rules


def year(y: int, value: float, segment: str = "a") -> Point:
    return Point(t=y + 0.5, end=y + 1.0, value=value, segment=segment, label=str(y))


MIN_28_BY_2030 = Goal("minimum", 2030, +1, low=28)


def test_growth_is_compound_annual():
    # (121 / 100) ** (1 / 2) - 1 = 0.1
    assert growth(121, 100, 2026.5, 2024.5) == pytest.approx(0.1)


def test_minimum_acceleration_needed_with_projection_and_gap():
    result = assess([year(2024, 20), year(2026, 22)], MIN_28_BY_2030, base_year=2024)
    # observed (22/20)^(1/2)-1 = 0.0488088; required (28/20)^(1/6)-1 = 0.0576809; R = 0.84618
    assert result.observed_growth == pytest.approx(0.0488088, abs=1e-6)
    assert result.required_growth == pytest.approx(0.0576809, abs=1e-6)
    assert result.ratio == pytest.approx(0.84618, abs=1e-4)
    assert result.status == "acceleration-needed"
    # 22 * 1.1^(1/2)^4 = 22 * 1.21 = 26.62, short of 28 by 1.38; (26.62-20)/(28-20) = 0.8275
    assert result.projection == pytest.approx(26.62)
    assert result.shortfall == pytest.approx(1.38)
    assert result.anticipated == pytest.approx(0.8275)
    assert (result.base.label, result.latest.label, result.target_value) == ("2024", "2026", 28)


@pytest.mark.parametrize(
    "latest, status",
    [
        (24.2, "on-track"),  # observed 0.1, R = 1.734
        (20.5, "limited-progress"),  # observed 0.012423, R = 0.2154
        (19.0, "deterioration"),  # observed < 0
        (28.0, "achieved"),  # a minimum is met at its value
    ],
)
def test_minimum_each_status(latest, status):
    assert assess([year(2024, 20), year(2026, latest)], MIN_28_BY_2030, 2024).status == status


def test_cut_off_values_belong_to_the_better_status():
    # R = 0.95 exactly: base 100, required growth g, observed 0.95 g over the same span.
    required = growth(200, 100, 2030.5, 2024.5)
    latest = 100 * (1 + 0.95 * required) ** 2
    result = assess([year(2024, 100), year(2026, latest)], Goal("minimum", 2030, +1, low=200), 2024)
    assert result.ratio == pytest.approx(0.95)
    assert result.status in {"on-track", "acceleration-needed"}  # float rounding at the edge
    assert rules()["ratio_cutoffs"]["on-track"] == 0.95


def test_lower_is_better():
    goal = Goal("minimum", 2030, -1, low=10)  # "at most 10"
    result = assess([year(2024, 20), year(2026, 16)], goal, 2024)
    # observed 0.8^(1/2)-1 = -0.105573; required 0.5^(1/6)-1 = -0.109101; R = 0.96766
    assert result.ratio == pytest.approx(0.96766, abs=1e-4)
    assert result.status == "on-track"
    assert assess([year(2024, 20), year(2026, 21)], goal, 2024).status == "deterioration"
    assert assess([year(2024, 20), year(2026, 10)], goal, 2024).status == "achieved"


def test_range_achieved_inside_and_its_own_state_above():
    goal = Goal("range", 2030, +1, low=60, high=70)
    assert assess([year(2024, 50), year(2026, 65)], goal, 2024).status == "achieved"
    assert assess([year(2024, 50), year(2026, 70)], goal, 2024).status == "achieved"
    above = assess([year(2024, 50), year(2026, 72)], goal, 2024)
    assert above.status == "above-range"
    assert above.ratio is not None  # the inputs are still published


def test_range_is_approached_toward_its_near_bound():
    goal = Goal("range", 2030, +1, low=60, high=70)
    result = assess([year(2024, 50), year(2026, 55)], goal, 2024)
    # required toward 60: 1.2^(1/6)-1 = 0.0308533; observed 1.1^(1/2)-1 = 0.0488088; R = 1.582
    assert result.target_value == 60
    assert result.ratio == pytest.approx(1.582, abs=1e-3)
    assert result.status == "on-track"


def test_range_with_lower_is_better_uses_upper_bound_and_below_range_state():
    goal = Goal("range", 2030, -1, low=5, high=8)
    assert assess([year(2024, 12), year(2026, 10)], goal, 2024).target_value == 8
    assert assess([year(2024, 12), year(2026, 4)], goal, 2024).status == "below-range"


def test_strict_minimum_needs_more_than_the_value():
    goal = Goal("minimum", 2025, +1, low=90, strict=True)
    assert assess([year(2025, 90)], goal, 2024).status == "not-achieved"
    assert assess([year(2025, 90.1)], goal, 2024).status == "achieved"


def test_exact_coverage_is_reached_at_its_value():
    goal = Goal("exact", 2030, +1, low=100, ceiling=100)
    assert assess([year(2024, 80), year(2026, 100)], goal, 2024).status == "achieved"


def test_single_observation_not_assessable_unless_it_settles_the_target():
    assert assess([year(2026, 22)], MIN_28_BY_2030, 2024).reason == "one-observation"
    assert assess([year(2026, 30)], MIN_28_BY_2030, 2024).status == "achieved"


def test_values_less_than_a_year_apart_give_no_growth():
    points = [Point(2025.25, 2025.5, 20, "a"), Point(2025.75, 2026.0, 21, "a")]
    assert (
        assess(points, MIN_28_BY_2030, 2024).reason == "values-too-close"
    )  # two values, not "only one value"


def test_no_data():
    result = assess([], MIN_28_BY_2030, 2024)
    assert (result.status, result.reason) == ("not-assessable", "no-data")


def test_base_year_after_the_latest_data():
    result = assess([year(2020, 20), year(2022, 21)], MIN_28_BY_2030, base_year=2024)
    assert (result.status, result.reason) == ("not-assessable", "base-after-latest")


def test_base_is_the_first_value_from_the_base_year():
    result = assess(
        [year(2020, 10), year(2024, 20), year(2025, 21), year(2026, 22)], MIN_28_BY_2030, 2024
    )
    assert result.base.label == "2024"


def test_series_broken_by_a_boundary_change():
    points = [year(2024, 20, "district"), year(2026, 22, "successor")]
    result = assess(points, MIN_28_BY_2030, 2024)
    assert (result.status, result.reason) == ("not-assessable", "series-broken")


def test_after_a_boundary_change_the_base_moves_to_the_new_boundary():
    points = [year(2024, 20, "district"), year(2025, 21, "successor"), year(2026, 23, "successor")]
    result = assess(points, MIN_28_BY_2030, 2024)
    assert result.base.label == "2025" and result.status != "not-assessable"


def test_zero_base_is_replaced_as_open_sdg_does():
    result = assess([year(2024, 0), year(2026, 5)], Goal("minimum", 2030, +1, low=10), 2024)
    # observed (5/0.001)^(1/2)-1 = 69.7107; required (10/0.001)^(1/6)-1 = 3.64159; R = 19.143
    assert result.ratio == pytest.approx(19.143, abs=1e-3)
    assert result.status == "on-track"


def test_negative_base_flips_the_sign():
    result = assess([year(2024, -10), year(2026, -5)], Goal("minimum", 2030, +1, low=-2), 2024)
    # observed 0.5^(1/2)-1 = -0.292893; required 0.2^(1/6)-1 = -0.235275; R = -(-0.292893)/0.235275
    assert result.ratio == pytest.approx(1.2449, abs=1e-4)
    assert result.status == "on-track"


def test_values_of_opposite_sign_are_not_assessable():
    result = assess([year(2024, -10), year(2026, 5)], Goal("minimum", 2030, +1, low=20), 2024)
    assert result.reason == "sign-change"


def test_target_year_over_and_value_short_is_not_achieved():
    goal = Goal("minimum", 2025, +1, low=28)
    assert assess([year(2024, 20), year(2025, 27)], goal, 2024).status == "not-achieved"
    # a mid-2025 value does not settle a 2025 target: it is projected to the year's middle
    partial = [year(2024, 20), Point(2025.25, 2025.5, 27, "a")]
    assert assess(partial, goal, 2024).status != "not-achieved"


def test_projection_is_capped_at_the_ceiling():
    goal = Goal("exact", 2030, +1, low=100, ceiling=100)
    result = assess([year(2024, 60), year(2026, 90)], goal, 2024)
    assert result.projection == 100


def test_direction_only_target_uses_growth_cut_offs_shrunk_near_the_ceiling():
    near_ceiling = [year(2024, 90), year(2026, 91.5)]
    # observed (91.5/90)^(1/2)-1 = 0.0082988; C = 1-(0.9)^4.44 = 0.373622; on-track cut-off 0.005604
    with_ceiling = assess(near_ceiling, Goal("direction", 2030, +1, ceiling=100), 2024)
    assert with_ceiling.coefficient == pytest.approx(0.373622, abs=1e-5)
    assert with_ceiling.status == "on-track"
    without = assess(near_ceiling, Goal("direction", 2030, +1), 2024)
    assert without.status == "acceleration-needed"
    falling = assess([year(2024, 20), year(2026, 19)], Goal("direction", 2030, -1), 2024)
    assert falling.status == "on-track"  # -2.53 %/year in the desired direction


RANK = {name: spec.get("rank") for name, spec in rules()["statuses"].items()}
CUTOFFS = [*rules()["ratio_cutoffs"].values()]
positive = st.floats(min_value=0.5, max_value=500, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    base=positive,
    latest=positive,
    target=positive,
    factor=st.floats(min_value=0.01, max_value=100),
    direction=st.sampled_from([1, -1]),
)
def test_status_does_not_change_when_all_values_are_scaled(base, latest, target, factor, direction):
    goal = Goal("minimum", 2030, direction, low=target)
    original = assess([year(2024, base), year(2026, latest)], goal, 2024)
    assume(original.ratio is None or all(abs(original.ratio - c) > 1e-6 for c in CUTOFFS))
    scaled_goal = Goal("minimum", 2030, direction, low=target * factor)
    scaled = assess([year(2024, base * factor), year(2026, latest * factor)], scaled_goal, 2024)
    assert scaled.status == original.status


@settings(max_examples=300, deadline=None)
@given(
    base=positive,
    latest=positive,
    target=positive,
    share=st.floats(min_value=0, max_value=1),
    kind=st.sampled_from(["minimum", "range"]),
)
def test_moving_the_latest_value_toward_the_target_never_worsens_the_status(
    base, latest, target, share, kind
):
    assume(latest < target)
    goal = Goal(kind, 2030, +1, low=target, high=target * 1.2 if kind == "range" else None)
    before = assess([year(2024, base), year(2026, latest)], goal, 2024)
    closer = latest + share * (target - latest)
    after = assess([year(2024, base), year(2026, closer)], goal, 2024)
    assert RANK[after.status] >= RANK[before.status]
    assert math.isfinite(RANK[after.status])
