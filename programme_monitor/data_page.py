"""The page "Dữ liệu và nguồn": the downloads of the edition and the codebook of the data files.

It writes the whole data package (one zip, and each table as CSV) into the page's downloads
folder, and describes every file's fields from the contract, so that the page and the package
can never disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.booklet import booklet_file_name
from programme_monitor.contract import TABLES, table_schema
from programme_monitor.data_package import package_files, write_zip
from programme_monitor.formatting import format_date, labels
from programme_monitor.markdown import markdown_table
from programme_monitor.site_footer import ANCHORS, citation

TYPE_NAMES = {"string": "văn bản", "number": "số", "integer": "số nguyên", "year": "năm",
              "date": "ngày", "boolean": "đúng/sai"}


def package_file_name(programme: dict, as_of: date) -> str:
    """'42-CTr-HU-2026-11-24-du-lieu.zip', beside the booklet's name."""
    return booklet_file_name(programme, as_of, "-du-lieu.zip")


def write_downloads(dataset, as_of: date, derived: dict, downloads_dir: Path) -> dict[str, str]:
    """Writes the package's zip and each of its files; returns name → path relative to the page."""
    title = f"{dataset.programme['short_title_vi']}: dữ liệu tính đến {as_of.isoformat()}"
    files = package_files(dataset, as_of, derived, "programme-monitor-data", title)
    links = {}
    for name, content in files.items():
        if name.startswith("schemas/") or name.endswith(".yaml"):
            continue  # inside the zip; the YAML files are the programme's sources, in the repository
        path = downloads_dir / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        links[name] = f"{downloads_dir.name}/data/{name}"
    archive = downloads_dir / package_file_name(dataset.programme, as_of)
    write_zip(archive, files)
    links["archive"] = f"{downloads_dir.name}/{archive.name}"
    return links


def publication_sections(dataset, as_of: date, lang: str = "vi") -> str:
    """How to cite, licence, contact and the editions: the footer of every page links here."""
    words = labels(lang)
    publication = dataset.programme["publication"]
    editions = "\n".join(f"- **{format_date(edition['date'])}**: {' '.join(edition['changes_vi'].split())}"
                         for edition in publication["editions"])
    sections = {
        "cite": citation(dataset.programme, as_of),
        "licence": " ".join(publication["licence_vi"].split())
        + f" Xem <{publication['licence_url']}>.",
        "contact": " ".join(publication["contact_vi"].split()),
        "editions": editions,
    }
    return "\n".join(f"({ANCHORS[name]})=\n## {words[f'heading_{name}']}\n\n{text}\n"
                     for name, text in sections.items())


def codebook(lang: str = "vi") -> str:
    """One table per CSV file: each field, its type, whether it must be filled, what it holds."""
    parts = []
    for table, filename in TABLES.items():
        schema = table_schema(table)
        rows = []
        for field in schema["fields"]:
            constraints = field.get("constraints", {})
            meaning = " ".join((field.get("description") or "").split())
            if constraints.get("enum"):
                meaning = (meaning + " " if meaning else "") + \
                    "Giá trị: " + ", ".join(f"`{v}`" for v in constraints["enum"]) + "."
            rows.append([f"`{field['name']}`", field.get("title", ""),
                         TYPE_NAMES.get(field.get("type", "string"), field.get("type", "")),
                         "bắt buộc" if constraints.get("required") else "",
                         meaning])
        key = ", ".join(schema.get("primaryKey", []))
        parts += [f"**`{filename}`: {schema.get('title', '')}**", "",
                  " ".join(schema.get("description", "").split()), "",
                  markdown_table(["Cột", "Tên", "Kiểu", "", "Nội dung"], rows), "",
                  f"Khóa (không trùng): {key}." if key else "", ""]
    return "\n".join(parts)
