"""Whole builds: papermill executes the chapters, Jupyter Book compiles them, the site checked."""

import html
import re
import shutil
import subprocess
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import pytest

from programme_monitor import DataErrors, load_dataset
from programme_monitor.builder.build_report import read_report
from programme_monitor.builder.pipeline import build
from programme_monitor.builder.settings import BuildSettings
from tests.conftest import MINI, REAL_DATA, make_project, set_cell

pytestmark = pytest.mark.slow


def page_text(site: Path, page: str) -> str:
    raw = (site / page).read_text("utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw))).replace("\u00a0", " ")


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The booklet's text as pdftotext extracts it (pages `first` to `last`, or all)."""
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    raw = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return raw


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_page_count(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name and whether each font is embedded."""
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # columns: name, type (may hold spaces), encoding, emb, sub, uni, object, ID
    return [{"name": line.split()[0], "emb": line.split()[-5]} for line in lines if line.strip()]


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields: Title, Author, Subject, Pages…"""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = (line.split(":", 1) for line in info.splitlines() if ":" in line)
    return {key: value.strip() for key, value in fields}


def pdf_language(pdf: Path) -> str | None:
    """The catalog's /Lang. xdvipdfmx puts the catalog in a compressed object stream, which
    pdfinfo does not show: every Flate stream is opened and searched."""
    raw = pdf.read_bytes()
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        try:
            body = zlib.decompressobj().decompress(stream.group(1))
        except zlib.error:
            continue
        if found := re.search(rb"/Lang\s*\(([^)]*)\)", body):
            return found.group(1).decode()
    found = re.search(rb"/Lang\s*\(([^)]*)\)", raw)
    return found.group(1).decode() if found else None


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("mini"))
    data = root / "data"
    shutil.copytree(MINI, data)
    settings = BuildSettings(root, data, "2026-12-31")
    report = build(settings)
    return settings, report


def test_mini_programme_builds_every_chapter(mini_site):
    settings, report = mini_site
    site = settings.site_dir
    assert (site / "index.html").exists()
    for page in [
        "book/generated/overview.html",
        "book/generated/targets-green.html",
        "book/generated/targets-roads.html",
        "book/generated/tasks.html",
        "book/generated/indicator-tree_cover.html",
        "book/generated/methodology.html",
        "book/generated/changes.html",
        "book/generated/sources.html",
        "book/generated/data.html",
    ]:
        assert (site / page).exists(), page
    assert set(report.stages) == {"check", "papermill", "html", "pdf", "publish"}
    assert report.compiled and all(record.executed for record in report.chapters)
    assert (site / "TEST-01-2026-12-31.pdf").exists()  # the synthetic programme's booklet too


def test_an_edition_after_an_archived_one_opens_with_what_changed_and_offers_the_old_one(mini_site):
    """The mini programme keeps its first edition (editions/2026-01-15/): the site's first part
    and the booklet's first chapter say what changed since, computed; the old edition's data are
    offered again at a stable address, linked from the editions list."""
    from programme_monitor.common.files import zip_bytes
    from programme_monitor.data.edition_archive import package_of

    settings, _ = mini_site
    site = settings.site_dir
    text = page_text(site, "book/generated/since-last-edition.html")
    assert "Thay đổi từ ấn bản trước" in text and "So với ấn bản ngày 15/01/2026" in text
    assert "Chưa đánh giá được" in text and "Đúng tiến độ" in text  # X1 moved, and why
    download = next(site.glob("_downloads/*/since-last-edition.csv")).read_text("utf-8")
    assert download.startswith("previous_edition,as_of,change,item,before,after,unit,why")
    kept = site / "editions" / "2026-01-15" / "TEST-01-2026-01-15-du-lieu.zip"
    assert kept.read_bytes() == zip_bytes(package_of(settings.data_dir, date(2026, 1, 15)))
    data_page = (site / "book/generated/data.html").read_text("utf-8")
    assert 'href="../../editions/2026-01-15/TEST-01-2026-01-15-du-lieu.zip"' in data_page
    booklet = folded(pdf_text(next(site.glob("TEST-01-*.pdf"))))
    assert booklet.index("Thay đổi từ ấn bản trước") < booklet.index("Bảng tổng hợp")


def test_each_target_is_in_the_html_with_its_clause_status_and_value_or_no_data(mini_site):
    settings, _ = mini_site
    overview = page_text(settings.site_dir, "book/generated/overview.html")
    dataset = load_dataset(settings.data_dir)
    chapters = " ".join(
        page_text(settings.site_dir, f"book/generated/{name}.html")
        for name in ["targets-green", "targets-roads"]
    )
    for target in dataset.targets.itertuples():
        assert target.clause in overview
        assert target.statement_vi in chapters, target.statement_vi
    assert "● Đúng tiến độ" in overview  # X1, in words beside its symbol
    assert "– Chưa đánh giá được (chưa có số liệu)" in overview  # X2 has no observation
    assert "… Chưa đạt, chưa đến hạn" in overview  # X3, a milestone not reached by 2026
    assert "nan" not in overview.split()
    green = page_text(settings.site_dir, "book/generated/targets-green.html")
    assert "mới nhất 36,75 % (12/2025)" in green  # newest value published by as_of
    page = (settings.site_dir / "book/generated/indicator-tree_cover.html").read_text("utf-8")
    assert "https://example.org/synthetic-1" in page  # every number carries its source
    assert re.search(
        r'<img alt="Biểu đồ tỷ lệ phủ cây xanh thử nghiệm\.[^"]+Nét đứt: xu hướng', page
    )
    # the same chart as vector PDF for the printed booklet, without a creation date inside
    pdf = (settings.project_dir / "book/generated/figures/tree_cover.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/CreationDate" not in pdf


def test_indicator_pages_are_linked_from_overview_and_chapter(mini_site):
    settings, _ = mini_site
    generated = settings.site_dir / "book" / "generated"
    overview = (generated / "overview.html").read_text("utf-8")
    chapter = (generated / "targets-roads.html").read_text("utf-8")
    for page in ["indicator-new_roads.html", "indicator-culture_house.html"]:
        assert f'href="{page}' in overview and f'href="{page}' in chapter, page
    assert 'href="targets-roads.html' in (generated / "indicator-new_roads.html").read_text("utf-8")


def test_calculation_inputs_are_published_as_tables_and_downloads(mini_site):
    settings, _ = mini_site
    page = page_text(settings.site_dir, "book/generated/indicator-tree_cover.html")
    for needle in [
        "Tốc độ tăng cần thiết",
        "8,29 %/năm",
        "11,16 %/năm",
        "1,35",
        "vượt 3,26 điểm %",
    ]:
        assert needle in page, needle
    downloads = {p.name: p for p in (settings.site_dir / "_downloads").rglob("*.csv")}
    assert {"progress-inputs.csv", "task-status.csv", "progress-inputs-tree_cover.csv"} <= set(
        downloads
    )
    rows = downloads["progress-inputs.csv"].read_text("utf-8").splitlines()
    assert len(rows) == 1 + 3 and rows[0].startswith("as_of,target_id,clause")


def test_no_code_reaches_the_reader(mini_site):
    settings, _ = mini_site
    for page in (settings.site_dir / "book" / "generated").glob("*.html"):
        text = page.read_text("utf-8")
        assert "load_dataset" not in text and "cell_input" not in text, page.name


def test_every_page_carries_the_programmes_own_title(mini_site):
    """The title comes from the programme's folder, not from _config.yml."""
    settings, _ = mini_site
    pages = list((settings.site_dir / "book").rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        assert "Theo dõi thực hiện Chương trình thử nghiệm TEST-01</title>" in head, page.name
        assert "42-CTr" not in head, page.name


def test_hand_written_pages_take_their_numbers_from_the_data(mini_site):
    settings, _ = mini_site
    intro = page_text(settings.site_dir, "book/intro.html")
    assert "Chương trình thử nghiệm tổng hợp" in intro
    assert "31/12/2026" in intro  # the reporting date given as a parameter
    assert "Chương trình có 3 mục tiêu" in intro and "2 nhiệm vụ trong 2 nhóm" in intro
    events = len(load_dataset(settings.data_dir).changes["events"])
    assert f"Từ khi Chương trình được ký, {events} thay đổi" in intro  # the folder has no summary
    assert "Văn bản Chương trình có chỗ sai" in intro  # the folder lists errata


def test_a_failed_build_leaves_the_last_good_site_in_place(mini_site, tmp_path):
    settings, _ = mini_site
    before = {p: p.read_bytes() for p in settings.site_dir.rglob("*") if p.is_file()}
    assert any(p.suffix == ".pdf" for p in before)
    broken = tmp_path / "data"
    shutil.copytree(settings.data_dir, broken)
    set_cell(broken / "observations.csv", 2, "value", "not a number")
    with pytest.raises(DataErrors):
        build(BuildSettings(settings.project_dir, broken, "2026-12-31"))
    after = {p: p.read_bytes() for p in settings.site_dir.rglob("*") if p.is_file()}
    assert after == before  # the site and its booklet, byte for byte


def test_real_programme_shows_every_target_and_task_with_its_clause(real_site):
    dataset = load_dataset(REAL_DATA)
    overview = page_text(real_site.site_dir, "book/generated/overview.html")
    chapters = " ".join(
        page_text(real_site.site_dir, str(p.relative_to(real_site.site_dir)))
        for p in (real_site.site_dir / "book/generated").glob("targets-*.html")
    )
    for target in dataset.targets.itertuples():
        assert target.clause in overview and target.statement_vi in chapters, target.target_id
    tasks = page_text(real_site.site_dir, "book/generated/tasks.html")
    for task in dataset.tasks.itertuples():
        assert task.task_id in tasks and task.title_vi in tasks, task.task_id
    changes = page_text(real_site.site_dir, "book/generated/changes.html")
    for needle in ["01/01/2025", "01/07/2025", "01/01/2026"]:
        assert needle in changes
    # The successor units' list rests on a source dated only 2026 (from 31/12/2026): no page or
    # booklet of this edition states it (the units' own names and codes have earlier sources).
    site = real_site.site_dir
    for page in [*site.glob("book/generated/*.html"), *site.glob("en/book/generated/*.html")]:
        text = page_text(site, str(page.relative_to(site)))
        assert "Việt Khê" not in text and not re.search(r"\b7 (phường|wards)", text), page
    for booklet in site.glob("**/42-CTr-HU-2026-11-24.pdf"):
        assert "Việt Khê" not in pdf_text(booklet), booklet
    sources = page_text(real_site.site_dir, "book/generated/sources.html")
    assert "24/01/2022" in sources and "24/10/2022" in sources  # the erratum, stated


def test_real_programme_statuses_and_methodology(real_site):
    urban = page_text(real_site.site_dir, "book/generated/targets-urban-development.html")
    assert (
        "✓ Đạt (sau năm mục tiêu; trước khi cách phân loại thay đổi)" in urban
    )  # T01: city from 01/01/2025, "before 2025"
    assert "thành phố thuộc thành phố (01/01/2025)" in urban
    assert "? Quá hạn, chưa có bằng chứng đạt" in urban  # T03: only the planning task by 2025
    assert "(cách phân loại đã thay đổi)" in urban  # T34
    # the site's own links were all checked; links to other sites are listed for a person
    external = read_report(real_site.site_dir)["external_links"]
    assert "https://vtcnews.vn/hai-phong-thanh-lap-thanh-pho-thuy-nguyen-ar905645.html" in external
    data_page = page_text(real_site.site_dir, "book/generated/data.html")
    assert (
        "Nhóm theo dõi thực hiện Chương trình (2026). Theo dõi thực hiện Chương trình hành "
        "động số 42-CTr/HU: số liệu tính đến ngày 24/11/2026." in data_page
    )
    assert "Các lần cập nhật" in data_page and "Ấn bản đầu tiên" in data_page
    method = page_text(real_site.site_dir, "book/generated/methodology.html")
    for needle in [
        "R ≥ 0,95",
        "0,6 ≤ R < 0,95",
        "Thành phố Thủy Nguyên (mã 311; 01/01/2025 – 30/06/2025)",
        # the successor wards are listed only by a source dated 2026, not yet published
        "Địa bàn thành phố Thủy Nguyên cũ (01/07/2025 – nay)",
        "Nghị quyết 111/2025/UBTVQH15",
        "Không có bằng chứng",
    ]:
        assert needle in method, needle
    tasks = page_text(real_site.site_dir, "book/generated/tasks.html")
    assert "◕ Đáng kể (01/07/2025)" in tasks and "quá hạn" in tasks


def real_booklet(settings: BuildSettings) -> Path:
    return settings.site_dir / f"42-CTr-HU-{settings.as_of}.pdf"


def test_real_booklet_is_a4_within_the_expected_length_with_every_font_embedded(real_site):
    pdf = real_booklet(real_site)
    assert pdf.exists()
    # 34 targets, 26 indicator chapters, 30 tasks: about 95 pages today; far outside this range
    # means chapters went missing or a table exploded.
    assert 60 <= pdf_page_count(pdf) <= 140
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    fonts = pdf_fonts(pdf)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts


def test_a_part_title_shares_the_page_of_its_first_chapter(real_site):
    """Part titles once took a page each: six of the meeting's pages held a part's name only."""
    for booklet, part, chapter in (
        (real_booklet(real_site), "Phần", "Chương"),
        (real_site.site_dir / "en" / real_booklet(real_site).name, "Part", "Chapter"),
    ):
        pages = pdf_text(booklet).split("\f")
        parts = [
            n for n, text in enumerate(pages, 1) if re.search(rf"^{part} [IVX]+ · ", text, re.M)
        ]
        assert len(parts) == 6, (booklet, parts)  # this edition, targets … appendix
        for number in parts:
            assert re.search(rf"^{chapter} \d+$", pages[number - 1], re.M), (booklet, number)
    # the contents still list each part, before its first chapter, on that chapter's page
    contents = folded(pdf_text(real_booklet(real_site), 2, 2))
    # (the page numbers move with the front matter: each part shows its first chapter's)
    assert re.search(
        r"I Ấn bản này (\d+) 1 Thay đổi từ ấn bản trước \1 II Mục tiêu (\d+) 2 Bảng tổng hợp \2",
        contents,
    ), contents[:200]


def pdf_words(pdf: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Each page's height and its words as (top, bottom, text), from pdftotext -bbox."""
    raw = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    word = re.compile(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        (float(height), [(float(a), float(b), html.unescape(w)) for a, b, w in word.findall(body)])
        for height, body in re.findall(
            r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', raw, re.S
        )
    ]


def page_fullness(height: float, words: list[tuple[float, float, str]]) -> float:
    """How far down the text block the page's text reaches, 0 to 1: between the running head
    (or where it would be) and the footer line ("Trang 17 / Page 17")."""
    top = max([b for t, b, _ in words if b < 0.1 * height], default=0.08 * height)
    bottom = min([t for t, b, _ in words if t > 0.9 * height], default=0.92 * height)
    body = [b for t, b, _ in words if top < b and t < bottom]
    return (max(body) - top) / (bottom - top) if body else 0.0


@pytest.mark.parametrize("edition", ["vi", "en"])
def test_no_booklet_page_is_under_a_third_full_but_before_a_new_page(real_site, edition):
    """Issue 19: 14 of the meeting's pages held under 700 characters, most of them an indicator
    with a few lines on a page of its own. Indicators now follow one another: a page may end
    early only where a part or a chapter other than an indicator's must open the next page (or
    at the booklet's end). Measured where the text reaches on the page (pdftotext -bbox)."""
    pdf = real_booklet(real_site)
    pdf = pdf if edition == "vi" else real_site.site_dir / "en" / pdf.name
    dataset = load_dataset(REAL_DATA)
    indicator_titles = [folded(spec[f"name_{edition}"]) for spec in dataset.indicators.values()]

    def opens_its_own_page(text: str) -> bool:
        if re.search(r"^(Phần|Part) [IVX]+ · ", text, re.M):
            return True
        title = re.search(r"^(?:Chương|Chapter) \d+\n+(.+)", text, re.M)
        # a long title wraps: its first line starts the indicator's name
        return bool(title) and not any(t.startswith(folded(title[1])) for t in indicator_titles)

    texts = pdf_text(pdf).split("\f")
    first_chapter = next(
        n for n, t in enumerate(texts) if re.search(r"^(Chương|Chapter) 1$", t, re.M)
    )
    pages = pdf_words(pdf)
    sparse = [
        (n + 1, round(page_fullness(*pages[n]), 2))
        for n in range(first_chapter, len(pages) - 1)
        if page_fullness(*pages[n]) < 1 / 3 and not opens_its_own_page(texts[n + 1])
    ]
    assert sparse == [], f"pages under a third full: {sparse}"


def test_the_scorecard_gives_the_page_each_indicator_starts_on(real_site):
    """On paper a link is invisible: each target's indicator is followed by its page, and that
    page (by its printed number) opens the indicator's chapter."""
    pdf = real_booklet(real_site)
    texts = pdf_text(pdf).split("\f")
    by_number = {
        int(m.group(1)): text for text in texts if (m := re.search(r"Trang (\d+)\s*$", text))
    }
    scorecard = folded(next(t for t in texts if "Từng mục tiêu" in t and "(tr. " in t))
    dataset = load_dataset(REAL_DATA)
    found = 0
    for indicator in set(dataset.targets["indicator"]):
        name = dataset.indicators[indicator]["name_vi"]
        match = re.search(re.escape(name) + r" \(tr\. (\d+)\)", scorecard)
        if match is None:
            continue  # on the scorecard's next page
        found += 1
        page = by_number[int(match.group(1))]
        assert re.search(r"^Chương \d+$", page, re.M) and name in folded(page), name
    assert found >= 10


def test_real_booklet_text_is_the_same_vietnamese_as_the_source(real_site):
    dataset = load_dataset(REAL_DATA)
    raw = pdf_text(real_booklet(real_site))
    assert unicodedata.is_normalized("NFC", raw)
    text = folded(raw)
    assert folded(dataset.programme["title_vi"]) in text
    for target in dataset.targets.itertuples():
        assert target.clause in text, target.clause
    # the hardest diacritics, each in a phrase of the booklet's own text
    for phrase in [
        "Ấn phẩm theo dõi thực hiện",
        "chuỗi số liệu",
        "xây dựng",
        "bền vững",
        "hạ tầng kỹ thuật",
    ]:
        assert phrase in text, phrase
    for word in ["Mục lục", "Chương 1", "Hình", "Trang 5", "tiếp theo trang trước"]:
        assert word in text, word
    for english in ["Contents", "continued from previous page", "Fig.", "Table "]:
        assert english not in text, english


def test_real_booklet_cover_carries_the_edition(real_site):
    cover = folded(pdf_text(real_booklet(real_site), 1, 1))
    assert "Số liệu tính đến ngày 24/11/2026" in cover
    assert "Bản in tạo ngày 25/11/2026" in cover  # the build date given as a parameter
    assert "Thủy Nguyên (Hải Phòng)" in cover and "Chương trình hành động số 42-CTr/HU" in cover
    assert "Đơn vị công bố: Nhóm theo dõi thực hiện Chương trình" in cover
    assert "CC BY 4.0" in cover
    # what a PDF viewer, a catalogue and a screen reader read from the file itself
    info = pdf_info(real_booklet(real_site))
    assert info["Title"] == (
        "Ấn phẩm theo dõi thực hiện Chương trình hành động số 42-CTr/HU, 24/11/2026"
    )
    assert info["Author"] == "Nhóm theo dõi thực hiện Chương trình"
    assert info["Subject"].startswith("Chương trình hành động của Ban Thường vụ Huyện ủy")
    assert pdf_language(real_booklet(real_site)) == "vi"


def test_the_english_edition_is_published_under_en_with_its_own_booklet(real_site):
    """Both editions from one build: the English pages and booklet in English words, numbers and
    dates, with the programme's quotes and source titles left in Vietnamese."""
    site = real_site.site_dir
    assert read_report(site)["languages"] == ["vi", "en"]
    page = page_text(site, "en/book/generated/indicator-urbanisation_rate.html")
    assert "Urbanisation rate" in page and "60–70%" in page and "24 Nov 2026" in page
    assert "Tỷ lệ đô thị hóa" not in page
    booklet = site / "en" / real_booklet(real_site).name
    cover = folded(pdf_text(booklet, 1, 1))
    assert "Figures as of 24 Nov 2026" in cover and "Printed edition of 25 Nov 2026" in cover
    assert (
        "Action Programme 42-CTr/HU" in cover and "Published by: Programme monitoring team" in cover
    )
    text = folded(pdf_text(booklet))
    for english in ["Contents", "Summary", "Urbanisation rate", "Source register"]:
        assert english in text, english
    assert "Mục lục" not in text and "Bảng tổng hợp" not in text
    assert 60 <= pdf_page_count(booklet) <= 140
    assert pdf_info(booklet)["Author"] == "Programme monitoring team"
    assert pdf_language(booklet) == "en"


def test_each_editions_home_page_offers_its_own_booklet(real_site):
    """Reviewers find the booklet from the home page; the site's header button only prints the
    web page."""
    from bs4 import BeautifulSoup

    site = real_site.site_dir
    for home, words in (("book/intro.html", "Bản in A4"), ("en/book/intro.html", "A4 booklet")):
        soup = BeautifulSoup((site / home).read_text("utf-8"), "html.parser")
        links = [a for a in soup.select("article a[href]") if a["href"].endswith(".pdf")]
        assert [a["href"] for a in links] == [f"../{real_booklet(real_site).name}"], home
        assert (site / home).parent.joinpath(links[0]["href"]).resolve().is_file()
        assert words in links[0].find_parent("p").get_text()


def test_real_booklet_has_the_scorecard_on_one_page_and_notes_space_for_tasks(real_site):
    pdf = real_booklet(real_site)
    pages = [folded(pdf_text(pdf, n, n)) for n in range(1, pdf_page_count(pdf) + 1)]
    dataset = load_dataset(REAL_DATA)
    scorecard = [i for i, page in enumerate(pages) if "Từng mục tiêu" in page and "Khoản" in page]
    assert scorecard, "no scorecard page"
    first_clause, last_clause = (
        dataset.targets["clause"].iloc[0],
        dataset.targets["clause"].iloc[-1],
    )
    page = pages[scorecard[0]]
    assert first_clause in page and last_clause in page and "còn tiếp ở trang sau" not in page
    notes = sum(page.count("Ghi chú của người dự họp") for page in pages)
    assert notes == len(dataset.programme["task_groups"])
    # each page says which edition it belongs to
    assert all("Tính đến 24/11/2026" in page for page in pages[1:])


def test_real_programme_reporting_date_before_later_sources(tmp_path):
    root = make_project(tmp_path)
    settings = BuildSettings(root, REAL_DATA, "2024-06-30", ("vi",))  # the English edition: above
    build(settings)
    changes = page_text(settings.site_dir, "book/generated/changes.html")
    assert "01/01/2025" not in changes  # the city did not exist yet on that date
    urban = page_text(settings.site_dir, "book/generated/targets-urban-development.html")
    assert "thành phố thuộc thành phố (01/01/2025)" not in urban
    assert "huyện (06/03/2024)" in urban and "… Chưa đạt, chưa đến hạn" in urban
    booklet = settings.site_dir / "42-CTr-HU-2024-06-30.pdf"  # the edition, in its file name
    assert "Số liệu tính đến ngày 30/06/2024" in folded(pdf_text(booklet, 1, 1))
    assert not list(settings.site_dir.glob("42-CTr-HU-2026-*.pdf"))


def test_chapters_run_in_parallel_and_come_back_in_plan_order(tmp_path):
    from programme_monitor.builder.build_report import BuildReport
    from programme_monitor.builder.execute import execute_chapters
    from programme_monitor.data.chapters import plan_chapters

    root = make_project(tmp_path)
    settings = BuildSettings(root, MINI, "2026-12-31", ("vi",), jobs=2)
    dataset = load_dataset(MINI)
    report = BuildReport("2026-12-31", "2026-12-31", ["vi"], False)
    execute_chapters(settings, dataset, report)
    outputs = [record.output for record in report.chapters]
    assert outputs == [run.output for run in plan_chapters(dataset, date(2026, 12, 31))]
    assert all(record.executed and record.seconds > 0 for record in report.chapters)
    assert all((settings.generated_dir("vi") / name).exists() for name in outputs)


def test_a_failing_chapter_in_a_worker_is_reported_by_name(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    import nbformat

    from programme_monitor.builder.execute import ChapterJob, _execute_one
    from programme_monitor.builder.settings import BuildFailed

    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}
    }
    params = nbformat.v4.new_code_cell("as_of = ''")
    params.metadata["tags"] = ["parameters"]
    notebook.cells = [params, nbformat.v4.new_code_cell("raise ValueError('hỏng')")]
    nbformat.write(notebook, tmp_path / "broken.ipynb")
    job = ChapterJob(
        str(tmp_path / "broken.ipynb"),
        str(tmp_path / "run"),
        "out.ipynb",
        {"as_of": "2026-01-01", "lang": "vi"},
    )
    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(BuildFailed) as caught:
        pool.submit(_execute_one, job).result()
    assert "out.ipynb" in str(caught.value) and "ValueError: hỏng" in str(caught.value)


@pytest.fixture(scope="module")
def second_programme_site(tmp_path_factory):
    """A second SYNTHETIC programme, built from its folder alone: tasks in section II (not III),
    no organisation section, no administrative changes, no task assessed yet, no column for its
    bodies' status after a change, Vietnamese only."""
    import re

    root = make_project(tmp_path_factory.mktemp("second"))
    data = shutil.copytree(MINI, root / "data")
    shutil.rmtree(data / "pages")  # no page of its own
    (data / "changes.yaml").unlink()
    (data / "task-assessments.csv").unlink()
    programme = (data / "programme.yaml").read_text("utf-8")
    programme = re.sub(r"organisation:\n(?:[ \t]+.*\n)*", "", programme)
    (data / "programme.yaml").write_text(programme.replace("clause: III.", "clause: II."), "utf-8")
    tasks = (data / "tasks.csv").read_text("utf-8").replace("III.", "II.")
    (data / "tasks.csv").write_text(re.sub(r",IV\.\d+,", ",,", tasks), "utf-8")
    bodies = (data / "bodies.csv").read_text("utf-8").splitlines()  # no status column at all
    (data / "bodies.csv").write_text("\n".join(b.rsplit(",", 1)[0] for b in bodies) + "\n", "utf-8")
    settings = BuildSettings(root, data, "2026-06-30", booklet=False)
    build(settings)
    return settings


def test_a_programme_without_optional_parts_shows_no_empty_section(second_programme_site):
    from bs4 import BeautifulSoup

    site = second_programme_site.site_dir
    for page in (site / "book" / "generated").glob("*.html"):
        article = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("article")
        for section in article.find_all("section"):
            content = [c for c in section.children if getattr(c, "name", None) or str(c).strip()]
            assert len(content) > 1, f"{page.name}: empty section {section.get('id')}"
    tasks = page_text(site, "book/generated/tasks.html")
    assert "Mục II của Chương trình có 2 nhiệm vụ trong 2 nhóm" in tasks
    assert "Tổ chức thực hiện" not in tasks and "mục IV" not in tasks and "căn cứ" not in tasks
    changes = page_text(site, "book/generated/changes.html")
    assert "Chưa ghi nhận thay đổi nào" in changes and "Các mốc thay đổi" not in changes
    assert "Về chương trình" not in (site / "book" / "intro.html").read_text("utf-8")


def _words_of_42_ctr_hu() -> list[str]:
    """What only the real programme's data says: its places, number, level, and its targets'
    statements (the test programme must show none of them)."""
    import csv

    with (REAL_DATA / "targets.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    statements = [row[f"statement_{lang}"] for row in rows for lang in ("vi", "en")]
    return ["Thủy Nguyên", "Thuỷ Nguyên", "Thuy Nguyen", "42-CTr", "Hải Phòng", "Hai Phong",
            "huyện", "district", "Việt Khê", *statements]  # fmt: skip


def _with_english(node):
    """A YAML node with an English twin, "<text> (EN)", beside every `_vi` text (SYNTHETIC)."""
    if isinstance(node, list):
        return [_with_english(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        out[key] = _with_english(value)
        if str(key).endswith("_vi"):
            out[key[:-3] + "_en"] = f"{value} (EN)" if isinstance(value, str) else value
    if "stages" in node:
        out["stages_en"] = [f"{stage} (EN)" for stage in node["stages"]]
    if "symbol_vi" in node:
        out["symbol_en"] = node["symbol_vi"]
    return out


def _bilingual_copy(source: Path, folder: Path) -> Path:
    """The synthetic programme published in Vietnamese and English: every YAML text and every
    `_vi` column of its CSV files gets its English twin."""
    import csv
    import io

    import yaml

    shutil.copytree(source, folder)
    for path in folder.glob("*.yaml"):
        data = _with_english(yaml.safe_load(path.read_text("utf-8")))
        if path.name == "programme.yaml":
            data["publication"]["languages"] = ["vi", "en"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for path in folder.glob("*.csv"):
        text = path.read_text("utf-8")
        rows, header = list(csv.DictReader(io.StringIO(text))), next(csv.reader(io.StringIO(text)))
        twins = [
            c[:-3] + "_en" for c in header if c.endswith("_vi") and c[:-3] + "_en" not in header
        ]
        for row in rows:
            row.update(
                {t: f"{row[t[:-3] + '_vi']} (EN)" if row[t[:-3] + "_vi"] else "" for t in twins}
            )
        out = io.StringIO()
        writer = csv.DictWriter(out, header + twins, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), "utf-8")
    for page in (folder / "pages").glob("*.md"):  # each hand-written page's English twin
        english = [
            f"{line} (EN)" if line.strip() else line
            for line in page.read_text("utf-8").splitlines()
        ]
        page.with_name(page.name.replace(".md", ".en.md")).write_text("\n".join(english), "utf-8")
    return folder


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory):
    """The synthetic programme in both editions, with both booklets."""
    root = make_project(tmp_path_factory.mktemp("bilingual"))
    data = _bilingual_copy(MINI, root / "data")
    settings = BuildSettings(root, data, "2026-06-30")
    build(settings)
    return settings


def test_another_programme_shows_none_of_42_ctr_hus_words(bilingual_site):
    """Both editions' sites, booklets and data packages of the synthetic programme, searched for
    the real one's words: everything a reader sees comes from the programme's own folder."""
    import zipfile

    site = bilingual_site.site_dir
    english = (site / "en" / "book" / "generated" / "overview.html").read_text("utf-8")
    assert (
        "Monitoring the implementation of Chương trình thử nghiệm TEST-01 (EN)</title>" in english
    )
    assert len(list(site.rglob("*.pdf"))) == 2
    texts = {str(p.relative_to(site)): page_text(site, str(p.relative_to(site)))
             for p in site.rglob("*.html")}  # fmt: skip
    for pdf in site.rglob("*.pdf"):
        texts[str(pdf.relative_to(site))] = pdf_text(pdf)
    for archive in site.rglob("*.zip"):
        with zipfile.ZipFile(archive) as package:
            for name in package.namelist():
                texts[f"{archive.name}/{name}"] = package.read(name).decode("utf-8", "replace")
    assert any(name.endswith(".pdf") for name in texts) and any(".zip/" in n for n in texts)
    found = {(name, word) for name, text in texts.items() for word in _words_of_42_ctr_hu()
             if word.casefold() in text.casefold()}  # fmt: skip
    assert not found, sorted(found)[:20]


def test_the_programmes_own_pages_are_published_in_each_edition(bilingual_site):
    """pages/introduction.md on the home page, pages/01-boi-canh.md a page of its own in the part
    "Về chương trình", each in its language, on the site and in the booklet."""
    site = bilingual_site.site_dir
    for prefix, intro, caption in [
        ("", "Đây là phần giới thiệu riêng của Chương trình thử nghiệm", "Về chương trình"),
        ("en/", "(SỐ LIỆU GIẢ): nó nằm trong thư mục (EN)", "About the programme"),
    ]:  # fmt: skip
        home = page_text(site, f"{prefix}book/intro.html")
        assert intro in " ".join(home.split())
        page = page_text(site, f"{prefix}book/generated/page-01-boi-canh.html")
        assert "Bối cảnh của Chương trình thử nghiệm" + (" (EN)" if prefix else "") in page
        assert caption in (site / f"{prefix}book/intro.html").read_text("utf-8")
    [booklet] = site.glob("TEST-01-*.pdf")
    assert "Vì sao có Chương trình" in " ".join(pdf_text(booklet).split())


def test_the_new_programme_folder_builds_as_it_is_into_a_sample(tmp_path):
    from programme_monitor.data.scaffold import write_scaffold

    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    write_scaffold(root / "data")
    settings = BuildSettings(root, root / "data", "2026-12-31")
    build(settings)
    intro = page_text(settings.site_dir, "book/intro.html")
    assert "«Chương trình hành động số … (MẪU)»" in intro
    [booklet] = settings.site_dir.glob("MAU-01-*.pdf")
    assert "MẪU" in pdf_text(booklet, 1, 1)


def test_the_site_offers_its_data_for_reuse(real_site):
    """Issue 20, point 6: each edition has an Atom feed of editions named in every page's head,
    and each indicator page offers its data as JSON, valid against the schema offered beside it,
    and its chart as SVG and PNG."""
    import json
    import xml.etree.ElementTree as ET

    import jsonschema

    site = real_site.site_dir
    dataset = load_dataset(REAL_DATA)
    for edition in ("", "en/"):
        feed = site / edition / "feed.xml"
        root = ET.fromstring(feed.read_bytes())
        links = [e.get("href") for e in root.iter("{http://www.w3.org/2005/Atom}link")]
        for href in links:
            if href != "feed.xml":
                assert (feed.parent / href).resolve().is_file(), (edition, href)
        page = (site / edition / "book/generated/indicator-urbanisation_rate.html").read_text()
        assert 'type="application/atom+xml"' in page and "../../feed.xml" in page
        assert '<meta property="og:title"' in page
    schemas = list(site.rglob("_downloads/*/indicator.schema.json"))
    assert schemas
    schema = json.loads(schemas[0].read_text("utf-8"))
    from programme_monitor.data.chapters import indicator_pages

    for indicator in indicator_pages(dataset):  # the context figures have no page of their own
        files = list(site.glob(f"_downloads/*/{indicator}.json"))
        assert files, indicator
        jsonschema.validate(json.loads(files[0].read_text("utf-8")), schema)
        assert list(site.glob(f"_downloads/*/{indicator}.png")) or not list(
            site.glob(f"_images/{indicator}.svg")
        ), indicator


def test_one_date_style_per_edition(real_site):
    """Issue 20: English pages mixed "Dec 02, 2026" (the theme's "last updated") with
    "2 Dec 2026"."""
    site = real_site.site_dir
    for page in ("en/book/intro.html", "en/book/generated/overview.html"):
        text = page_text(site, page)
        assert not re.search(r"\b[A-Z][a-z]{2} \d{2}, \d{4}\b", text), page
        assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", text), page
    assert not re.search(r"Cập nhật mới nhất", page_text(site, "book/intro.html"))
