"""Loading checks: good data loads; each kind of bad input is named by file, row and column."""

import pytest

from programme_monitor import DataErrors, load_dataset
from tests.conftest import MINI, REAL_DATA, set_cell


def test_real_programme_loads():
    dataset = load_dataset(REAL_DATA)
    assert len(dataset.targets) == 34
    assert len(dataset.tasks) == 30
    assert set(dataset.tasks["group"]) == {f"III.{n}" for n in range(1, 7)}


def test_mini_programme_loads():
    dataset = load_dataset(MINI)
    assert list(dataset.targets["target_id"]) == ["X1", "X2", "X3"]


def only_error(data_dir):
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    assert len(caught.value.errors) == 1, caught.value
    return caught.value.errors[0]


@pytest.mark.parametrize(
    "file, row, column, value, expected",
    [
        ("observations.csv", 3, "area", "xa-khong-co", "không có trong areas.csv"),
        ("observations.csv", 2, "value", "31,5 ha", "không phải số"),
        ("observations.csv", 2, "value", "31.500", "không rõ '31.500'"),
        ("observations.csv", 2, "value", "131", "ngoài 0–100"),
        ("observations.csv", 2, "unit", "km", "khác đơn vị của chỉ số"),
        ("observations.csv", 2, "source", "SYN-9", "không có trong sources.csv"),
        ("observations.csv", 2, "flags", "guess", "không hợp lệ"),
        ("observations.csv", 2, "period", "2024-13", "không phải kỳ hợp lệ"),
        ("observations.csv", 2, "period", "2025-07", "sau ngày đăng của nguồn"),
        ("observations.csv", 2, "period", "2099", "chưa bắt đầu"),
        ("targets.csv", 3, "kind", "maximum", "không hợp lệ"),
        ("targets.csv", 2, "high", "", "cần giá trị"),
        ("targets.csv", 2, "quote", "đạt 99%", "không có trong văn bản"),
        ("targets.csv", 2, "area", "tinh-thu", "không phải phạm vi"),
        ("tasks.csv", 2, "lead", "ubnd-huyen", "không có trong bodies.csv"),
        ("tasks.csv", 3, "basis", "IV.9", "không có trong mục IV"),
        ("sources.csv", 2, "url", "example.org", "cần địa chỉ http"),
        ("sources.csv", 3, "confidence", "LOW", "không hợp lệ"),
        ("targets.csv", 4, "value_text", "xong", "không phải một bước"),
        ("observations.csv", 7, "value", "đã xong", "không phải một bước"),
        ("task-assessments.csv", 2, "task_id", "III.9.9", "không có trong tasks.csv"),
        ("task-assessments.csv", 2, "completion", "done", "không hợp lệ"),
        ("task-assessments.csv", 2, "source", "", "không có nguồn"),
        ("task-assessments.csv", 2, "assessed_on", "2025-01-01", "sau ngày đánh giá"),
    ],
)
def test_bad_cell_is_named_by_file_row_and_column(mini_copy, file, row, column, value, expected):
    set_cell(mini_copy / file, row, column, value)
    error = only_error(mini_copy)
    assert (error.file.name, error.row, error.column) == (file, row, column)
    assert expected in error.problem
    assert error.fix  # every message says what would fix it
    assert f"{file}, dòng {row}, cột '{column}'" in str(error)


def test_all_errors_of_a_file_come_at_once(mini_copy):
    set_cell(mini_copy / "observations.csv", 2, "value", "abc")
    set_cell(mini_copy / "observations.csv", 3, "area", "nowhere")
    with pytest.raises(DataErrors) as caught:
        load_dataset(mini_copy)
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "value"), (3, "area")]


def test_ragged_row_and_wrong_delimiter(mini_copy):
    path = mini_copy / "observations.csv"
    path.write_text(path.read_text("utf-8") + "tree_cover,xa-thu-cu,2024\n", "utf-8")
    error = only_error(mini_copy)
    assert (error.row, error.column) == (8, None) and "ô" in error.problem
    path.write_text(path.read_text("utf-8").replace(",", ";"), "utf-8")
    error = only_error(mini_copy)
    assert error.row == 1 and "dấu phân cách" in error.problem


def test_non_utf8_file_is_refused_with_how_to_save_it(mini_copy):
    path = mini_copy / "sources.csv"
    path.write_bytes(path.read_text("utf-8").encode("cp1258", errors="replace"))
    error = only_error(mini_copy)
    assert error.file.name == "sources.csv" and "UTF-8" in error.fix


def test_decomposed_vietnamese_is_composed_as_the_import_does(mini_copy):
    import unicodedata

    set_cell(mini_copy / "observations.csv", 2, "note_vi", unicodedata.normalize("NFD", "Giá trị"))
    notes = load_dataset(mini_copy).observations["note_vi"]
    assert "Giá trị" in set(notes) and unicodedata.normalize("NFD", "Giá trị") not in set(notes)


def test_unknown_indicator_in_yaml_reference(mini_copy):
    path = mini_copy / "indicators.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "direction: up\n    ceiling: 100", "direction: sideways\n    ceiling: 100"
        ),
        "utf-8",
    )
    error = only_error(mini_copy)
    assert error.column == "indicators.tree_cover.direction"


def test_scale_break_with_unknown_source_is_named(mini_copy):
    path = mini_copy / "indicators.yaml"
    text = path.read_text("utf-8").replace(
        "    stages: [đang xây dựng, hoàn thành]\n",
        "    stages: [đang xây dựng, hoàn thành]\n"
        "    breaks:\n      - {date: 2026-01-01, source: SYN-9, note_vi: Thang đo giả đổi}\n",
    )
    path.write_text(text, "utf-8")
    error = only_error(mini_copy)
    assert (error.file.name, error.column) == (
        "indicators.yaml",
        "indicators.culture_house.breaks.0.source",
    )
    assert "SYN-9" in error.problem and error.fix


def test_missing_publisher_for_the_cover_is_named(mini_copy):
    path = mini_copy / "programme.yaml"
    path.write_text(
        path.read_text("utf-8").replace("  publisher_vi: Nhóm kiểm thử (dữ liệu giả)\n", ""),
        "utf-8",
    )
    error = only_error(mini_copy)
    assert (error.file.name, error.column) == ("programme.yaml", "publication.publisher_vi")
    assert "bìa" in error.fix


def test_publication_that_is_not_a_mapping_is_refused(mini_copy):
    path = mini_copy / "programme.yaml"
    text = path.read_text("utf-8")
    start = text.index("publication:\n")
    end = text.index("errata:")
    path.write_text(text[:start] + "publication: Nhóm kiểm thử\n" + text[end:], "utf-8")
    error = only_error(mini_copy)
    assert (error.file.name, error.column) == ("programme.yaml", "publication")


def test_contract_allows_exactly_the_terms_the_package_explains():
    """Allowed values live in the schemas; their labels in vocabulary.yaml and the method file.
    The two lists must name the same terms, or a value would pass with no words to show it."""
    from programme_monitor.assess.progress import rules
    from programme_monitor.data.contract import table_schema
    from programme_monitor.data.dataset import load_vocabulary
    from programme_monitor.words.formatting import labels_of

    def allowed(table, column):
        [field] = [f for f in table_schema(table)["fields"] if f["name"] == column]
        return set(field["constraints"]["enum"])

    vocabulary = load_vocabulary()
    assert allowed("targets", "kind") == set(vocabulary["target_kinds"])
    assert allowed("targets", "year_basis") == set(vocabulary["year_bases"])
    assert allowed("task_assessments", "completion") == set(rules()["completion"])
    assert allowed("sources", "confidence") == set(labels_of("vi")["confidence"])


def test_a_programme_without_changes_or_task_assessments_loads(mini_copy):
    (mini_copy / "changes.yaml").unlink()
    (mini_copy / "task-assessments.csv").unlink()
    dataset = load_dataset(mini_copy)
    assert dataset.changes == {} and dataset.task_assessments.empty
    assert len(dataset.observations) > 0


@pytest.mark.parametrize("missing", ["areas.csv", "sources.csv", "indicators.yaml", "tasks.csv"])
def test_with_one_file_missing_the_other_files_problems_are_still_named(mini_copy, missing):
    (mini_copy / missing).unlink()
    set_cell(mini_copy / "targets.csv", 2, "kind", "maximum")  # a problem in another file
    with pytest.raises(DataErrors) as caught:
        load_dataset(mini_copy)
    named = {(e.file.name, e.row, e.column) for e in caught.value.errors}
    assert (missing, None, None) in named and ("targets.csv", 2, "kind") in named


def test_new_writes_a_folder_that_passes_check_and_says_what_to_fill(tmp_path, capsys):
    from programme_monitor.cli import main

    folder = tmp_path / "chuong-trinh-moi"
    assert main(["new", str(folder)]) == 0
    assert {p.name for p in folder.iterdir()} >= {"programme.yaml", "targets.csv", "README.md"}
    capsys.readouterr()
    assert main(["check", "--data", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "Dữ liệu hợp lệ" in said and "chỗ của mẫu cần điền" in said
    assert "programme.yaml, 7: title_vi: «Tên đầy đủ" in said
    assert "targets.csv, 2 / quote: «Trích nguyên văn mục tiêu 1" in said
    assert main(["new", str(folder)]) == 2  # never over a folder that has files


def test_a_filled_folder_has_nothing_left_to_fill():
    from programme_monitor.data.scaffold import unfilled

    assert unfilled(REAL_DATA) == [] and unfilled(MINI) == []


@pytest.mark.parametrize(
    "raw, hint",
    [
        (b"Thu\xd2y Nguy\xean, \xf0\xf4 thi\xcc", "Windows-1258"),  # Vietnamese in Windows-1258
        ("Thủy Nguyên".encode("utf-8")[:-2], "bị cắt giữa một chữ"),  # cut inside "ê"
        ("Thủy".encode("utf-16"), "UTF-16"),
        ("café, naïve, Müller".encode("latin-1"), None),  # Latin-1: no guess
        ("café".encode("latin-1"), None),  # one stray byte at the end: not certainly cut UTF-8
        ("Straße €".encode("cp1252"), None),
    ],
)
def test_an_encoding_is_named_only_when_the_bytes_leave_no_doubt(raw, hint):
    from programme_monitor.data.readers import _likely_encoding

    with pytest.raises(UnicodeDecodeError) as caught:
        raw.decode("utf-8-sig")
    said = _likely_encoding(raw, caught.value)
    assert (hint in said) if hint else said == "", said
