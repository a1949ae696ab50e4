"""The changes chapter states only what the edition's sources say by its reporting date."""

from datetime import date

import pytest
import yaml

from programme_monitor import load_dataset
from programme_monitor.assess.selection import sources_published_by
from programme_monitor.data.errors import DataErrors
from programme_monitor.pages.changes_view import events_in_edition, events_table, impacts_table
from programme_monitor.words.edition import Edition
from tests.conftest import REAL_DATA

# Facts of the real programme whose only source (S-LD-LOAI2, dated only "2026") counts from
# 31/12/2026: the edition of 24/11/2026 must not state them, the next one must.
LATER_FACTS = {
    "vi": ["7 phường (Thủy Nguyên", "danh mục đô thị loại II"],
    "en": ["7 wards (Thủy Nguyên", "listed among class II urban areas"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_fact_resting_only_on_a_later_source_waits_for_its_edition(lang):
    before, after = date(2026, 11, 24), date(2027, 1, 1)
    dataset = load_dataset(REAL_DATA, Edition(lang=lang, as_of=before, languages=("vi", "en")))
    page_before = events_table(dataset, before) + impacts_table(dataset, before)
    page_after = events_table(dataset, after) + impacts_table(dataset, after)
    for fact in LATER_FACTS[lang]:
        assert fact not in page_before
        assert fact in page_after
    # The event itself is still shown before: its other facts have earlier sources.
    assert dataset.changes["events"][2]["title"] in page_before


@pytest.mark.parametrize("as_of", [date(2025, 7, 1), date(2026, 1, 1), date(2026, 11, 24)])
def test_every_fact_shown_cites_a_source_published_by_the_reporting_date(as_of):
    dataset = load_dataset(REAL_DATA)
    published = set(sources_published_by(dataset, as_of).index)
    shown = events_in_edition(dataset, as_of)
    assert shown  # the programme's changes from 2024 on are in force at each of these dates
    for event, facts in shown:
        assert event["date"] <= as_of
        for fact in facts:
            assert fact["sources"] and set(fact["sources"]) <= published, (event["id"], fact)


def test_an_event_with_no_published_source_and_its_impacts_are_not_shown(mini_copy):
    path = mini_copy / "changes.yaml"
    changes = yaml.safe_load(path.read_text("utf-8"))
    changes["events"][0]["facts"] = [
        {"text_vi": "Sự việc giả chỉ có nguồn sau này.", "sources": ["SYN-LATER"]}
    ]
    sources = (mini_copy / "sources.csv").read_text("utf-8").splitlines()
    header = sources[0].split(",")
    row = dict(zip(header, sources[1].split(","), strict=False))  # copies the first source's row
    row.update(source_id="SYN-LATER", published="2026-06-01", accessed="2026-07-01")
    sources.append(",".join(row.get(column, "") for column in header))
    (mini_copy / "sources.csv").write_text("\n".join(sources) + "\n", "utf-8")
    path.write_text(yaml.safe_dump(changes, allow_unicode=True), "utf-8")
    dataset = load_dataset(mini_copy)
    as_of = date(2026, 1, 1)
    assert events_in_edition(dataset, as_of) == []
    assert events_table(dataset, as_of) == "" and impacts_table(dataset, as_of) == ""


def test_a_fact_needs_a_known_source(mini_copy):
    path = mini_copy / "changes.yaml"
    changes = yaml.safe_load(path.read_text("utf-8"))
    changes["events"][0]["facts"] = [
        {"text_vi": "Không nguồn.", "sources": []},
        {"text_vi": "Nguồn lạ.", "sources": ["S-NOWHERE"]},
    ]
    path.write_text(yaml.safe_dump(changes, allow_unicode=True), "utf-8")
    with pytest.raises(DataErrors) as raised:
        load_dataset(mini_copy)
    message = str(raised.value)
    assert "events.merge.facts[1].sources" in message and "không có nguồn" in message
    assert "events.merge.facts[2].sources" in message and "S-NOWHERE" in message


def test_which_units_make_an_area_is_stated_once_its_source_is_out():
    """areas.csv's part_of_source: the successor units of the former city are listed by a source
    dated only 2026, so the edition of 24/11/2026 names no unit of it and the next one names 8."""
    from programme_monitor.assess.selection import areas_as_known

    dataset = load_dataset(REAL_DATA)
    for as_of, units in [(date(2026, 11, 24), 0), (date(2027, 1, 1), 8)]:
        known = areas_as_known(dataset, as_of)
        assert (known["part_of"] == "thuy-nguyen-successor").sum() == units
    assert (areas_as_known(dataset, None)["part_of"] != "").sum() == 8  # checking only: all
