"""The intake corpus (tests/fixtures/intake-corpus): files of the kinds data keepers send, each
pinned to what it must give, and the check of data/ giving the same verdict as the import on the
same rows appended by hand. SYNTHETIC figures, imported into copies of data/."""

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from programme_monitor import DataErrors
from programme_monitor.cli import main
from programme_monitor.data.dataset import check_programme
from programme_monitor.data.value_rules import Formula, Refused, clean_text, period_text
from programme_monitor.intake.importer import import_file
from programme_monitor.intake.keeper_files import FileRefused, read_grids
from programme_monitor.intake.keeper_table import find_table
from programme_monitor.intake.names import area_index, indicator_index, source_index
from programme_monitor.intake.new_sources import SourceDeclarations, declares_source
from tests.conftest import REAL_DATA

CORPUS = Path(__file__).parent / "fixtures" / "intake-corpus"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))
TODAY = date(2026, 12, 4)  # the corpus's new sources and "not begun" are pinned to this day


@pytest.fixture
def data(tmp_path) -> Path:
    return shutil.copytree(REAL_DATA, tmp_path / "data")


def test_every_file_of_the_corpus_is_pinned():
    files = {p.name for p in CORPUS.iterdir() if p.name not in ("cases.yaml", "make_corpus.py")}
    assert files == set(CASES)
    assert len(files) >= 30
    assert {p.suffix for p in CORPUS.iterdir()} >= {".csv", ".xlsx", ".txt"}
    clean = [name for name, case in CASES.items() if "stored" in case]
    assert any(n.startswith("clean-en") for n in clean) and any("-vi-" in n for n in clean)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file_gives_what_is_pinned(name, data):
    case, path = CASES[name], CORPUS / name
    before = {f: (data / f).read_bytes() for f in ("observations.csv", "sources.csv")}
    if "refused" in case:
        with pytest.raises(DataErrors) as caught:
            import_file(path, data, today=TODAY)
        found = [[e.row, e.column, e.found] for e in caught.value.errors]
        assert found == [expected[:3] for expected in case["refused"]]
        for error, expected in zip(caught.value.errors, case["refused"]):
            assert expected[3] in error.problem and error.fix
            assert error.file == path or error.file.parent == data
        if "fix" in case:
            assert case["fix"] in caught.value.errors[0].fix
        for file, content in before.items():  # nothing half-written
            assert (data / file).read_bytes() == content
        return
    report = import_file(path, data, today=TODAY)
    was = before["observations.csv"].decode("utf-8")
    added = (data / "observations.csv").read_text("utf-8")[len(was) :]
    assert added.splitlines() == case["stored"]
    assert [s["source_id"] for s in report.new_sources] == case["new_sources"]
    assert report.already_there == case.get("already_there", 0)
    new_sources = list(csv.DictReader(io.StringIO((data / "sources.csv").read_text("utf-8"))))
    assert [s["source_id"] for s in new_sources[-len(case["new_sources"]) or len(new_sources) :]
            ] == case["new_sources"]  # fmt: skip
    check_programme(data, TODAY)  # what was stored passes the check of the data folder


def test_a_report_layout_is_read_from_below_its_title_rows():
    table = find_table(read_grids(CORPUS / "clean-vi-report-wide.xlsx"))
    assert (table.sheet, table.header_row) == ("Báo cáo", 5)  # the hidden sheet is skipped
    assert [c.period for c in table.columns if c.period] == ["2025", "2026"]
    figures, without_value = table.figures()
    assert without_value == [6, 10]  # the section row and the signature, reported not refused
    assert [(f.row, f.headers["value"]) for f in figures] == [
        (7, "Năm 2025"), (7, "Năm 2026"), (8, "Năm 2026")
    ]  # fmt: skip


def test_a_declared_title_with_markup_is_stored_as_typed(data):
    import_file(CORPUS / "clean-vi-markup-title.csv", data, today=TODAY)
    last = list(csv.DictReader(io.StringIO((data / "sources.csv").read_text("utf-8"))))[-1]
    assert last["title"].startswith("<script>alert(1)</script> Báo cáo")
    assert (last["kind"], last["confidence"], last["accessed"]) == (
        "document",
        "medium",
        TODAY.isoformat(),
    )


# --- check and import agree -------------------------------------------------------------------


def _appended_by_hand(path: Path, data: Path) -> tuple[list[dict], list[dict]]:
    """The rows a keeper would append to observations.csv and sources.csv for this file: the cells
    as their program shows them (typed numbers and dates as text), names the import resolves
    written as ids, new sources as declared. Rows already there are not appended again."""
    programme = check_programme(data, TODAY)
    frames = programme.frames
    indexes = {
        "indicator": indicator_index(programme.indicators),
        "area": area_index(frames["areas"]),
        "source": source_index(frames["sources"]),
    }
    declared = SourceDeclarations(frames["sources"].to_dict("records"), path.name, TODAY)
    figures, _ = find_table(read_grids(path)).figures()
    rows, sources = [], {}
    for figure in figures:
        cells = {k: clean_text(v) for k, v in figure.cells.items()}
        row = {c: cells.get(c, "") for c in ("indicator", "area", "period", "value", "unit",
                                             "source", "flags", "note_vi", "note_en")}  # fmt: skip
        span = _span(figure.cells.get("period"))
        for kind in ("indicator", "area", "source"):
            try:
                row[kind] = indexes[kind].resolve(row[kind], span).id
            except LookupError:
                pass  # kept as written: the check names it
        if declares_source(figure.cells):
            try:
                entry = declared.source_for(figure.row, figure.cells).record
            except Refused:
                continue
            if "title" in entry:  # a new entry of the register, not one already there
                sources[entry["source_id"]] = {
                    **entry,
                    "published": cells.get("source_published", ""),
                }
            row["source"] = entry["source_id"]
        rows.append(row)
    return _not_there_yet(rows, data), list(sources.values())


def _span(period):
    from programme_monitor.common.periods import parse_period

    try:
        parsed = parse_period(period_text(period))
    except (Refused, ValueError):
        return None
    return parsed.start, parsed.end


def _not_there_yet(rows: list[dict], data: Path) -> list[dict]:
    text = (data / "observations.csv").read_text("utf-8")
    there = {tuple(r.values()) for r in csv.DictReader(io.StringIO(text))}
    return [r for r in rows if tuple({**r, "unit": r["unit"] or "km2"}.values()) not in there]


def _append(path: Path, records: list[dict]) -> None:
    header = next(csv.reader(io.StringIO(path.read_text("utf-8"))))
    with path.open("a", encoding="utf-8", newline="") as out:
        csv.DictWriter(out, header, lineterminator="\n", extrasaction="ignore").writerows(records)


def _has_formulas(path: Path) -> bool:
    return any(
        isinstance(v, Formula) for g in read_grids(path) for _, cells in g.rows for v in cells
    )


def _row_level(name: str) -> bool:
    """A file whose rows can be appended by hand: it has a table, and no formula (a CSV holds the
    text a formula shows, never a formula without a result)."""
    try:
        find_table(read_grids(CORPUS / name))
    except FileRefused:
        return False
    return not _has_formulas(CORPUS / name)


@pytest.mark.parametrize("name", sorted(n for n in CASES if _row_level(n)))
def test_check_of_data_and_import_give_the_same_verdict(name, data):
    imported = "stored" in CASES[name]
    rows, sources = _appended_by_hand(CORPUS / name, data)
    _append(data / "sources.csv", sources)
    _append(data / "observations.csv", rows)
    try:
        check_programme(data, TODAY)
        checked = True
    except DataErrors:
        checked = False
    assert checked == imported


# --- the command ------------------------------------------------------------------------------


def test_dry_run_reports_and_writes_nothing(data, capsys):
    before = (data / "observations.csv").read_bytes()
    assert main(["import", str(CORPUS / "clean-vi-spellings.csv"), "--data", str(data),
                 "--check"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Phường Thuỷ Nguyên → phuong-thuy-nguyen" in out
    assert "Quý III/2025 → 2025-Q3" in out and "chưa ghi gì" in out
    assert "dòng 2: population_size · phuong-thuy-nguyen · 2025-Q3 · 52300 persons" in out
    assert (data / "observations.csv").read_bytes() == before


def test_messages_in_english_with_lang_en(data, capsys):
    assert main(["import", str(CORPUS / "bad-two-problems.csv"), "--data", str(data),
                 "--lang", "en"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "2 problems; no row was imported" in err
    assert "row 2, column 'Giá trị': '397.570' reads two ways" in err
    assert "row 3, column 'Địa bàn': no area is called or coded 'Thien Huog'" in err
    assert "did you mean: Phường Thiên Hương (phuong-thien-huong)" in err


def test_a_keepers_summary_names_what_it_ignored(data, capsys):
    assert main(["import", str(CORPUS / "clean-vi-extra-columns.csv"), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Bỏ qua các cột không dùng: Người nhập, Ghi chú nội bộ khác." in out
    assert "1 dòng đã có sẵn" in out and "STT" not in out.split("các cột:")[-1].split(".")[0]


def test_a_note_a_spreadsheet_would_run_is_neutralised_in_downloads_not_in_data(data):
    from programme_monitor import load_dataset
    from programme_monitor.pages.data_package import package_files

    import_file(CORPUS / "clean-vi-formula-like-note.csv", data, today=TODAY)
    typed = '"=HYPERLINK(""http://example.invalid"")"'
    assert typed in (data / "observations.csv").read_text("utf-8")  # data/ keeps what was typed
    files = package_files(load_dataset(data), TODAY, {}, "test", "test")
    published = files["observations.csv"].decode("utf-8")
    assert f"\"'{typed[1:]}" in published and f",{typed}," not in published


def test_importing_a_file_twice_adds_nothing_and_its_source_once(data):
    first = import_file(CORPUS / "clean-vi-long.csv", data, today=TODAY)
    files = {f: (data / f).read_bytes() for f in ("observations.csv", "sources.csv")}
    again = import_file(CORPUS / "clean-vi-long.csv", data, today=TODAY)
    assert (len(first.added), len(again.added), again.already_there) == (2, 0, 2)
    assert again.new_sources == [] and not again.written
    assert {f: (data / f).read_bytes() for f in files} == files
    # another file citing the same report uses the same entry of the register
    other = import_file(CORPUS / "clean-vi-spellings.csv", data, today=TODAY)
    assert other.new_sources == [] and {r["source"] for _, r in other.added} == {
        "S-UPTH-2025-11-15"
    }


def test_rows_published_after_the_newest_edition_are_said_to_wait_for_the_next(data, capsys):
    """The build publishes the newest edition programme.yaml declares: figures whose source came
    out after it do not show until a new edition is declared, and the keeper is told so."""
    args = ["import", str(CORPUS / "clean-vi-spellings.csv"), "--data", str(data), "--check"]
    assert main(args) == 0
    assert "ấn bản sau" not in capsys.readouterr().out  # its source (15/11/2025) came out before
    programme = (data / "programme.yaml").read_text("utf-8")
    (data / "programme.yaml").write_text(
        programme.replace("- date: 2026-12-04", "- date: 2025-06-30").replace(
            "- date: 2026-11-24", "- date: 2025-06-29"
        ),
        "utf-8",
    )
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "nguồn đăng sau ấn bản 2025-06-30" in out and "AS_OF=" in out
