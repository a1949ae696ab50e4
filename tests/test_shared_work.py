"""Chapters run in one kernel share the programme's check and assessments, and get what they would
have got alone (issue 22, point 2)."""

import pytest

from programme_monitor.pages import shared_work
from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.shared_work import ChapterWork, SharedChapterWork
from tests.conftest import REAL_DATA, set_cell

AS_OF = "2026-06-30"


@pytest.fixture
def shared(monkeypatch) -> SharedChapterWork:
    work = SharedChapterWork()
    monkeypatch.setattr(shared_work, "_work", work)
    return work


@pytest.fixture
def alone(monkeypatch) -> ChapterWork:
    work = ChapterWork()
    monkeypatch.setattr(shared_work, "_work", work)
    return work


def _kinds(work: SharedChapterWork) -> list[str]:
    return [key[0] for key in work.computed]


def test_the_chapters_of_one_kernel_check_the_folder_once_and_assess_once_a_date(shared, mini_copy):
    for as_of in [AS_OF, AS_OF, "2026-01-15", "2026-01-15"]:
        chapter = open_chapter(mini_copy, as_of)
        assert chapter.statuses and chapter.tasks
    # One check for the four chapters; the assessments once for each reporting date.
    assert _kinds(shared) == ["checked", "statuses", "tasks", "statuses", "tasks"]
    assert [key[3].isoformat() for key in shared.computed[1:]] == [AS_OF, AS_OF] + [
        "2026-01-15"
    ] * 2


def test_a_file_changed_between_two_chapters_is_checked_and_assessed_again(shared, mini_copy):
    before = open_chapter(mini_copy, AS_OF).statuses["X1"]
    set_cell(mini_copy / "observations.csv", 4, "value", "45")  # tree cover, 2025-12
    after = open_chapter(mini_copy, AS_OF).statuses["X1"]
    assert _kinds(shared) == ["checked", "statuses", "checked", "statuses"]
    assert after != before
    assert after.calculation.latest.value == 45


def test_what_a_chapter_changes_in_its_data_does_not_reach_the_next(shared, mini_copy):
    first = open_chapter(mini_copy, AS_OF)
    first.dataset.observations.loc[:, "value"] = "0"
    first.dataset.programme["title"] = "đã sửa"
    first.statuses.clear()
    second = open_chapter(mini_copy, AS_OF)
    assert (second.dataset.observations["value"] != "0").all()
    assert second.dataset.programme["title"] != "đã sửa"
    assert sorted(second.statuses) == ["X1", "X2", "X3"]
    assert _kinds(shared) == ["checked", "statuses"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_shared_results_are_what_each_chapter_would_compute_alone(monkeypatch, lang):
    """Every indicator page's statuses and the whole programme's, on the real programme: the part
    of the shared assessment a page gets equals assessing that page's indicators alone."""
    dataset = open_chapter(REAL_DATA, "2026-12-04", lang).dataset
    selections = [None] + [[indicator] for indicator in dataset.indicators]
    results = {}
    for work in (ChapterWork(), SharedChapterWork()):
        monkeypatch.setattr(shared_work, "_work", work)
        results[type(work)] = [
            (repr(chapter.statuses), repr(chapter.tasks))
            for chapter in (
                open_chapter(REAL_DATA, "2026-12-04", lang, indicators) for indicators in selections
            )
        ]
    assert results[ChapterWork] == results[SharedChapterWork]
    assert len(selections) > 10


def test_a_notebook_run_alone_checks_the_folder_each_time(alone, monkeypatch, mini_copy):
    checks = []
    real_check = shared_work.check_programme
    monkeypatch.setattr(
        shared_work, "check_programme", lambda folder: checks.append(folder) or real_check(folder)
    )
    open_chapter(mini_copy, AS_OF), open_chapter(mini_copy, AS_OF)
    assert len(checks) == 2
