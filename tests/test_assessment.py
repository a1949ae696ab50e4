"""Statuses on real and synthetic programmes: what as_of lets in, milestones, tasks, boundaries."""

from datetime import date

import pytest

from programme_monitor import load_dataset
from programme_monitor.assess.assessment import assess_all, inputs_table, status_counts
from programme_monitor.assess.commitments import is_overdue, task_statuses
from tests.conftest import MINI, REAL_DATA


@pytest.fixture(scope="module")
def real():
    return load_dataset(REAL_DATA)


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI)


def test_mini_series_on_track_with_hand_computed_ratio(mini):
    result = assess_all(mini, date(2026, 6, 1))["X1"]
    # base 2024 (t 2024.5) 31.5; latest 12/2025 (t 2025.95753) 36.75; target 40 by 2027 (t 2027.5)
    # observed (36.75/31.5)^(1/1.45753)-1 = 0.111557; required (40/31.5)^(1/3)-1 = 0.082887
    assert result.calculation.observed_growth == pytest.approx(0.111557, abs=1e-5)
    assert result.calculation.required_growth == pytest.approx(0.082887, abs=1e-5)
    assert result.calculation.ratio == pytest.approx(1.34589, abs=1e-4)
    assert result.status == "on-track"


def test_an_indicator_page_assesses_its_own_targets_as_the_whole_programme_does(real):
    whole = assess_all(real, date(2026, 11, 24))
    own = assess_all(real, date(2026, 11, 24), indicators=["admin_status"])
    assert list(own) == ["T01"] and own["T01"] == whole["T01"]


def test_as_of_leaves_out_observations_published_later(mini):
    # 12/2025 comes from a source published 3/2026; before that only 2024 and mid-2025 are seen,
    # less than a year apart.
    result = assess_all(mini, date(2026, 1, 1))["X1"]
    assert result.calculation.latest.label == "2025-H1"
    assert (result.status, result.reason) == ("not-assessable", "values-too-close")


def test_a_later_source_for_the_same_period_replaces_the_earlier(mini_copy):
    with open(mini_copy / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write("tree_cover,xa-thu-cu,2024,30,percent,SYN-2,,Giá trị giả sửa lại\n")
    result = assess_all(load_dataset(mini_copy), date(2026, 6, 1))["X1"]
    assert result.calculation.base.value == 30


def test_series_across_a_boundary_change_is_not_assessable(mini_copy):
    with open(mini_copy / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write("xa-thu-moi,xa-thu,Xã Thử Nghiệm mới,xã,2025-07-01,,,,,Dữ liệu giả\n")
    rows = (
        (mini_copy / "observations.csv")
        .read_text("utf-8")
        .replace("tree_cover,xa-thu-cu,2025-12,", "tree_cover,xa-thu-moi,2025-12,")
    )
    (mini_copy / "observations.csv").write_text(rows, "utf-8")
    result = assess_all(load_dataset(mini_copy), date(2026, 6, 1))["X1"]
    assert (result.status, result.reason) == ("not-assessable", "series-broken")


def test_mini_milestone_not_yet_then_unconfirmed(mini):
    assert assess_all(mini, date(2026, 6, 1))["X3"].status == "not-yet"
    assert assess_all(mini, date(2026, 12, 31))["X3"].status == "not-yet"
    assert assess_all(mini, date(2027, 1, 1))["X3"].status == "unconfirmed-after-deadline"


def test_real_milestones_today(real):
    statuses = assess_all(real, date(2026, 11, 24))
    city = statuses["T01"]
    assert city.status == "achieved" and city.evidence.period == "2025-01-01"
    assert city.evidence.late  # in force 1/1/2025; the text says "before 2025"
    assert statuses["T02"].status == "achieved" and statuses["T02"].evidence.value == "III"
    assert statuses["T06"].status == "achieved"
    plan = statuses["T03"]
    assert plan.status == "unconfirmed-after-deadline"  # only the planning task is evidenced
    assert plan.evidence.value == "nhiệm vụ quy hoạch được phê duyệt"
    assert (statuses["T34"].status, statuses["T34"].reason) == ("not-assessable", "scale-changed")


def test_real_milestones_at_signing_time(real):
    statuses = assess_all(real, date(2024, 6, 30))
    assert statuses["T01"].status == "not-yet" and statuses["T01"].evidence.value == "huyện"
    assert (statuses["T02"].status, statuses["T02"].reason) == ("not-assessable", "no-data")
    # the class III recognition (source dated 2024, so counted from 31/12/2024) is not seen yet,
    # and the 2026 reclassification does not apply yet: no data rather than "scale changed"
    assert (statuses["T34"].status, statuses["T34"].reason) == ("not-assessable", "no-data")
    assert assess_all(real, date(2025, 6, 30))["T34"].status == "not-yet"


def test_every_real_target_has_a_status_or_a_reason(real):
    statuses = assess_all(real, date(2026, 11, 24))
    assert len(statuses) == 34
    for result in statuses.values():
        assert result.status != "not-assessable" or result.reason
    assert sum(status_counts(statuses).values()) == 34


def test_inputs_table_has_one_row_per_target_and_every_input(real):
    as_of = date(2026, 11, 24)
    table = inputs_table(real, assess_all(real, as_of), as_of)
    assert len(table) == 34
    for column in [
        "base_period",
        "base_value",
        "latest_period",
        "latest_value",
        "target_value_used",
        "direction",
        "required_growth",
        "observed_growth",
        "ratio",
        "projection_in_target_year",
        "status",
        "reason",
    ]:
        assert column in table.columns
    assert table.set_index("target_id").loc["T01", "evidence_source"] == "S-VTC-TP"


def test_task_turns_overdue_the_day_after_its_due_date():
    due = date(2025, 12, 31)
    assert not is_overdue(due, "limited", date(2025, 12, 31))
    assert is_overdue(due, "limited", date(2026, 1, 1))
    assert not is_overdue(due, "complete", date(2026, 1, 1))


def test_task_completion_follows_evidence_seen_by_as_of(mini):
    early = task_statuses(mini, date(2026, 3, 15))["III.1.1"]
    assert early.completion == "limited" and len(early.history) == 1  # SYN-2 not yet published
    later = task_statuses(mini, date(2026, 4, 1))["III.1.1"]
    assert later.completion == "substantial" and len(later.history) == 2
    assert task_statuses(mini, date(2026, 4, 1))["III.2.1"].completion == "no-evidence"
    assert task_statuses(mini, date(2029, 1, 1))["III.1.1"].overdue


def test_real_task_register_seeded_from_evidence(real):
    statuses = task_statuses(real, date(2026, 11, 24))
    assert statuses["III.2.2"].completion == "limited"
    assert statuses["III.2.2"].source == "S-VNVN-1388"
    assert statuses["III.5.1"].completion == "substantial"
    assert [*statuses["III.5.1"].history["completion"]] == ["limited", "substantial", "substantial"]
    without = [s for s in statuses.values() if s.completion == "no-evidence"]
    assert len(without) == 28 and all(s.source is None for s in without)


def test_targets_on_the_same_evidence_under_a_changed_classification_say_the_same_change(real):
    """T06 (class III by 2030) and T34 (class II by 2045) rest on the same 2024 recognition, and
    the classes changed on 1/1/2026: T06 was reached under the old classes and says so, T34 cannot
    be measured in them; both name the same change, and the changes chapter says the same."""
    from programme_monitor.pages.judgement_words import status_with_reason

    statuses = assess_all(real, date(2026, 11, 24))
    t06, t34 = statuses["T06"], statuses["T34"]
    assert t06.evidence == t34.evidence and t06.scale_changed == t34.scale_changed
    assert status_with_reason(real.edition, t06) == "✓ Đạt (trước khi cách phân loại thay đổi)"
    assert status_with_reason(real.edition, t34).endswith("(cách phân loại đã thay đổi)")
    [meaning] = [m for m in real.changes["impacts"] if "T06" in m["affects"]]
    assert "được ghi là đạt" in meaning["meaning"] and "T34" in meaning["meaning"]
