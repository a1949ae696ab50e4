"""Each indicator as JSON for other sites, valid against the schema published beside it."""

import json

import jsonschema
import pytest

from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.indicator_json import (
    indicator_document,
    indicator_json,
    indicator_schema,
)
from tests.conftest import REAL_DATA


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_indicators_file_follows_the_published_schema(lang):
    chapter = open_chapter(REAL_DATA, "2026-12-04", lang)
    schema = indicator_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for indicator in chapter.dataset.indicators:
        raw = indicator_json(chapter.dataset, indicator, chapter.statuses, chapter.report_date)
        document = json.loads(raw)
        jsonschema.validate(document, schema)
        assert document["language"] == lang and document["as_of"] == "2026-12-04"
        # the same inputs give the same bytes
        assert raw == indicator_json(
            chapter.dataset, indicator, chapter.statuses, chapter.report_date
        )


def test_other_areas_figures_are_marked_as_comparison_only():
    """Issue 20: "Việt Nam: 86,97 %" beside a target of the district invited misreading."""
    chapter = open_chapter(REAL_DATA, "2026-12-04", "vi")
    args = (chapter.dataset, "urbanisation_rate", chapter.statuses, chapter.report_date)
    document = indicator_document(*args)
    assert document["observations"] and not any(
        o["programme_area"] for o in document["observations"]
    )  # only national figures so far
    assert [t["target_id"] for t in document["targets"]] == ["T07", "T08"]
    assert {t["reason"] for t in document["targets"]} == {"no-data"}
    admin = indicator_document(
        chapter.dataset, "admin_status", chapter.statuses, chapter.report_date
    )
    own = {o["area"] for o in admin["observations"] if o["programme_area"]}
    assert "thuy-nguyen-city" in own
    cited = {o["source"] for o in document["observations"]}
    assert cited == {s["source_id"] for s in document["sources"]}


def test_a_file_missing_a_required_part_is_refused_by_the_schema():
    chapter = open_chapter(REAL_DATA, "2026-12-04", "vi")
    document = indicator_document(
        chapter.dataset, "urbanisation_rate", chapter.statuses, chapter.report_date
    )
    del document["observations"][0]["programme_area"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, indicator_schema())
