from datetime import date

from programme_monitor import load_dataset
from programme_monitor.assess.selection import TargetFigures
from programme_monitor.pages.overview import overview_rows
from tests.conftest import MINI

DATASET = load_dataset(MINI)
TARGETS = DATASET.targets.set_index("target_id", drop=False)


def latest_for_target(dataset, target, as_of):
    return TargetFigures(dataset, as_of).latest(target)


def context_for_target(dataset, target, as_of):
    return TargetFigures(dataset, as_of).context(target)


def test_latest_value_is_the_newest_period_published_by_the_reporting_date():
    latest = latest_for_target(DATASET, TARGETS.loc["X1"], date(2026, 12, 31))
    assert (latest["period"], latest["value_number"]) == ("2025-12", 36.75)


def test_as_of_leaves_out_figures_published_after_it():
    # SYN-2 is known to month precision (2026-03), so it counts from 31/03/2026.
    assert latest_for_target(DATASET, TARGETS.loc["X1"], date(2026, 3, 30))["period"] == "2025-H1"
    assert latest_for_target(DATASET, TARGETS.loc["X1"], date(2026, 3, 31))["period"] == "2025-12"
    assert latest_for_target(DATASET, TARGETS.loc["X1"], date(2025, 6, 29)) is None


def test_a_forecast_never_counts_as_the_latest_value():
    latest = latest_for_target(DATASET, TARGETS.loc["X1"], date(2031, 1, 1))
    assert "forecast" not in latest["flags"] and latest["value_number"] != 60


def test_a_target_without_data_stays_without_data():
    assert latest_for_target(DATASET, TARGETS.loc["X2"], date(2031, 1, 1)) is None
    rows = overview_rows(DATASET, date(2031, 1, 1)).set_index("target_id")
    assert rows.loc["X2", "has_data"] == False  # noqa: E712
    assert rows.loc["X2", "latest"] == "" and rows.loc["X2", "source"] == ""


def test_context_comes_from_other_areas_and_does_not_fill_the_gap():
    context = context_for_target(DATASET, TARGETS.loc["X1"], date(2031, 1, 1))
    assert list(context["area"]) == ["tinh-thu"]
    rows = overview_rows(DATASET, date(2031, 1, 1)).set_index("target_id")
    assert "Tỉnh Thử Nghiệm: 22" in rows.loc["X1", "context"]
    assert "example.org/synthetic-2" in rows.loc["X1", "source"]  # the newest value's source


def test_context_from_a_related_indicator_names_that_indicator():
    from tests.conftest import REAL_DATA

    real = load_dataset(REAL_DATA)
    rows = overview_rows(real, date(2026, 11, 24)).set_index("target_id")
    context = rows.loc["T07", "context"]
    assert "Việt Nam: 40,4" in context  # same indicator: plain
    assert "Tỷ lệ dân số thành thị – Thành phố Hải Phòng" in context  # related: named


def test_an_area_the_programme_also_sets_targets_for_is_still_a_comparison_for_the_others(
    mini_copy,
):
    """A national programme sets targets for the whole country and for its urban areas: the
    national figure is the comparison beside an urban target. Only the target's own area is
    left out of its comparison (SYNTHETIC: the test province becomes a scope)."""
    import yaml

    path = mini_copy / "programme.yaml"
    programme = yaml.safe_load(path.read_text("utf-8"))
    programme["scopes"]["tinh-thu"] = {"name_vi": "toàn tỉnh"}
    path.write_text(yaml.safe_dump(programme, allow_unicode=True), "utf-8")
    dataset = load_dataset(mini_copy)
    target = dataset.targets.set_index("target_id", drop=False).loc["X1"]
    assert list(context_for_target(dataset, target, date(2031, 1, 1))["area"]) == ["tinh-thu"]


def test_without_a_reporting_date_the_newest_declared_edition_is_built_on_any_day():
    from programme_monitor.assess.selection import resolve_as_of

    programme = DATASET.programme  # editions 2026-06-30 and 2026-01-15
    assert resolve_as_of("", programme) == date(2026, 6, 30)
    assert resolve_as_of(None, programme) == date(2026, 6, 30)
    assert resolve_as_of("2026-01-15", programme) == date(2026, 1, 15)  # asked for: as asked
    assert resolve_as_of("", {"publication": {}}) == date.today()  # none declared


def test_a_build_command_without_as_of_builds_the_newest_declared_edition(monkeypatch):
    from programme_monitor import cli

    asked = {}

    def fake_build(settings):
        asked["as_of"] = settings.as_of
        raise cli.DataErrors([])

    monkeypatch.setattr("programme_monitor.builder.pipeline.build", fake_build)
    cli.main(["build", "--data", str(MINI), "--no-pdf"])
    assert asked["as_of"] == "2026-06-30"


# The selection for one target alone, as the rules say it (the code before TargetFigures picked
# every target's rows from rows sorted out once): TargetFigures must give exactly this.
def _one_target_series(dataset, target, as_of):
    visible = dataset.observations[dataset.observations["published_by"] <= as_of]
    rows = visible[
        (visible["indicator"] == target["indicator"])
        & (visible["lineage"] == target["area"])
        & visible["observed"]
        & (visible["period_start"] <= as_of)
    ]
    rows = rows.sort_values(["period_start", "period_end", "published_by", "row"])
    rows = rows.drop_duplicates(["area", "period"], keep="last")
    return rows.sort_values(["period_x", "row"])


def _one_target_context(dataset, target, as_of):
    indicator_ids = [
        target["indicator"],
        *dataset.indicators[target["indicator"]].get("related", []),
    ]
    visible = dataset.observations[dataset.observations["published_by"] <= as_of]
    others = visible[
        visible["indicator"].isin(indicator_ids)
        & visible["observed"]
        & (visible["lineage"] != target["area"])
    ]
    newest = others.sort_values(
        ["period_end", "published_by", "row"], ascending=[False, False, False]
    ).drop_duplicates(["indicator", "area"])
    rank = newest["indicator"].map({ind: i for i, ind in enumerate(indicator_ids)})
    return newest.assign(rank=rank).sort_values(["rank", "area"]).drop(columns="rank")


def _same_rows(found, expected) -> bool:
    return list(found.index) == list(expected.index) and found.equals(expected)


def test_every_targets_figures_are_what_selecting_that_target_alone_gives():
    """Every target of the real programme and of the test one, on dates before, between and
    after their sources, and on rows made for each rule (SYNTHETIC, below)."""
    from tests.conftest import REAL_DATA

    datasets = [load_dataset(REAL_DATA), DATASET, _with_corrections_ahead_and_a_changed_lineage()]
    dates = [
        date(2024, 3, 6),
        date(2024, 12, 31),
        date(2025, 6, 30),
        date(2026, 3, 31),
        date(2026, 4, 15),
        date(2026, 11, 24),
        date(2027, 6, 30),
    ]
    compared = 0
    for dataset in datasets:
        for as_of in dates:
            figures = TargetFigures(dataset, as_of)
            for _, target in dataset.targets.iterrows():
                expected = _one_target_series(dataset, target, as_of)
                assert _same_rows(figures.series(target), expected), (target["target_id"], as_of)
                latest = figures.latest(target)
                assert (latest is None) == expected.empty
                if latest is not None:
                    assert (
                        latest["row"]
                        == expected.sort_values(["period_end", "published_by", "row"]).iloc[-1][
                            "row"
                        ]
                    )
                context = _one_target_context(dataset, target, as_of)
                assert _same_rows(figures.context(target), context), (target["target_id"], as_of)
                compared += len(expected) + len(context)
    assert compared > 100  # the dates and programmes above do have figures to compare


def _with_corrections_ahead_and_a_changed_lineage():
    """The test programme with rows that each rule decides (SYNTHETIC, made here only): two
    corrections of one period (the later published stands, whatever its row), a fact published
    before the period it takes effect in, and a comparison area with a newer row of the target's
    own lineage (left out) beside its older row of its own."""
    from dataclasses import replace

    import pandas as pd

    rows = DATASET.observations
    december = rows[(rows["period"] == "2025-12")].iloc[0]
    comparison = rows[rows["area"] == "tinh-thu"].iloc[0]
    added = [
        {**december, "value_number": 37.0, "published_by": date(2026, 5, 1), "row": 10},
        {**december, "value_number": 36.9, "published_by": date(2026, 4, 1), "row": 1},
        {
            **december,
            "period": "2027",
            "period_start": date(2027, 1, 1),
            "period_end": date(2027, 12, 31),
            "period_x": 2027.5,
            "published_by": date(2025, 6, 30),
            "row": 12,
        },
        {
            **comparison,
            "period": "2025",
            "period_end": date(2025, 12, 31),
            "period_x": 2025.5,
            "lineage": december["lineage"],
            "published_by": date(2025, 12, 31),
            "row": 13,
        },
    ]
    observations = pd.concat([rows, pd.DataFrame(added, index=[90, 91, 92, 93])])
    return replace(DATASET, observations=observations.astype(rows.dtypes.to_dict()))
