"""Two editions from one source: the words, numbers and dates of each language, the translations
the data must carry, and the pages and captions each edition needs."""

from __future__ import annotations

import shutil
from datetime import date

import nbformat
import pytest
import yaml

from programme_monitor import load_dataset
from programme_monitor.assess.assessment import assess_all
from programme_monitor.data.chapters import indicator_pages
from programme_monitor.data.errors import DataErrors
from programme_monitor.pages.overview import target_scorecard
from programme_monitor.site.edition_sources import (
    MissingEditionText,
    book_pages,
    editions_config,
    translated_toc,
)
from programme_monitor.site.sphinx_site import edition_links
from programme_monitor.words.edition import LANGUAGES, Edition, localized
from programme_monitor.words.formatting import format_target, format_value, labels_of
from tests.conftest import PROJECT, REAL_DATA, set_cell

EN, VI = Edition("en"), Edition("vi")


@pytest.fixture
def real_copy(tmp_path):
    """A writable copy of the real programme's data, published in Vietnamese and English."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target)
    return target


@pytest.mark.parametrize(
    "value, vi, en",
    [(60.5, "60,5", "60.5"), (397570, "397.570", "397,570"), (3194.72, "3.194,72", "3,194.72")],
)
def test_numbers_follow_the_edition(value, vi, en):
    assert EN.number(value) == en
    assert VI.number(value) == vi


def test_percent_and_dates_follow_the_edition():
    """The issue's own examples: 60,5 % and 24/01/2022 in Vietnamese, 60.5% and 24 Jan 2022."""
    assert EN.with_unit(EN.number(60.5), "%") == "60.5%"
    assert EN.date(date(2022, 1, 24)) == "24 Jan 2022"
    assert EN.with_unit(EN.number(28), "m²/person") == "28\u00a0m²/person"
    assert [EN.period(p) for p in ["2021-06", "2022-H1", "2025-Q3", "2015/2020"]] == [
        "Jun 2021",
        "H1 2022",
        "Q3 2025",
        "2015–2020",
    ]
    assert [EN.published(p) for p in ["2024", "2023-11", "2023-11-17"]] == [
        "2024",
        "Nov 2023",
        "17 Nov 2023",
    ]
    assert VI.with_unit(VI.number(60.5), "%") == "60,5\u00a0%"
    assert VI.date(date(2022, 1, 24)) == "24/01/2022"


def test_targets_values_and_categories_in_english():
    dataset = load_dataset(REAL_DATA, EN)
    targets = dataset.targets.set_index("target_id")
    assert format_target(dataset, targets.loc["T07"]) == "60–70%"
    assert format_target(dataset, targets.loc["T17"]) == "at least 28\u00a0m² floor/person"
    assert format_target(dataset, targets.loc["T21"]) == "above 90%"
    assert format_target(dataset, targets.loc["T01"]) == "city under a centrally governed city"
    assert targets.loc["T07", "statement"] == "Urbanisation rate of 60–70%"
    row = dataset.observations[dataset.observations["indicator"] == "admin_status"].iloc[0]
    assert format_value(dataset, row) == "district"
    assert dataset.area_names["thuy-nguyen-city"] == "Thủy Nguyên City"


def test_the_english_scorecard_names_indicators_in_english():
    # The scorecard read the Vietnamese name whatever the edition (found in the English build).
    dataset = load_dataset(REAL_DATA, EN)
    statuses = assess_all(dataset, date(2026, 11, 24))
    card = target_scorecard(dataset, statuses, indicator_pages(dataset))
    assert "Urbanisation rate" in card and "Tỷ lệ đô thị hóa" not in card


def test_every_label_exists_in_every_language():
    all_labels = yaml.safe_load(
        (PROJECT / "programme_monitor" / "words" / "labels.yaml").read_text("utf-8")
    )
    assert set(all_labels) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert set(labels_of(lang)) == set(labels_of("vi")), lang
        assert labels_of(lang)["input_rows"].keys() == labels_of("vi")["input_rows"].keys()


@pytest.mark.parametrize("name", ["data/vocabulary.yaml", "assess/progress_method.yaml"])
def test_the_packages_own_words_have_every_translation(name):
    document = yaml.safe_load((PROJECT / "programme_monitor" / name).read_text("utf-8"))
    for lang in LANGUAGES:
        localized(document, lang, name)  # raises MissingTranslation on a text without its twin


def test_a_missing_translation_in_a_table_names_file_row_and_column(real_copy):
    set_cell(real_copy / "observations.csv", 14, "note_en", "")
    with pytest.raises(DataErrors) as caught:
        load_dataset(real_copy)
    [error] = caught.value.errors
    assert (error.file.name, error.row, error.column) == ("observations.csv", 14, "note_en")
    assert "thiếu bản dịch tiếng Anh" in error.problem and "note_vi" in error.problem


def test_a_missing_translation_in_a_yaml_file_names_its_key(real_copy):
    path = real_copy / "indicators.yaml"
    text = path.read_text("utf-8").replace("    name_en: Urban class\n", "", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(real_copy)
    [error] = caught.value.errors
    assert (error.file.name, error.column) == ("indicators.yaml", "indicators.urban_class.name_en")


def test_a_category_value_without_its_english_words_is_refused(real_copy):
    path = real_copy / "indicators.yaml"
    text = path.read_text("utf-8").replace(
        '    value_labels_en: {"II (hệ thống phân loại mới)": "II (new classification)"}\n', ""
    )
    path.write_text(text, "utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(real_copy)
    [error] = caught.value.errors
    assert (error.file.name, error.column, error.found) == (
        "observations.csv",
        "value",
        "II (hệ thống phân loại mới)",
    )
    assert "value_labels_en" in error.fix


def test_a_milestone_in_words_on_a_number_indicator_needs_its_english_words(real_copy):
    """T23 asks for "phổ cập" (universal) 5G coverage, a percentage: the English scorecard said
    "phổ cập" until the check looked at every milestone's words, not only a category's."""
    path = real_copy / "indicators.yaml"
    text = path.read_text("utf-8")
    marker = '    value_labels_en: {"phổ cập": universal}\n'
    first = text.index(marker)  # fibre_household_coverage's, the first of the three
    path.write_text(text[:first] + text[first + len(marker) :], "utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(real_copy)
    [error] = caught.value.errors
    assert (error.file.name, error.row, error.column, error.found) == (
        "targets.csv",
        28,
        "value_text",
        "phổ cập",
    )
    assert "value_labels_en" in error.fix and "fibre_household_coverage" in error.fix


def test_a_programme_in_one_language_needs_no_translation(real_copy):
    """Another district may publish in Vietnamese only: no _en column is required then."""
    path = real_copy / "programme.yaml"
    path.write_text(
        path.read_text("utf-8").replace("languages: [vi, en]", "languages: [vi]"), "utf-8"
    )
    set_cell(real_copy / "observations.csv", 14, "note_en", "")
    assert len(load_dataset(real_copy).observations) > 0


def test_every_chapter_narrates_in_every_language():
    """A template's narrative cells come in pairs: as many cells for each language."""
    for template in (PROJECT / "notebooks").glob("*.ipynb"):
        notebook = nbformat.read(template, as_version=4)
        tags = [tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])]
        counts = {lang: tags.count(f"lang-{lang}") for lang in LANGUAGES}
        assert len(set(counts.values())) == 1, (template.name, counts)


def test_a_page_or_caption_without_its_translation_stops_the_build(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# Mở đầu\n", "utf-8")
    with pytest.raises(MissingEditionText, match="intro.en.md"):
        book_pages(tmp_path, "en")
    (tmp_path / "book" / "intro.en.md").write_text("# Introduction\n", "utf-8")
    assert book_pages(tmp_path, "en") == {"intro.md": b"# Introduction\n"}
    toc = {"parts": [{"caption": "Mục tiêu"}, {"caption": "Phụ lục"}]}
    with pytest.raises(MissingEditionText, match="Phụ lục"):
        translated_toc(toc, {"Mục tiêu": "Targets"}, "en")


def test_the_projects_captions_and_pages_are_all_translated():
    config = editions_config(PROJECT)["en"]
    toc = yaml.safe_load((PROJECT / "_toc.yml").read_text("utf-8"))
    assert [p["caption"] for p in translated_toc(toc, config["toc_captions"], "en")["parts"]] == [
        "This edition",
        "Targets",
        "Indicators",
        "Tasks",
        "Context",
        "Appendix: method, data and sources",
    ]
    assert "intro.md" in book_pages(PROJECT, "en")


@pytest.mark.parametrize(
    "page, lang, url",
    [
        ("book/generated/overview", "vi", "../../en/book/generated/overview.html"),
        ("book/generated/overview", "en", "../../../book/generated/overview.html"),
        ("search", "vi", "en/search.html"),
        ("search", "en", "../search.html"),
    ],
)
def test_the_language_switch_leads_to_the_same_page(page, lang, url):
    [link] = edition_links(page, lang, ["vi", "en"])
    assert link["url"] == url
    assert link["name"] == ("English" if lang == "vi" else "Tiếng Việt")


def test_a_broken_editions_file_is_named_with_its_line(tmp_path):
    (tmp_path / "editions.yml").write_text("en:\n  config:\n   title: a\n  toc: [\n", "utf-8")
    with pytest.raises(MissingEditionText, match=r"editions.yml, line \d+: not valid YAML"):
        editions_config(tmp_path)
