"""The command line: `python -m programme_monitor build|check|template|import|new|archive`.

It parses arguments and calls a phase; the build itself (builder/) and the intake of keepers'
files (intake/) are imported only by the commands that need them, so `check` starts quickly.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path

from programme_monitor.assess.selection import resolve_as_of
from programme_monitor.common.yaml_text import parse_yaml
from programme_monitor.data.dataset import load_dataset
from programme_monitor.data.errors import DataErrors


def _iso_date(text: str) -> date:
    """A command-line date; a wrong one is refused with the form expected, not a traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-24)"
        ) from None


def template_command(args: argparse.Namespace) -> int:
    # Imported here: openpyxl is needed only by the intake.
    from programme_monitor.intake.spreadsheet import write_template

    try:
        write_template(load_dataset(Path(args.data)), Path(args.out))
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Đã tạo bảng tính mẫu {args.out}")
    return 0


def new_command(args: argparse.Namespace) -> int:
    """A new programme's folder, every file commented, to fill in."""
    from programme_monitor.data.scaffold import FolderNotEmpty, write_scaffold

    folder = Path(args.folder)
    try:
        written = write_scaffold(folder)
    except FolderNotEmpty:
        print(f"{folder} đã có tệp; chọn một thư mục mới hoặc thư mục trống.", file=sys.stderr)
        return 2
    print(f"Đã tạo {len(written)} tệp trong {folder}. Điền các chỗ «…» (xem {folder}/README.md); "
          f"make check DATA={folder} liệt kê những chỗ còn lại.")  # fmt: skip
    return 0


def import_command(args: argparse.Namespace) -> int:
    """A keeper's file into the data, or every problem of it and nothing written."""
    from programme_monitor.intake.importer import import_file
    from programme_monitor.intake.intake_words import IntakeWords
    from programme_monitor.intake.summary import refusal_text, summary_lines

    data_dir, words = Path(args.data), IntakeWords(args.lang)
    try:
        report = import_file(Path(args.file), data_dir, args.lang, dry_run=args.check)
    except DataErrors as exc:
        print(refusal_text(exc, data_dir, words), file=sys.stderr)
        return 2
    print("\n".join(summary_lines(report, data_dir, words)))
    return 0


def archive_command(args: argparse.Namespace) -> int:
    """Keep a published edition's data package in the programme's folder (editions/<date>/), for
    later editions to be compared with and for the site to offer again."""
    from programme_monitor.data.edition_archive import BOOKLETS_FOLDER, ArchiveError, write_edition
    from programme_monitor.pages.chapter import open_chapter
    from programme_monitor.pages.data_page import edition_package
    from programme_monitor.words.publication import booklet_file_name

    data_dir = Path(args.data)
    programme = declared_programme(data_dir) or {}
    declared = [
        edition["date"] for edition in (programme.get("publication") or {}).get("editions") or []
    ]
    # The root language's package: its labels are the programme's own words.
    languages = (programme.get("publication") or {}).get("languages") or ["vi"]
    as_of = resolve_as_of(args.as_of, programme)
    if as_of not in declared:
        listed = ", ".join(str(d) for d in declared) or "không có"
        print(f"{data_dir / 'programme.yaml'}, publication.editions: không có ấn bản ngày "
              f"{as_of} (đã khai: {listed}). Cách sửa: khai ấn bản trong programme.yaml trước khi "
              "lưu.", file=sys.stderr)  # fmt: skip
        return 2
    # The booklets built for this edition (make book AS_OF=…), kept beside its data.
    booklet = booklet_file_name(programme, as_of)
    site = Path(args.site)
    booklets = {
        f"{BOOKLETS_FOLDER}/{lang}.pdf": (site / ("" if i == 0 else f"{lang}/") / booklet)
        for i, lang in enumerate(languages)
    }
    found = {name: path.read_bytes() for name, path in booklets.items() if path.is_file()}
    try:
        package = edition_package(open_chapter(data_dir, str(as_of), languages[0]))
        written = write_edition(data_dir, as_of, {**package, **found})
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    except ArchiveError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Đã lưu ấn bản {as_of} vào {written}; các ấn bản sau được so sánh với ấn bản này.")
    if missing := [str(path) for name, path in booklets.items() if name not in found]:
        print(f"Không thấy bản in {', '.join(missing)}: dữ liệu được lưu không kèm bản in. Muốn "
              f"lưu cả bản in: make book AS_OF={as_of} trước khi lưu.")  # fmt: skip
    return 0


# The options of `build` and `check`: flag, then add_argument's keywords.
BUILD_OPTIONS = [
    ("--data", {"default": "data", "help": "programme data directory"}),
    ("--as-of", {"type": _iso_date, "help": "reporting date YYYY-MM-DD (default: the newest "
                 "edition in programme.yaml, publication.editions)"}),
    ("--lang", {"help": "editions to build, comma-separated, root first (default: all the "
                        "programme's languages, publication.languages)"}),
    ("--project", {"default": ".", "help": "project root (holds _config.yml)"}),
    ("--jobs", {"type": int, "default": os.cpu_count() or 1,
                "help": "notebooks executed at once (default: number of cores)"}),
    ("--no-pdf", {"action": "store_true", "help": "build the site only, not the printed booklet"}),
    ("--built-on", {"type": _iso_date,
                    "help": "date printed as 'built on', YYYY-MM-DD (default today)"}),
    ("--fresh-kernels", {"action": "store_true",
                         "help": "a new Python kernel for every chapter (slower; by default "
                                 "each worker keeps one kernel warm)"}),
    ("--scheduler", {"metavar": "ADDRESS",
                     "help": "run the chapters on the Dask cluster whose scheduler is at ADDRESS "
                             "(tcp://host:8786); its workers must see this project at the same "
                             "path (default: worker processes on this machine, --jobs)"}),
]  # fmt: skip


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m programme_monitor", description="Check the data and build the publication."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in [
        ("build", "check, execute chapters, build the site"),
        ("check", "only check the data files"),
    ]:
        command = sub.add_parser(name, help=text)
        for flag, options in BUILD_OPTIONS:
            command.add_argument(flag, **options)
    template = sub.add_parser("template", help="write the Excel template for observations")
    template.add_argument("--data", default="data", help="programme data directory")
    template.add_argument("--out", default="_build/mau-nhap-so-lieu.xlsx", help="template to write")
    new = sub.add_parser("new", help="write a new programme's folder to fill in")
    new.add_argument("folder", help="the folder to write (new or empty)")
    archive = sub.add_parser(
        "archive", help="keep a published edition's data in the folder (editions/<date>/)"
    )
    archive.add_argument("--data", default="data", help="programme data directory")
    archive.add_argument("--site", default="_build/html",
                         help="the built site holding the edition's booklets")  # fmt: skip
    archive.add_argument("--as-of", type=_iso_date, help="the edition (default: the newest "
                         "in programme.yaml, publication.editions)")  # fmt: skip
    intake = sub.add_parser(
        "import", help="add the figures of a keeper's file (.csv or .xlsx) to the data"
    )
    intake.add_argument("file", help="the keeper's file: CSV or .xlsx, any layout of columns")
    intake.add_argument("--data", default="data", help="programme data directory")
    intake.add_argument(
        "--check", action="store_true", help="dry run: report what would be stored, write nothing"
    )
    intake.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="language of the messages (default vi)")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "template":
        return template_command(args)
    if args.command == "import":
        return import_command(args)
    if args.command == "new":
        return new_command(args)
    if args.command == "archive":
        return archive_command(args)
    if args.command == "check":
        return check_command(Path(args.data))
    return build_command(args)


def check_command(data_dir: Path) -> int:
    from programme_monitor.data.area_codes import national_list_name

    try:
        dataset = load_dataset(data_dir.resolve())
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    print(
        f"Dữ liệu hợp lệ: {len(dataset.targets)} mục tiêu, {len(dataset.tasks)} nhiệm vụ, "
        f"{len(dataset.observations)} giá trị, {len(dataset.sources)} nguồn. Mã đơn vị hành "
        f"chính đối chiếu với danh mục {national_list_name()}."
    )
    from programme_monitor.data.scaffold import unfilled

    if places := unfilled(data_dir):
        print(f"Còn {len(places)} chỗ của mẫu cần điền (ấn phẩm vẫn ghi là MẪU):")
        print("\n".join(f"  - {file}, {where}: {text}" for file, where, text in places))
    return 0


def declared_programme(data_dir: Path) -> dict | None:
    """programme.yaml as written, for the editions it declares before the data is checked; None
    when it cannot be read (the check then says why)."""
    import yaml

    try:
        return parse_yaml((data_dir / "programme.yaml").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def build_command(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per chapter is enough
    # Imported here: the build's modules (papermill, Sphinx hooks) are not needed to check data.
    from programme_monitor.builder.pipeline import build
    from programme_monitor.builder.settings import BuildFailed, BuildSettings

    as_of = resolve_as_of(args.as_of, declared_programme(Path(args.data))).isoformat()
    settings = BuildSettings(
        Path(args.project).resolve(),
        Path(args.data).resolve(),
        as_of,
        tuple(args.lang.split(",")) if args.lang else None,
        args.jobs,
        booklet=not args.no_pdf,
        built_on=resolve_as_of(args.built_on),  # the same rule: a date, or today when not given
        fresh_kernels=args.fresh_kernels,
        scheduler=args.scheduler,
    )
    try:
        report = build(settings)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    except BuildFailed as exc:
        print(f"Chưa tạo ấn phẩm; trang đã đăng trước đó được giữ nguyên.\n{exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo {settings.site_dir / 'index.html'} (as_of {as_of}). {report.summary()}")
    return 0
