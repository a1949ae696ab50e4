"""The printed booklet's parts that need no TeX: edition values, file name, table layout, checks."""

from datetime import date
from pathlib import Path

import pytest

from programme_monitor import load_dataset
from programme_monitor.builder.pipeline import build
from programme_monitor.builder.settings import BuildFailed, BuildSettings
from programme_monitor.pages.markdown import markdown_table
from programme_monitor.pages.table_layout import MAX_UNBROKEN_ROWS, table_layout
from programme_monitor.site import booklet
from programme_monitor.site.booklet import edition_definitions, latex_escape, missing_requirements
from programme_monitor.words.edition import Edition
from programme_monitor.words.publication import booklet_file_name, home_downloads
from tests.conftest import MINI, REAL_DATA

edition = Edition()  # the Vietnamese edition: the words these tables use


def test_latex_escape_prints_every_special_character_as_itself():
    assert latex_escape("A & B 50% #1 $2 a_b {x} ~ ^ \\") == (
        r"A \& B 50\% \#1 \$2 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    assert latex_escape("Thủy  Nguyên\n(Hải Phòng)") == "Thủy Nguyên (Hải Phòng)"


def test_file_name_carries_programme_number_and_reporting_date():
    programme = load_dataset(REAL_DATA).programme
    assert booklet_file_name(programme, date(2026, 11, 24)) == "42-CTr-HU-2026-11-24.pdf"
    assert booklet_file_name(programme, date(2024, 6, 30)) == "42-CTr-HU-2024-06-30.pdf"


def test_the_home_page_offers_the_booklet_only_when_the_build_makes_one():
    programme = load_dataset(REAL_DATA).programme
    edition = Edition("vi", date(2026, 11, 24), date(2026, 11, 25))
    line = home_downloads(edition, programme, booklet=True)
    assert line.startswith(":::{only} html")  # the booklet does not offer itself
    assert '<a href="../42-CTr-HU-2026-11-24.pdf" download>' in line
    assert home_downloads(edition, programme, booklet=False) == ""


def test_edition_definitions_carry_this_editions_dates_publisher_and_licence():
    programme = dict(load_dataset(MINI).programme)
    programme["publication"] = {
        **programme["publication"],
        "publisher": "Nhóm A & B",
        "licence_url": "https://example.org/l?a=1#x",
    }
    text = edition_definitions(Edition("vi", date(2026, 12, 31), date(2027, 1, 2)), programme)
    assert r"\newcommand{\BookletAsOf}{31/12/2026}" in text
    assert r"\newcommand{\BookletBuiltOn}{02/01/2027}" in text
    assert r"\newcommand{\BookletPublisher}{Nhóm A \& B}" in text
    assert r"\url{https://example.org/l?a=1\#x}" in text
    assert r"\newcommand{\BookletWordAsOf}{Số liệu tính đến ngày}" in text


def test_a_short_narrow_table_keeps_its_natural_layout():
    assert table_layout(["Đánh giá", "Số mục tiêu"], [["✓ Đạt", "3"], ["– Chưa", "29"]]) is None
    assert "{table}" not in markdown_table(edition, ["Đánh giá", "Số"], [["✓ Đạt", "3"]])


def test_a_long_table_may_break_across_pages_with_widths_summing_to_100():
    rows = [["II.2.1", f"mục tiêu số {i}", "– Chưa đánh giá được"] for i in range(30)]
    widths = table_layout(["Khoản", "Mục tiêu", "Đánh giá"], rows)
    assert widths is not None and sum(widths) == 100
    text = markdown_table(edition, ["Khoản", "Mục tiêu", "Đánh giá"], rows)
    assert text.startswith("```{table}\n:class: longtable\n:widths: ")
    assert len(rows) > MAX_UNBROKEN_ROWS


def test_a_wide_table_gives_the_long_text_column_the_room_and_keeps_short_words_whole():
    long_text = "Hoàn thiện các tiêu chí, tiêu chuẩn tối thiểu của đô thị loại III " * 2
    rows = [["II.2.1", long_text, "2025", "✓ Đạt"]] * 3
    widths = table_layout(["Khoản", "Mục tiêu", "Năm", "Đánh giá"], rows)
    assert widths is not None and sum(widths) == 100
    clause, target, year, status = widths
    assert target == max(widths)
    # "Khoản" is the clause column's longest word: 5 letters of sans serif, about 7 % of the line
    assert clause >= 7 and year >= 5 and status >= 7


def test_long_header_words_hyphenate_rather_than_starve_the_text_column():
    """Issue 19: the English task-group table gave the groups' names 15 % of the line (one word a
    line) because "Substantial" and "evidence" each claimed their full width; the Vietnamese
    headers' short syllables left 44 %."""
    from programme_monitor.pages.chapter import open_chapter
    from programme_monitor.pages.overview import task_group_scorecard

    first_columns = {}
    for lang in ("vi", "en"):
        chapter = open_chapter(REAL_DATA, "2026-11-24", lang)
        table = task_group_scorecard(chapter.dataset, chapter.tasks)
        widths = next(line for line in table.splitlines() if line.startswith(":widths:"))
        first_columns[lang] = int(widths.split()[1])
    assert first_columns["vi"] >= 40 and first_columns["en"] >= 30, first_columns
    # a short header word keeps its width: "Khoản" still never breaks
    rows = [["II.2.1", "x " * 80, "2025"]] * 25
    assert table_layout(["Khoản", "Mục tiêu", "Năm"], rows)[0] >= 7


def test_missing_tex_is_named_with_the_package_that_provides_it(monkeypatch):
    monkeypatch.setattr(booklet.shutil, "which", lambda command: None)
    missing = missing_requirements()
    assert "lệnh 'xelatex' (gói Debian texlive-xetex)" in missing
    assert "lệnh 'latexmk' (gói Debian latexmk)" in missing


def test_build_stops_before_any_notebook_when_the_booklet_cannot_be_made(monkeypatch, tmp_path):
    monkeypatch.setattr(
        "programme_monitor.builder.compile.missing_requirements",
        lambda: ["lệnh 'xelatex' (gói Debian texlive-xetex)"],
    )
    settings = BuildSettings(tmp_path, MINI, "2026-12-31", ("vi",))
    with pytest.raises(BuildFailed) as caught:
        build(settings)
    message = str(caught.value)
    assert "texlive-xetex" in message and "scripts/install-system-packages" in message
    assert "--no-pdf" in message
    assert not settings.generated_dir("vi").exists()  # nothing was executed


def test_site_only_build_does_not_need_tex(monkeypatch, tmp_path):
    from programme_monitor.builder.compile import check_booklet_requirements

    monkeypatch.setattr(
        "programme_monitor.builder.compile.missing_requirements", lambda: ["xelatex"]
    )
    check_booklet_requirements(BuildSettings(tmp_path, MINI, "2026-12-31", booklet=False))


def test_booklet_layout_prints_only_words_it_is_given():
    """The style file holds layout only; its words come from labels.yaml through edition.def."""
    style = (Path(__file__).resolve().parent.parent / "book" / "latex" / "booklet.sty").read_text()
    body = "\n".join(line.split("%")[0] for line in style.splitlines())
    assert not any(ch in body for ch in "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ")


def test_a_table_with_no_rows_is_a_sentence_not_a_bare_header():
    text = markdown_table(edition, ["Khoản", "Tình trạng"], [])
    assert "|" not in text and "Không có dòng nào" in text


@pytest.mark.parametrize("option", ["--as-of", "--built-on"])
def test_a_date_in_the_wrong_form_is_refused_with_the_form_expected(option, capsys):
    from programme_monitor.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["build", option, "24/11/2026"])
    assert caught.value.code == 2
    assert "'24/11/2026' không phải ngày dạng YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.slow
def test_the_booklets_fonts_keep_precomposed_letters_whatever_the_fonts_version(tmp_path):
    """GNU FreeFont 2021 (Debian 13) decomposes "Ấ" into A + marks through its ccmp feature, and
    XeTeX then writes the marks into the PDF's text. The installed font is given such a rule
    here (made with fontTools, SYNTHETIC), and a page set with the booklet's own font settings
    (_config.yml, fontpkg) must still read back as the same NFC text."""
    import subprocess
    import unicodedata

    import yaml
    from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
    from fontTools.ttLib import TTFont

    source = subprocess.run(
        ["fc-match", "-f", "%{file}", "FreeSerif"], capture_output=True, text=True, check=True
    ).stdout
    font = TTFont(source)
    # Glyph names differ between FreeFont releases (circumflexcomb in 2012, uni0302 in 2021):
    # the rule names the glyphs the font's own character map gives.
    glyph = font.getBestCmap()
    letter, base, circumflex, acute = (glyph[ord(c)] for c in "\u1ea4A\u0302\u0301")
    addOpenTypeFeaturesFromString(
        font,
        "languagesystem DFLT dflt; languagesystem latn dflt;\n"
        f"feature ccmp {{ sub {letter} by {base} {circumflex} {acute}; }} ccmp;",
    )
    font.save(tmp_path / "FreeSerifDecomposing.otf")
    config = yaml.safe_load((Path(__file__).parent.parent / "_config.yml").read_text("utf-8"))
    fontpkg = config["sphinx"]["config"]["latex_elements"]["fontpkg"]
    assert "\\setmainfont{FreeSerif}" in fontpkg
    fontpkg = fontpkg.replace(
        "\\setmainfont{FreeSerif}", f"\\setmainfont{{FreeSerifDecomposing.otf}}[Path={tmp_path}/]"
    )
    text = "Ấn phẩm: Ấp Đông, hạ tầng"
    (tmp_path / "page.tex").write_text(
        "\\documentclass{article}\\usepackage{fontspec}" + fontpkg
        + f"\\pagestyle{{empty}}\\begin{{document}}{text}\\end{{document}}\n",
        "utf-8",
    )  # fmt: skip
    subprocess.run(
        ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "page.tex"],
        cwd=tmp_path, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    read = subprocess.run(
        ["pdftotext", str(tmp_path / "page.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert unicodedata.is_normalized("NFC", read) and read == text, repr(read)
