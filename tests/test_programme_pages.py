"""A programme's own pages (pages/ of its folder): read in every language it publishes, or refused
with the file and the fix, together with every other problem of the folder."""

from datetime import date

import pytest
import yaml

from programme_monitor import DataErrors, load_dataset
from programme_monitor.data.chapters import plan_chapters
from programme_monitor.site.edition_sources import edition_toc
from tests.conftest import MINI, PROJECT


def _publish_in_english_too(data):
    path = data / "programme.yaml"
    programme = yaml.safe_load(path.read_text("utf-8"))
    programme["publication"]["languages"] = ["vi", "en"]
    path.write_text(yaml.safe_dump(programme, allow_unicode=True), "utf-8")


def _errors(data) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data)
    return [str(error) for error in caught.value.errors]


def test_pages_are_read_with_the_introduction_apart(mini_copy):
    pages = load_dataset(mini_copy).pages
    assert "giới thiệu riêng" in pages.introduction["vi"]
    assert pages.docnames() == ["page-01-boi-canh"]
    files = pages.for_edition("vi")
    assert set(files) == {"programme-introduction.md", "page-01-boi-canh.md"}
    assert files["page-01-boi-canh.md"].startswith("# Bối cảnh")


def test_a_folder_without_pages_gives_an_empty_introduction_and_no_page(mini_copy):
    for page in (mini_copy / "pages").iterdir():
        page.unlink()
    (mini_copy / "pages").rmdir()
    assert load_dataset(mini_copy).pages.for_edition("vi") == {"programme-introduction.md": ""}


def test_each_bad_page_is_named_with_the_other_problems_of_the_folder(mini_copy):
    pages = mini_copy / "pages"
    (pages / "Bối cảnh.md").write_text("# Tên có dấu\n", "utf-8")
    (pages / "02-khong-tieu-de.md").write_text("Không có tiêu đề.\n", "utf-8")
    (pages / "03-latin1.md").write_bytes("# Bi c\xe1nh\n".encode("latin-1"))
    (pages / "introduction.md").write_text("# Tiêu đề thừa\n\nGiới thiệu.\n", "utf-8")
    (mini_copy / "bodies.csv").write_text("body_id\n", "utf-8")  # another file's problem
    errors = _errors(mini_copy)
    assert any("Bối cảnh.md" in e and "chữ thường không dấu" in e for e in errors)
    assert any("02-khong-tieu-de.md" in e and "không có tiêu đề" in e for e in errors)
    assert any("03-latin1.md" in e and "UTF-8" in e for e in errors)
    assert any("introduction.md" in e and "tiêu đề cấp 1" in e for e in errors)
    assert any("bodies.csv" in e for e in errors)


def test_a_page_without_its_translation_is_refused_when_the_programme_publishes_in_english(
    mini_copy,
):
    _publish_in_english_too(mini_copy)
    errors = _errors(mini_copy)
    assert any("01-boi-canh.en.md" in e and "tiếng Anh" in e for e in errors), errors
    assert any("introduction.en.md" in e for e in errors)


def test_the_edition_toc_adds_a_part_before_the_appendix_only_when_there_are_pages():
    chapters = [run.docname for run in plan_chapters(load_dataset(MINI))]
    plain = yaml.safe_load(edition_toc(PROJECT, chapters, [], "Về chương trình"))
    toc = yaml.safe_load(edition_toc(PROJECT, chapters, ["page-01-boi-canh"], "Về chương trình"))
    assert toc["parts"][:-2] == plain["parts"][:-1] and toc["parts"][-1] == plain["parts"][-1]
    assert toc["parts"][-2] == {
        "caption": "Về chương trình",
        "chapters": [{"file": "book/generated/page-01-boi-canh"}],
    }


def test_pages_are_named_by_id_and_listed_in_the_programmes_order_not_the_alphabets():
    """Adding an indicator renames no page: names are ids; the order is the plan's."""
    chapters = [run.docname for run in plan_chapters(load_dataset(MINI))]
    toc = yaml.safe_load(edition_toc(PROJECT, chapters, [], "Về chương trình"))
    files = [c["file"].removeprefix("book/generated/") for p in toc["parts"] for c in p["chapters"]]
    assert files[:6] == [
        "overview",
        "targets-green",
        "targets-roads",
        "indicator-tree_cover",  # after it, new_roads then culture_house: the groups' order
        "indicator-new_roads",
        "indicator-culture_house",
    ]
    assert not any("glob" in c for p in toc["parts"] for c in p["chapters"])


def test_the_part_of_what_changed_since_the_last_edition_is_there_only_when_it_has_its_chapter():
    """An edition that follows an archived one opens with that chapter, in a part of its own;
    the first edition has no such part, not an empty heading."""
    dataset = load_dataset(MINI)
    following = [run.docname for run in plan_chapters(dataset, date(2026, 6, 30))]
    first = [run.docname for run in plan_chapters(dataset, date(2026, 1, 15))]
    with_part = yaml.safe_load(edition_toc(PROJECT, following, [], "Về chương trình"))
    without = yaml.safe_load(edition_toc(PROJECT, first, [], "Về chương trình"))
    assert with_part["parts"][0] == {
        "caption": "Ấn bản này",
        "chapters": [{"file": "book/generated/since-last-edition"}],
    }
    assert with_part["parts"][1:] == without["parts"]
    assert all(part["chapters"] for part in without["parts"])


def test_adding_an_indicator_renames_no_page(mini_copy):
    """Pages were once named by position: a new indicator renamed every page after it."""
    before = [run.docname for run in plan_chapters(load_dataset(mini_copy))]
    path = mini_copy / "indicators.yaml"
    text = path.read_text("utf-8")
    new = (
        "  shade_trees:\n    name_vi: Số cây bóng mát thử nghiệm\n    unit: km\n"
        "    value_type: number\n    direction: up\n    group: green\n"
        "    definition_vi: Chỉ số giả.\n    publisher_vi: Cơ quan giả\n"
    )
    path.write_text(text.replace("indicators:\n", "indicators:\n" + new, 1), "utf-8")
    after = [run.docname for run in plan_chapters(load_dataset(mini_copy))]
    assert set(before) < set(after)
    assert [name for name in after if name not in before] == ["indicator-shade_trees"]
