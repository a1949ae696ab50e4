from datetime import date

from programme_monitor import load_dataset
from programme_monitor.assess.selection import context_for_target, latest_for_target
from programme_monitor.pages.overview import overview_rows
from tests.conftest import MINI

DATASET = load_dataset(MINI)
TARGETS = DATASET.targets.set_index("target_id", drop=False)


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
