"""The programme file against the programme's text: nothing of II.2 or III left out."""

import re

from programme_monitor import load_dataset
from tests.conftest import REAL_DATA

DATASET = load_dataset(REAL_DATA)
TEXT = DATASET.programme_text


def section(start: str, end: str) -> str:
    return TEXT[TEXT.index(start) : TEXT.index(end)]


def test_every_figure_of_section_II_2_is_in_the_targets_file():
    text = section("2. Một số chỉ tiêu cụ thể", "III. NHIỆM VỤ").split("\n", 1)[
        1
    ]  # not the "2." heading
    # Names and unit exponents are not figures: "5G", "m²", "^2".
    text = re.sub(r"5G|m²|\^2|\\text\{m\}\^2", " ", text)
    figures = set(re.findall(r"\d+", text))
    targets = DATASET.targets
    in_file = {str(int(v)) for v in targets[["low", "high"]].stack().dropna()}
    in_file |= {str(int(y)) for y in targets["year"]}
    assert figures, "the II.2 section was not found"
    assert figures <= in_file, f"figures of II.2 missing from targets.csv: {figures - in_file}"


def test_every_urban_class_of_section_II_2_is_a_milestone():
    text = section("2. Một số chỉ tiêu cụ thể", "III. NHIỆM VỤ")
    classes = set(re.findall(r"loại (I{1,3})\b", text))
    milestones = set(
        DATASET.targets.loc[DATASET.targets["indicator"] == "urban_class", "value_text"]
    )
    assert classes == {"II", "III"} and classes <= milestones


def test_every_bullet_of_section_III_is_a_task_in_its_group():
    text = section("III. NHIỆM VỤ", "IV. TỔ CHỨC")
    starts = [text.index(f"\n{n}. ") for n in range(1, 7)] + [len(text)]
    squash = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    for n in range(1, 7):
        group_text = text[starts[n - 1] : starts[n]]
        bullets = re.findall(r"^- ", group_text, flags=re.MULTILINE)
        tasks = DATASET.tasks[DATASET.tasks["group"] == f"III.{n}"]
        assert len(tasks) == len(bullets), f"III.{n}: {len(bullets)} bullets, {len(tasks)} tasks"
        for quote in tasks["quote"]:
            assert squash(quote) in squash(group_text), f"{quote!r} is not in III.{n}"
        assert list(tasks["task_id"]) == [f"III.{n}.{i}" for i in range(1, len(tasks) + 1)]


def test_section_IV_clauses_are_all_in_the_programme_file():
    text = section("IV. TỔ CHỨC", "Nơi nhận")
    numbered = re.findall(r"^(\d)\. ", text, flags=re.MULTILINE)
    assert [o["clause"] for o in DATASET.programme["organisation"]] == [f"IV.{n}" for n in numbered]


def test_erratum_of_the_resolution_date():
    assert "24/10/2022" in TEXT  # the scan's error is still there to be corrected
    corrections = {(e["as_printed"], e["correct"]) for e in DATASET.programme["errata"]}
    assert (
        "Nghị quyết số 06-NQ/TW ngày 24/10/2022",
        "Nghị quyết số 06-NQ/TW ngày 24/01/2022",
    ) in corrections
    assert str(DATASET.programme["implements"][0]["date"]) == "2022-01-24"


def test_no_published_figure_comes_from_a_low_confidence_source():
    assert set(DATASET.sources["confidence"]) <= {"high", "medium-high", "medium"}
    assert DATASET.observations["source"].isin(DATASET.sources.index).all()
