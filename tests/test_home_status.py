"""The home page's first screen: reporting date, targets by status, tasks, the caveat."""

import re

from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.home_status import home_status
from tests.conftest import MINI, REAL_DATA


def _counts(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^- .*: \*\*(\d+)\*\*$", text, re.M)]


def test_the_statuses_add_up_to_every_target_and_each_leads_to_its_list():
    chapter = open_chapter(REAL_DATA, "2026-12-04", "vi")
    text = home_status(chapter)
    assert "**Tình hình tính đến ngày 04/12/2026**" in text
    assert sum(_counts(text)) == len(chapter.dataset.targets) == 34
    # the 29 without a figure lead to the register of who owes them
    assert "chưa có số liệu <generated/figures-wanted>`: **29**" in text
    assert "{doc}`✓ Đạt <generated/overview>`: **3**" in text
    assert f"**Nhiệm vụ** ({len(chapter.tasks)})" in text
    assert "cấp huyện không còn" in text  # the caveat, from the folder's changes.yaml
    assert "Ủy ban nhân dân huyện Thủy Nguyên: Thành UBND thành phố" in text  # who led monitoring


def test_the_english_home_status_is_in_english():
    text = home_status(open_chapter(REAL_DATA, "2026-12-04", "en"))
    assert "**How it stands as of 4 Dec 2026**" in text and "✓ Achieved" in text
    assert not re.search(
        r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text.replace("Thủy", "")
    )


def test_a_programme_that_names_no_monitoring_body_says_nothing_of_one(mini_copy):
    programme = mini_copy / "programme.yaml"
    programme.write_text(programme.read_text("utf-8").replace("monitors: true", "monitors: false"))
    text = home_status(open_chapter(mini_copy, "2026-06-30", "vi"))
    assert "Cơ quan chủ trì theo dõi" not in text
    assert sum(_counts(text)) == 3
    assert "Cơ quan chủ trì theo dõi" in home_status(open_chapter(MINI, "2026-06-30", "vi"))
